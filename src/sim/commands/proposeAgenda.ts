/** Propose an agenda: the issues to negotiate. Each party answers. */
import { z } from 'zod';
import { defineCommand, idField, refuse } from './spec';
import { has } from '../util';
import { openProposal } from '../rules/proposals';
import { proposalResult } from '../rules/moves';

export const proposeAgenda = defineCommand({
  type: 'proposeAgenda',
  schema: z.strictObject({ type: z.literal('proposeAgenda'), issues: z.array(idField).max(12) }),
  senders: ['mediator'],
  cost: 1,
  phases: ['agenda'],
  whyIllegal(_s, w, cmd) {
    if (cmd.issues.length === 0) return refuse('agenda.empty');
    const bad = cmd.issues.find((i) => !has(w.issues, i));
    if (bad) return refuse('unknownIssue', { id: bad });
    if (new Set(cmd.issues).size !== cmd.issues.length) return refuse('agenda.duplicate');
    return null;
  },
  apply(s, w, cmd) {
    const prop = openProposal(s, w, 'agenda', { issues: cmd.issues });
    return { result: proposalResult(prop.status, prop.id), changes: [] };
  },
  candidates(s) {
    const issues = s.issues.map((i) => i.id);
    const core = s.issues.filter((i) => i.core.length > 0).map((i) => i.id);
    return [
      { type: 'proposeAgenda' as const, issues: core.length ? core : issues },
      { type: 'proposeAgenda' as const, issues },
    ];
  },
  fixedCandidates: true,
  form: [{ name: 'issues', kind: 'issueSet' }],
});
