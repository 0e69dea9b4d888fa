/** A delegation held by a person answers a proposal addressed to it. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { has } from '../util';
import { recordResponse, settle } from '../rules/proposals';

export const respond = defineCommand({
  type: 'respond',
  schema: z.strictObject({ type: z.literal('respond'), proposal: z.number().int().min(1).max(1_000_000), accept: z.boolean() }),
  senders: ['party'],
  cost: 0,
  phases: ANY_PHASE,
  whyIllegal(_s, w, cmd, sender) {
    const prop = w.proposals.find((p) => p.id === cmd.proposal);
    if (!prop) return refuse('unknownProposal', { id: cmd.proposal });
    if (!has(prop.responses, sender.id) || prop.responses[sender.id] !== 'pending') return refuse('notPending', { id: cmd.proposal });
    // An agenda answered during negotiation would overturn agreed work: answers expire with the phase.
    if (prop.phase !== w.phase) return refuse('proposalStale', { id: cmd.proposal });
    return null;
  },
  apply(s, w, cmd, sender) {
    // Copy the proposal before answering it: older snapshots share the original.
    const idx = w.proposals.findIndex((p) => p.id === cmd.proposal);
    const old = w.proposals[idx]!;
    const prop = { ...old, responses: { ...old.responses }, reasons: { ...old.reasons } };
    w.proposals[idx] = prop;
    recordResponse(w, prop, sender.id, cmd.accept, { key: cmd.accept ? 'response.accept' : 'response.humanReject' });
    settle(s, w, prop);
    return { result: { key: 'seat.respond' }, changes: [] };
  },
  form: [
    { name: 'proposal', kind: 'target', of: 'proposal' },
    { name: 'accept', kind: 'boolean', default: true },
  ],
});
