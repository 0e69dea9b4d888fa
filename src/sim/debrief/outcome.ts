/**
 * How far the process got and how it ended: the outcome category, the furthest phase, the phase
 * at the end of each turn, and when each phase was first entered.
 */
import type { Msg, MsgParams, PhaseId, ProcessPhase } from '../types';
import type { Ending, Outcome } from './types';
import { MAIN_PHASES, firstEntries, phaseRank, type Run } from './run';
import { endCause } from '../rules/ending';

/** Furthest of the five phases ever entered (concluded counts as monitoring completed). */
export function phaseReached(run: Run): PhaseId {
  let best = 0;
  const consider = (p: ProcessPhase) => {
    best = Math.max(best, Math.min(phaseRank(p), MAIN_PHASES.length - 1));
  };
  consider(run.world.phase);
  for (const p of Object.keys(run.world.phaseEntered) as ProcessPhase[]) consider(p);
  for (const c of run.phaseChanges) consider(c.to);
  for (const r of run.world.series) consider(r.phase);
  return MAIN_PHASES[best]!;
}

/** Issues whose current formula every party has accepted. */
export function agreedIssues(run: Run): string[] {
  return Object.values(run.world.issues)
    .filter((i) => i.formula && run.parties.every((p) => i.formula!.acceptedBy.includes(p)))
    .map((i) => i.id);
}

/**
 * The outcome, best category first, saying what happened:
 *  - durable: signed, implemented and verified (concluded);
 *  - notImplemented: signed (monitoring began) but it did not hold to the end;
 *  - collapsed: the game is over and nothing was signed — time ran out, the parties left for good
 *    or the process broke down — whatever terms had been accepted on the way (an unsigned deal is
 *    no agreement; the debrief still shows those terms under `agreement`);
 *  - for a run stopped mid-way (the trainee quit): suspended when a party is away from the table,
 *    partial when terms every party accepted are on the table but not yet signed, else collapsed.
 */
export function computeOutcome(run: Run): Outcome {
  const { world } = run;
  if (world.phase === 'concluded') return 'durable';
  const reached = phaseRank(phaseReached(run));
  // Monitoring began, so an agreement was signed but it did not hold to the end.
  if (reached >= phaseRank('monitoring')) return 'notImplemented';
  if (run.finished) return 'collapsed';
  if (world.phase === 'suspended') return 'suspended';
  if (agreedIssues(run).length > 0) return 'partial';
  return 'collapsed';
}

/**
 * How the game ended, in one word, from the engine's end cause (rules/ending.ts): concluded; broken
 * (signed, then not implemented); timedOut (the time for an agreement ran out before every party
 * signed); walkedOut (the process collapsed with a party away from the table); exhausted (it
 * collapsed otherwise); inProgress (not over).
 */
export function computeEnding(run: Run): { id: Ending; turn: number | null; line: Msg } {
  const { world } = run;
  const end = run.phaseChanges.findLast((c) => c.to === 'concluded' || c.to === 'collapsed');
  const turn = end?.turn ?? (run.finished ? run.lastTurn : null);
  const agreed = agreedIssues(run).length;
  const agenda = world.agenda?.length ?? 0;
  const signed = run.parties.filter((p) => world.signatures[p]).length;
  const cause = endCause(run.scenario, world);
  const id: Ending = (() => {
    if (cause === null) return 'inProgress';
    if (cause === 'concluded') return 'concluded';
    // Signed and then not held, whatever closed it after the signature.
    if (cause === 'violations' || phaseRank(phaseReached(run)) >= phaseRank('monitoring')) return 'broken';
    if (cause === 'turnLimit') return 'timedOut';
    return cause === 'exhausted' ? 'exhausted' : 'walkedOut';
  })();
  const params: MsgParams = { agreed, agenda, signed, parties: run.parties.length };
  if (turn !== null) params.turn = turn;
  return { id, turn, line: { key: `debrief.ending.${id}`, params } };
}

/** The phase at the end of each turn, from the world's per-turn records. */
export function timeline(run: Run): { turn: number; phase: ProcessPhase }[] {
  return run.world.series.map((r) => ({ turn: r.turn, phase: r.phase }));
}

/** First turn each phase (including suspended/concluded/collapsed) was entered. */
export function phaseEntries(run: Run): Partial<Record<ProcessPhase, number>> {
  const out: Partial<Record<ProcessPhase, number>> = {};
  for (const [phase, at] of Object.entries(firstEntries(run)) as [ProcessPhase, { turn: number }][]) out[phase] = at.turn;
  return out;
}
