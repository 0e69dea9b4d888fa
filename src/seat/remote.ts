/**
 * A remote seat: the same seat interface as a local one, over the classroom server (@colyseus/sdk).
 * The server is authoritative: the view is the last per-role `view` message, the mediator's move list
 * comes with it, and a command's answer (null or the engine's reason) arrives as `ack` or `refused`.
 * `send` is synchronous in the interface, so it answers only what it knows at once (not connected);
 * `request` waits for the server's answer. A dropped connection shows as "reconnecting": the SDK
 * retries on its own, and when it gives up the seat joins again with its seat token (same seat).
 */
import { Client, type Room } from '@colyseus/sdk';
import type { LogEntry, MoveOption, Msg, Role, View } from '../sim/index';
import type { Seat, SeatUpdate } from './types';

// The server's messages, one definition shared with the server (wire.ts).
export type {
  Welcome,
  Briefing,
  SeatInfo,
  Status,
  ChatMessage,
  FiredInject,
  PlannedInject,
  Activity,
  Peek,
  EndingSummary,
  DebriefNames,
  ClassDebrief,
  OwnDebrief,
} from './wire';
import type { Welcome, Briefing, Status, ChatMessage, FiredInject, PlannedInject, Activity, Peek, ClassDebrief, OwnDebrief } from './wire';

/** Activity lines a page keeps. */
const ACTIVITY_KEPT = 500;

export type Connection = 'connecting' | 'online' | 'reconnecting' | 'closed';

/** What the page gave to join: a seat, a seat token (the same seat back), or the instructor token. */
export interface RemoteJoin {
  seat?: string;
  name?: string;
  seatToken?: string;
  instructorToken?: string;
}

export interface RemoteSeat extends Seat {
  readonly code: string;
  connection(): Connection;
  /** How many times the seat came back after losing the server (a drop, or a restart): the page says so. */
  recoveries(): number;
  welcome(): Welcome | null;
  briefing(): Briefing | null;
  status(): Status | null;
  chat(): readonly ChatMessage[];
  /** Instructor: planned and fired injects. */
  injects(): { planned: PlannedInject[]; fired: FiredInject[] } | null;
  /** Instructor: the live activity feed, oldest first, and the seat it peeks at. */
  activity(): readonly Activity[];
  peek(): Peek | null;
  /** Once asked for (control('classDebrief') or control('debrief')) after the end: the instructor's class debrief, or this seat's own part. */
  classDebrief(): ClassDebrief | null;
  ownDebrief(): OwnDebrief | null;
  /** Whether the server has sent a view yet (the exercise may still be in its lobby). */
  hasView(): boolean;
  /** Send a command and wait for the server's answer: null when it was made, else the reason. */
  request(cmd: { type: string } & Record<string, unknown>): Promise<Msg | null>;
  /** Any other message (say, start, fire, pause, …), answered the same way. */
  control(type: string, payload?: Record<string, unknown>): Promise<Msg | null>;
  /** Hear any change at all (view, status, briefing, chat, connection). */
  onChange(fn: () => void): () => void;
  leave(): Promise<void>;
}

const NOT_CONNECTED: Msg = { key: 'classroom.notConnected' };
const ANSWER_MS = 10_000;

export async function joinRemoteSeat(endpoint: string, code: string, join: RemoteJoin): Promise<RemoteSeat> {
  const client = new Client(endpoint);
  let room: Room = await client.joinById(code, join);
  let state: Connection = 'online';
  let view: View | null = null;
  let moves: MoveOption[] = [];
  let welcome: Welcome | null = null;
  let briefing: Briefing | null = null;
  let status: Status | null = null;
  let chat: ChatMessage[] = [];
  let injects: { planned: PlannedInject[]; fired: FiredInject[] } | null = null;
  let activity: Activity[] = [];
  let peek: Peek | null = null;
  let classDebrief: ClassDebrief | null = null;
  let ownDebrief: OwnDebrief | null = null;
  let left = false;
  let recoveries = 0;
  let dropped = false;
  let nextRef = 1;
  const pending = new Map<string, (r: Msg | null) => void>();
  const listeners = new Set<(u: SeatUpdate) => void>();
  const changes = new Set<() => void>();
  const changed = () => {
    for (const fn of [...changes]) fn();
  };

  const wire = (r: Room) => {
    r.reconnection.minUptime = 0;
    r.onMessage('welcome', (w: Welcome) => ((welcome = w), changed()));
    r.onMessage('briefing', (b: Briefing) => ((briefing = b), changed()));
    r.onMessage('status', (s: Status) => ((status = s), changed()));
    r.onMessage('history', (h: { messages: ChatMessage[] }) => ((chat = h.messages), changed()));
    r.onMessage('chat', (m: ChatMessage) => ((chat = [...chat, m]), changed()));
    r.onMessage('fired', (f: NonNullable<typeof injects>) => ((injects = f), changed()));
    r.onMessage('activity', (a: { entries: Activity[]; reset?: boolean }) => {
      activity = (a.reset ? a.entries : [...activity, ...a.entries]).slice(-ACTIVITY_KEPT);
      changed();
    });
    r.onMessage('peek', (p: Peek) => ((peek = p), changed()));
    r.onMessage('ended', () => changed());
    r.onMessage('classDebrief', (d: ClassDebrief) => ((classDebrief = d), changed()));
    r.onMessage('debrief', (d: OwnDebrief) => ((ownDebrief = d), changed()));
    r.onMessage('view', (m: { view: View; moves?: MoveOption[] }) => {
      const before = view?.log.length ?? 0;
      view = m.view;
      moves = m.moves ?? [];
      const entries: LogEntry[] = m.view.log.slice(Math.min(before, m.view.log.length));
      const update: SeatUpdate = { command: null, entries };
      for (const fn of [...listeners]) fn(update);
      changed();
    });
    r.onMessage('ack', (a: { ref?: string | number }) => settle(a.ref, null));
    r.onMessage('refused', (a: { ref?: string | number; reason: Msg }) => settle(a.ref, a.reason));
    r.onDrop(() => ((state = 'reconnecting'), (dropped = true), changed()));
    r.onReconnect(() => back());
    r.onLeave(() => {
      if (left) return;
      // The SDK gave up (or the server restarted): join again with the seat token, same seat.
      state = 'reconnecting';
      dropped = true;
      for (const done of pending.values()) done(NOT_CONNECTED);
      pending.clear();
      changed();
      void rejoin(1);
    });
  };
  const back = () => {
    state = 'online';
    if (dropped) recoveries++;
    dropped = false;
    changed();
  };
  const settle = (ref: string | number | undefined, r: Msg | null) => {
    const done = ref === undefined ? undefined : pending.get(String(ref));
    if (!done) return;
    pending.delete(String(ref));
    done(r);
  };
  const rejoin = async (attempt: number): Promise<void> => {
    if (left) return;
    const token = welcome?.seatToken;
    const again: RemoteJoin = token ? { seatToken: token } : join;
    try {
      room = await client.joinById(code, again);
      wire(room);
      back();
    } catch {
      setTimeout(() => void rejoin(attempt + 1), Math.min(5000, 500 * attempt));
    }
  };
  wire(room);

  const control = (type: string, payload: Record<string, unknown> = {}): Promise<Msg | null> => {
    if (state !== 'online') return Promise.resolve(NOT_CONNECTED);
    const ref = `r${nextRef++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(ref, NOT_CONNECTED), ANSWER_MS);
      pending.set(ref, (r) => (clearTimeout(timer), resolve(r)));
      room.send(type, { ...payload, ref });
    });
  };

  const seat: RemoteSeat = {
    get role(): Role {
      return (welcome?.role ?? 'observer') as Role;
    },
    code,
    view: () => {
      if (!view) throw new Error('no view yet');
      return view;
    },
    hasView: () => view !== null,
    moves: () => moves,
    send(cmd) {
      if (state !== 'online') return NOT_CONNECTED;
      void seat.request(cmd);
      return null;
    },
    // The engine runs on the server: the page cannot ask it beforehand.
    preview: () => null,
    subscribe(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    connection: () => state,
    recoveries: () => recoveries,
    welcome: () => welcome,
    briefing: () => briefing,
    status: () => status,
    chat: () => chat,
    injects: () => injects,
    activity: () => activity,
    peek: () => peek,
    classDebrief: () => classDebrief,
    ownDebrief: () => ownDebrief,
    request: (cmd) => control('command', { command: cmd }),
    control,
    onChange(fn) {
      changes.add(fn);
      return () => void changes.delete(fn);
    },
    async leave() {
      left = true;
      state = 'closed';
      await room.leave(true).catch(() => undefined);
    },
  };
  return seat;
}
