/**
 * The engine's front door: a game is a scenario, a statechart snapshot, the world it reached and
 * the commands that made it. `applyCommand` checks the sender's role and the move's legality, sends
 * the command to the game's statechart actor, then lets the world answer any events it set off.
 */
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema';
import type { Command, GameOptions, LogEntry, MediatorCommand, Msg, SeatCommand, World } from './types';
import { processMachine, useAsWorkbench, type ProcessContext, type ProcessEvent, type WorldEventType } from './machine';
import { asOneChange, createWorld, DEFAULT_OPTIONS, draftList } from './world';
import { roleRefusal, parseRole } from './roles';
import { whyIllegal } from './rules/moves';
import { whyIllegalSeat } from './rules/seats';
import { isFinal } from './rules/progress';

export type ProcessSnapshot = SnapshotFrom<typeof processMachine>;

export interface Game {
  readonly scenario: Scenario;
  /** The statechart's modes. Its context is the live actor's workbench: read the world with worldOf. */
  readonly snapshot: ProcessSnapshot;
  /**
   * The world this game reached. Later commands never change it, except inside one `asOneChange`
   * scope (linear bot play, which keeps no earlier games): there world and command list grow in place.
   */
  readonly world: World;
  /** Every accepted command, in order: with the seed, this is the save. */
  readonly commands: readonly Command[];
  /** Statechart events sent so far (commands, world events, turn steps): a cost measure for benchmarks. */
  readonly events: number;
}

type ProcessActor = Actor<typeof processMachine>;
/**
 * XState's pure `transition()` builds a fresh actor per event (hundreds of µs), so each game keeps a
 * live actor. The actor only serves the newest Game made from it: applying a command to an older
 * Game forks a new actor from that Game's snapshot and world, so branching stays correct.
 * Actors are filed under the game's command list: linear play (one copy-on-write scope) appends to
 * one list, so the actor is filed once per run, not once per command (a costly WeakMap entry each).
 */
const actors = new WeakMap<readonly Command[], ProcessActor>();

function actorFor(g: Game): ProcessActor {
  const live = actors.get(g.commands);
  if (live && live.getSnapshot() === g.snapshot && live.getSnapshot().context.w === g.world) return live;
  const context: ProcessContext = { s: g.scenario, w: g.world };
  const snapshot = { ...g.snapshot, context } as ProcessSnapshot;
  return started(createActor(processMachine, { snapshot, input: context }));
}

/** Start an actor whose context (XState's own copy of the input) its actions may change in place. */
function started(actor: ProcessActor): ProcessActor {
  useAsWorkbench(actor.getSnapshot().context);
  return actor.start();
}

export type ApplyResult =
  | { ok: true; game: Game; entries: LogEntry[] }
  | { ok: false; game: Game; reason: Msg };

export const worldOf = (g: Game): World => g.world;

export function createGame(scenario: Scenario, options: Partial<GameOptions> = {}): Game {
  const opts: GameOptions = {
    seed: Number.isFinite(options.seed) ? Math.trunc(options.seed as number) : DEFAULT_OPTIONS.seed,
    difficulty: options.difficulty ?? DEFAULT_OPTIONS.difficulty,
    humanRoles: [...(options.humanRoles ?? DEFAULT_OPTIONS.humanRoles)],
  };
  const actor = started(createActor(processMachine, { input: { s: scenario, w: createWorld(scenario, opts) } }));
  const snapshot = actor.getSnapshot();
  const game: Game = { scenario, snapshot, world: snapshot.context.w, commands: [], events: 0 };
  actors.set(game.commands, actor);
  return game;
}

export const isOver = (g: Game): boolean => isFinal(worldOf(g).phase);

/** Why a command cannot be applied now (role first, then the move itself), or null. */
export function whyRefused(g: Game, cmd: Command): Msg | null {
  if (!cmd || typeof cmd !== 'object' || typeof (cmd as { type?: unknown }).type !== 'string') return { key: 'refuse.malformed' };
  const w = worldOf(g);
  const byRole = roleRefusal(g.scenario, w, cmd);
  if (byRole) return byRole;
  const kind = cmd.role === 'mediator' ? 'mediator' : parseRole(cmd.role)!.kind;
  try {
    return kind === 'mediator'
      ? whyIllegal(g.scenario, w, cmd as MediatorCommand)
      : whyIllegalSeat(g.scenario, w, cmd as SeatCommand & { role: Command['role'] });
  } catch {
    // A command whose fields have the wrong shape (from a hand-edited file or a network peer).
    return { key: 'refuse.malformed' };
  }
}

export function applyCommand(g: Game, cmd: Command): ApplyResult {
  const reason = whyRefused(g, cmd);
  if (reason) return { ok: false, game: g, reason };
  const before = worldOf(g).log.length;
  const actor = actorFor(g);
  let sent = 0;
  let commands: Command[] = [];
  asOneChange(() => {
    actor.send(cmd as ProcessEvent);
    sent = 1 + drainPending(actor);
    if (cmd.type === 'endTurn') {
      actor.send({ type: 'turn.close' });
      actor.send({ type: 'turn.advance' });
      sent += 2;
    }
    // Like the world: a copy for a new game, unless this scope already owns the list.
    commands = draftList(g.commands);
    commands.push(cmd);
  });
  const snapshot = actor.getSnapshot();
  const next: Game = { scenario: g.scenario, snapshot, world: snapshot.context.w, commands, events: g.events + sent };
  actors.set(commands, actor);
  return { ok: true, game: next, entries: worldOf(next).log.slice(before) };
}

/** Send each planned event to the statechart, one macrostep each, so its consequences settle in order. */
function drainPending(actor: ProcessActor): number {
  const planned = actor.getSnapshot().context.w.pending;
  for (const p of planned) actor.send({ type: `event.${p.effect.kind}` as WorldEventType, planned: p });
  return planned.length;
}

/** Apply many commands; stop at the first refusal and say which one. */
export function replay(scenario: Scenario, options: Partial<GameOptions>, commands: readonly Command[]): { ok: true; game: Game } | { ok: false; index: number; reason: Msg; game: Game } {
  let g = createGame(scenario, options);
  for (let i = 0; i < commands.length; i++) {
    const r = applyCommand(g, commands[i]!);
    if (!r.ok) return { ok: false, index: i, reason: r.reason, game: g };
    g = r.game;
  }
  return { ok: true, game: g };
}

/** The statechart's active leaf states per region, e.g. { phase: 'negotiation', talkFormat: 'direct', visibility: 'leaked' }. */
export function regions(g: Game): { phase: string; talkFormat: string; visibility: string } {
  const v = g.snapshot.value as { phase: string | { active: string }; talkFormat: string; visibility: string };
  const phase = typeof v.phase === 'string' ? v.phase : v.phase.active;
  return { phase, talkFormat: v.talkFormat, visibility: v.visibility };
}

/** A short, stable fingerprint of the whole state: replaying a save must reproduce it. */
export function stateHash(g: Game): string {
  return fnv1a(JSON.stringify({ value: g.snapshot.value, w: worldOf(g) }));
}

function fnv1a(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0'));
}
