/**
 * Why a game went as it did, turn by turn, for authors tuning a pack (`npm run sim -- --trace`):
 * each party's meters at every turn's close with what the process promised it then, the reason for
 * each walk-out (which rule, with its numbers), each refusal (the party's own words), the phase's
 * exit criteria still unmet (why the talks stalled), and how the game ended. The game is replayed
 * command by command through the engine's public API; nothing here changes a game.
 */
import {
  applyCommand,
  createGame,
  criteriaFor,
  endCause,
  viewFor,
  worldOf,
  type EndCause,
  type Game,
  type Msg,
  type PhaseId,
  type ProcessPhase,
  type World,
} from '../sim/index';
import type { Scenario } from './schema';
import { fmt } from '../i18n';
import { PROMISE, WALK_OUT_COMMITMENT } from './walkOut';

export interface TurnTrace {
  turn: number;
  phase: ProcessPhase;
  progress: number;
  /** Each party's meters at the turn's close, with what the process promised it then (the walk-out rule). */
  parties: Record<string, { trustInMediator: number; commitment: number; cohesion: number; batna: number; promise: number; seat: string; compliance?: number }>;
  /** What happened to the talks this turn besides the mediator's moves: injects, random events, strikes, gestures, shocks. */
  events: string[];
  walkOuts: { party: string; reason: string }[];
  refusals: { party: string; proposal: string; reason: string }[];
  /** The exit criteria of the phase the talks are in, still unmet at the turn's close: why they did not move on. */
  unmet: string[];
}

export interface GameTrace {
  trace: TurnTrace[];
  /** How the game ended, and why. */
  ending: string;
}

export type EventEntry = Extract<World['log'][number], { kind: 'event' }>;

/**
 * The rule that made a party leave, as a category (the balance analyzer counts them; walkOutReason
 * spells them out with the numbers): its BATNA above the promise by more than walkOutMargin, its
 * commitment under 20, a sanctions shock that handed a stalling party its pretext or broke its
 * commitment, a spoiler faction's call, an inject's (or the instructor's) walk-out, another event.
 */
export const WALK_OUT_CAUSES = ['batna', 'commitment', 'pretext', 'sanctions', 'spoiler', 'inject', 'event'] as const;
export type WalkOutCause = (typeof WALK_OUT_CAUSES)[number];

/** Which rule, from the log entry that changed the party's seat and its commitment at that turn's close. */
export function walkOutCause(e: EventEntry, party: { commitment: number; intent: string }): WalkOutCause {
  if (e.effect.kind === 'walkOut' && e.source === 'party') return party.commitment < WALK_OUT_COMMITMENT ? 'commitment' : 'batna';
  switch (e.effect.kind) {
    case 'walkOut':
      return e.source === 'inject' || e.source === 'contingency' || e.source === 'instructor' ? 'inject' : 'event';
    case 'sanctions':
      // A shock prepared for (restraint obtained in advance) is only pressure: no pretext.
      return party.intent === 'stalling' && !e.result.key.endsWith('.restrained') ? 'pretext' : 'sanctions';
    case 'spoiler':
      return 'spoiler';
    default:
      return 'event';
  }
}

/**
 * The phase a game that did not sign was stuck in: the last of the five it was in (a walk-out
 * interrupts a phase, and the talks are suspended or collapsed after it), from the log's phase
 * changes; and the last phase at a turn's close before it ended (suspended, for instance).
 */
export function stalledPhase(w: World): { last: ProcessPhase; stuck: PhaseId } {
  let last: ProcessPhase = 'exploratory';
  for (let i = w.series.length - 1; i >= 0; i--) {
    if (w.series[i]!.phase !== 'collapsed') {
      last = w.series[i]!.phase;
      break;
    }
  }
  if (w.phase !== 'suspended' && w.phase !== 'collapsed' && w.phase !== 'concluded') return { last, stuck: w.phase };
  for (let i = w.log.length - 1; i >= 0; i--) {
    const e = w.log[i]!;
    if (e.kind === 'phase' && e.from !== 'suspended' && e.from !== 'collapsed' && e.from !== 'concluded') return { last, stuck: e.from };
  }
  return { last, stuck: w.resumePhase ?? 'exploratory' };
}

/** The exit criteria of a phase still unmet, as engine messages (unformatted: the balance workers carry no catalogue). */
export function unmetCriteria(s: Scenario, w: World, phase: ProcessPhase): Msg[] {
  return criteriaFor(s, w, phase)
    .filter((c) => !c.met)
    .map((c) => c.msg);
}

/** How a game ended, as a category (the engine's end cause, rules/ending.ts, or running). */
export const ENDINGS = ['concluded', 'running', 'violations', 'all-walked-out', 'suspended-too-long', 'turn-limit', 'other'] as const;
export type Ending = (typeof ENDINGS)[number];

export function endingKind(s: Scenario, w: World): Ending {
  const cause = endCause(s, w);
  return cause === null ? 'running' : ENDING_OF_CAUSE[cause];
}

const ENDING_OF_CAUSE: Record<EndCause, Ending> = {
  concluded: 'concluded',
  violations: 'violations',
  allWalkedOut: 'all-walked-out',
  turnLimit: 'turn-limit',
  suspendedTooLong: 'suspended-too-long',
  exhausted: 'other',
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** What the process promises a party now: src/sim/rules/turn.ts processPromise, with the progress the engine reports. */
export function promiseOf(w: World, party: string, progress: number): number {
  const p = w.parties[party]!;
  return PROMISE.base + PROMISE.trust * p.trustInMediator + PROMISE.progress * progress + p.incentive;
}

function unmetOf(g: Game, w: World, phase: ProcessPhase): string[] {
  return unmetCriteria(g.scenario, w, phase).map((m) => fmt(m, g.scenario));
}

/** Why a party left, from the log entry that changed its seat (src/sim/rules/turn.ts and effects.ts). */
function walkOutReason(g: Game, w: World, e: EventEntry, party: string, progress: number): string {
  const p = w.parties[party]!;
  const margin = g.scenario.thresholds.walkOutMargin;
  const by = `${e.source}${e.id ? ` "${e.id}"` : ''}`;
  const cause = walkOutCause(e, p);
  if (cause === 'commitment') return `commitment ${r1(p.commitment)} below ${WALK_OUT_COMMITMENT}`;
  if (cause === 'batna') {
    const promise = promiseOf(w, party, progress);
    return `BATNA ${r1(p.batna)} exceeds what the process promises it, ${r1(promise)} (${PROMISE.base} + ${PROMISE.trust} × trust ${r1(p.trustInMediator)} + ${PROMISE.progress} × progress ${r1(progress)} + incentive ${r1(p.incentive)}), by ${r1(p.batna - promise)}: more than walkOutMargin ${margin}`;
  }
  switch (e.effect.kind) {
    case 'walkOut':
      return `${by} makes it walk out`;
    case 'sanctions':
      return cause === 'pretext'
        ? `${by}: sanctions by "${e.effect.actor}" gave a stalling party its pretext to leave`
        : `${by}: sanctions by "${e.effect.actor}" dropped its commitment to ${r1(p.commitment)}, below 35`;
    case 'spoiler':
      return `${by}: faction "${e.effect.faction}" called a walk-out while the party's cohesion was ${r1(p.cohesion)}, below 45`;
    default:
      return `${by} (${e.effect.kind})`;
  }
}

/** Replay a finished game and read it at each turn's close. */
export function traceGame(g: Game): GameTrace {
  const s = g.scenario;
  const trace: TurnTrace[] = [];
  let h = createGame(s, worldOf(g).options);
  for (const cmd of g.commands) {
    const before = worldOf(h).series.length;
    const r = applyCommand(h, cmd);
    if (!r.ok) break;
    h = r.game;
    const w = worldOf(h);
    if (w.series.length === before) continue;
    const rec = w.series[w.series.length - 1]!;
    const progress = viewFor(h, 'instructor').progress;
    const parties: TurnTrace['parties'] = {};
    for (const [id, m] of Object.entries(rec.parties)) parties[id] = { ...m, promise: r1(promiseOf(w, id, progress)), seat: w.parties[id]!.seat };
    const events: string[] = [];
    const walkOuts: TurnTrace['walkOuts'] = [];
    const refusals: TurnTrace['refusals'] = [];
    for (const e of w.log) {
      if (e.turn !== rec.turn) continue;
      if (e.kind === 'event') {
        if (e.effect.kind !== 'walkOut' || e.source !== 'party') events.push(`${e.source}${e.id ? ` "${e.id}"` : ''}: ${fmt(e.result, s)}`);
        for (const c of e.changes)
          if (c.meter === 'seat' && c.delta < 0) walkOuts.push({ party: c.target, reason: walkOutReason(h, w, e, c.target, progress) });
      } else if (e.kind === 'response' && !e.accept) {
        refusals.push({ party: e.party, proposal: w.proposals.find((q) => q.id === e.proposal)?.kind ?? 'proposal', reason: fmt(e.reason, s) });
      }
    }
    const final = rec.phase === 'collapsed' || rec.phase === 'concluded';
    const phase = rec.phase === 'suspended' ? (w.resumePhase ?? 'exploratory') : rec.phase;
    trace.push({ turn: rec.turn, phase: rec.phase, progress: rec.progress, parties, events, walkOuts, refusals, unmet: final ? [] : unmetOf(h, w, phase) });
  }
  return { trace, ending: endingOf(h) };
}

/** How the game ended, with the rule that ended it. */
export function endingOf(g: Game): string {
  const s = g.scenario;
  const w = worldOf(g);
  const t = s.thresholds;
  const { last, stuck } = stalledPhase(w);
  const out = Object.values(w.parties)
    .filter((p) => p.seat === 'walkedOut')
    .map((p) => p.id);
  switch (endCause(s, w)) {
    case null:
      return `still in ${w.phase} at turn ${w.turn}`;
    case 'concluded':
      return `concluded: compliance held for ${w.complianceTurns} turns`;
    case 'violations':
      return `collapsed in monitoring: ${w.violations} violations (compliance under complianceFloor ${t.complianceFloor})`;
    case 'allWalkedOut':
      return `collapsed: every party walked out (${out.join(', ')})`;
    case 'suspendedTooLong':
      return `collapsed: suspended ${w.suspendedTurns} turns, more than suspendedMaxTurns ${t.suspendedMaxTurns}; still out: ${out.join(', ')}`;
    case 'exhausted':
      return 'collapsed';
    case 'turnLimit': {
      const from = last === 'suspended' ? ` (suspended from ${stuck}; still out: ${out.join(', ')})` : '';
      return `collapsed: turn limit ${s.turnLimit} reached in ${stuck}${from}; never met: ${unmetOf(g, w, stuck).join('; ') || 'nothing left'}`;
    }
  }
}

/** The trace as text, a line per turn and one per walk-out, refusal and unmet criterion list. */
export function traceLines(t: GameTrace): string[] {
  const lines: string[] = [];
  for (const turn of t.trace) {
    const meters = Object.entries(turn.parties)
      .map(
        ([id, m]) =>
          `${id} trust ${m.trustInMediator} commitment ${m.commitment} cohesion ${m.cohesion} BATNA ${m.batna} promise ${m.promise}${m.seat === 'walkedOut' ? ' (walked out)' : ''}`,
      )
      .join(' · ');
    lines.push(`  turn ${turn.turn} ${turn.phase}: ${meters}`);
    for (const e of turn.events) lines.push(`    event: ${e}`);
    for (const w of turn.walkOuts) lines.push(`    walk-out: ${w.party}: ${w.reason}`);
    for (const r of turn.refusals) lines.push(`    refusal: ${r.party} refused the ${r.proposal}: ${r.reason}`);
    if (turn.unmet.length) lines.push(`    not yet: ${turn.unmet.join('; ')}`);
  }
  lines.push(`  ending: ${t.ending}`);
  return lines;
}
