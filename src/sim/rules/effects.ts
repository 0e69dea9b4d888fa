/**
 * What each kind of event does to the world: spoiler strikes, sanctions shocks, confidence-building
 * moves, support shifts, leaks, deadlines, walk-outs. Applied to a draft; returns what changed.
 */
import type { Effect, Scenario } from '../../scenario/schema';
import type { Change, Msg, World } from '../types';
import { giveReasonToReturn, shiftMeter, shiftTrust } from '../world';
import { refreshBatnas } from './batna';
import { has, otherIds } from '../util';
import { CBM_COST, GESTURE, SHOCK } from './numbers';

/** Commitment below this after a shock makes a party walk out (6 August 2019). */
export const SHOCK_WALKOUT_COMMITMENT = 35;

export function walkOut(w: World, partyId: string, changes: Change[]): void {
  const p = w.parties[partyId];
  if (!p || p.seat === 'walkedOut') return;
  p.seat = 'walkedOut';
  changes.push({ target: partyId, meter: 'seat', delta: -1 });
}

export function applyEffect(s: Scenario, w: World, effect: Effect, changes: Change[]): Msg {
  const partyIds = Object.keys(w.parties);
  switch (effect.kind) {
    case 'spoiler': {
      const f = w.factions[effect.faction];
      if (!f) return { key: 'event.none' };
      f.strikes += 1;
      const others = otherIds(partyIds, f.party);
      switch (effect.action) {
        case 'crackdown':
        case 'arrest':
          for (const o of others) {
            shiftTrust(w, o, f.party, -12, changes);
            shiftMeter(w, o, 'commitment', -8, changes);
          }
          break;
        case 'denunciation':
          shiftMeter(w, f.party, 'cohesion', -10, changes);
          shiftMeter(w, f.party, 'commitment', -5, changes);
          break;
        case 'violence':
          for (const a of partyIds) {
            for (const b of otherIds(partyIds, a)) shiftTrust(w, a, b, -10, changes);
            shiftMeter(w, a, 'commitment', -8, changes);
          }
          break;
        case 'callWalkout': {
          shiftMeter(w, f.party, 'commitment', -10, changes);
          const p = w.parties[f.party];
          if (p && p.cohesion < 45) walkOut(w, f.party, changes);
          break;
        }
        case 'leak':
          break; // the leak event that follows a spoiler's leak carries its cost (see expandPlanned)
      }
      return { key: `event.spoiler.${effect.action}`, params: { faction: f.id, party: f.party } };
    }
    case 'sanctions': {
      const p = w.parties[effect.target];
      const actor = w.externals[effect.actor];
      if (!p || !actor) return { key: 'event.none' };
      const restrained = actor.restraint && effect.sanction !== 'relief';
      const m = restrained ? effect.magnitude / 2 : effect.magnitude;
      if (restrained) actor.restraint = false; // restraint buys one shock, not a policy change
      const before = p.batna;
      const prepared = restrained;
      if (effect.sanction === 'relief') {
        p.shock += m / 2;
        shiftMeter(w, p.id, 'commitment', m / 2, changes);
        refreshBatnas(s, w);
      } else {
        hitByShock(s, w, p.id, actor.id, m, changes);
      }
      if (p.batna !== before) changes.push({ target: p.id, meter: 'batna', delta: Math.round((p.batna - before) * 10) / 10 });
      // An unprepared shock hands a staller the pretext it wanted: it leaves, and coming back takes
      // weeks of work. Prepared for (restraint obtained from the sanctioner in advance), it is only
      // pressure: a party leaves only if its commitment breaks. A token listing (magnitude under
      // SHOCK.pretextFrom) is no pretext: a staller would be seen to leave over nothing.
      const pretext = p.intent === 'stalling' && !prepared && effect.magnitude >= SHOCK.pretextFrom;
      if (effect.sanction !== 'relief' && (p.commitment < SHOCK_WALKOUT_COMMITMENT || pretext)) {
        if (pretext && p.seat !== 'walkedOut') p.pretext = true;
        walkOut(w, p.id, changes);
      }
      return { key: `event.sanctions.${effect.sanction}${restrained ? '.restrained' : ''}`, params: { actor: actor.id, party: p.id } };
    }
    case 'cbm': {
      const p = w.parties[effect.party];
      if (!p) return { key: 'event.none' };
      // Gestures are evidence: trust follows what the gesture costs, and repeated ones earn less.
      // (A staller's earn as much at first; they fade when nothing concrete follows: see turn.ts.)
      const repeat = 1 + p.gestureFatigue;
      p.gestures += 1;
      p.gestureFatigue += 1;
      for (const o of otherIds(partyIds, p.id)) {
        shiftTrust(w, o, p.id, (GESTURE.trustPerCost * CBM_COST[effect.cbm]) / repeat, changes);
        shiftMeter(w, o, 'commitment', GESTURE.commitment / repeat, changes);
      }
      // The other side sees a reason to come back to the table.
      for (const o of otherIds(partyIds, p.id)) if (w.parties[o]!.seat === 'walkedOut') giveReasonToReturn(w, o);
      // Hardliners of the conceding side resent gestures.
      for (const f of Object.values(w.factions)) if (f.party === p.id && f.stance === 'hardline') f.satisfaction = Math.max(0, f.satisfaction - 5);
      return { key: `event.cbm.${effect.cbm}`, params: { party: p.id } };
    }
    case 'supportShift': {
      const a = w.externals[effect.actor];
      if (!a || !w.parties[effect.party]) return { key: 'event.none' };
      a.support[effect.party] = Math.max(-100, Math.min(100, (a.support[effect.party] ?? 0) + effect.delta));
      const before = w.parties[effect.party]!.batna;
      refreshBatnas(s, w);
      const after = w.parties[effect.party]!.batna;
      if (after !== before) changes.push({ target: effect.party, meter: 'batna', delta: Math.round((after - before) * 10) / 10 });
      return { key: 'event.supportShift', params: { actor: a.id, party: effect.party, delta: effect.delta } };
    }
    case 'leak':
      for (const a of partyIds) shiftMeter(w, a, 'trustInMediator', -8, changes);
      return { key: 'event.leak' };
    case 'deadline': {
      const targets = effect.party ? [effect.party] : partyIds;
      for (const t of targets) shiftMeter(w, t, 'commitment', effect.pressure, changes);
      return { key: 'event.deadline', params: { label: effect.label } };
    }
    case 'walkOut':
      walkOut(w, effect.party, changes);
      return { key: 'event.walkOut', params: { party: effect.party } };
    case 'venueOffer':
      if (!w.venuesOffered.includes(effect.venue)) w.venuesOffered.push(effect.venue);
      return { key: 'event.venueOffer', params: { venue: effect.venue } };
    case 'meters': {
      const p = w.parties[effect.party];
      if (!p) return { key: 'event.none' };
      if (effect.trustInMediator) shiftMeter(w, p.id, 'trustInMediator', effect.trustInMediator, changes);
      if (effect.commitment) shiftMeter(w, p.id, 'commitment', effect.commitment, changes);
      if (effect.cohesion) shiftMeter(w, p.id, 'cohesion', effect.cohesion, changes);
      for (const [other, delta] of Object.entries(effect.trustIn ?? {})) if (has(p.trustIn, other)) shiftTrust(w, p.id, other, delta, changes);
      if (effect.batna) {
        p.shock += effect.batna;
        const before = p.batna;
        refreshBatnas(s, w);
        changes.push({ target: p.id, meter: 'batna', delta: Math.round((p.batna - before) * 10) / 10 });
      }
      return { key: 'event.meters', params: { party: p.id } };
    }
    case 'news':
      return { key: 'event.news' };
  }
}

/**
 * A sanctions shock acts through the target's politics (6 August 2019): a small cut to its
 * alternative, which its other patrons move to offset; its negotiators lose face (commitment),
 * its camp splits (cohesion) and its hardliners grow restless. A mediator who prepared — restraint
 * sought (halving m, above), a caucus with the target in the last two turns (face saved), a venue
 * near the principals — softens the loss of face.
 */
function hitByShock(s: Scenario, w: World, target: string, actor: string, m: number, changes: Change[]): void {
  const p = w.parties[target]!;
  p.shock -= m * SHOCK.batna;
  for (const id in w.externals) {
    const e = w.externals[id]!;
    if (id !== actor && (e.support[target] ?? 0) > 0) e.support[target] = Math.min(100, e.support[target]! + m * SHOCK.patronOffset);
  }
  refreshBatnas(s, w);
  let face = 1;
  if (caucusedRecently(w, target)) face *= SHOCK.faceSaved;
  if (s.venues.find((v) => v.id === w.venue)?.nearPrincipals) face *= SHOCK.nearPrincipals;
  shiftMeter(w, target, 'commitment', -m * face, changes);
  shiftMeter(w, target, 'cohesion', -m * SHOCK.cohesion, changes);
  for (const f of Object.values(w.factions))
    if (f.party === target && f.stance === 'hardline') f.satisfaction = Math.max(0, f.satisfaction - m * SHOCK.hardliners);
  // The hit party blames those the sanctioning power backs.
  const sanctioner = w.externals[actor]!;
  for (const o of otherIds(Object.keys(w.parties), target)) if ((sanctioner.support[o] ?? 0) > 0) shiftTrust(w, target, o, -m / 2, changes);
}

/** Did the mediator meet this party alone this turn or the last? */
function caucusedRecently(w: World, party: string): boolean {
  for (let i = w.log.length - 1; i >= 0; i--) {
    const e = w.log[i]!;
    if (e.turn < w.turn - 1) return false;
    if (e.kind === 'move' && e.command.type === 'caucus' && e.command.party === party) return true;
  }
  return false;
}
