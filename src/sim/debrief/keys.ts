/**
 * The result-message keys the debrief reads from the engine's log. The engine logs every move
 * with a `result: Msg`; the debrief recognises outcomes only through these keys, so they are the
 * contract between the two. A key also matches any longer key below it ("a.b" matches "a.b.c"),
 * so the engine may refine a reason (e.g. `move.proposeNextPhase.refused.criteria`).
 */
import type { Msg } from '../types';

export const RESULT_KEYS = {
  /** proposeNextPhase refused because the phase's exit criteria do not hold (haste). */
  nextPhaseRefused: 'move.proposeNextPhase.refused',
  /** jointSession without enough mutual trust: mutual trust falls (haste). */
  jointBackfired: 'move.jointSession.backfired',
  /** proposeAgenda/Formula/Package rejected by at least one party. */
  proposalRejected: 'move.proposal.rejected',
  /** proposeAgenda/Formula/Package accepted by every party. */
  proposalAccepted: 'move.proposal.accepted',
  /** the call to sign (proposeNextPhase in agreements) failed (haste). */
  signingFailed: 'move.signing.refused',
  /** engageExternal refused by the actor (false promises when a guarantee/incentive was asked). */
  externalRefused: 'move.engageExternal.refused',
  /** engageSpoiler with the wrong approach for the faction's hidden type. */
  spoilerBackfired: 'move.engageSpoiler.backfired',
  /** engageSpoiler with the right approach. */
  spoilerRight: 'move.engageSpoiler.right',
  /**
   * A command the rules refused before it happened (wrong phase, no AP, unknown target…). The
   * engine does not log those today; if it ever does, under this prefix, the debrief ignores them.
   */
  illegal: 'refuse',
} as const;

export type ResultKey = (typeof RESULT_KEYS)[keyof typeof RESULT_KEYS];

/** Does this message carry `key` or a refinement of it? */
export function hasKey(msg: Msg | undefined, key: string): boolean {
  if (!msg) return false;
  const k = msg.key;
  // Same as `k.startsWith(key + '.')` without building that string on every call (once per move and test).
  return k === key || (k.length > key.length && k.charCodeAt(key.length) === 46 && k.startsWith(key));
}
