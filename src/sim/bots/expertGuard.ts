/**
 * The expert's conscience: each move the craft (./craftPhases) proposes, vetted against the seven
 * sins of the debrief before it is made, from the mediator's view and log only (./ledger):
 *  - arrogance: no terms to a party not heard in this phase (nor earlier this turn), and a caucus
 *    after any refusal before the next terms;
 *  - partiality: caucuses kept in balance, and one side's patrons courted only once the other
 *    side's have been engaged;
 *  - impotence: every strike or shock from an actor not yet engaged answered within its window
 *    (experts first when the faction's type is unknown), every walk-out visited;
 *  - haste: no terms on the first day of negotiation on an issue nobody studied;
 *  - inflexibility: no long run of turns without a move that reveals interests or moves positions;
 *  - ignorance and false promises: the craft already studies first and promises nothing.
 */
import type { MediatorCommand } from '../types';
import type { Craft } from './craft';
import { caucusedNow, madeNow } from './craft';
import { approachFor } from './spoilers';
import { ifLegal } from './readings';

const PROPOSALS = new Set(['proposeAgenda', 'proposeFormula', 'proposePackage']);
/** Turns a strike may go unanswered (the debrief's window is two). */
const ANSWER_WITHIN = 2;
/** Caucus balance kept well inside the debrief's favouritism ratio. */
const BALANCE = 2;
/** The side an outside power clearly backs (its support 20 ahead of the next), from the scenario's public data. */
export function patronSideOf(c: Craft, actor: string): string | null {
  const support = c.s.externals.find((x) => x.id === actor)?.support ?? {};
  const ranked = c.s.parties.map((p) => ({ p: p.id, v: support[p.id] ?? 0 })).sort((a, b) => b.v - a.v);
  return ranked[0] && ranked[0].v > 0 && ranked[0].v - (ranked[1]?.v ?? 0) >= 20 ? ranked[0].p : null;
}

/** Heard in the phase in force, or earlier this turn (a caucus, or a joint session that worked). */
function heard(c: Craft, party: string): boolean {
  return c.led.heardSincePhase.has(party) || caucusedNow(c, party) > 0;
}

/** A strike or a shock of the last turns from an actor never engaged: engage it now (experts first). */
export function answerHits(c: Craft): MediatorCommand | null {
  for (const [actor, turn] of c.led.hits) {
    if (c.led.engaged.has(actor) || turn < c.view.turn - ANSWER_WITHIN) continue;
    for (const p of c.view.parties) {
      const f = p.factions.find((x) => x.id === actor);
      if (!f) continue;
      const cmd: MediatorCommand =
        f.spoiler === 'unknown' ? { type: 'consultExperts', subject: f.id } : { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) };
      const ok = ifLegal(c.g, cmd);
      if (ok) return ok;
    }
    const e = c.view.externals.find((x) => x.id === actor);
    if (e) {
      const ok = ifLegal(c.g, { type: 'engageExternal', actor, ask: e.leverage.includes('sanctions') ? 'restraint' : 'backing' });
      if (ok) return ok;
    }
  }
  return null;
}

/** The other side's patron never engaged, when this ask would court one side only. */
function otherPatron(c: Craft, actor: string): MediatorCommand | null {
  const side = patronSideOf(c, actor);
  if (!side) return null;
  for (const e of c.view.externals) {
    const s = patronSideOf(c, e.id);
    if (s === null || s === side || c.led.engaged.has(e.id)) continue;
    // Any side already engaged other than this one keeps the balance.
    return { type: 'engageExternal', actor: e.id, ask: e.leverage.includes('sanctions') ? 'restraint' : 'backing' };
  }
  return null;
}

function otherSideEngaged(c: Craft, side: string): boolean {
  for (const id of c.led.engaged) {
    const s = patronSideOf(c, id);
    if (s !== null && s !== side) return true;
  }
  return false;
}

/** The move to make instead of `cmd` (or `cmd` itself when it is sound). */
export function vet(c: Craft, cmd: MediatorCommand): MediatorCommand {
  const view = c.view;
  if (PROPOSALS.has(cmd.type)) {
    for (const p of view.parties) if (p.seat !== 'walkedOut' && !heard(c, p.id)) return { type: 'caucus', party: p.id };
    if (c.led.unheardRefusal) {
      let least = view.parties[0]!;
      for (const p of view.parties) if (p.seat !== 'walkedOut' && caucusedNow(c, p.id) < caucusedNow(c, least.id)) least = p;
      return { type: 'caucus', party: least.id };
    }
    if ((cmd.type === 'proposeFormula' || cmd.type === 'proposePackage') && view.phase === 'negotiation' && c.led.phaseTurn === view.turn) {
      const issues = cmd.type === 'proposeFormula' ? [cmd.issue] : Object.keys(cmd.terms);
      for (const i of issues) if (!c.led.studied.has(i)) return { type: 'consultExperts', subject: i };
    }
    return cmd;
  }
  if (cmd.type === 'engageExternal') {
    const side = patronSideOf(c, cmd.actor);
    if (side && !otherSideEngaged(c, side)) return otherPatron(c, cmd.actor) ?? cmd;
    return cmd;
  }
  if (cmd.type === 'caucus') {
    const target = view.parties.find((p) => p.id === cmd.party);
    if (!target || target.seat === 'walkedOut') return cmd;
    const count = (id: string) => c.led.courting.get(id) ?? 0;
    const after = count(cmd.party) + 1;
    let least = target;
    for (const p of view.parties) if (p.seat !== 'walkedOut' && count(p.id) < count(least.id)) least = p;
    if (least.id !== cmd.party && after > BALANCE * Math.max(1, count(least.id)) && caucusedNow(c, least.id) < 2) return { type: 'caucus', party: least.id };
    return cmd;
  }
  return cmd;
}

/**
 * Turns in a row without a move that reveals interests or moves positions make a stalemate: after
 * two such turns, one move this turn learns something (experts on an issue not yet studied).
 */
export function keepMoving(c: Craft): MediatorCommand | null {
  const t = c.view.turn;
  if (!['exploratory', 'agenda', 'negotiation', 'agreements'].includes(c.view.phase)) return null;
  if (c.led.adaptive.has(t) || c.led.adaptive.has(t - 1) || c.led.adaptive.has(t - 2) || c.led.lastPhaseTurn >= t - 2) return null;
  if (madeNow(c, 'consultExperts') > 0) return null;
  const ids = c.view.agenda ?? c.view.issues.map((i) => i.id);
  for (const id of [...ids, ...c.view.issues.map((i) => i.id)]) {
    if (c.led.studied.has(id)) continue;
    const ok = ifLegal(c.g, { type: 'consultExperts', subject: id });
    if (ok) return ok;
  }
  for (const id of ids) {
    const ok = ifLegal(c.g, { type: 'technicalCommission', issue: id }) ?? ifLegal(c.g, { type: 'reframe', issue: id });
    if (ok) return ok;
  }
  return null;
}
