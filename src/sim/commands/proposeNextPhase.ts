/** The call to move on to the next phase (in the agreements phase: the call to sign). */
import { z } from 'zod';
import { defineCommand, refuse, type Outcome } from './spec';
import type { Scenario } from '../../scenario/schema';
import type { Change, World } from '../types';
import { shiftMeter } from '../world';
import { openProposal } from '../rules/proposals';

export const proposeNextPhase = defineCommand({
  type: 'proposeNextPhase',
  schema: z.strictObject({ type: z.literal('proposeNextPhase') }),
  senders: ['mediator'],
  cost: 1,
  phases: ['exploratory', 'agenda', 'negotiation', 'agreements', 'suspended', 'monitoring'],
  region: true,
  whyIllegal(_s, w) {
    if (w.phase === 'suspended') return refuse('suspended');
    if (w.phase === 'monitoring') return refuse('nextPhase.monitoring');
    return null;
  },
  candidates: () => [{ type: 'proposeNextPhase' as const }],
  fixedCandidates: true,
  form: [],
});

/** The phase region decided whether the criteria are met; this is what the call does. */
export function callNextPhase(s: Scenario, w: World, met: boolean): Outcome {
  const changes: Change[] = [];
  w.ap -= proposeNextPhase.cost;
  if (w.phase === 'agreements') {
    const prop = openProposal(s, w, 'signing', {});
    const all = Object.values(w.signatures).every(Boolean);
    return {
      result: all
        ? { key: 'move.signing.done' }
        : prop.status === 'pending'
          ? { key: 'move.proposal.pending', params: { proposal: prop.id } }
          : { key: 'move.signing.refused' },
      changes,
    };
  }
  if (met) return { result: { key: 'move.proposeNextPhase.done', params: { phase: w.phase } }, changes };
  // Pushing before the parties are ready costs a little standing (haste).
  for (const p of Object.keys(w.parties)) shiftMeter(w, p, 'trustInMediator', -2, changes);
  return { result: { key: 'move.proposeNextPhase.refused', params: { phase: w.phase } }, changes };
}
