/**
 * The classroom protocol: what a client may send (checked with zod at the door) and what the server
 * sends back (its types in src/seat/wire.ts, shared with the page's remote seat).
 *
 * A client never names its own role: the room binds it when the seat is taken (a signed seat token)
 * and adds it to every command. Messages travel as Colyseus messages: `room.send(type, payload)`.
 */
import { z } from 'zod';
import { TURN_CLOCK_SECONDS } from '../seat/wire';

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
    seconds: z.number().int().min(TURN_CLOCK_SECONDS.min).max(TURN_CLOCK_SECONDS.max).nullable(),
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

// The message types themselves are in src/seat/wire.ts (the page reads them too): import them from there.
import type {
  Welcome,
  Status,
  Briefing,
  ChatMessage,
  FiredInject,
  ViewMessage,
  Ack,
  Refusal,
  PlannedInject,
  Activity,
  Peek,
  ClassDebrief,
  OwnDebrief,
} from '../seat/wire';

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
