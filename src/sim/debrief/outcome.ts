/**
 * How far the process got and how it ended: the outcome category, the furthest phase, the phase
 * at the end of each turn, and when each phase was first entered.
 */
import type { PhaseId, ProcessPhase } from '../types';
import type { Outcome } from './types';
import { MAIN_PHASES, firstEntries, phaseRank, type Run } from './run';

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
 * The outcome, best category first. A run stopped in an active phase (the trainee quit) is judged
 * by what it achieved; with nothing achieved it counts as collapsed (no agreement came of it).
 */
export function computeOutcome(run: Run): Outcome {
  const { world } = run;
  if (world.phase === 'concluded') return 'durable';
  const reached = phaseRank(phaseReached(run));
  // Monitoring began, so an agreement was signed but it did not hold to the end.
  if (reached >= phaseRank('monitoring')) return 'notImplemented';
  if (reached >= phaseRank('agreements') || agreedIssues(run).length > 0) return 'partial';
  if (world.phase === 'suspended') return 'suspended';
  return 'collapsed';
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
