/** A delegation held by a person tables a confidence-building gesture of its own. One a turn. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { CBM_KINDS } from '../vocabulary';

export const gesture = defineCommand({
  type: 'gesture',
  schema: z.strictObject({ type: z.literal('gesture'), cbm: z.enum(CBM_KINDS) }),
  senders: ['party'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 1,
  whyIllegal: (_s, w, _cmd, sender) => (w.parties[sender.id]!.seat === 'walkedOut' ? refuse('walkedOut', { id: sender.id }) : null),
  apply(_s, w, cmd, sender) {
    w.pending.push({ source: 'party', id: sender.id, effect: { kind: 'cbm', party: sender.id, cbm: cmd.cbm } });
    return { result: { key: 'seat.gesture' }, changes: [] };
  },
  form: [{ name: 'cbm', kind: 'choice', options: CBM_KINDS, default: 'humanitarianChannel' }],
});
