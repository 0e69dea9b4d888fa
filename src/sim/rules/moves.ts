/**
 * Rules the mediator's moves share (each move itself lives in src/sim/commands/): venues on offer,
 * what a caucus reveals, the right approach to a spoiler, how reframing moves positions.
 */
import type { Scenario } from '../../scenario/schema';
import type { Change, MediatorCommand, Msg, World } from '../types';
import { addLog } from '../world';
import { clamp } from '../util';
import { RESTRAINT } from './numbers';
import { positionOf } from './utility';

/** A venue is open if it is the current one, was offered by an event, or no event is needed to offer it. */
export function venueAvailable(s: Scenario, w: World, venue: string): boolean {
  if (w.venuesOffered.includes(venue)) return true;
  const needsOffer =
    s.injects.some((i) => i.effect.kind === 'venueOffer' && i.effect.venue === venue) ||
    s.injects.some((i) => i.contingency.some((c) => c.effect.kind === 'venueOffer' && c.effect.venue === venue));
  return !needsOffer;
}

/** Reveal the party's weightiest issue the mediator does not yet understand. */
export function revealInterest(s: Scenario, w: World, partyId: string): string | null {
  const known = w.knowledge.interests[partyId]!;
  // The first of the weightiest not fully known (what a stable sort by weight would put first).
  let pick: Scenario['issues'][number] | undefined;
  let best = 0;
  for (const i of s.issues) {
    if (known[i.id]?.ideal !== undefined && known[i.id]?.weight !== undefined) continue;
    const weight = i.positions[partyId]?.weight ?? 0;
    if (!pick || weight > best) {
      pick = i;
      best = weight;
    }
  }
  if (!pick) return null;
  const pos = pick.positions[partyId]!;
  known[pick.id] = { ...known[pick.id], ideal: pos.ideal, weight: pos.weight };
  return pick.id;
}

/** The right way to handle a spoiler depends on its hidden type (Stedman). */
export function rightApproach(type: string, approach: string): boolean {
  switch (type) {
    case 'none':
    case 'limited':
      return approach === 'induce' || approach === 'socialize';
    case 'greedy':
      return approach === 'socialize';
    case 'total':
      return approach === 'isolate' || approach === 'coerce';
    default:
      return false;
  }
}

/** The chance an outside power agrees to hold back its next shock. */
export const restraintChance = (disposition: number): number => clamp((disposition + RESTRAINT.base) / 160, 0, 1);

/**
 * Reframing and technical commissions move every party's public position part of the way to its
 * real interest, and show the mediator how much the issue weighs for each (a commission also
 * finds each red line).
 */
export function towardInterests(s: Scenario, w: World, issue: string, share: number, redLines: boolean): void {
  const st = w.issues[issue]!;
  const def = s.issues.find((i) => i.id === issue)!;
  // Interests can be reconstructed: the search for what each side needs widens every red line a
  // little (a third of the issue's flex for reframing, two thirds for a commission).
  st.give = Math.min(def.flex, Math.round(st.give + def.flex * (redLines ? 2 / 3 : 1 / 3)));
  for (const pid of Object.keys(w.parties)) {
    const pos = positionOf(s, issue, pid, w)!;
    st.publicPos[pid] = Math.round(st.publicPos[pid]! + (pos.ideal - st.publicPos[pid]!) * share);
    const known = w.knowledge.interests[pid]!;
    // A red line already found moves with the widening; a commission finds it.
    known[issue] =
      redLines || known[issue]?.reservation !== undefined
        ? { ...known[issue], weight: pos.weight, reservation: pos.reservation }
        : { ...known[issue], weight: pos.weight };
  }
}

export function proposalResult(status: string, id: number): Msg {
  if (status === 'accepted') return { key: 'move.proposal.accepted', params: { proposal: id } };
  if (status === 'rejected') return { key: 'move.proposal.rejected', params: { proposal: id } };
  return { key: 'move.proposal.pending', params: { proposal: id } };
}

/** The mean of the public positions on an issue, rounded: the novice's formula. */
export function splitTheDifference(w: World, issue: string): number {
  const pos = Object.values(w.issues[issue]!.publicPos);
  return Math.round(pos.reduce((a, b) => a + b, 0) / Math.max(1, pos.length));
}

export function logMove(w: World, cmd: MediatorCommand, cost: number, out: { result: Msg; changes: Change[] }): void {
  addLog(w, { turn: w.turn, kind: 'move', role: 'mediator', command: cmd, cost, result: out.result, changes: out.changes });
}
