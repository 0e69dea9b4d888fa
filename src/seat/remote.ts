/**
 * A remote seat: the same seat interface as a local one, over the classroom server (@colyseus/sdk).
 * The server is authoritative: the view is the last per-role `view` message, the mediator's move list
 * comes with it, and a command's answer (null or the engine's reason) arrives as `ack` or `refused`.
 * `send` is synchronous in the interface, so it answers only what it knows at once (not connected);
 * `request` waits for the server's answer. A dropped connection shows as "reconnecting": the SDK
 * retries on its own, and when it gives up the seat joins again with its seat token (same seat).
 */
import { Client, type Room } from '@colyseus/sdk';
import type { Debrief, DelegationResult, DelegationsReport, LogEntry, MoveOption, Msg, Role, View } from '../sim/index';
import type { Seat, SeatUpdate } from './types';

// The server's messages as the page reads them (src/server/protocol.ts is the source: the page may
// not import the server, so the fields it uses are restated here).
export interface Welcome {
  code: string;
  role: Role;
  holderId: string | null;
  name: string;
  seatToken: string | null;
  title: string;
}
export interface Briefing {
  background: string;
  earlierTalks?: { title: string; period: string; summary: string; lesson: string }[];
  confidential: string | null;
  /** Instructor only: every role's confidential note (for the printed seat handouts). */
  allConfidential?: Record<string, string>;
}
export interface SeatInfo {
  role: Role;
  name: string;
  playedBy: 'people' | 'engine' | 'watch';
  holders: { id: string; name: string; online: boolean }[];
}
export interface Status {
  status: 'lobby' | 'running' | 'ended';
  paused: boolean;
  turn: number | null;
  over: boolean;
  seats: SeatInfo[];
  /** The turn clock: seconds per turn, and when the current turn ends (epoch ms; null when paused or off). */
  turnSeconds?: number | null;
  deadline?: number | null;
  phase?: string | null;
}
export interface ChatMessage {
  seq: number;
  channel: string;
  from: { role: Role; name: string };
  text: string;
}
export interface FiredInject {
  inject: string | null;
  synopsis: string;
  edited: boolean;
  turn?: number;
  seq?: number;
  planned?: string | null;
}
/** Instructor: a planned inject or contingency, what it expects and where it stands. */
export type PlannedInject = NonNullable<View['injects']>[number] & {
  parent?: string;
  target?: string;
  effectKind?: string;
  expected?: { move: string; target?: string; withinTurns: number; description: string };
  firedTurn?: number;
  respondedTurn?: number;
  status?: 'planned' | 'fired' | 'awaiting' | 'responded' | 'missed';
};
/** Instructor: one line of the live activity feed. */
export interface Activity {
  seq: number;
  at: number;
  kind: 'command' | 'refused' | 'chat' | 'event' | 'seat' | 'control';
  who: { role: Role | 'instructor'; name: string } | null;
  what: string;
  id?: string;
  fields?: Record<string, unknown>;
  text?: string;
  msg?: Msg;
  by?: 'clock' | 'bot';
}
/** Instructor: what the seat it looks at sees (ask with control('peek', { seat })). */
export interface Peek {
  seat: Role;
  seq: number;
  view: View | null;
  moves?: MoveOption[];
  briefing: Briefing;
}
/** Activity lines a page keeps. */
const ACTIVITY_KEPT = 500;

/** The public ending and the names a debrief refers to by id (src/server/classDebrief.ts is the source). */
export interface EndingSummary {
  outcome: Debrief['outcome'];
  ending: Debrief['ending'];
  phaseReached: Debrief['phaseReached'];
  turnsPlayed: number;
}
export interface DebriefNames {
  parties: { id: string; name: string; short?: string }[];
  issues: { id: string; name: string }[];
  factions: { id: string; name: string; party: string }[];
  externals: { id: string; name: string }[];
  venues: { id: string; name: string }[];
}
/** Instructor, once the exercise has ended: the class debrief. */
export interface ClassDebrief {
  exerciseId: string;
  code: string;
  scenario: { id: string; title: string; version: string };
  status: Status['status'];
  seed: number;
  stateHash: string;
  summary: EndingSummary;
  names: DebriefNames;
  seats: { role: Role; name: string; playedBy: SeatInfo['playedBy']; holders: string[] }[];
  mediator: Debrief;
  delegations: DelegationsReport;
  timeline: {
    turn: number | null;
    inject: string | null;
    synopsis: string;
    by: 'instructor' | 'scenario';
    fired: { seq: number; at: number; edited: boolean; planned: string | null; engineTookEdit: boolean } | null;
    results: Msg[];
    review: Debrief['exercise'][number] | null;
  }[];
  transcripts: { channel: string; messages: (ChatMessage & { at: number })[] }[];
  planned: NonNullable<View['injects']>;
}
/** A seat's own part of the debrief, once the exercise has ended. */
export interface OwnDebrief {
  role: Role;
  summary: EndingSummary;
  names: DebriefNames;
  mediator?: Debrief;
  delegation?: DelegationResult & { basis: DelegationsReport['basis']; proposal: number | null; terms: Record<string, number> };
}

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
