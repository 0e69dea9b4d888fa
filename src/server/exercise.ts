/**
 * One classroom exercise, apart from the network: the scenario, the engine's game, who holds which
 * seat, the instructor's controls, the fired record and the channels. Its state is a fold over its
 * event log; every change is first *prepared* (checked, and for a command computed by the engine
 * without touching the current game), then written to the store, then *committed*. Replaying the
 * stored events through the same prepare/commit rebuilds the exercise after a restart.
 *
 * Uses only the engine's public API (src/sim/index.ts).
 */
import {
  applyCommand,
  availableMoves,
  createGame,
  isOver,
  replay,
  stateHash,
  viewFor,
  worldOf,
  type Command,
  type Difficulty,
  type Game,
  type LogEntry,
  type MoveOption,
  type Msg,
  type Role,
  type Scenario,
  type View,
} from '../sim/index';
import type { Activity, Briefing, ChatMessage, ExerciseStatus, FiredInject, SeatInfo } from '../seat/wire';
import { activityOf, ACTIVITY_MEMORY } from './activity';
import type { EventKind, ExerciseRow, StoredEvent } from './store/types';

export type PolicyId = 'random' | 'greedy' | 'by-the-book';

export interface ExerciseOptions {
  difficulty: Difficulty;
  /** The seats people play, fixed at creation; null: decided when the instructor starts (the seats taken by then). */
  seats: Role[] | null;
  /** Seconds per turn (the turn clock), or null. */
  turnSeconds: number | null;
  /** A bot plays the mediator seat while nobody holds it; null: the exercise waits for a mediator. */
  mediatorBot: PolicyId | null;
  /** Pause between two bot moves, ms. */
  botDelayMs: number;
}

export const DEFAULT_OPTIONS: ExerciseOptions = { difficulty: 'standard', seats: null, turnSeconds: null, mediatorBot: null, botDelayMs: 1500 };

/** Most people in one seat (a team). */
export const MAX_TEAM = 12;
/** Chat messages kept in memory per exercise (all are in the store). */
export const CHAT_MEMORY = 2000;

export interface Holder {
  id: string;
  name: string;
  role: Role;
  /** Bumped by a reassignment: seat tokens of an older generation stop working. */
  gen: number;
  removed: boolean;
}

export type Who = { role: Role | 'instructor'; holderId: string | null; name: string };

/** What a prepared event carries: the stored payload, and for commands the engine's result. */
export interface Prepared {
  kind: EventKind;
  payload: Record<string, unknown>;
  /** For commands: the next game and the log entries the command produced. */
  next?: { game: Game; entries: LogEntry[]; hash: string };
}

export type Prep = { ok: true; prepared: Prepared } | { ok: false; reason: Msg };

const refuse = (key: string, params?: Record<string, string | number>): { ok: false; reason: Msg } => ({
  ok: false,
  reason: params ? { key, params } : { key },
});

/** Every seat of a scenario: the mediator, each party, faction and outside power, observers. */
export function seatsOf(s: Scenario): Role[] {
  const seats: Role[] = ['mediator'];
  for (const p of s.parties) seats.push(`party:${p.id}`);
  for (const p of s.parties) for (const f of p.factions) seats.push(`faction:${f.id}`);
  for (const e of s.externals) seats.push(`external:${e.id}`);
  seats.push('observer');
  return seats;
}

export function seatName(s: Scenario, role: Role | 'instructor'): string {
  if (role === 'mediator' || role === 'observer' || role === 'instructor') return role[0]!.toUpperCase() + role.slice(1);
  const [kind, id] = role.split(':') as [string, string];
  if (kind === 'party') return s.parties.find((p) => p.id === id)?.name ?? id;
  if (kind === 'faction') return s.parties.flatMap((p) => p.factions).find((f) => f.id === id)?.name ?? id;
  return s.externals.find((e) => e.id === id)?.name ?? id;
}

/** Seats an engine plays unless people hold them. */
const playable = (r: Role): boolean => r.startsWith('party:') || r.startsWith('faction:') || r.startsWith('external:');

/** Channels a role belongs to. */
export function channelsOf(s: Scenario, role: Role | 'instructor'): (channel: string) => boolean {
  if (role === 'instructor') return () => true;
  const party = role.startsWith('party:') ? role.slice(6) : null;
  return (ch) =>
    ch === 'public' || (party !== null && (ch === `delegation:${party}` || ch === `caucus:${party}`)) || (role === 'mediator' && ch.startsWith('caucus:'));
}

export class Exercise {
  readonly id: string;
  readonly code: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly options: ExerciseOptions;
  readonly seats: Role[];
  status: ExerciseStatus = 'lobby';
  game: Game | null = null;
  humanRoles: Role[] = [];
  holders = new Map<string, Holder>();
  paused = false;
  turnSeconds: number | null;
  chat: ChatMessage[] = [];
  fired: FiredInject[] = [];
  /** Seats the instructor left to the engine before the start: nobody may take them. */
  engineSeats = new Set<Role>();
  /** The instructor's activity feed, newest last (activity.ts). */
  activity: Activity[] = [];
  seq = 0;
  hash = '';

  constructor(row: Pick<ExerciseRow, 'id' | 'code' | 'seed'>, scenario: Scenario, options: ExerciseOptions) {
    this.id = row.id;
    this.code = row.code;
    this.seed = row.seed;
    this.scenario = scenario;
    this.options = options;
    this.seats = seatsOf(scenario);
    this.turnSeconds = options.turnSeconds;
  }

  /** Rebuild from the stored log; the state hash must come out as the store recorded it. */
  static restore(row: ExerciseRow, events: StoredEvent[]): { exercise: Exercise; hashOk: boolean } {
    const ex = new Exercise(row, JSON.parse(row.scenarioJson) as Scenario, {
      ...DEFAULT_OPTIONS,
      ...(JSON.parse(row.optionsJson) as Partial<ExerciseOptions>),
    });
    for (const ev of events) {
      const payload = JSON.parse(ev.payload) as Record<string, unknown>;
      if (ev.kind === 'command') {
        if (!ex.game) throw new Error(`exercise ${row.id}: a command before the start`);
        const r = applyCommand(ex.game, payload.command as Command);
        if (!r.ok) throw new Error(`exercise ${row.id}: stored event ${ev.seq} is refused on replay (${r.reason.key})`);
        const p: Prepared = { kind: 'command', payload, next: { game: r.game, entries: r.entries, hash: '' } };
        ex.note(activityOf(ex, p, ex.commit(p, ev.seq, ev.at), ev.seq, ev.at));
      } else {
        const p: Prepared = { kind: ev.kind, payload };
        ex.note(activityOf(ex, p, ex.commit(p, ev.seq, ev.at), ev.seq, ev.at));
      }
    }
    ex.hash = ex.game && ex.game.commands.length > 0 ? stateHash(ex.game) : '';
    return { exercise: ex, hashOk: ex.hash === row.stateHash };
  }

  get over(): boolean {
    return this.game !== null && isOver(this.game);
  }

  turn(): number | null {
    return this.game ? worldOf(this.game).turn : null;
  }

  phase(): string | null {
    return this.game ? worldOf(this.game).phase : null;
  }

  // ---------- Seats ----------

  /** People play this seat now: as the game began, or as the instructor handed it since (handSeat). */
  playedByPeople(role: Role): boolean {
    const handed = this.game ? worldOf(this.game).handed?.[role] : undefined;
    return handed ? handed === 'people' : this.humanRoles.includes(role);
  }

  /** Why this role cannot be taken now, or null. */
  whySeatClosed(role: Role, exceptHolder?: string): Msg | null {
    if (this.status === 'ended') return { key: 'server.exercise.ended' };
    if (!this.seats.includes(role)) return { key: 'server.seat.unknown', params: { seat: String(role).slice(0, 80) } };
    if (this.status === 'running' && playable(role) && !this.playedByPeople(role)) return { key: 'server.seat.engine', params: { seat: role } };
    if (this.status === 'lobby' && this.engineSeats.has(role)) return { key: 'server.seat.engine', params: { seat: role } };
    let n = 0;
    for (const h of this.holders.values()) if (!h.removed && h.role === role && h.id !== exceptHolder) n++;
    if (n >= MAX_TEAM) return { key: 'server.seat.full', params: { seat: role, max: MAX_TEAM } };
    return null;
  }

  prepareTake(holderId: string, name: string, role: Role): Prep {
    const why = this.whySeatClosed(role);
    if (why) return { ok: false, reason: why };
    return { ok: true, prepared: { kind: 'seat', payload: { op: 'take', id: holderId, name, role } } };
  }

  prepareReassign(holderId: string, role: Role | null): Prep {
    const h = this.holders.get(holderId);
    if (!h || h.removed) return refuse('server.seat.noHolder');
    if (role === null) return { ok: true, prepared: { kind: 'seat', payload: { op: 'remove', id: holderId } } };
    const why = this.whySeatClosed(role, holderId);
    if (why) return { ok: false, reason: why };
    return { ok: true, prepared: { kind: 'seat', payload: { op: 'reassign', id: holderId, role, gen: h.gen + 1 } } };
  }

  /**
   * Leave a seat to the engine, or open it to people again. Before the start this is the seat plan;
   * once running it is the engine's handSeat command (logged and replayed like any other), so a
   * student who left can be replaced by the engine mid-exercise and the seat reopened later.
   */
  preparePlan(role: Role, engine: boolean): Prep {
    if (this.status === 'ended') return refuse('server.exercise.ended');
    if (!this.seats.includes(role)) return refuse('server.seat.unknown', { seat: String(role).slice(0, 80) });
    if (!playable(role)) return refuse('server.seat.notPlayable', { seat: role });
    if (this.status === 'running') return this.prepareCommand('instructor', { type: 'handSeat', seat: role, to: engine ? 'engine' : 'people' });
    if (this.options.seats) return refuse('server.seat.planFixed');
    if (engine === this.engineSeats.has(role)) return refuse(engine ? 'server.seat.alreadyEngine' : 'server.seat.alreadyPeople', { seat: role });
    if (engine && [...this.holders.values()].some((h) => !h.removed && h.role === role)) return refuse('server.seat.held', { seat: role });
    return { ok: true, prepared: { kind: 'seat', payload: { op: 'plan', role, engine } } };
  }

  note(list: Activity[]): void {
    this.activity.push(...list);
    if (this.activity.length > ACTIVITY_MEMORY) this.activity.splice(0, this.activity.length - ACTIVITY_MEMORY);
  }

  seatInfo(online: (holderId: string) => boolean): SeatInfo[] {
    return this.seats.map((role) => ({
      role,
      name: seatName(this.scenario, role),
      playedBy:
        role === 'mediator' || role === 'observer'
          ? role === 'observer'
            ? 'watch'
            : 'people'
          : (this.status === 'lobby' && !this.engineSeats.has(role)) || (this.status !== 'lobby' && this.playedByPeople(role))
            ? 'people'
            : 'engine',
      holders: [...this.holders.values()].filter((h) => !h.removed && h.role === role).map((h) => ({ id: h.id, name: h.name, online: online(h.id) })),
    }));
  }

  /** A proposal of the current phase still waiting for a person's answer (its id), or null. */
  awaitingPeople(): number | null {
    if (!this.game) return null;
    const w = worldOf(this.game);
    for (const p of w.proposals) if (p.status === 'pending' && p.phase === w.phase && Object.values(p.responses).includes('pending')) return p.id;
    return null;
  }

  mediatorHeld(): boolean {
    for (const h of this.holders.values()) if (!h.removed && h.role === 'mediator') return true;
    return false;
  }

  // ---------- Controls ----------

  prepareStart(): Prep {
    if (this.status !== 'lobby') return refuse('server.exercise.started');
    const held = new Set([...this.holders.values()].filter((h) => !h.removed).map((h) => h.role));
    const humanRoles = this.options.seats
      ? this.options.seats.filter(playable)
      : this.seats.filter((r) => playable(r) && held.has(r) && !this.engineSeats.has(r));
    return { ok: true, prepared: { kind: 'start', payload: { humanRoles } } };
  }

  prepareControl(kind: 'pause' | 'resume' | 'end'): Prep {
    if (this.status === 'ended') return refuse('server.exercise.ended');
    if (kind === 'pause' && this.paused) return refuse('server.exercise.alreadyPaused');
    if (kind === 'resume' && !this.paused) return refuse('server.exercise.notPaused');
    return { ok: true, prepared: { kind, payload: {} } };
  }

  prepareClock(seconds: number | null): Prep {
    if (this.status === 'ended') return refuse('server.exercise.ended');
    return { ok: true, prepared: { kind: 'clock', payload: { seconds } } };
  }

  // ---------- Commands ----------

  /**
   * Compute what a command would do, without changing the exercise. `role` is the seat the server
   * bound to the connection, never anything the client sent.
   */
  prepareCommand(role: Role | 'instructor', body: Record<string, unknown>, extra: Record<string, unknown> = {}): Prep {
    if (this.status === 'lobby' || !this.game) return refuse('server.exercise.notStarted');
    if (this.status === 'ended') return refuse('server.exercise.ended');
    if (this.paused) return refuse('server.exercise.paused');
    const command = { ...body, role } as unknown as Command;
    let r;
    try {
      r = applyCommand(this.game, command);
    } catch (e) {
      // The engine must not throw (its front door refuses bad input), but if it does, the game it
      // was given may hold a broken live actor: rebuild it by replay, and refuse the command.
      this.rebuildGame();
      return refuse('server.engine.error', { message: String((e as Error)?.message ?? e).slice(0, 200) });
    }
    if (!r.ok) return { ok: false, reason: r.reason };
    return { ok: true, prepared: { kind: 'command', payload: { command, ...extra }, next: { game: r.game, entries: r.entries, hash: stateHash(r.game) } } };
  }

  private rebuildGame(): void {
    const r = replay(this.scenario, { seed: this.seed, difficulty: this.options.difficulty, humanRoles: this.humanRoles }, this.game?.commands ?? []);
    this.game = r.game;
  }

  /** The scenario's injects and their contingencies, by id. */
  plannedInject(id: string): { id: string; synopsis: string } | undefined {
    for (const i of this.scenario.injects) {
      if (i.id === id) return i;
      for (const c of i.contingency) if (c.id === id) return c;
    }
    return undefined;
  }

  /**
   * Fire a planned inject, its text edited or not. The engine is asked to take the edited text; if it
   * refuses a synopsis beside an inject id, the inject fires with the planned text in the engine and
   * the edit lives in the fired record only.
   */
  prepareFire(injectId: string, edited: string | undefined): Prep {
    const planned = this.plannedInject(injectId);
    if (!planned) return refuse('server.inject.unknown', { id: injectId.slice(0, 64) });
    const isEdit = edited !== undefined && edited !== planned.synopsis;
    const meta = (engineTookEdit: boolean) => ({
      fired: { inject: injectId, synopsis: isEdit ? edited : planned.synopsis, planned: isEdit ? planned.synopsis : null, edited: isEdit, engineTookEdit },
    });
    if (isEdit) {
      const withText = this.prepareCommand('instructor', { type: 'inject', inject: injectId, synopsis: edited }, meta(true));
      if (withText.ok) return withText;
    }
    return this.prepareCommand('instructor', { type: 'inject', inject: injectId }, meta(false));
  }

  prepareAdhoc(effect: Record<string, unknown>, synopsis: string): Prep {
    return this.prepareCommand(
      'instructor',
      { type: 'inject', effect, synopsis },
      { fired: { inject: null, synopsis, planned: null, edited: false, engineTookEdit: true } },
    );
  }

  // ---------- Channels ----------

  prepareSay(who: Who, kind: 'public' | 'delegation' | 'caucus', party: string | undefined, text: string): Prep {
    if (this.status === 'ended') return refuse('server.exercise.ended');
    const role = who.role;
    let channel: string;
    const own = role.startsWith('party:') ? role.slice(6) : null;
    const partyOk = (p: string | undefined) => p !== undefined && this.scenario.parties.some((x) => x.id === p);
    if (kind === 'public') {
      if (role === 'observer') return refuse('server.chat.observer');
      channel = 'public';
    } else if (kind === 'delegation') {
      if (own) channel = `delegation:${own}`;
      else if (role === 'instructor' && partyOk(party)) channel = `delegation:${party}`;
      else return refuse('server.chat.notMember', { channel: kind });
    } else {
      if (own) channel = `caucus:${own}`;
      else if ((role === 'mediator' || role === 'instructor') && partyOk(party)) channel = `caucus:${party}`;
      else return refuse('server.chat.notMember', { channel: kind });
    }
    return { ok: true, prepared: { kind: 'chat', payload: { channel, role, name: who.name, holderId: who.holderId, text } } };
  }

  // ---------- The fold ----------

  /** Apply a prepared (or stored) event. Returns the chat message or fired record it made, if any. */
  commit(p: Prepared, seq: number, at: number): { chat?: ChatMessage; fired?: FiredInject; entries?: LogEntry[] } {
    this.seq = seq;
    const pl = p.payload;
    switch (p.kind) {
      case 'seat': {
        if (pl.op === 'plan') {
          if (pl.engine === true) this.engineSeats.add(pl.role as Role);
          else this.engineSeats.delete(pl.role as Role);
          return {};
        }
        const id = String(pl.id);
        if (pl.op === 'take') this.holders.set(id, { id, name: String(pl.name), role: pl.role as Role, gen: 1, removed: false });
        else {
          const h = this.holders.get(id);
          if (h && pl.op === 'reassign') {
            h.role = pl.role as Role;
            h.gen = Number(pl.gen);
          } else if (h && pl.op === 'remove') {
            h.removed = true;
            h.gen++;
          }
        }
        return {};
      }
      case 'start': {
        this.status = 'running';
        this.humanRoles = (pl.humanRoles as Role[]) ?? [];
        this.game = createGame(this.scenario, { seed: this.seed, difficulty: this.options.difficulty, humanRoles: this.humanRoles });
        return {};
      }
      case 'command': {
        if (!p.next) throw new Error('a command must be prepared before it is committed');
        this.game = p.next.game;
        if (p.next.hash) this.hash = p.next.hash;
        const entries = p.next.entries;
        const f = pl.fired as Omit<FiredInject, 'seq' | 'at' | 'turn' | 'effect' | 'log'> | undefined;
        if (f) {
          const cmd = pl.command as { effect?: unknown };
          const record: FiredInject = {
            seq,
            at,
            turn: (entries[0]?.turn ?? (this.game ? worldOf(this.game).turn : 0)) as number,
            inject: f.inject,
            synopsis: f.synopsis,
            planned: f.planned,
            edited: f.edited,
            engineTookEdit: f.engineTookEdit,
            effect: cmd.effect ?? null,
            log: entries.filter((e) => e.kind === 'event'),
          };
          this.fired.push(record);
          return { fired: record, entries };
        }
        return { entries };
      }
      case 'chat': {
        const msg: ChatMessage = { seq, at, channel: String(pl.channel), from: { role: pl.role as Role, name: String(pl.name) }, text: String(pl.text) };
        this.chat.push(msg);
        if (this.chat.length > CHAT_MEMORY) this.chat.splice(0, this.chat.length - CHAT_MEMORY);
        return { chat: msg };
      }
      case 'pause':
        this.paused = true;
        return {};
      case 'resume':
        this.paused = false;
        return {};
      case 'clock':
        this.turnSeconds = (pl.seconds as number | null) ?? null;
        return {};
      case 'end':
        this.status = 'ended';
        return {};
      case 'refused':
        // For the instructor's feed only: the game and the seats are as they were.
        return {};
    }
  }

  // ---------- What each role sees ----------

  viewFor(role: Role | 'instructor'): View | null {
    return this.game ? viewFor(this.game, role as Role) : null;
  }

  /** The mediator's moves (legal or not, with the engine's reason), as solo play shows them. */
  mediatorMoves(): MoveOption[] {
    return this.game && !isOver(this.game) ? availableMoves(this.game) : [];
  }

  briefingFor(role: Role | 'instructor'): Briefing {
    const b = this.scenario.briefing;
    const conf = b.confidential as Record<string, string>;
    const own = Object.prototype.hasOwnProperty.call(conf, role) ? conf[role]! : null;
    const briefing: Briefing = { background: b.background, earlierTalks: b.earlierTalks.map((t) => ({ ...t })), confidential: own };
    if (role === 'instructor') briefing.allConfidential = { ...conf };
    return briefing;
  }

  planned(): NonNullable<View['injects']> {
    const v = this.game ? viewFor(this.game, 'instructor').injects : undefined;
    if (v) return v;
    return this.scenario.injects.flatMap((i) => [
      {
        id: i.id,
        ...(i.turn !== undefined ? { turn: i.turn } : {}),
        synopsis: i.synopsis,
        fired: false,
        ...(i.learningObjective ? { learningObjective: i.learningObjective } : {}),
      },
      ...i.contingency.map((c) => ({ id: c.id, ...(c.turn !== undefined ? { turn: c.turn } : {}), synopsis: c.synopsis, fired: false })),
    ]);
  }

  chatFor(role: Role | 'instructor', limit = 200): ChatMessage[] {
    const member = channelsOf(this.scenario, role);
    const out: ChatMessage[] = [];
    for (let i = this.chat.length - 1; i >= 0 && out.length < limit; i--) if (member(this.chat[i]!.channel)) out.push(this.chat[i]!);
    return out.reverse();
  }
}
