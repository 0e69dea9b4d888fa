/** A faction held by a person acts. Violence is for spoilers only; one action a turn. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { SPOILER_ACTIONS } from '../vocabulary';
import { spoilerEvents } from '../rules/turn';

export const spoilerAction = defineCommand({
  type: 'spoilerAction',
  schema: z.strictObject({ type: z.literal('spoilerAction'), action: z.enum(SPOILER_ACTIONS) }),
  senders: ['faction'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 1,
  whyIllegal(_s, w, cmd, sender) {
    const f = w.factions[sender.id]!;
    if (cmd.action === 'violence' && f.spoiler === 'none') return refuse('spoilerAction.notSpoiler', { action: cmd.action });
    return null;
  },
  apply(_s, w, cmd, sender) {
    w.pending.push(...spoilerEvents(sender.id, cmd.action, 'faction'));
    return { result: { key: 'seat.spoilerAction' }, changes: [] };
  },
  form: [{ name: 'action', kind: 'choice', options: SPOILER_ACTIONS, default: 'denunciation' }],
});
