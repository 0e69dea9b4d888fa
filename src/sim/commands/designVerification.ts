/** Design verification: each design step makes compliance easier to hold in monitoring. */
import { z } from 'zod';
import { defineCommand, refuse } from './spec';

export const designVerification = defineCommand({
  type: 'designVerification',
  schema: z.strictObject({ type: z.literal('designVerification') }),
  senders: ['mediator'],
  cost: 1,
  phases: ['negotiation', 'agreements', 'monitoring'],
  whyIllegal: (_s, w) => (w.verification >= 100 ? refuse('alreadyDone') : null),
  apply(_s, w) {
    w.verification = Math.min(100, w.verification + 25);
    return { result: { key: 'move.designVerification.done' }, changes: [] };
  },
  candidates: () => [{ type: 'designVerification' as const }],
  fixedCandidates: true,
  form: [],
});
