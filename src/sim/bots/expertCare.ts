/**
 * The expert's care of the process around the table: hits answered, spoilers handled by type,
 * shocks prepared for, walk-outs undone, trust kept up, gestures that each side can afford.
 */
import type { MediatorCommand } from '../types';
import type { FactionView, PartyView } from '../view';
import { approachFor } from './spoilers';
import { askedWithinTurns, refusedWithin } from './ledger';
import { leastTrusted, trustBar, type XFacts } from './expertFacts';

/** A faction by id, with its party. */
function factionOf(x: XFacts, id: string): FactionView | undefined {
  for (const p of x.view.parties) for (const f of p.factions) if (f.id === id) return f;
  return undefined;
}

/** The right move for a faction: learn its type first, then engage it the right way (once). */
function engageFaction(x: XFacts, f: FactionView): MediatorCommand | null {
  if (x.led.handled.has(f.id)) return null;
  if (f.spoiler === 'unknown') return { type: 'consultExperts', subject: f.id };
  if (f.spoiler === 'none' && x.led.engaged.has(f.id)) return null;
  return { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) };
}

/** A strike or a shock from an actor never engaged: engage it now (learn a faction's type first). */
export function answerHits(x: XFacts): MediatorCommand | null {
  for (const [actor] of x.led.hits) {
    if (x.led.engaged.has(actor)) continue;
    const f = factionOf(x, actor);
    if (f) {
      const c = engageFaction(x, f);
      if (c) return c;
      continue;
    }
    const e = x.view.externals.find((a) => a.id === actor);
    if (!e) continue;
    // Restraint is what a power that shocks can give; backing when it has no sanctions to hold back.
    const ask = e.leverage.includes('sanctions') ? 'restraint' : 'backing';
    if (!refusedWithin(x.led, x.view.turn, e.id, ask, 3)) return { type: 'engageExternal', actor: e.id, ask };
  }
  return null;
}

/** Learn the hardliners' types, then engage each known spoiler the right way, one a turn. */
export function handleSpoilers(x: XFacts): MediatorCommand | null {
  if (x.madeNow('engageSpoiler') + x.madeNow('consultExperts') >= (x.view.phase === 'exploratory' ? 2 : 1)) return null;
  for (const p of x.view.parties) {
    for (const f of p.factions) {
      if (f.stance !== 'hardline' && f.spoiler === 'unknown') continue;
      const c = engageFaction(x, f);
      if (c) return c;
    }
  }
  // Before signing, know every faction that could strike at it.
  if (x.view.phase === 'agreements') {
    for (const p of x.view.parties) for (const f of p.factions) if (f.spoiler === 'unknown') return { type: 'consultExperts', subject: f.id };
  }
  return null;
}

/** Powers with sanctions: ask for restraint before their shocks land (again when it lapses or was refused a while ago). */
export function prepareForShocks(x: XFacts): MediatorCommand | null {
  if (x.madeNow('engageExternal') > 0 || x.view.turn < 3) return null;
  // One restraint ask every other turn at most: the process needs the rest.
  for (const [, byActor] of x.led.lastAsked) for (const [, turn] of byActor) if (turn >= x.view.turn - 1) return null;
  for (const e of x.view.externals) {
    if (!e.leverage.includes('sanctions') || e.restraint) continue;
    if (askedWithinTurns(x.led, x.view.turn, e.id, 'restraint', 5) || refusedWithin(x.led, x.view.turn, e.id, 'restraint', 8)) continue;
    if (e.disposition < -40) continue;
    return { type: 'engageExternal', actor: e.id, ask: 'restraint' };
  }
  return null;
}

/** Talks suspended: go to whoever walked out (twice a turn), ask its patrons to push, ask the other side for a gesture. */
export function bringBack(x: XFacts): MediatorCommand | null {
  let out: PartyView | undefined;
  for (const p of x.view.parties) if (p.seat === 'walkedOut' && (!out || p.commitment < out.commitment)) out = p;
  if (!out) return null;
  if (x.madeNow('caucus') < 2) return { type: 'caucus', party: out.id };
  if (x.madeNow('engageExternal') === 0) {
    for (const e of x.view.externals) {
      if ((e.support[out.id] ?? 0) > 20 && !askedWithinTurns(x.led, x.view.turn, e.id, 'backing', 3) && !refusedWithin(x.led, x.view.turn, e.id, 'backing', 6)) {
        return { type: 'engageExternal', actor: e.id, ask: 'backing' };
      }
    }
  }
  if (x.madeNow('requestCbm') === 0) {
    for (const p of x.view.parties) {
      if (p.seat === 'walkedOut') continue;
      const c = gestureFrom(x, p);
      if (c) return c;
    }
  }
  return { type: 'caucus', party: out.id };
}

/** A party whose trust in the mediator is below what the process asks (plus `margin`): caucus, if it keeps balance. */
export function repairTrust(x: XFacts, margin: number): MediatorCommand | null {
  const bar = trustBar(x) + margin;
  let worst: PartyView | undefined;
  for (const p of x.view.parties) {
    if (p.trustInMediator >= bar || !x.mayCaucus(p.id)) continue;
    if (!worst || p.trustInMediator < worst.trustInMediator) worst = p;
  }
  return worst ? { type: 'caucus', party: worst.id } : null;
}

/** Gestures, costliest first: what a sincere party can give builds the most trust. */
const GESTURES = ['releaseForeigners', 'prisonerRelease', 'humanitarianChannel', 'ceasefire'] as const;

/**
 * A gesture from this party it can afford now, or null. Not asked again after a refusal until its
 * trust or commitment has risen; a kind it called too costly is not asked again; once gestures buy
 * (almost) nothing, none.
 */
export function gestureFrom(x: XFacts, p: PartyView): MediatorCommand | null {
  if (p.seat === 'walkedOut') return null;
  const no = x.led.cbmRefused.get(p.id);
  const given = x.led.gestures.get(p.id);
  if (given && given.turn === x.view.turn) return null;
  if (given && given.count >= 2 && given.lastGain < 1.5) return null;
  // Gestures that bought little are asked for again only after a pause (they fade when repeated).
  if (given && given.lastGain < 4 && given.turn >= x.view.turn - 2) return null;
  if (no && !no.costly && (given?.turn ?? -1) < no.turn && p.trustInMediator <= no.trust + 1 && p.commitment <= no.commitment + 3) return null;
  if (p.trustInMediator < trustBar(x) - 3) return null;
  for (const cbm of GESTURES) if (!x.led.tooCostly.has(`${p.id}:${cbm}`)) return { type: 'requestCbm', party: p.id, cbm };
  return null;
}

/** Until they can meet: a gesture from the least trusted party (or the other), else a caucus to make one possible. */
export function buildMutualTrust(x: XFacts): MediatorCommand | null {
  if (x.canMeet || x.madeNow('requestCbm') > 0) return null;
  const low = leastTrusted(x.view);
  const c = gestureFrom(x, low);
  if (c) return c;
  // The other side's gesture helps too, when it is the one that can give.
  for (const p of x.view.parties) {
    if (p.id === low.id) continue;
    const o = gestureFrom(x, p);
    if (o && (low.trustIn[p.id] ?? 0) < x.t.directTalksTrust + 10) return o;
  }
  return x.mayCaucus(low.id) && low.seat !== 'walkedOut' && x.madeNow('caucus') < 2 ? { type: 'caucus', party: low.id } : null;
}
