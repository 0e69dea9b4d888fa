/**
 * The classroom protocol: what a client may send (checked with zod at the door) and what the server
 * sends back. Shared by the server, its tests, the load test and (later) the student screens.
 *
 * A client never names its own role: the room binds it when the seat is taken (a signed seat token)
 * and adds it to every command. Messages travel as Colyseus messages: `room.send(type, payload)`.
 */
import { z } from 'zod';
import type { LogEntry, MoveOption, Msg, Role, View } from '../sim/index';
import type { ClassDebrief, OwnDebrief } from './classDebrief';

/** Largest message a client may send (bytes on the wire; the WebSocket closes on bigger frames). */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Longest chat line. */
export const MAX_CHAT_CHARS = 1000;
/** Longest display name. */
export const MAX_NAME_CHARS = 40;
/** Longest edited inject text (the engine's own cap on a synopsis is 600 characters). */
export const MAX_SYNOPSIS_CHARS = 600;
/** Largest uploaded pack (characters). */
export const MAX_UPLOAD_CHARS = 1_000_000;

const roleText = z
  .string()
  .max(80)
  .regex(/^(mediator|observer|(party|faction|external):[a-z][a-z0-9_-]*)$/, 'a seat');
/** Client-chosen correlation id, echoed in the answer. */
const ref = z.union([z.string().max(40), z.number().int().safe()]).optional();
/** Control characters (except tab and newline), zero-width and direction marks. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const INVISIBLE = new RegExp('[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\ufeff]', 'g');
/** Visible text: trimmed, not empty, no control characters except newlines and tabs. */
const visibleText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => s.replace(INVISIBLE, '').trim())
    .pipe(z.string().min(1).max(max));

/** Options a client passes when joining a room (the join code is the room id). */
export const joinOptionsSchema = z.strictObject({
  name: visibleText(MAX_NAME_CHARS).optional(),
  /** The seat asked for: a scenario role (mediator, party:<id>, faction:<id>, external:<id>, observer). */
  seat: roleText.optional(),
  /** A seat token from an earlier join: gets the same seat back. */
  seatToken: z.string().max(2000).optional(),
  /** The instructor's secret token. */
  instructorToken: z.string().max(200).optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/** A command body as a client sends it: the engine parses the fields; `role` is never accepted. */
const commandBody = z
  .record(z.string().max(40), z.unknown())
  .refine((c) => typeof c.type === 'string' && c.type.length > 0 && c.type.length <= 40, { message: 'a command needs a type' })
  .refine((c) => !('role' in c), { message: 'the role is bound to the seat' });

export const channelKind = z.enum(['public', 'delegation', 'caucus']);
export type ChannelKind = z.infer<typeof channelKind>;

/** Every message a client may send; `type` is the Colyseus message type. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('command'), command: commandBody, ref }),
  z.strictObject({ type: z.literal('say'), channel: channelKind, party: z.string().max(48).optional(), text: visibleText(MAX_CHAT_CHARS), ref }),
  z.strictObject({ type: z.literal('sync'), ref }),
  // Once the exercise has ended: the class debrief (the instructor's), or the asking seat's own part.
  z.strictObject({ type: z.literal('classDebrief'), ref }),
  z.strictObject({ type: z.literal('debrief'), ref }),
  // Instructor only:
  z.strictObject({ type: z.literal('start'), ref }),
  z.strictObject({ type: z.literal('fire'), inject: z.string().max(64), synopsis: visibleText(MAX_SYNOPSIS_CHARS).optional(), ref }),
  z.strictObject({ type: z.literal('adhoc'), effect: z.record(z.string().max(40), z.unknown()), synopsis: visibleText(MAX_SYNOPSIS_CHARS), ref }),
  z.strictObject({ type: z.literal('pause'), ref }),
  z.strictObject({ type: z.literal('resume'), ref }),
  z.strictObject({
    type: z.literal('clock'),
    seconds: z
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .nullable(),
    ref,
  }),
  z.strictObject({ type: z.literal('reassign'), holder: z.string().max(40), seat: roleText.nullable(), ref }),
  z.strictObject({ type: z.literal('end'), ref }),
  /** See what a seat sees (its view, moves and briefing), kept up to date; null stops. */
  z.strictObject({ type: z.literal('peek'), seat: roleText.nullable(), ref }),
  /** Before the start: leave a seat to the engine (no student may take it), or open it to people again. */
  z.strictObject({ type: z.literal('plan'), seat: roleText, engine: z.boolean(), ref }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];
export const INSTRUCTOR_MESSAGES: ReadonlySet<string> = new Set(['start', 'fire', 'adhoc', 'pause', 'resume', 'clock', 'reassign', 'end', 'peek', 'plan']);

// ---- What the server sends ----

export type ExerciseStatus = 'lobby' | 'running' | 'ended';

export interface SeatInfo {
  role: Role;
  name: string;
  /** Played by people (chosen at start), by the engine, or a watching seat. */
  playedBy: 'people' | 'engine' | 'watch';
  holders: { id: string; name: string; online: boolean }[];
}

/** Sent once on join (and again after a reassignment): who you are here. */
export interface Welcome {
  exerciseId: string;
  code: string;
  role: Role | 'instructor';
  holderId: string | null;
  name: string;
  /** Keep it to get the same seat back after a reload or a server restart. */
  seatToken: string | null;
  title: string;
}

/** The room's public state: broadcast after every change to it. */
export interface Status {
  seq: number;
  status: ExerciseStatus;
  paused: boolean;
  turn: number | null;
  phase: string | null;
  over: boolean;
  /** Seconds per turn, when the instructor set a clock. */
  turnSeconds: number | null;
  /** Epoch ms when the mediator's turn ends, when a clock runs. */
  deadline: number | null;
  seats: SeatInfo[];
  mediatorBot: string | null;
}

/** A role's briefing: the public background and only this role's confidential note. */
export interface Briefing {
  background: string;
  earlierTalks: { title: string; period: string; summary: string; lesson: string }[];
  confidential: string | null;
  /** Instructor only: every role's confidential note. */
  allConfidential?: Record<string, string>;
}

export interface ChatMessage {
  seq: number;
  at: number;
  channel: string;
  from: { role: Role | 'instructor'; name: string };
  text: string;
}

/** An inject as the instructor fired it (the planned list stays in the scenario). */
export interface FiredInject {
  seq: number;
  at: number;
  turn: number;
  inject: string | null;
  /** The text as fired (edited or not). */
  synopsis: string;
  /** The scenario's text, when the instructor edited it. */
  planned: string | null;
  edited: boolean;
  /** Whether the engine took the edited text (otherwise only this record holds it). */
  engineTookEdit: boolean;
  effect: unknown;
  log: LogEntry[];
}

export interface ViewMessage {
  /** The exercise event this view follows. */
  seq: number;
  view: View;
  /** Instructor only: the engine's state hash after this event. */
  stateHash?: string;
  /** Mediator only: the moves panel's list (what solo play's local seat computes). */
  moves?: MoveOption[];
}

export interface Ack {
  ref?: string | number | undefined;
  type: string;
  seq: number;
}

export interface Refusal {
  ref?: string | number | undefined;
  type: string;
  reason: Msg;
}

/** Instructor only: a planned inject or contingency with what it expects and where it stands. */
export type PlannedInject = NonNullable<View['injects']>[number] & {
  /** For a contingency: the inject whose missed response fires it. */
  parent?: string;
  target?: string;
  effectKind: string;
  /** The response the exercise expects (main injects only). */
  expected?: { move: string; target?: string; withinTurns: number; description: string };
  firedTurn?: number;
  respondedTurn?: number;
  status: 'planned' | 'fired' | 'awaiting' | 'responded' | 'missed';
};

/** Instructor only: one line of the live activity feed. */
export interface Activity {
  /** The exercise event it belongs to (a refusal: the last event when it was sent). */
  seq: number;
  at: number;
  kind: 'command' | 'refused' | 'chat' | 'event' | 'seat' | 'control';
  /** Who acted (null: the engine or the room). */
  who: { role: Role | 'instructor'; name: string } | null;
  /** The command type, chat channel, event source, seat operation or control. */
  what: string;
  /** An event's inject id. */
  id?: string;
  fields?: Record<string, unknown>;
  /** A chat line or an event's synopsis. */
  text?: string;
  /** The engine's answer, or the refusal's reason. */
  msg?: Msg;
  /** A command the room sent for the mediator: the turn clock ran out, or the bot mediator. */
  by?: 'clock' | 'bot';
}

/** Instructor only: what one seat sees, kept up to date while the instructor looks. */
export interface Peek {
  seat: Role;
  seq: number;
  view: View | null;
  moves?: MoveOption[];
  briefing: Briefing;
}

/** Message types the server sends. */
export type ServerMessages = {
  welcome: Welcome;
  /** Answers `classDebrief` (instructor) and `debrief` (a seat's own part), before the ack. */
  classDebrief: ClassDebrief;
  debrief: OwnDebrief;
  status: Status;
  view: ViewMessage;
  briefing: Briefing;
  chat: ChatMessage;
  history: { messages: ChatMessage[] };
  fired: { planned: PlannedInject[]; fired: FiredInject[] };
  /** Instructor only: new feed lines; `reset` replaces the list (on join). */
  activity: { entries: Activity[]; reset?: boolean };
  peek: Peek;
  ack: Ack;
  refused: Refusal;
  ended: { seq: number };
};
