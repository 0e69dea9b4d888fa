/**
 * A delegation held by a person answers a proposal addressed to it: accept, reject, or reject with
 * a counter-offer (the terms it would take instead, on agenda issues, for a formula or a package).
 * A counter-offer is a rejection: it settles nothing by itself; the mediator sees it and may table it.
 */
import { z } from 'zod';
import { defineCommand, idField, refuse, scaleValue, ANY_PHASE } from './spec';
import { has } from '../util';
import { recordResponse, settle } from '../rules/proposals';
import type { Msg } from '../types';

/** The most issues one counter-offer names (as a package). */
export const MAX_COUNTER_ISSUES = 12;

export const respond = defineCommand({
  type: 'respond',
  schema: z.strictObject({
    type: z.literal('respond'),
    proposal: z.number().int().min(1).max(1_000_000),
    accept: z.boolean(),
    counter: z
      .record(idField, scaleValue)
      .refine((t) => Object.keys(t).length <= MAX_COUNTER_ISSUES, `at most ${MAX_COUNTER_ISSUES} issues`)
      .optional(),
  }),
  senders: ['party'],
  cost: 0,
  phases: ANY_PHASE,
  whyIllegal(_s, w, cmd, sender) {
    const prop = w.proposals.find((p) => p.id === cmd.proposal);
    if (!prop) return refuse('unknownProposal', { id: cmd.proposal });
    if (!has(prop.responses, sender.id) || prop.responses[sender.id] !== 'pending') return refuse('notPending', { id: cmd.proposal });
    // An agenda answered during negotiation would overturn agreed work: answers expire with the phase.
    if (prop.phase !== w.phase) return refuse('proposalStale', { id: cmd.proposal });
    if (cmd.counter) {
      if (cmd.accept) return refuse('counter.withAccept', { id: cmd.proposal });
      // Only terms can be countered with terms: an agenda, a gesture or the call to sign cannot.
      if (prop.kind !== 'formula' && prop.kind !== 'package') return refuse('counter.kind', { id: cmd.proposal });
      const issues = Object.keys(cmd.counter);
      if (issues.length === 0) return refuse('counter.empty');
      for (const i of issues) {
        if (!has(w.issues, i)) return refuse('unknownIssue', { id: i });
        if (!w.agenda?.includes(i)) return refuse('notOnAgenda', { id: i });
      }
    }
    return null;
  },
  apply(s, w, cmd, sender) {
    // Copy the proposal before answering it: older snapshots share the original.
    const idx = w.proposals.findIndex((p) => p.id === cmd.proposal);
    const old = w.proposals[idx]!;
    const prop = { ...old, responses: { ...old.responses }, reasons: { ...old.reasons } };
    w.proposals[idx] = prop;
    if (cmd.counter) {
      const terms: Record<string, number> = {};
      for (const [i, v] of Object.entries(cmd.counter)) terms[i] = Math.round(v);
      prop.counters = { ...(old.counters ?? {}), [sender.id]: terms };
      const named = Object.entries(terms).map(([i, v]) => `${s.issues.find((x) => x.id === i)?.name ?? i} ${v}`);
      const reason: Msg = { key: 'response.counter', params: { terms: named.join(', ') } };
      recordResponse(w, prop, sender.id, false, reason);
      // The log entry just written carries the terms too, so a replayed log and the debrief read them.
      const entry = w.log[w.log.length - 1];
      if (entry?.kind === 'response' && entry.proposal === prop.id) entry.counter = terms;
    } else {
      recordResponse(w, prop, sender.id, cmd.accept, { key: cmd.accept ? 'response.accept' : 'response.humanReject' });
    }
    settle(s, w, prop);
    return { result: { key: cmd.counter ? 'seat.counter' : 'seat.respond' }, changes: [] };
  },
  // The counter-offer is not a form field: its terms start from the proposal's own, which only the
  // delegation's screen knows (a form default would fill every agenda issue at 50).
  form: [
    { name: 'proposal', kind: 'target', of: 'proposal' },
    { name: 'accept', kind: 'boolean', default: true },
  ],
});
