/**
 * An outside power held by a person acts in its own name: sanctions (only with sanctions
 * leverage) or a shift of its support (bounded per action). One action a turn.
 */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { sanctionsEffectSchema, supportShiftEffectSchema } from '../../scenario/schema';
import { has } from '../util';

/** The largest shift of support one action may make: a seat moves within its means. */
export const MAX_SUPPORT_SHIFT = 25;

export const externalAction = defineCommand({
  type: 'externalAction',
  schema: z.strictObject({ type: z.literal('externalAction'), effect: z.discriminatedUnion('kind', [sanctionsEffectSchema, supportShiftEffectSchema]) }),
  senders: ['external'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 1,
  whyIllegal(s, w, cmd, sender) {
    const e = cmd.effect;
    if (e.actor !== sender.id) return refuse('effect.notOwn');
    const def = s.externals.find((x) => x.id === sender.id)!;
    if (e.kind === 'sanctions') {
      if (!def.leverage.includes('sanctions')) return refuse('effect.noLeverage', { actor: sender.id, leverage: 'sanctions' });
      if (!has(w.parties, e.target)) return refuse('unknownParty', { id: e.target });
      return null;
    }
    if (!has(w.parties, e.party)) return refuse('unknownParty', { id: e.party });
    if (Math.abs(e.delta) > MAX_SUPPORT_SHIFT) return refuse('effect.tooLarge', { max: MAX_SUPPORT_SHIFT });
    return null;
  },
  apply(_s, w, cmd, sender) {
    w.pending.push({ source: 'external', id: sender.id, effect: cmd.effect });
    return { result: { key: 'seat.externalAction' }, changes: [] };
  },
  form: [{ name: 'effect', kind: 'choice', options: ['sanctions', 'supportShift'], default: 'supportShift' }],
});
