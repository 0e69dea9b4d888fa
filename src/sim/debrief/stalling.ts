/**
 * Dialogue used to stall: a party whose hidden intent was to play for time is exposed in the
 * debrief, with whether the mediator saw through it (studying history reveals it).
 */
import type { StallingReport } from './types';
import { movesOf, type Run } from './run';

export function exposeStalling(run: Run): StallingReport[] {
  const detected = run.world.knowledge.history || movesOf(run, 'studyHistory').length > 0;
  return run.parties.filter((p) => run.world.parties[p]!.intent === 'stalling').map((party) => ({ party, detected }));
}
