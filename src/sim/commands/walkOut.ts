/** A delegation held by a person leaves the table. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';

export const walkOut = defineCommand({
  type: 'walkOut',
  schema: z.strictObject({ type: z.literal('walkOut') }),
  senders: ['party'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 1,
  whyIllegal: (_s, w, _cmd, sender) => (w.parties[sender.id]!.seat === 'walkedOut' ? refuse('alreadyDone') : null),
  apply(_s, w, _cmd, sender) {
    w.pending.push({ source: 'party', id: sender.id, effect: { kind: 'walkOut', party: sender.id } });
    return { result: { key: 'seat.walkOut' }, changes: [] };
  },
  form: [],
});
