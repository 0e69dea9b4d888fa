/** End the turn: the world answers (see rules/turn.ts: plan, close and advance). */
import { z } from 'zod';
import { defineCommand, ANY_PHASE } from './spec';

export const endTurn = defineCommand({
  type: 'endTurn',
  schema: z.strictObject({ type: z.literal('endTurn') }),
  senders: ['mediator'],
  cost: 0,
  phases: ANY_PHASE,
  region: true,
  whyIllegal: () => null,
  candidates: () => [{ type: 'endTurn' as const }],
  fixedCandidates: true,
  form: [],
});
