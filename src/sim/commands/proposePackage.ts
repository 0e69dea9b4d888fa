/** Propose a package: values on several agenda issues at once, so parties can trade across them. */
import { z } from 'zod';
import { defineCommand, idField, refuse, scaleValue } from './spec';
import { has } from '../util';
import { openProposal } from '../rules/proposals';
import { proposalResult, splitTheDifference } from '../rules/moves';

export const proposePackage = defineCommand({
  type: 'proposePackage',
  schema: z.strictObject({
    type: z.literal('proposePackage'),
    terms: z.record(idField, scaleValue).refine((t) => Object.keys(t).length <= 12, 'at most 12 issues'),
  }),
  senders: ['mediator'],
  cost: 2,
  phases: ['negotiation'],
  whyIllegal(_s, w, cmd) {
    const issues = Object.keys(cmd.terms);
    if (issues.length < 2) return refuse('package.small');
    for (const i of issues) {
      if (!has(w.issues, i)) return refuse('unknownIssue', { id: i });
      if (!w.agenda?.includes(i)) return refuse('notOnAgenda', { id: i });
    }
    return null;
  },
  apply(s, w, cmd) {
    const terms: Record<string, number> = {};
    for (const [i, v] of Object.entries(cmd.terms)) terms[i] = Math.round(v);
    const prop = openProposal(s, w, 'package', { terms });
    return { result: proposalResult(prop.status, prop.id), changes: [] };
  },
  candidates(_s, w) {
    const terms: Record<string, number> = {};
    for (const issue of w.agenda ?? []) terms[issue] = splitTheDifference(w, issue);
    return [{ type: 'proposePackage' as const, terms }];
  },
  form: [{ name: 'terms', kind: 'terms', min: 0, max: 100 }],
});
