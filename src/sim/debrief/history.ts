/**
 * For a historical scenario: what really happened, beside the trainee's run.
 */
import type { ProcessPhase } from '../types';
import type { HistoryReport, Outcome } from './types';
import { phaseRank, type Run } from './run';
import { phaseReached } from './outcome';

export function compareHistory(run: Run, outcome: Outcome): HistoryReport | null {
  const h = run.scenario.history;
  if (!h) return null;
  const reached = phaseReached(run);
  const diff = phaseRank(reached) - phaseRank(h.phaseReached);
  const phaseAtEndOf = (turn: number): ProcessPhase | null => run.world.series.find((r) => r.turn === turn)?.phase ?? null;
  return {
    summary: h.summary,
    phaseReached: { run: reached, history: h.phaseReached, comparison: diff > 0 ? 'further' : diff < 0 ? 'shorter' : 'same' },
    outcome: { run: outcome, history: h.outcome },
    keyMoments: h.keyMoments.map((k) => ({ turn: k.turn, label: k.label, runPhase: phaseAtEndOf(k.turn) })),
  };
}
