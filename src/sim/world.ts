/**
 * The world at turn 1, built from a scenario, and how a world is copied before a command changes it.
 */
import type { Scenario } from '../scenario/schema';
import type { GameOptions, LogEntry, World } from './types';
import { seedState } from './rng';
import { clamp } from './util';
import { batnaOf } from './rules/batna';

export const DEFAULT_OPTIONS: GameOptions = { seed: 1, difficulty: 'standard', humanRoles: [] };

export function createWorld(s: Scenario, options: GameOptions): World {
  const w: World = {
    turn: 1,
    ap: s.actionPoints,
    rng: seedState(options.seed),
    phase: 'exploratory',
    resumePhase: null,
    talkFormat: 'pendular',
    visibility: 'confidential',
    parties: {},
    factions: {},
    externals: {},
    issues: {},
    agenda: null,
    proposals: [],
    signatures: {},
    venue: s.startVenue ?? s.venues[0]?.id ?? null,
    venuesOffered: [],
    verification: 0,
    compliance: {},
    complianceTurns: 0,
    violations: 0,
    suspendedTurns: 0,
    knowledge: { briefing: false, history: false, spoilerTypes: {}, interests: {} },
    firedInjects: [],
    awaiting: {},
    optimismTurns: [],
    pending: [],
    expired: false,
    phaseEntered: { exploratory: 1 },
    log: [],
    series: [],
    options,
  };
  for (const p of s.parties) {
    const trustIn: Record<string, number> = {};
    for (const q of s.parties) if (q.id !== p.id) trustIn[q.id] = p.trustIn[q.id] ?? 30;
    w.parties[p.id] = {
      id: p.id,
      trustInMediator: p.trustInMediator,
      commitment: p.commitment,
      cohesion: p.cohesion,
      trustIn,
      batna: 0,
      shock: 0,
      incentive: 0,
      seat: 'atTable',
      intent: p.intent,
      attention: 0,
      gestures: 0,
      gestureFatigue: 0,
      returnReasons: 0,
      lastReasonTurn: 0,
      pretext: false,
    };
    w.knowledge.interests[p.id] = {};
    w.signatures[p.id] = false;
    for (const f of p.factions) {
      w.factions[f.id] = {
        id: f.id,
        party: p.id,
        influence: f.influence,
        stance: f.stance,
        spoiler: f.spoiler,
        included: f.included,
        satisfaction: f.satisfaction,
        managed: false,
        strikes: 0,
      };
    }
  }
  for (const e of s.externals) {
    w.externals[e.id] = { id: e.id, support: { ...e.support }, disposition: e.disposition, engaged: 0, restraint: false, guarantee: false, backings: 0 };
  }
  for (const iss of s.issues) {
    const publicPos: Record<string, number> = {};
    for (const p of s.parties) publicPos[p.id] = iss.positions[p.id]?.public ?? 50;
    w.issues[iss.id] = { id: iss.id, publicPos, reframed: false, commission: false, give: 0, formula: null };
  }
  for (const p of Object.values(w.parties)) p.batna = batnaOf(s, w, p.id);
  return w;
}

/**
 * A private copy to change. Copies exactly what rules mutate; entries already in lists (log lines,
 * planned events, settled proposals) are never changed in place, so copying the list suffices.
 * Written out by hand because it runs once per command (a generic deep clone was 10× slower).
 * The runner (runner.ts) decides when a copy is needed.
 */
export function copyWorld(w: World): World {
  const parties: World['parties'] = {};
  for (const k in w.parties) {
    const p = w.parties[k]!;
    parties[k] = { ...p, trustIn: { ...p.trustIn } };
  }
  const factions: World['factions'] = {};
  for (const k in w.factions) factions[k] = { ...w.factions[k]! };
  const externals: World['externals'] = {};
  for (const k in w.externals) {
    const e = w.externals[k]!;
    externals[k] = { ...e, support: { ...e.support } };
  }
  const issues: World['issues'] = {};
  for (const k in w.issues) {
    const i = w.issues[k]!;
    issues[k] = { ...i, publicPos: { ...i.publicPos } };
  }
  const interests: World['knowledge']['interests'] = {};
  for (const k in w.knowledge.interests) interests[k] = { ...w.knowledge.interests[k]! };
  return {
    ...w,
    rng: w.rng,
    parties,
    factions,
    externals,
    issues,
    agenda: w.agenda,
    proposals: w.proposals.slice(),
    signatures: { ...w.signatures },
    venuesOffered: w.venuesOffered.slice(),
    compliance: { ...w.compliance },
    knowledge: { ...w.knowledge, spoilerTypes: { ...w.knowledge.spoilerTypes }, interests },
    firedInjects: w.firedInjects.slice(),
    awaiting: { ...w.awaiting },
    optimismTurns: w.optimismTurns.slice(),
    phaseEntered: { ...w.phaseEntered },
    pending: w.pending.slice(),
    log: w.log.slice(),
  };
}

export function addLog(w: World, entry: LogEntry): void {
  w.log.push(entry);
}

/** Change a party meter, keeping it in range, and report the change for the news. */
export function shiftMeter(
  w: World,
  partyId: string,
  meter: 'trustInMediator' | 'commitment' | 'cohesion',
  delta: number,
  changes?: { target: string; meter: string; delta: number }[],
): void {
  const p = w.parties[partyId];
  if (!p || delta === 0) return;
  const before = p[meter];
  p[meter] = clamp(before + delta);
  const d = p[meter] - before;
  if (changes && d !== 0) changes.push({ target: partyId, meter, delta: Math.round(d * 10) / 10 });
}

export function shiftTrust(w: World, from: string, toward: string, delta: number, changes?: { target: string; meter: string; delta: number }[]): void {
  const p = w.parties[from];
  if (!p || p.trustIn[toward] === undefined || delta === 0) return;
  const before = p.trustIn[toward]!;
  p.trustIn[toward] = clamp(before + delta);
  const d = p.trustIn[toward]! - before;
  if (changes && d !== 0) changes.push({ target: from, meter: `trustIn:${toward}`, delta: Math.round(d * 10) / 10 });
}

/** A walked-out party hears a reason to come back; reasons count at most one a turn (see turn.ts). */
export function giveReasonToReturn(w: World, partyId: string): void {
  const p = w.parties[partyId];
  if (!p || p.lastReasonTurn === w.turn) return;
  p.lastReasonTurn = w.turn;
  p.returnReasons += 1;
}
