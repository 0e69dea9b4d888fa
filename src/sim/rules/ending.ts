/**
 * Why a game ended, decided once for every reader (the table's end line, the debrief, the
 * authoring trace and balance report): the rule of the statechart that closed the process.
 */
import type { Scenario } from '../../scenario/schema';
import type { World } from '../types';

/**
 * - concluded: compliance held for the monitoring turns;
 * - violations: a signed agreement broke down (three violations in monitoring);
 * - allWalkedOut: every party left the table;
 * - turnLimit: the time for an agreement ran out (suspended or not);
 * - suspendedTooLong: a party stayed away longer than the scenario allows;
 * - exhausted: it collapsed otherwise (no rule of a played game does; a world made by hand can).
 */
export const END_CAUSES = ['concluded', 'violations', 'allWalkedOut', 'turnLimit', 'suspendedTooLong', 'exhausted'] as const;
export type EndCause = (typeof END_CAUSES)[number];

/** The cause, or null while the game goes on. The order follows the statechart's guards. */
export function endCause(s: Scenario, w: World): EndCause | null {
  if (w.phase === 'concluded') return 'concluded';
  if (w.phase !== 'collapsed') return null;
  if (w.violations >= 3) return 'violations';
  const parties = Object.values(w.parties);
  if (parties.length > 0 && parties.every((p) => p.seat === 'walkedOut')) return 'allWalkedOut';
  if (w.expired || w.turn >= s.turnLimit) return 'turnLimit';
  if (w.suspendedTurns > s.thresholds.suspendedMaxTurns) return 'suspendedTooLong';
  return 'exhausted';
}
