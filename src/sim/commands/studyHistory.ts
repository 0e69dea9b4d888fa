/** Study the history of earlier talks: the parties see a mediator who did the homework. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import type { Change } from '../types';
import { shiftMeter } from '../world';

export const studyHistory = defineCommand({
  type: 'studyHistory',
  schema: z.strictObject({ type: z.literal('studyHistory') }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal: (_s, w) => (w.knowledge.history ? refuse('alreadyDone') : null),
  apply(_s, w) {
    const changes: Change[] = [];
    w.knowledge.history = true;
    for (const pid in w.parties) shiftMeter(w, pid, 'trustInMediator', 2, changes);
    return { result: { key: 'move.studyHistory.done' }, changes };
  },
  candidates: () => [{ type: 'studyHistory' as const }],
  fixedCandidates: true,
  form: [],
});
