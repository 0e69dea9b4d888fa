/** Caucus: meet one party alone (shuttle diplomacy). Reveals interests once trust allows. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE, type Outcome } from './spec';
import { has } from '../util';
import { giveReasonToReturn, shiftMeter, shiftTrust } from '../world';
import { revealInterest } from '../rules/moves';
import { CAUCUS, CAUCUS_REPEAT } from '../rules/numbers';
import type { World } from '../types';

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
    // No pump: the same door knocked on twice in a week opens less, then not at all.
    const share = CAUCUS_REPEAT[Math.min(earlierThisTurn(w, p.id), CAUCUS_REPEAT.length - 1)]!;
    if (p.seat === 'walkedOut') {
      // Shuttling to a party that left is how a way back is built (one reason a week, however many visits).
      if (share === 1) giveReasonToReturn(w, p.id);
      shiftMeter(w, p.id, 'commitment', 8 * share, changes);
      shiftMeter(w, p.id, 'trustInMediator', 2 * share, changes);
      return { result: { key: 'move.caucus.shuttle', params: { party: p.id } }, changes };
    }
    let maxOther = 0;
    for (const o in w.parties) if (o !== p.id) maxOther = Math.max(maxOther, w.parties[o]!.attention);
    // Courting one side far more than the other reads as partiality, and buys less.
    shiftMeter(w, p.id, 'trustInMediator', (p.attention > maxOther + 3 ? CAUCUS.trustWhenCourting : CAUCUS.trust) * share, changes);
    shiftMeter(w, p.id, 'commitment', (w.phase === 'exploratory' ? CAUCUS.commitmentExploratory : CAUCUS.commitmentLater) * share, changes);
    if (p.trustInMediator < 35) return { result: { key: 'move.caucus.guarded', params: { party: p.id } }, changes };
    // Shuttle diplomacy carries each side's intentions to the other: a trusted mediator's first
    // visit of the week lifts the party's trust in the others a little.
    if (share === 1) for (const o in w.parties) if (o !== p.id) shiftTrust(w, p.id, o, CAUCUS.relay, changes);
    const issue = revealInterest(s, w, p.id);
    return { result: issue ? { key: 'move.caucus.revealed', params: { party: p.id, issue } } : { key: 'move.caucus.done', params: { party: p.id } }, changes };
  },
  candidates: (s) => s.parties.map((p) => ({ type: 'caucus' as const, party: p.id })),
  fixedCandidates: true,
  form: [{ name: 'party', kind: 'target', of: 'party' }],
});

/** Caucuses with this party already held this turn. */
function earlierThisTurn(w: World, party: string): number {
  let n = 0;
  for (let i = w.log.length - 1; i >= 0; i--) {
    const e = w.log[i]!;
    if (e.turn !== w.turn) break;
    if (e.kind === 'move' && e.command.type === 'caucus' && e.command.party === party) n++;
  }
  return n;
}
