/** Propose a formula: one value on one agenda issue. */
import { z } from 'zod';
import { defineCommand, idField, refuse, scaleValue } from './spec';
import { has } from '../util';
import { openProposal } from '../rules/proposals';
import { proposalResult, splitTheDifference } from '../rules/moves';

export const proposeFormula = defineCommand({
  type: 'proposeFormula',
  schema: z.strictObject({ type: z.literal('proposeFormula'), issue: idField, value: scaleValue }),
  senders: ['mediator'],
  cost: 1,
  phases: ['negotiation'],
  whyIllegal(_s, w, cmd) {
    if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
    if (!w.agenda?.includes(cmd.issue)) return refuse('notOnAgenda', { id: cmd.issue });
    return null;
  },
  apply(s, w, cmd) {
    const prop = openProposal(s, w, 'formula', { terms: { [cmd.issue]: Math.round(cmd.value) } });
    return { result: proposalResult(prop.status, prop.id), changes: [] };
  },
  candidates: (_s, w) => (w.agenda ?? []).map((issue) => ({ type: 'proposeFormula' as const, issue, value: splitTheDifference(w, issue) })),
  form: [
    { name: 'issue', kind: 'target', of: 'agendaIssue' },
    { name: 'value', kind: 'number', min: 0, max: 100, step: 1, default: 50 },
  ],
});
