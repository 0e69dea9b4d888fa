/**
 * Partiality: the parties must see the mediator as an honest broker. Lopsided attention,
 * one-sided public criticism and courting only one side's patrons all read as taking sides.
 */
import type { Sin } from '../types';
import { awayAt, factionParty, movesOf, nameOf, type MoveOf, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** Caucus imbalance that counts as favouritism: most/least caucused ≥ this, over at least MIN_CAUCUSES. */
export const ATTENTION_RATIO = 2.5;
export const MIN_CAUCUSES = 4;

function ratio(counts: number[]): number {
  const hi = Math.max(...counts);
  const lo = Math.min(...counts);
  return lo === 0 ? (hi === 0 ? 1 : Infinity) : hi / lo;
}

/** The engine's result for a visit to a party that had walked out. */
export const SHUTTLE_KEY = 'move.caucus.shuttle';

/**
 * Caucuses that give a party the mediator's attention at the table: a visit to a party that has
 * walked out (shuttle diplomacy to bring it back) is the mediator's duty, not favour.
 */
export function courtingCaucuses(run: Run): MoveOf<'caucus'>[] {
  return movesOf(run, 'caucus').filter((m) => m.result.key !== SHUTTLE_KEY && !awayAt(run, m.command.party, m.index));
}

/** Caucuses that deepened a standing imbalance, when the imbalance is still there at the end. */
export function attentionImbalance(run: Run): Finding[] {
  if (run.parties.length < 2) return [];
  const counts: Record<string, number> = Object.fromEntries(run.parties.map((p) => [p, 0]));
  const caucuses = courtingCaucuses(run).filter((m) => m.command.party in counts);
  const turns: number[] = [];
  for (const m of caucuses) {
    counts[m.command.party]!++;
    const values = Object.values(counts);
    const total = values.reduce((a, b) => a + b, 0);
    if (total >= MIN_CAUCUSES && ratio(values) >= ATTENTION_RATIO && counts[m.command.party] === Math.max(...values)) turns.push(m.turn);
  }
  const values = Object.values(counts);
  const total = values.reduce((a, b) => a + b, 0);
  if (total < MIN_CAUCUSES || ratio(values) < ATTENTION_RATIO) return [];
  const sorted = [...run.parties].sort((a, b) => counts[b]! - counts[a]!);
  const favoured = sorted[0]!;
  const neglected = sorted[sorted.length - 1]!;
  const params = { favoured: nameOf(run, favoured), neglected: nameOf(run, neglected), favouredCount: counts[favoured]!, neglectedCount: counts[neglected]! };
  const at = [...new Set(turns.length ? turns : [caucuses[caucuses.length - 1]!.turn])];
  return at.map((t) => finding('partiality', 'attention', t, params));
}

/**
 * A critical statement is warranted when the party had just given cause (this or the previous two
 * turns): one of its factions struck, it walked out, or it rejected a proposal.
 */
export function criticismWarranted(run: Run, m: MoveOf<'publicStatement'>): boolean {
  const party = m.command.party;
  if (!party) return false;
  const recent = (turn: number, index: number) => index < m.index && turn >= m.turn - 2;
  const struck = run.events.some((e) => recent(e.turn, e.index) && e.effect.kind === 'spoiler' && factionParty(run, e.effect.faction) === party);
  const walked = run.walkOuts.some((w) => w.party === party && recent(w.turn, w.index));
  const rejected = run.proposals.some((p) => p.rejectedBy.includes(party) && recent(p.decidedTurn, p.decidedIndex));
  return struck || walked || rejected;
}

export function criticalStatements(run: Run): MoveOf<'publicStatement'>[] {
  return movesOf(run, 'publicStatement').filter((m) => m.command.tone === 'critical' && !!m.command.party);
}

/** Criticism aimed at one party only — repeatedly, or without cause. One warranted rebuke is fair. */
function oneSidedCriticism(run: Run): Finding[] {
  const critical = criticalStatements(run);
  const targets = new Set(critical.map((m) => m.command.party!));
  if (run.parties.length < 2 || targets.size !== 1) return [];
  if (critical.length < 2 && critical.every((m) => criticismWarranted(run, m))) return [];
  return critical.map((m) => finding('partiality', 'oneSidedCriticism', m.turn, { party: nameOf(run, m.command.party!), count: critical.length }));
}

/**
 * The side an outside actor backs: the party it supports most, if clearly (by MARGIN over the next
 * and positively). Guarantors and groups that back the process, not a side, have none.
 */
const PATRON_MARGIN = 20;
export function patronSide(run: Run, actor: string): string | null {
  const def = run.scenario.externals.find((x) => x.id === actor);
  const support = def?.support ?? run.world.externals[actor]?.support ?? {};
  const ranked = run.parties.map((p) => ({ p, s: support[p] ?? 0 })).sort((a, b) => b.s - a.s);
  const top = ranked[0];
  const next = ranked[1]?.s ?? 0;
  return top && top.s > 0 && top.s - next >= PATRON_MARGIN ? top.p : null;
}

/** Courting one side's patrons while the other side's patrons were never engaged. */
export function oneSidedPatrons(run: Run): Finding[] {
  const engaged = movesOf(run, 'engageExternal');
  const sides = new Set(engaged.map((m) => patronSide(run, m.command.actor)).filter((s): s is string => s !== null));
  if (sides.size !== 1) return [];
  const side = [...sides][0]!;
  const ignored = run.scenario.externals.filter((x) => {
    const s = patronSide(run, x.id);
    return s !== null && s !== side;
  });
  if (ignored.length === 0) return [];
  return engaged
    .filter((m) => patronSide(run, m.command.actor) === side)
    .map((m) =>
      finding('partiality', 'onePatronSide', m.turn, {
        party: nameOf(run, side),
        actor: nameOf(run, m.command.actor),
        ignored: ignored.map((x) => x.name).join(', '),
      }),
    );
}

export const PARTIALITY: SinDetector = { id: 'partiality', checks: [attentionImbalance, oneSidedCriticism, oneSidedPatrons] };

export const detectPartiality = (run: Run): Sin => detect(PARTIALITY, run);
