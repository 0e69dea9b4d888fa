/** A delegation held by a person comes back to the table. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { addLog } from '../world';

export const returnToTable = defineCommand({
  type: 'returnToTable',
  schema: z.strictObject({ type: z.literal('returnToTable') }),
  senders: ['party'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 1,
  whyIllegal: (_s, w, _cmd, sender) => (w.parties[sender.id]!.seat === 'walkedOut' ? null : refuse('notWalkedOut')),
  apply(_s, w, _cmd, sender) {
    const id = sender.id;
    w.parties[id]!.seat = 'atTable';
    addLog(w, {
      turn: w.turn,
      kind: 'event',
      source: 'party',
      id,
      effect: { kind: 'news' },
      result: { key: 'event.party.returns', params: { party: id } },
      changes: [{ target: id, meter: 'seat', delta: 1 }],
    });
    return { result: { key: 'seat.returnToTable' }, changes: [] };
  },
  form: [],
});
