/** Reframe an issue: public positions move a quarter of the way to real interests; weights show. */
import { z } from 'zod';
import { defineCommand, idField, refuse } from './spec';
import { has } from '../util';
import { towardInterests } from '../rules/moves';

export const reframe = defineCommand({
  type: 'reframe',
  schema: z.strictObject({ type: z.literal('reframe'), issue: idField }),
  senders: ['mediator'],
  cost: 1,
  phases: ['exploratory', 'agenda', 'negotiation', 'suspended'],
  whyIllegal(_s, w, cmd) {
    if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
    return w.issues[cmd.issue]!.reframed ? refuse('alreadyDone') : null;
  },
  apply(s, w, cmd) {
    w.issues[cmd.issue]!.reframed = true;
    towardInterests(s, w, cmd.issue, 0.25, false);
    return { result: { key: 'move.reframe.done' }, changes: [] };
  },
  candidates: (s) => s.issues.map((i) => ({ type: 'reframe' as const, issue: i.id })),
  fixedCandidates: true,
  form: [{ name: 'issue', kind: 'target', of: 'issue' }],
});
