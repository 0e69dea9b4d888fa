/**
 * The world's answer at the end of a turn. `planTurnEnd` decides what happens (scheduled injects,
 * missed expectations, random events, spoiler strikes); the engine then sends each planned event to
 * the statechart; `closeTurn` lets the parties react (ripeness, neglect, gestures, walk-outs,
 * returns, compliance); `advanceTurn` records the turn and opens the next.
 */
import type { Condition, Effect, InjectDef, Scenario, SpoilerAction } from '../../scenario/schema';
import type { Change, Difficulty, LogEntry, PlannedEvent, World } from '../types';
import { Dice } from '../rng';
import { addLog, shiftMeter } from '../world';
import { applyEffect, walkOut } from './effects';
import { isFinal, phaseIndex, progress } from './progress';
import { isHumanParty } from './proposals';
import { isHumanSeat } from '../roles';
import { BACKING, COMPLIANCE, GESTURE, INCENTIVE, RETURN, STALLING } from './numbers';
import { secureByGuarantees } from './guarantees';
import { otherIds } from '../util';
import { shiftTrust } from '../world';

/** What a party offers unprompted, in turn: the same for a sincere party and a staller. */
const SPONTANEOUS_GESTURES = ['humanitarianChannel', 'prisonerRelease', 'releaseForeigners'] as const;

export const DIFFICULTY_ODDS: Record<Difficulty, number> = { easy: 0.6, standard: 1, hard: 1.4 };
export const SPOILER_BASE = { none: 0, limited: 0.03, greedy: 0.06, total: 0.1 } as const;

/** What each kind of spoiler reaches for, by the faction's stance. */
const SPOILER_MENU: Record<'limited' | 'greedy' | 'total', SpoilerAction[]> = {
  limited: ['denunciation', 'leak'],
  greedy: ['denunciation', 'callWalkout', 'leak'],
  total: ['crackdown', 'arrest', 'violence', 'callWalkout'],
};

export function conditionHolds(s: Scenario, w: World, c: Condition | undefined): boolean {
  if (!c) return true;
  if (c.phase && !c.phase.includes(w.phase as never)) return false;
  if (c.minTurn !== undefined && w.turn < c.minTurn) return false;
  if (c.maxTurn !== undefined && w.turn > c.maxTurn) return false;
  if (c.minProgress !== undefined && progress(w) < c.minProgress) return false;
  if (c.visibility && w.visibility !== c.visibility) return false;
  if (c.partyMeter) {
    const p = w.parties[c.partyMeter.party];
    if (!p) return false;
    const v = p[c.partyMeter.meter];
    if (c.partyMeter.below !== undefined && !(v < c.partyMeter.below)) return false;
    if (c.partyMeter.above !== undefined && !(v > c.partyMeter.above)) return false;
  }
  if (c.notEngaged && engagedWith(w, c.notEngaged)) return false;
  return true;
}

/** Has any move so far engaged this outside power or faction? (Asked each turn: a plain loop.) */
function engagedWith(w: World, id: string): boolean {
  for (const e of w.log) {
    if (e.kind !== 'move') continue;
    if (('actor' in e.command && e.command.actor === id) || ('faction' in e.command && e.command.faction === id)) return true;
  }
  return false;
}

/**
 * Did the trainee make the move the exercise expected after the inject fired? Only moves logged
 * after the inject's own news count: a move made earlier in the turn was not a response to it.
 */
export function responded(w: World, inj: InjectDef): boolean {
  const exp = inj.expectedResponse;
  if (!exp) return true;
  // Asked every turn for each awaited inject: plain loops over the log, nothing allocated.
  const log = w.log;
  let i = 0;
  while (i < log.length && !isInjectNews(log[i]!, inj.id)) i++;
  if (i === log.length) return false;
  for (i++; i < log.length; i++) {
    const e = log[i]!;
    if (e.kind !== 'move' || e.command.type !== exp.move) continue;
    if (!exp.target || names(e.command, exp.target)) return true;
  }
  return false;
}

const isInjectNews = (e: LogEntry, id: string): boolean => e.kind === 'event' && e.id === id && (e.source === 'inject' || e.source === 'instructor');

/** Does the command name this target (as party, actor, faction, issue, subject, venue or agenda item)? */
function names(command: object, target: string): boolean {
  const c = command as Record<string, unknown>;
  if (c.party === target || c.actor === target || c.faction === target || c.issue === target || c.subject === target || c.venue === target) return true;
  return Array.isArray(c.issues) && c.issues.includes(target);
}

const injectEvent = (inj: { id: string; synopsis: string; effect: Effect }, source: PlannedEvent['source']): PlannedEvent => ({
  source,
  id: inj.id,
  synopsis: inj.synopsis,
  effect: inj.effect,
});

/** A spoiler's leak is also a leak: the second event moves the visibility region. */
export function expandPlanned(ev: PlannedEvent): PlannedEvent[] {
  if (ev.effect.kind === 'spoiler' && ev.effect.action === 'leak') {
    return [ev, { source: ev.source, ...(ev.id ? { id: ev.id } : {}), effect: { kind: 'leak', source: ev.effect.faction } }];
  }
  return [ev];
}

export function spoilerEvents(factionId: string, action: SpoilerAction, source: PlannedEvent['source']): PlannedEvent[] {
  return expandPlanned({ source, id: factionId, effect: { kind: 'spoiler', faction: factionId, action } });
}

export function planTurnEnd(s: Scenario, w: World): PlannedEvent[] {
  const dice = new Dice(w);
  const odds = DIFFICULTY_ODDS[w.options.difficulty];
  const planned: PlannedEvent[] = [];
  if (isFinal(w.phase)) return planned;

  // 1. Scheduled injects (the MSEL): due by turn and/or condition, once each.
  for (const inj of s.injects) {
    if (w.firedInjects.includes(inj.id)) continue;
    if (inj.turn !== undefined && w.turn < inj.turn) continue;
    if (!conditionHolds(s, w, inj.condition)) continue;
    w.firedInjects.push(inj.id);
    if (inj.expectedResponse) w.awaiting[inj.id] = w.turn + inj.expectedResponse.withinTurns;
    planned.push(...expandPlanned(injectEvent(inj, 'inject')));
  }
  // 2. Expected responses that did not come: their contingencies fire.
  for (const id in w.awaiting) {
    const deadline = w.awaiting[id]!;
    const inj = s.injects.find((i) => i.id === id);
    if (!inj) continue;
    if (responded(w, inj)) {
      delete w.awaiting[id];
      continue;
    }
    if (w.turn < deadline) continue;
    delete w.awaiting[id];
    for (const c of inj.contingency) {
      if (w.firedInjects.includes(c.id) || !conditionHolds(s, w, c.condition)) continue;
      w.firedInjects.push(c.id);
      planned.push(...expandPlanned(injectEvent(c, 'contingency')));
    }
  }
  // 3. One random event, sometimes, from the scenario's table for this phase.
  if (s.randomEvents.length && dice.chance(s.randomEventChance * odds)) {
    const table = s.randomEvents.filter((e) => !e.phases || e.phases.includes(w.phase as never));
    const ev = dice.pickWeighted(table, (e) => e.weight);
    if (ev) planned.push(...expandPlanned(injectEvent(ev, 'random')));
  }
  // 4. Spoilers: odds rise with progress and exclusion, fall with satisfaction and the right handling.
  const prog = progress(w);
  const signing = w.phase === 'agreements';
  for (const f of Object.values(w.factions)) {
    if (f.spoiler === 'none' || isHumanSeat(w, 'faction', f.id)) continue;
    let p = SPOILER_BASE[f.spoiler] * (1 + 1.5 * prog) * (f.included ? 0.8 : 1.5) * (1.4 - f.satisfaction / 100) * odds;
    if (f.managed) p *= 0.25;
    else if (signing && f.spoiler !== 'limited') p *= 2;
    if (dice.chance(p)) {
      const menu = SPOILER_MENU[f.spoiler];
      planned.push(...spoilerEvents(f.id, menu[dice.int(0, menu.length - 1)]!, 'faction'));
    }
  }
  return planned;
}

/** What the process promises a party, as it sees it: set against its BATNA. */
export function processPromise(w: World, partyId: string): number {
  const p = w.parties[partyId]!;
  return 30 + p.trustInMediator * 0.3 + progress(w) * 30 + p.incentive;
}

export function closeTurn(s: Scenario, w: World): void {
  const dice = new Dice(w);
  const t = s.thresholds;
  const ids = Object.keys(w.parties);
  const log = (partyId: string, effect: Effect, changes: Change[], key: string) =>
    addLog(w, { turn: w.turn, kind: 'event', source: 'party', id: partyId, effect, result: { key, params: { party: partyId } }, changes });

  fadeAndDrift(s, w);
  if (w.phase === 'suspended') {
    w.suspendedTurns += 1;
    for (const id of ids) {
      const p = w.parties[id]!;
      // A party that left comes back only when the process gives it a reason (the mediator's
      // shuttles, a gesture by the other side, its patron's push), not by drift.
      const needed = p.pretext ? RETURN.reasonsAfterPretext : RETURN.reasons;
      if (p.seat === 'walkedOut' && !isHumanParty(w, id) && p.commitment >= RETURN.commitment && p.returnReasons >= needed) {
        p.seat = 'atTable';
        p.returnReasons = 0;
        p.pretext = false;
        log(id, { kind: 'news' }, [{ target: id, meter: 'seat', delta: 1 }], 'event.party.returns');
      }
    }
  } else if (phaseIndex(w.phase) >= 0) {
    stallingTakesItsToll(w);
    let maxAttention = -Infinity;
    for (const id of ids) maxAttention = Math.max(maxAttention, w.parties[id]!.attention);
    for (const id of ids) {
      const p = w.parties[id]!;
      const changes: Change[] = [];
      // Ripeness: a party with little to fall back on leans into the process.
      shiftMeter(w, id, 'commitment', (55 - p.batna) * 0.06, changes);
      // A party the mediator neglects doubts the mediator's impartiality.
      if (p.attention < maxAttention - 3) shiftMeter(w, id, 'trustInMediator', -2, changes);
      if (isHumanParty(w, id)) continue;
      let minTrust = 100;
      for (const o of ids) if (o !== id) minTrust = Math.min(minTrust, p.trustIn[o]!);
      const sincereGesture = p.intent === 'sincere' && p.commitment >= 60 && minTrust >= 30 && dice.chance(0.12);
      // A stalling party releases a few prisoners when pressed: appearances for the outside world.
      const showGesture = p.intent === 'stalling' && p.commitment < 45 && dice.chance(0.1);
      if (sincereGesture || showGesture) {
        // The kind is left to chance, the same for every party: a gesture must not betray a staller.
        // (Peeked, not drawn: the label must not shift the draws that decide what happens next.)
        const effect: Effect = { kind: 'cbm', party: id, cbm: SPONTANEOUS_GESTURES[dice.peekInt(0, SPONTANEOUS_GESTURES.length - 1)]! };
        const result = applyEffect(s, w, effect, changes);
        addLog(w, { turn: w.turn, kind: 'event', source: 'party', id, effect, result, changes: changes.slice() });
        continue;
      }
      if (p.seat !== 'walkedOut' && (p.commitment < 20 || p.batna - processPromise(w, id) > t.walkOutMargin)) {
        walkOut(w, id, changes);
        log(id, { kind: 'walkOut', party: id }, changes, 'event.walkOut');
      }
    }
    if (w.phase === 'monitoring') checkCompliance(s, w, dice);
  }
  // Time runs out only for reaching an agreement: once signed, monitoring (and a walk-out during it) goes on.
  const signed = w.phase === 'monitoring' || (w.phase === 'suspended' && w.resumePhase === 'monitoring');
  if (w.turn >= s.turnLimit && !signed && phaseIndex(w.phase) < phaseIndex('monitoring')) w.expired = true;
}

/**
 * Every meter can fall: recent gestures are forgotten (halving), a staller's gestures fade from
 * the others' trust when nothing concrete follows, incentives fade unless renewed, and outside
 * powers' dispositions drift back to where the scenario set them.
 */
function fadeAndDrift(s: Scenario, w: World): void {
  const ids = Object.keys(w.parties);
  for (const id of ids) {
    const p = w.parties[id]!;
    if (p.intent === 'stalling' && p.gestureFatigue > 0.25) for (const o of otherIds(ids, id)) shiftTrust(w, o, id, -GESTURE.stallerTrust);
    p.gestureFatigue *= GESTURE.fatigueDecay;
    p.incentive = Math.round(p.incentive * INCENTIVE.fade * 10) / 10;
  }
  for (const def of s.externals) {
    const e = w.externals[def.id]!;
    const gap = def.disposition - e.disposition;
    if (gap !== 0) e.disposition += Math.sign(gap) * Math.min(Math.abs(gap), BACKING.drift);
  }
  // Support shifts change whom a guarantee reassures: a power that turns against a party takes its widening away.
  if (s.issues.some((i) => w.issues[i.id]!.secured) || Object.values(w.externals).some((e) => e.guarantee)) secureByGuarantees(s, w);
}

/**
 * Talks that drag on without a concrete step (no proposal accepted this turn, in negotiation)
 * demobilise and divide the side that is being stalled.
 */
function stallingTakesItsToll(w: World): void {
  if (w.phase !== 'negotiation' || acceptedThisTurn(w)) return;
  const ids = Object.keys(w.parties);
  for (const id of ids) {
    if (w.parties[id]!.intent !== 'stalling') continue;
    for (const o of otherIds(ids, id)) {
      if (w.parties[o]!.intent === 'stalling') continue;
      shiftMeter(w, o, 'cohesion', -STALLING.cohesion);
      shiftMeter(w, o, 'commitment', -STALLING.commitment);
    }
  }
}

function acceptedThisTurn(w: World): boolean {
  for (let i = w.proposals.length - 1; i >= 0; i--) {
    const p = w.proposals[i]!;
    if (p.turn !== w.turn) return false;
    if (p.status === 'accepted' && p.kind !== 'cbm' && !p.repeat) return true;
  }
  return false;
}

/** Monitoring: each party's compliance this turn; held turns count toward conclusion. */
function checkCompliance(s: Scenario, w: World, dice: Dice): void {
  const guarantee = Object.values(w.externals).some((e) => e.guarantee) ? COMPLIANCE.guarantee : 0;
  let held = true;
  for (const p of Object.values(w.parties)) {
    const stalling = p.intent === 'stalling' ? STALLING.compliance : 0;
    const c =
      COMPLIANCE.cohesion * p.cohesion +
      COMPLIANCE.commitment * p.commitment +
      COMPLIANCE.verification * w.verification +
      guarantee -
      stalling +
      dice.int(-COMPLIANCE.luck, COMPLIANCE.luck);
    w.compliance[p.id] = Math.round(Math.max(0, Math.min(100, c)));
    if (w.compliance[p.id]! < s.thresholds.complianceFloor) held = false;
  }
  if (held) w.complianceTurns += 1;
  else {
    w.violations += 1;
    addLog(w, {
      turn: w.turn,
      kind: 'event',
      source: 'party',
      effect: { kind: 'news' },
      result: { key: 'event.violation', params: { count: w.violations } },
      changes: [],
    });
  }
}

/** Record the turn as it ended (after the statechart settled), then open the next one. */
export function advanceTurn(s: Scenario, w: World): void {
  const parties: World['series'][number]['parties'] = {};
  for (const p of Object.values(w.parties)) {
    parties[p.id] = {
      trustInMediator: Math.round(p.trustInMediator),
      commitment: Math.round(p.commitment),
      cohesion: Math.round(p.cohesion),
      batna: Math.round(p.batna),
      ...(w.compliance[p.id] !== undefined ? { compliance: w.compliance[p.id] } : {}),
    };
  }
  w.series = [...w.series, { turn: w.turn, phase: w.phase, parties, progress: Math.round(progress(w) * 100) / 100 }];
  addLog(w, { turn: w.turn, kind: 'turn', ended: w.turn });
  if (isFinal(w.phase)) return;
  w.turn += 1;
  w.ap = s.actionPoints;
}
