/** Ask a party for a confidence-building gesture; it answers like any proposal. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE } from './spec';
import { CBM_KINDS } from '../vocabulary';
import { has } from '../util';
import { openProposal } from '../rules/proposals';
import { proposalResult } from '../rules/moves';

export const requestCbm = defineCommand({
  type: 'requestCbm',
  schema: z.strictObject({ type: z.literal('requestCbm'), party: idField, cbm: z.enum(CBM_KINDS) }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  // One request a turn: gestures are evidence, not a currency to mint.
  perTurn: 1,
  whyIllegal(_s, w, cmd) {
    if (!has(w.parties, cmd.party)) return refuse('unknownParty', { id: cmd.party });
    if (w.parties[cmd.party]!.seat === 'walkedOut') return refuse('walkedOut', { id: cmd.party });
    return null;
  },
  apply(s, w, cmd) {
    const prop = openProposal(s, w, 'cbm', { cbm: { party: cmd.party, cbm: cmd.cbm } });
    return { result: proposalResult(prop.status, prop.id), changes: [] };
  },
  candidates: (s) => s.parties.flatMap((p) => CBM_KINDS.map((cbm) => ({ type: 'requestCbm' as const, party: p.id, cbm }))),
  fixedCandidates: true,
  form: [
    { name: 'party', kind: 'target', of: 'party' },
    { name: 'cbm', kind: 'choice', options: CBM_KINDS, default: 'prisonerRelease' },
  ],
});
