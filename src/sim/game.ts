/**
 * The engine's front door: a game is a scenario, a statechart snapshot, the world it reached and
 * the commands that made it. `applyCommand` takes anything (commands are data from an untrusted
 * sender): it parses the command with its schema from the registry, binds the sender's role,
 * checks the per-turn limits and the rules, then sends only the parsed command to the game's
 * statechart and lets the world answer the events it set off. Any failure is a refusal with a
 * reason; the game it was given is never changed.
 */
import type { SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema';
import type { Command, GameOptions, LogEntry, Msg, World } from './types';
import { processMachine, type ProcessContext, type ProcessEvent, type WorldEventType } from './machine';
import { createWorld, DEFAULT_OPTIONS } from './world';
import { bindSender } from './roles';
import { MAX_COMMANDS, parseCommand, whyIllegalNow } from './commands';
import { isFinal } from './rules/progress';
import { Runner, type ProcessActor } from './runner';

export type ProcessSnapshot = SnapshotFrom<typeof processMachine>;

export interface Game {
  readonly scenario: Scenario;
  /** The statechart's modes. Its context is the live actor's workbench: read the world with worldOf. */
  readonly snapshot: ProcessSnapshot;
  /**
   * The world this game reached. Later commands never change it, except inside one
   * `runner.asOneChange` scope (linear bot play, which keeps no earlier games): there world and
   * command list grow in place.
   */
  readonly world: World;
  /** Every accepted command, in order: with the seed, this is the save. */
  readonly commands: readonly Command[];
  /** Statechart events sent so far (commands, world events, turn steps): a cost measure for benchmarks. */
  readonly events: number;
  /** The engine's fast path for this line of games (see runner.ts). Not part of a game's state. */
  readonly runner: Runner;
}

export type ApplyResult = { ok: true; game: Game; entries: LogEntry[] } | { ok: false; game: Game; reason: Msg };

export const worldOf = (g: Game): World => g.world;

export function createGame(scenario: Scenario, options: Partial<GameOptions> = {}): Game {
  const opts: GameOptions = {
    seed: Number.isFinite(options.seed) ? Math.trunc(options.seed as number) : DEFAULT_OPTIONS.seed,
    difficulty: options.difficulty ?? DEFAULT_OPTIONS.difficulty,
    humanRoles: [...(options.humanRoles ?? DEFAULT_OPTIONS.humanRoles)],
  };
  const runner = new Runner(processMachine);
  const actor = runner.start({ s: scenario, w: createWorld(scenario, opts), runner });
  const snapshot = actor.getSnapshot();
  const game: Game = { scenario, snapshot, world: snapshot.context.w, commands: [], events: 0, runner };
  runner.file(game.commands, actor);
  return game;
}

export const isOver = (g: Game): boolean => isFinal(worldOf(g).phase);

type Vetted = { ok: true; command: Command } | { ok: false; reason: Msg };

/** Parse, bind the role, then the rules: the parsed command, or why it is refused. */
function vet(g: Game, raw: unknown): Vetted {
  const parsed = parseCommand(raw);
  if (!parsed.ok) return parsed;
  return vetParsed(g, parsed.command);
}

function vetParsed(g: Game, cmd: Command): Vetted {
  const w = worldOf(g);
  const bound = bindSender(g.scenario, w, cmd);
  if (!bound.ok) return bound;
  if (g.commands.length >= MAX_COMMANDS) return { ok: false, reason: { key: 'refuse.commandCap', params: { max: MAX_COMMANDS } } };
  const why = whyIllegalNow(g.scenario, w, cmd, bound.sender);
  return why ? { ok: false, reason: why } : { ok: true, command: cmd };
}

/** A rule or the statechart failed on a command: say so without a stack trace. */
const internal = (err: unknown): Msg => ({ key: 'refuse.internal', params: { problem: String(err instanceof Error ? err.message : err).slice(0, 120) } });

/** Why a command cannot be applied now (its shape, the sender's role, then the move itself), or null. */
export function whyRefused(g: Game, cmd: unknown): Msg | null {
  try {
    const v = vet(g, cmd);
    return v.ok ? null : v.reason;
  } catch (err) {
    return internal(err);
  }
}

export function applyCommand(g: Game, raw: unknown): ApplyResult {
  return applyVetted(g, () => vet(g, raw));
}

/**
 * For the engine's own bots only (not exported from index.ts): a command the engine built from its
 * registry's candidates is well-formed by construction, so the schema parse is skipped; the role,
 * the cap, the rules and the limits are still checked. Everything from outside takes applyCommand.
 */
export function applyOwnCommand(g: Game, cmd: Command): ApplyResult {
  return applyVetted(g, () => vetParsed(g, cmd));
}

function applyVetted(g: Game, check: () => Vetted): ApplyResult {
  let v: Vetted;
  try {
    v = check();
  } catch (err) {
    return { ok: false, game: g, reason: internal(err) };
  }
  if (!v.ok) return { ok: false, game: g, reason: v.reason };
  const runner = g.runner;
  // Inside a linear scope the world is changed in place: a failure there cannot be undone by
  // dropping a copy, so the game is rebuilt from its log instead.
  const inPlace = runner.ownsNow(g.world);
  try {
    return send(g, v.command);
  } catch (err) {
    runner.forget(g.commands);
    return { ok: false, game: inPlace ? rebuilt(g) : g, reason: internal(err) };
  }
}

/** Send a vetted command to the game's actor; throws if the statechart fails. */
function send(g: Game, cmd: Command): ApplyResult {
  const runner = g.runner;
  const before = worldOf(g).log.length;
  const actor = actorFor(g);
  let sent = 0;
  let commands: Command[] = [];
  runner.asOneChange(() => {
    sendOrThrow(actor, cmd as ProcessEvent);
    sent = 1 + drainPending(actor);
    if (cmd.type === 'endTurn') {
      sendOrThrow(actor, { type: 'turn.close' });
      sendOrThrow(actor, { type: 'turn.advance' });
      sent += 2;
    }
    // Like the world: a copy for a new game, unless this scope already owns the list.
    commands = runner.draftList(g.commands);
    commands.push(cmd);
  });
  const snapshot = actor.getSnapshot();
  const next: Game = { scenario: g.scenario, snapshot, world: snapshot.context.w, commands, events: g.events + sent, runner };
  runner.file(commands, actor);
  return { ok: true, game: next, entries: worldOf(next).log.slice(before) };
}

function sendOrThrow(actor: ProcessActor, event: ProcessEvent): void {
  actor.send(event);
  const snap = actor.getSnapshot();
  if (snap.status === 'error') throw snap.error;
}

/**
 * The live actor serves only the newest Game made from it: a command to an older Game forks a new
 * actor from that Game's snapshot and world, so branching stays correct.
 */
function actorFor(g: Game): ProcessActor {
  const live = g.runner.actorFor(g.commands);
  if (live && live.getSnapshot() === g.snapshot && live.getSnapshot().context.w === g.world) return live;
  const context: ProcessContext = { s: g.scenario, w: g.world, runner: g.runner };
  return g.runner.start(context, { ...g.snapshot, context });
}

/** The same game, replayed from its log on a fresh runner (after a failure changed it in place). */
function rebuilt(g: Game): Game {
  const r = replay(g.scenario, worldOf(g).options, g.commands);
  return r.game;
}

/** Send each planned event to the statechart, one macrostep each, so its consequences settle in order. */
function drainPending(actor: ProcessActor): number {
  const planned = actor.getSnapshot().context.w.pending;
  for (const p of planned) sendOrThrow(actor, { type: `event.${p.effect.kind}` as WorldEventType, planned: p });
  return planned.length;
}

/** Apply many commands; stop at the first refusal and say which one. */
export function replay(
  scenario: Scenario,
  options: Partial<GameOptions>,
  commands: readonly unknown[],
): { ok: true; game: Game } | { ok: false; index: number; reason: Msg; game: Game } {
  const g0 = createGame(scenario, options);
  // One scope for the whole log: the intermediate games are dropped, so the world and the command
  // list are copied once, not once per command (which made long logs quadratic to load).
  return g0.runner.asOneChange(() => {
    let g = g0;
    for (let i = 0; i < commands.length; i++) {
      const r = applyCommand(g, commands[i]);
      if (!r.ok) return { ok: false as const, index: i, reason: r.reason, game: g };
      g = r.game;
    }
    return { ok: true as const, game: g };
  });
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
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
