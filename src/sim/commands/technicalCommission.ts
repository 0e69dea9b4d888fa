/** Technical commission: positions move 40% toward interests; weights and red lines show. */
import { z } from 'zod';
import { defineCommand, idField, refuse } from './spec';
import { has } from '../util';
import { towardInterests } from '../rules/moves';

export const technicalCommission = defineCommand({
  type: 'technicalCommission',
  schema: z.strictObject({ type: z.literal('technicalCommission'), issue: idField }),
  senders: ['mediator'],
  cost: 2,
  phases: ['agenda', 'negotiation'],
  whyIllegal(_s, w, cmd) {
    if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
    return w.issues[cmd.issue]!.commission ? refuse('alreadyDone') : null;
  },
  apply(s, w, cmd) {
    w.issues[cmd.issue]!.commission = true;
    towardInterests(s, w, cmd.issue, 0.4, true);
    return { result: { key: 'move.technicalCommission.done' }, changes: [] };
  },
  candidates: (s) => s.issues.map((i) => ({ type: 'technicalCommission' as const, issue: i.id })),
  fixedCandidates: true,
  form: [{ name: 'issue', kind: 'target', of: 'issue' }],
});
