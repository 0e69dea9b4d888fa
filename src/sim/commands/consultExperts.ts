/** Consult experts on a faction (its spoiler type) or an issue (every party's ideal point). */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE, type Outcome } from './spec';
import { has } from '../util';
import type { World } from '../types';

/** The mediator knows every party's ideal point on this issue. */
function idealsKnown(w: World, issue: string): boolean {
  for (const p in w.parties) if (w.knowledge.interests[p]?.[issue]?.ideal === undefined) return false;
  return true;
}

export const consultExperts = defineCommand({
  type: 'consultExperts',
  schema: z.strictObject({ type: z.literal('consultExperts'), subject: idField }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal(_s, w, cmd) {
    if (has(w.factions, cmd.subject)) return w.knowledge.spoilerTypes[cmd.subject] ? refuse('alreadyKnown') : null;
    if (has(w.issues, cmd.subject)) return idealsKnown(w, cmd.subject) ? refuse('alreadyKnown') : null;
    return refuse('unknownSubject', { id: cmd.subject });
  },
  apply(s, w, cmd): Outcome {
    if (has(w.factions, cmd.subject)) {
      w.knowledge.spoilerTypes[cmd.subject] = w.factions[cmd.subject]!.spoiler;
      return { result: { key: 'move.consultExperts.faction', params: { faction: cmd.subject } }, changes: [] };
    }
    const def = s.issues.find((i) => i.id === cmd.subject)!;
    for (const pid in w.parties) w.knowledge.interests[pid]![cmd.subject] = { ...w.knowledge.interests[pid]![cmd.subject], ideal: def.positions[pid]!.ideal };
    return { result: { key: 'move.consultExperts.issue', params: { issue: cmd.subject } }, changes: [] };
  },
  candidates: (s) => [
    ...s.parties.flatMap((p) => p.factions.map((f) => ({ type: 'consultExperts' as const, subject: f.id }))),
    ...s.issues.map((i) => ({ type: 'consultExperts' as const, subject: i.id })),
  ],
  fixedCandidates: true,
  form: [{ name: 'subject', kind: 'target', of: 'subject' }],
});
