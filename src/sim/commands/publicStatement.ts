/** A public statement: sober, optimistic or critical of a party. The visibility region follows it. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE, type Outcome } from './spec';
import { STATEMENT_TONES } from '../vocabulary';
import type { Change, World } from '../types';
import { has, otherIds } from '../util';
import { shiftMeter } from '../world';

const schema = z.strictObject({ type: z.literal('publicStatement'), tone: z.enum(STATEMENT_TONES), party: idField.optional() });
export type PublicStatement = z.infer<typeof schema>;

export const publicStatement = defineCommand({
  type: 'publicStatement',
  schema,
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  region: true,
  whyIllegal(_s, w, cmd) {
    if (cmd.tone === 'critical' && !cmd.party) return refuse('statement.target');
    if (cmd.party !== undefined && !has(w.parties, cmd.party))
      return cmd.tone === 'critical' ? refuse('statement.target') : refuse('unknownParty', { id: cmd.party });
    return null;
  },
  candidates(s) {
    const out: PublicStatement[] = [
      { type: 'publicStatement', tone: 'sober' },
      { type: 'publicStatement', tone: 'optimistic' },
    ];
    for (const p of s.parties) out.push({ type: 'publicStatement', tone: 'critical', party: p.id });
    return out;
  },
  fixedCandidates: true,
  form: [
    { name: 'tone', kind: 'choice', options: STATEMENT_TONES, default: 'sober' },
    { name: 'party', kind: 'target', of: 'party', optional: true, showWhen: { field: 'tone', equals: 'critical' } },
  ],
});

export function makeStatement(w: World, cmd: PublicStatement): Outcome {
  const changes: Change[] = [];
  w.ap -= publicStatement.cost;
  const ids = Object.keys(w.parties);
  if (cmd.tone === 'sober') for (const p of ids) shiftMeter(w, p, 'trustInMediator', 1, changes);
  if (cmd.tone === 'optimistic') {
    for (const p of ids) shiftMeter(w, p, 'commitment', 3, changes);
    w.optimismTurns.push(w.turn);
  }
  if (cmd.tone === 'critical' && cmd.party) {
    shiftMeter(w, cmd.party, 'trustInMediator', -12, changes);
    for (const o of otherIds(ids, cmd.party)) shiftMeter(w, o, 'trustInMediator', 3, changes);
  }
  return { result: { key: `move.publicStatement.${cmd.tone}`, params: cmd.party ? { party: cmd.party } : {} }, changes };
}
