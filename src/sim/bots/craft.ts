/**
 * The mediator's craft shared by the by-the-book bot and the expert: both see only the mediator's
 * view (./mediatorView) and the log it shows (./ledger) — no dice, no hidden value — and play the
 * settled rules of MECHANICS.md ("Principles of the model (round 2)"):
 *
 *  - trust is built where it is lowest: the first caucus of a turn with a party relays +3 of its
 *    trust in the others (the party holding the lowest trust first), one gesture request a turn
 *    from the party the other side trusts least — a cheap one from a suspected staller, the
 *    costliest a sincere party can afford (45 + 5 × (cost − 1) trust in the mediator);
 *  - face to face only once mutual trust reaches the threshold (a failed joint session costs);
 *  - every faction learned from the experts, then engaged once the right way for its type;
 *  - a walk-out is undone by one shuttle caucus a turn and a push from the party's patron;
 *  - the venue near the principals at the start of a turn (it takes the whole turn).
 *
 * `level` separates the rungs of the ladder: the expert also prepares for shocks (restraint asked
 * of a sanctioning power, the target caucused every turn once talks are under way), trades across
 * issues by weight (./expertTerms), reads what a refusal says and concedes toward it, and keeps its
 * action points for what moves the process.
 */
import type { Scenario, Thresholds } from '../../scenario/schema';
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { FactionView, PartyView, View } from '../view';
import type { Ledger } from './ledger';
import { askedWithinTurns, refusedWithin } from './ledger';
import { approachFor } from './spoilers';
import { ifLegal } from './readings';
import { GUARANTEE } from '../rules/numbers';

export type Level = 'book' | 'expert';

export interface Craft {
  readonly g: Game;
  readonly view: View;
  readonly s: Scenario;
  readonly t: Thresholds;
  readonly done: readonly MediatorCommand[];
  readonly led: Ledger;
  readonly level: Level;
  /** The lowest trust any party has in another. */
  readonly mutual: number;
  readonly canMeet: boolean;
}

export function craftFor(g: Game, view: View, done: readonly MediatorCommand[], led: Ledger, level: Level): Craft {
  const s = g.scenario;
  let mutual = 100;
  for (const p of view.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
  return { g, view, s, t: s.thresholds, done, led, level, mutual, canMeet: mutual >= s.thresholds.directTalksTrust };
}

/** The first legal candidate. */
export function pick(c: Craft, ...cands: (MediatorCommand | null | undefined)[]): MediatorCommand | null {
  for (const x of cands) {
    const ok = ifLegal(c.g, x);
    if (ok) return ok;
  }
  return null;
}

export function madeNow(c: Craft, type: MediatorCommand['type']): number {
  let n = 0;
  for (const m of c.done) if (m.type === type) n++;
  return n;
}

export function caucusedNow(c: Craft, party: string): number {
  let n = 0;
  for (const m of c.done) if (m.type === 'caucus' && m.party === party) n++;
  return n;
}

/** A party's lowest trust in another party. */
export function lowestTrustIn(p: PartyView): number {
  let low = 100;
  for (const k in p.trustIn) low = Math.min(low, p.trustIn[k]!);
  return low;
}

/** How much the others trust this party (their lowest trust in it). */
export function trustedBy(view: View, id: string): number {
  let low = 100;
  for (const p of view.parties) if (p.id !== id) low = Math.min(low, p.trustIn[id] ?? 100);
  return low;
}

const atTable = (p: PartyView): boolean => p.seat !== 'walkedOut';

/**
 * Shuttle diplomacy: the first caucus this turn with the party whose trust in the others is lowest
 * (it relays +3), while mutual trust still has a way to go; then the other side.
 */
export function relayCaucus(c: Craft, margin: number): MediatorCommand | null {
  const bar = c.t.directTalksTrust + margin;
  let best: PartyView | undefined;
  for (const p of c.view.parties) {
    if (!atTable(p) || caucusedNow(c, p.id) > 0 || p.trustInMediator < 35) continue;
    if (lowestTrustIn(p) >= bar) continue;
    if (!best || lowestTrustIn(p) < lowestTrustIn(best)) best = p;
  }
  return best ? { type: 'caucus', party: best.id } : null;
}

/** A caucus with a party whose trust in the mediator is below `bar` (first visit of the turn). */
export function trustCaucus(c: Craft, bar: number): MediatorCommand | null {
  let worst: PartyView | undefined;
  for (const p of c.view.parties) {
    if (!atTable(p) || caucusedNow(c, p.id) > 0 || p.trustInMediator >= bar) continue;
    if (!worst || p.trustInMediator < worst.trustInMediator) worst = p;
  }
  return worst ? { type: 'caucus', party: worst.id } : null;
}

/** Gestures by cost, costliest first. */
const COSTLY = [
  ['ceasefire', 3],
  ['releaseForeigners', 2],
  ['prisonerRelease', 1],
  ['humanitarianChannel', 1],
] as const;

/**
 * One gesture request a turn, from the party the other side trusts least: the costliest it can
 * afford. A suspected staller is asked only for cheap ones (the costly ones it refuses), a sincere
 * party for what its trust in the mediator affords. A refusal is not repeated until the party's
 * trust or commitment has risen.
 */
export function gestureRequest(c: Craft, from?: PartyView): MediatorCommand | null {
  if (madeNow(c, 'requestCbm') > 0) return null;
  let p = from;
  if (!p) {
    for (const q of c.view.parties) if (atTable(q) && (!p || trustedBy(c.view, q.id) < trustedBy(c.view, p.id))) p = q;
  }
  if (!p || !atTable(p) || p.commitment < 40) return null;
  const no = c.led.cbmRefused.get(p.id);
  const given = c.led.gestures.get(p.id);
  if (given && given.turn === c.view.turn) return null;
  if (no && !no.costly && no.turn >= (given?.turn ?? -1) && p.trustInMediator <= no.trust + 1 && p.commitment <= no.commitment + 3) return null;
  const suspected = p.intent === 'suspected';
  for (const [cbm, cost] of COSTLY) {
    if (suspected && cost > 1) continue;
    if (c.led.tooCostly.has(`${p.id}:${cbm}`)) continue;
    if (!suspected && p.trustInMediator < 45 + 5 * (cost - 1)) continue;
    if (suspected && p.trustInMediator < 35) continue;
    return { type: 'requestCbm', party: p.id, cbm };
  }
  return null;
}

/** Face to face as soon as mutual trust allows, never before. */
export function meet(c: Craft): MediatorCommand | null {
  return c.canMeet && c.view.talkFormat === 'pendular' && c.led.backfiredJoint < c.view.turn ? { type: 'jointSession' } : null;
}

/** Factions: learn a type from the experts, then engage it the right way, once each. */
export function nextFaction(c: Craft, only?: PartyView): MediatorCommand | null {
  const consultFirst: FactionView[] = [];
  // The least united party's factions first: its cohesion is what a signing needs.
  const parties = only ? [only] : [...c.view.parties].sort((a, b) => a.cohesion - b.cohesion);
  for (const p of parties) {
    for (const f of p.factions) {
      if (c.led.handled.has(f.id) || (f.spoiler === 'none' && c.led.engaged.has(f.id))) continue;
      if (f.spoiler !== 'unknown' && f.spoiler !== 'none') return { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) };
      if (f.spoiler === 'unknown') consultFirst.push(f);
    }
  }
  // Moderates once every hardliner is known and handled (their inclusion unites the party).
  if (consultFirst.every((f) => f.stance !== 'hardline')) {
    for (const p of parties)
      for (const f of p.factions)
        if (f.spoiler === 'none' && !c.led.engaged.has(f.id)) return { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) };
  }
  // Hardliners first, the most influential first: they are the ones that strike.
  consultFirst.sort((a, b) => (a.stance === b.stance ? b.influence - a.influence : a.stance === 'hardline' ? -1 : 1));
  const f = consultFirst[0];
  return f ? { type: 'consultExperts', subject: f.id } : null;
}

/** A power that pressures a party with sanctions: restraint before its shock lands. */
export function restraintAsk(c: Craft): MediatorCommand | null {
  if (madeNow(c, 'engageExternal') > 0) return null;
  // The power that pressures hardest: its shock is the one to halve.
  let best: View['externals'][number] | undefined;
  let worst = -30;
  for (const e of c.view.externals) {
    if (!e.leverage.includes('sanctions') || e.disposition < -40) continue;
    for (const k in e.support)
      if (e.support[k]! < worst) {
        worst = e.support[k]!;
        best = e;
      }
  }
  if (!best || best.restraint || askedWithinTurns(c.led, c.view.turn, best.id, 'restraint', 1)) return null;
  return { type: 'engageExternal', actor: best.id, ask: 'restraint' };
}

/** The party a sanctioning power pressures hardest (the likely target of its next shock). */
export function shockTarget(c: Craft): PartyView | undefined {
  let target: PartyView | undefined;
  let worst = -30;
  for (const e of c.view.externals) {
    if (!e.leverage.includes('sanctions')) continue;
    for (const p of c.view.parties) {
      const sup = e.support[p.id] ?? 0;
      if (sup < worst) {
        worst = sup;
        target = p;
      }
    }
  }
  return target;
}

/** Talks suspended: one shuttle caucus, a push from a patron, a gesture by the other side, a second visit. */
export function bringBack(c: Craft): MediatorCommand | null {
  let out: PartyView | undefined;
  for (const p of c.view.parties) if (p.seat === 'walkedOut' && (!out || p.commitment < out.commitment)) out = p;
  if (!out) return null;
  const cands: (MediatorCommand | null)[] = [];
  if (caucusedNow(c, out.id) === 0) cands.push({ type: 'caucus', party: out.id });
  if (madeNow(c, 'engageExternal') === 0) {
    let patron: View['externals'][number] | undefined;
    for (const e of c.view.externals) {
      if ((e.support[out.id] ?? 0) <= 0 || e.disposition < -40 || refusedWithin(c.led, c.view.turn, e.id, 'backing', 3)) continue;
      if (!patron || (c.led.lastAsked.get('backing')?.get(e.id) ?? 0) < (c.led.lastAsked.get('backing')?.get(patron.id) ?? 0)) patron = e;
    }
    if (patron) cands.push({ type: 'engageExternal', actor: patron.id, ask: 'backing' });
  }
  for (const p of c.view.parties) if (p.id !== out.id && atTable(p)) cands.push(gestureRequest(c, p));
  if (caucusedNow(c, out.id) === 1) cands.push({ type: 'caucus', party: out.id });
  for (const p of c.view.parties) if (p.id !== out.id && atTable(p)) cands.push(caucusedNow(c, p.id) === 0 ? { type: 'caucus', party: p.id } : null);
  return pick(c, ...cands);
}

/** A venue near the principals, at the start of a turn (a change takes the whole turn). */
export function venueMove(c: Craft): MediatorCommand | null {
  if (c.done.length > 0) return null;
  const here = c.view.venues.find((v) => v.id === c.view.venue);
  if (here?.nearPrincipals) return null;
  for (const v of c.view.venues)
    if (v.nearPrincipals) {
      const cmd = ifLegal(c.g, { type: 'changeVenue', venue: v.id });
      if (cmd) return cmd;
    }
  return null;
}

/**
 * A guarantor for the deal, from a power that can vouch and has not refused: the one whose word
 * reassures the most parties (those it does not work against, MECHANICS "guarantees").
 */
export function guaranteeAsk(c: Craft): MediatorCommand | null {
  for (const e of c.view.externals) if (e.guarantee) return null;
  let best: { id: string; reassures: number } | null = null;
  for (const e of c.view.externals) {
    if (!(e.leverage.includes('guarantees') || e.leverage.includes('mediation')) || e.disposition < -20) continue;
    if (refusedWithin(c.led, c.view.turn, e.id, 'guarantee', 99)) continue;
    let reassures = 0;
    for (const p of c.view.parties) if ((e.support[p.id] ?? 0) >= GUARANTEE.trustedFrom) reassures++;
    if (!best || reassures > best.reassures) best = { id: e.id, reassures };
  }
  return best ? { type: 'engageExternal', actor: best.id, ask: 'guarantee' } : null;
}
