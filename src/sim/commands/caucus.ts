/** Caucus: meet one party alone (shuttle diplomacy). Reveals interests once trust allows. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE, type Outcome } from './spec';
import { has } from '../util';
import { shiftMeter } from '../world';
import { revealInterest } from '../rules/moves';
import { CAUCUS } from '../rules/numbers';

export const caucus = defineCommand({
  type: 'caucus',
  schema: z.strictObject({ type: z.literal('caucus'), party: idField }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal: (_s, w, cmd) => (has(w.parties, cmd.party) ? null : refuse('unknownParty', { id: cmd.party })),
  apply(s, w, cmd): Outcome {
    const changes: import('../types').Change[] = [];
    const p = w.parties[cmd.party]!;
    p.attention += 1;
    if (p.seat === 'walkedOut') {
      shiftMeter(w, p.id, 'commitment', 8, changes);
      shiftMeter(w, p.id, 'trustInMediator', 2, changes);
      return { result: { key: 'move.caucus.shuttle', params: { party: p.id } }, changes };
    }
    let maxOther = 0;
    for (const o in w.parties) if (o !== p.id) maxOther = Math.max(maxOther, w.parties[o]!.attention);
    // Courting one side far more than the other reads as partiality, and buys less.
    shiftMeter(w, p.id, 'trustInMediator', p.attention > maxOther + 3 ? CAUCUS.trustWhenCourting : CAUCUS.trust, changes);
    shiftMeter(w, p.id, 'commitment', w.phase === 'exploratory' ? CAUCUS.commitmentExploratory : CAUCUS.commitmentLater, changes);
    if (p.trustInMediator < 35) return { result: { key: 'move.caucus.guarded', params: { party: p.id } }, changes };
    const issue = revealInterest(s, w, p.id);
    return { result: issue ? { key: 'move.caucus.revealed', params: { party: p.id, issue } } : { key: 'move.caucus.done', params: { party: p.id } }, changes };
  },
  candidates: (s) => s.parties.map((p) => ({ type: 'caucus' as const, party: p.id })),
  fixedCandidates: true,
  form: [{ name: 'party', kind: 'target', of: 'party' }],
});
