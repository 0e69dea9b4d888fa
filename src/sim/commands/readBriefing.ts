/** Read the briefing: free, and starting without it counts as ignorance in the debrief. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';

export const readBriefing = defineCommand({
  type: 'readBriefing',
  schema: z.strictObject({ type: z.literal('readBriefing') }),
  senders: ['mediator'],
  cost: 0,
  phases: ANY_PHASE,
  whyIllegal: (_s, w) => (w.knowledge.briefing ? refuse('alreadyDone') : null),
  apply(_s, w) {
    w.knowledge.briefing = true;
    return { result: { key: 'move.readBriefing.done' }, changes: [] };
  },
  candidates: () => [{ type: 'readBriefing' as const }],
  fixedCandidates: true,
  form: [],
});
