/**
 * Norway's way, as positive marks (Smilde & Ramsey on the Norwegian facilitation): the parties own
 * the process, the mediator talks to everyone, keeps discretion, is impartial without being
 * neutral, and stays for the long haul.
 */
import type { Msg } from '../types';
import type { Hallmark, HallmarkId, SinVerdict } from './types';
import { caucusedBetween, heardBefore, movesOf, phaseAt, phaseRank, type Run } from './run';
import { caucusCounts, evenness } from './impartiality';
import { attentionImbalance, courtingCaucuses, criticalStatements, criticismWarranted, oneSidedPatrons, patronSide } from './sins/partiality';
import { unansweredWalkOuts } from './sins/impotence';
import { engagementWasRight } from './spoilers';
import { phaseReached } from './outcome';

const mark = (id: HallmarkId, earned: boolean, what: string, params: Msg['params'] = {}): Hallmark => ({
  id,
  earned,
  evidence: { key: `debrief.hallmark.${id}.${what}`, params },
});

/**
 * The sins (or the parts of them) each hallmark would contradict: a debrief never awards a mark
 * while naming the sin that belies it. Keys are evidence-key prefixes of `debrief.sin.*`.
 */
export const HALLMARK_CONTRADICTIONS: Record<HallmarkId, readonly string[]> = {
  ownership: ['debrief.sin.arrogance.'],
  talkToEveryone: ['debrief.sin.partiality.attention', 'debrief.sin.partiality.onePatronSide'],
  discretion: ['debrief.sin.falsePromises.unkeptOptimism'],
  impartialNotNeutral: ['debrief.sin.partiality.'],
  longTermCommitment: ['debrief.sin.impotence.walkOutUnanswered'],
};

/** Was every party heard (in caucus or face to face) in this phase, or earlier in the same turn, before this log position? */
function everyoneHeard(run: Run, index: number, turn: number): boolean {
  return run.parties.every((party) => heardBefore(run, party, index, turn));
}

/**
 * Parties own the process: the terms that carried (agenda, formulas and packages every party
 * accepted) came out of the parties' own talks — each was tabled after every party had been heard
 * (in caucus or face to face) in that phase — for at least half of them, and the
 * mediator never imposed terms (no arrogance).
 */
function ownership(run: Run, sins: readonly SinVerdict[]): Hallmark {
  const carried = run.proposals.filter((p) => p.accepted);
  const owned = carried.filter((p) => everyoneHeard(run, p.index, p.turn)).length;
  const total = carried.length;
  if (sins.find((s) => s.id === 'arrogance')?.committed) return mark('ownership', false, 'contradicted', { owned, total });
  const earned = total > 0 && owned * 2 >= total;
  return mark('ownership', earned, earned ? 'earned' : 'missed', { owned, total });
}

/** Parties that have at least one clear patron among the outside actors, and those of them whose patrons the mediator engaged. */
function patronSides(run: Run): { sides: string[]; engaged: string[] } {
  const sides = new Set<string>();
  for (const x of run.scenario.externals) {
    const side = patronSide(run, x.id);
    if (side) sides.add(side);
  }
  const engaged = new Set<string>();
  for (const m of movesOf(run, 'engageExternal')) {
    const side = patronSide(run, m.command.actor);
    if (side) engaged.add(side);
  }
  return { sides: [...sides], engaged: [...engaged] };
}

/**
 * Talk to everyone: every party heard, at least one faction engaged, an outside actor engaged and
 * every side's patrons among them; never while neglecting a party or courting one side's patrons.
 */
function talkToEveryone(run: Run): Hallmark {
  const counts = caucusCounts(run);
  const heard = run.parties.filter((p) => counts[p]! > 0).length;
  const factions = new Set(movesOf(run, 'engageSpoiler').map((m) => m.command.faction)).size;
  const externals = new Set(movesOf(run, 'engageExternal').map((m) => m.command.actor)).size;
  const needExternal = run.scenario.externals.length > 0;
  const patrons = patronSides(run);
  const params = { heard, parties: run.parties.length, factions, externals, sides: patrons.engaged.length, patronSides: patrons.sides.length };
  if (attentionImbalance(run).length > 0 || oneSidedPatrons(run).length > 0) return mark('talkToEveryone', false, 'contradicted', params);
  const earned = heard === run.parties.length && factions > 0 && (externals > 0 || !needExternal) && patrons.engaged.length === patrons.sides.length;
  return mark('talkToEveryone', earned, earned ? 'earned' : 'missed', params);
}

/** Public statements allowed for discretion: one per five turns played, at least one. */
export function statementAllowance(turns: number): number {
  return Math.max(1, Math.floor(turns / 5));
}

/**
 * Discretion (Norway's non-disclosure): the talks stayed confidential — no leak at all — and the
 * mediator made no statement during the confidential exploratory contacts, no showy optimism, and
 * few statements overall. A leak by others costs the mark (the talks did not stay confidential) but
 * is no sin of the mediator's.
 */
function discretion(run: Run): Hallmark {
  const statements = movesOf(run, 'publicStatement');
  const early = statements.filter((m) => phaseAt(run, m.index) === 'exploratory').length;
  const optimistic = statements.filter((m) => m.command.tone === 'optimistic').length;
  const allowed = statementAllowance(run.lastTurn);
  const leaks = run.events.filter((e) => e.effect.kind === 'leak').length;
  const params = { statements: statements.length, allowed, early, optimistic, leaks };
  const kept = early === 0 && optimistic === 0 && statements.length <= allowed;
  if (kept && leaks > 0) return mark('discretion', false, 'leaked', params);
  return mark('discretion', kept, kept ? 'earned' : 'missed', params);
}

/** Attention counts as balanced when the least-heard party got at least half the caucuses of the most-heard. */
export const BALANCED_ATTENTION = 0.5;

/**
 * Impartial, not neutral: even-handed attention, no partiality sin, and yet firm when warranted —
 * a critical statement right after a party gave cause, or coercing/isolating a total spoiler.
 */
function impartialNotNeutral(run: Run, partiality: SinVerdict | undefined): Hallmark {
  // Shuttle visits to a party that walked out are no favour (as for partiality).
  const courting = Object.fromEntries(run.parties.map((p) => [p, 0]));
  for (const m of courtingCaucuses(run)) if (m.command.party in courting) courting[m.command.party]!++;
  const counts = Object.values(courting);
  const balance = counts.every((c) => c > 0) ? evenness(counts) : 0;
  const firmStatements = criticalStatements(run).filter((m) => criticismWarranted(run, m)).length;
  const firmSpoilers = movesOf(run, 'engageSpoiler').filter(
    (m) => (m.command.approach === 'coerce' || m.command.approach === 'isolate') && engagementWasRight(run, m),
  ).length;
  const firmness = firmStatements + firmSpoilers;
  const params = { balance: Math.round(balance * 100), firmness };
  if (partiality?.committed) return mark('impartialNotNeutral', false, 'contradicted', params);
  const earned = balance >= BALANCED_ATTENTION && firmness > 0;
  return mark('impartialNotNeutral', earned, earned ? 'earned' : 'missed', params);
}

/**
 * Long-term commitment: the mediator kept working (went to see those who left) through a suspension
 * until they came back, or carried the process into monitoring.
 */
function longTermCommitment(run: Run): Hallmark {
  // Leaving a party that walked out alone belies the mark, whatever else held.
  const unanswered = unansweredWalkOuts(run).length;
  if (unanswered > 0) return mark('longTermCommitment', false, 'contradicted', { unanswered });
  let weathered = 0;
  run.phaseChanges.forEach((c) => {
    if (c.to !== 'suspended') return;
    const back = run.phaseChanges.find((d) => d.index > c.index && d.from === 'suspended' && phaseRank(d.to) >= 0 && d.to !== 'concluded');
    // Working through it means going to the parties that walked out (any party if the log does not say who).
    const left = run.walkOuts.filter((w) => w.index < c.index && w.turn === c.turn).map((w) => w.party);
    const visit = left.length > 0 ? left : run.parties;
    if (back && visit.some((p) => caucusedBetween(run, p, c.index, back.index))) weathered++;
  });
  if (weathered > 0) return mark('longTermCommitment', true, 'returned', { suspensions: weathered });
  if (phaseRank(phaseReached(run)) >= phaseRank('monitoring')) return mark('longTermCommitment', true, 'monitoring');
  return mark('longTermCommitment', false, 'missed');
}

export function assessHallmarks(run: Run, sins: readonly SinVerdict[]): Hallmark[] {
  return [
    ownership(run, sins),
    talkToEveryone(run),
    discretion(run),
    impartialNotNeutral(
      run,
      sins.find((s) => s.id === 'partiality'),
    ),
    longTermCommitment(run),
  ];
}
