/**
 * Agreement quality (Fisher & Ury: did the deal create the value the issue space allowed?) and
 * balance (did one side carry the cost?), measured with the parties' hidden interests.
 */
import type { IssuePosition } from '../../scenario/schema';
import type { AgreementReport } from './types';
import { agreedIssues } from './outcome';
import type { Run } from './run';

/**
 * A party's utility for value x on one issue: 1 at its ideal point, 0 at its reservation (red
 * line), linear between and beyond, capped at 1 (going past the ideal, away from the red line,
 * is no better than the ideal). Negative past the red line. When ideal and red line coincide the
 * party accepts only that point: one step away already costs a full unit.
 */
export function utility(pos: Pick<IssuePosition, 'ideal' | 'reservation'>, x: number): number {
  const span = pos.ideal - pos.reservation;
  const u = span === 0 ? 1 - Math.abs(x - pos.ideal) : Math.min(1, (x - pos.reservation) / span);
  return u === 0 ? 0 : u; // no -0 at the red line
}

/**
 * Each party's weights over the agreed issues, normalised to sum to 1 (its value is a weighted
 * average). A party with no stated weight on them counts them equally; a party with no position
 * on any of them has no stake and is left out.
 */
function partyShares(run: Run, issues: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const party of run.parties) {
    const held = issues.filter((i) => run.scenario.issues.find((d) => d.id === i)?.positions[party]);
    if (held.length === 0) continue;
    const w = held.map((i) => run.scenario.issues.find((d) => d.id === i)!.positions[party]!.weight);
    const total = w.reduce((a, b) => a + b, 0);
    out[party] = Object.fromEntries(held.map((i, k) => [i, total > 0 ? w[k]! / total : 1 / held.length]));
  }
  return out;
}

/**
 * The joint value contributed by one issue at value x: Σ over parties of share × utility. Because
 * each party's value is a weighted *average* with weights fixed by the set of agreed issues, the
 * joint value is a sum of such per-issue terms, so each issue can be optimised on its own.
 * Returned as a function of x with the issue's lookups done once: the search below calls it ~100 times.
 */
function issueJoint(run: Run, shares: Record<string, Record<string, number>>, issue: string): (x: number) => number {
  const def = run.scenario.issues.find((d) => d.id === issue)!;
  const terms: { pos: IssuePosition; share: number }[] = [];
  for (const [party, share] of Object.entries(shares)) {
    const pos = def.positions[party];
    if (pos && share[issue] !== undefined) terms.push({ pos, share: share[issue]! });
  }
  return (x) => {
    let sum = 0;
    for (const t of terms) sum += t.share * utility(t.pos, x);
    return sum;
  };
}

/** Does x respect every party's red line on this issue (utility ≥ 0 for all)? As a function of x, like issueJoint. */
function withinRedLines(run: Run, issue: string): (x: number) => boolean {
  const def = run.scenario.issues.find((d) => d.id === issue)!;
  const lines = run.parties.map((p) => def.positions[p]).filter((pos): pos is IssuePosition => !!pos);
  return (x) => lines.every((pos) => utility(pos, x) >= 0);
}

/**
 * The best value of one issue for the joint value, inside every party's red lines (the zone of
 * possible agreement: a better deal must be one the parties could accept); an issue with no such
 * zone is searched whole. The per-issue joint is a sum of concave piecewise-linear utilities, so
 * its maximum lies on the 0..100 grid, on an ideal point or on a red line; we search all of them.
 */
function bestValue(run: Run, shares: Record<string, Record<string, number>>, issue: string): { value: number; joint: number } {
  const def = run.scenario.issues.find((d) => d.id === issue)!;
  const positions = Object.values(def.positions);
  const all: number[] = [];
  for (let x = 0; x <= 100; x++) all.push(x);
  for (const p of positions) all.push(p.ideal);
  for (const p of positions) all.push(p.reservation);
  const inZone = withinRedLines(run, issue);
  const zoned = all.some(inZone);
  const jointAt = issueJoint(run, shares, issue);
  // The first candidate with the highest joint (the first candidate if none beats -Infinity).
  // One pass, no filtered copy nor object per improvement: this runs for every agreed issue of every game.
  let value = NaN;
  let joint = -Infinity;
  let first = true;
  for (const x of all) {
    if (zoned && !inZone(x)) continue;
    if (first) value = x;
    first = false;
    const j = jointAt(x);
    if (j > joint) {
      value = x;
      joint = j;
    }
  }
  return { value, joint };
}

/** Lowest party value / highest party value, 0..1 (0 when anyone is at or below its red line). */
export function balanceOf(values: number[]): number {
  if (values.length === 0) return 0;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi <= 0 || lo <= 0) return 0;
  return lo / hi;
}

/** The agreement on the formulas accepted by all; null when nothing was agreed. */
export function analyseAgreement(run: Run): AgreementReport | null {
  const issues = agreedIssues(run).filter((i) => run.scenario.issues.some((d) => d.id === i));
  if (issues.length === 0) return null;
  const terms = Object.fromEntries(issues.map((i) => [i, run.world.issues[i]!.formula!.value]));
  const shares = partyShares(run, issues);

  const partyValues: Record<string, number> = {};
  for (const [party, share] of Object.entries(shares)) {
    partyValues[party] = issues.reduce((sum, i) => {
      const pos = run.scenario.issues.find((d) => d.id === i)!.positions[party];
      return pos && share[i] !== undefined ? sum + share[i]! * utility(pos, terms[i]!) : sum;
    }, 0);
  }

  // Joint value summed issue by issue, the same way as its maximum, so equal terms give exactly 1.
  let joint = 0;
  let maxJoint = 0;
  const bestTerms: Record<string, number> = {};
  for (const i of issues) {
    joint += issueJoint(run, shares, i)(terms[i]!);
    const best = bestValue(run, shares, i);
    maxJoint += best.joint;
    bestTerms[i] = best.value;
  }
  const quality = maxJoint > 0 ? Math.min(1, joint / maxJoint) : joint >= maxJoint ? 1 : 0;
  const agenda = run.world.agenda ?? [];
  return {
    issues,
    terms,
    complete: agenda.length > 0 && agenda.every((i) => issues.includes(i)),
    partyValues,
    joint,
    maxJoint,
    quality,
    balance: balanceOf(Object.values(partyValues)),
    bestTerms,
  };
}
