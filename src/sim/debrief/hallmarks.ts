/**
 * Norway's way, as positive marks (Smilde & Ramsey on the Norwegian facilitation): the parties own
 * the process, the mediator talks to everyone, keeps discretion, is impartial without being
 * neutral, and stays for the long haul.
 */
import type { Msg } from '../types';
import type { Hallmark, HallmarkId, SinVerdict } from './types';
import { caucusedBetween, movesOf, phaseAt, phaseRank, phaseStartIndex, type Run } from './run';
import { caucusCounts, evenness } from './impartiality';
import { criticalStatements, criticismWarranted } from './sins/partiality';
import { engagementWasRight } from './spoilers';
import { phaseReached } from './outcome';

const mark = (id: HallmarkId, earned: boolean, what: string, params: Msg['params'] = {}): Hallmark => ({
  id,
  earned,
  evidence: { key: `debrief.hallmark.${id}.${what}`, params },
});

/**
 * Parties own the process: most proposals were accepted, and were tabled only after every party
 * had been heard in caucus in that phase (the terms came out of the parties' own talks).
 */
function ownership(run: Run): Hallmark {
  const total = run.proposals.length;
  const owned = run.proposals.filter((p) => {
    const start = phaseStartIndex(run, p.index);
    return p.accepted && run.parties.every((party) => caucusedBetween(run, party, start, p.index));
  }).length;
  const earned = total > 0 && owned / total > 0.5;
  return mark('ownership', earned, earned ? 'earned' : 'missed', { owned, total });
}

/** Talk to everyone: every party caucused, at least one faction and one outside actor engaged. */
function talkToEveryone(run: Run): Hallmark {
  const counts = caucusCounts(run);
  const heard = run.parties.filter((p) => counts[p]! > 0).length;
  const factions = new Set(movesOf(run, 'engageSpoiler').map((m) => m.command.faction)).size;
  const externals = new Set(movesOf(run, 'engageExternal').map((m) => m.command.actor)).size;
  const needExternal = run.scenario.externals.length > 0;
  const earned = heard === run.parties.length && factions > 0 && (externals > 0 || !needExternal);
  return mark('talkToEveryone', earned, earned ? 'earned' : 'missed', { heard, parties: run.parties.length, factions, externals });
}

/** Public statements allowed for discretion: one per five turns played, at least one. */
export function statementAllowance(turns: number): number {
  return Math.max(1, Math.floor(turns / 5));
}

/**
 * Discretion (Norway's non-disclosure): no statement during the confidential exploratory contacts,
 * no showy optimism, and few statements overall. Leaks by spoilers are beyond the mediator and do
 * not count against it.
 */
function discretion(run: Run): Hallmark {
  const statements = movesOf(run, 'publicStatement');
  const early = statements.filter((m) => phaseAt(run, m.index) === 'exploratory').length;
  const optimistic = statements.filter((m) => m.command.tone === 'optimistic').length;
  const allowed = statementAllowance(run.lastTurn);
  const earned = early === 0 && optimistic === 0 && statements.length <= allowed;
  return mark('discretion', earned, earned ? 'earned' : 'missed', { statements: statements.length, allowed, early, optimistic });
}

/** Attention counts as balanced when the least-heard party got at least half the caucuses of the most-heard. */
export const BALANCED_ATTENTION = 0.5;

/**
 * Impartial, not neutral: even-handed attention, no partiality sin, and yet firm when warranted —
 * a critical statement right after a party gave cause, or coercing/isolating a total spoiler.
 */
function impartialNotNeutral(run: Run, partiality: SinVerdict | undefined): Hallmark {
  const counts = Object.values(caucusCounts(run));
  const balance = counts.every((c) => c > 0) ? evenness(counts) : 0;
  const firmStatements = criticalStatements(run).filter((m) => criticismWarranted(run, m)).length;
  const firmSpoilers = movesOf(run, 'engageSpoiler').filter(
    (m) => (m.command.approach === 'coerce' || m.command.approach === 'isolate') && engagementWasRight(run, m),
  ).length;
  const firmness = firmStatements + firmSpoilers;
  const earned = balance >= BALANCED_ATTENTION && !partiality?.committed && firmness > 0;
  return mark('impartialNotNeutral', earned, earned ? 'earned' : 'missed', { balance: Math.round(balance * 100), firmness });
}

/**
 * Long-term commitment: the mediator kept working (went to see those who left) through a suspension
 * until they came back, or carried the process into monitoring.
 */
function longTermCommitment(run: Run): Hallmark {
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
    ownership(run),
    talkToEveryone(run),
    discretion(run),
    impartialNotNeutral(run, sins.find((s) => s.id === 'partiality')),
    longTermCommitment(run),
  ];
}
