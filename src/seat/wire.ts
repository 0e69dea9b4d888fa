/**
 * What the classroom server sends, as both sides read it: the server (src/server/protocol.ts,
 * classDebrief.ts) builds these and the page's remote seat (remote.ts) receives them. Types (from
 * the engine's public API) and the limits both sides check, so the page never imports the server.
 */
import type { Debrief, DelegationResult, DelegationsReport, LogEntry, MoveOption, Msg, Role, View } from '../sim/index';
import type { InjectReview } from '../sim/debrief/index';

/** The turn clock the instructor may set, in seconds (the server refuses anything else). */
export const TURN_CLOCK_SECONDS = { min: 10, max: 24 * 3600 } as const;

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
  /** The exercise event it belongs to (a refusal is an event of its own; one shown live only: the last event when it was sent). */
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

/** What every seat may know of how the exercise ended (public). */
export interface EndingSummary {
  outcome: Debrief['outcome'];
  ending: Debrief['ending'];
  phaseReached: Debrief['phaseReached'];
  turnsPlayed: number;
}

/** One line of the inject timeline: what fired, when, as fired, and the engine's MSEL review of the response. */
export interface TimelineEntry {
  turn: number | null;
  inject: string | null;
  synopsis: string;
  /** The instructor fired it (planned or ad hoc), or the scenario's schedule and contingencies did. */
  by: 'instructor' | 'scenario';
  /** The instructor's fired record, when the instructor fired it. */
  fired: Pick<FiredInject, 'seq' | 'at' | 'edited' | 'planned' | 'engineTookEdit'> | null;
  /** What it did in the engine (its event lines). */
  results: Msg[];
  /** Expected response, whether it came in time, contingencies fired (null for an ad-hoc inject). */
  review: InjectReview | null;
}

/** Names of what a debrief refers to by id (public): the page may have no scenario file. */
export interface DebriefNames {
  parties: { id: string; name: string; short?: string }[];
  issues: { id: string; name: string }[];
  factions: { id: string; name: string; party: string }[];
  externals: { id: string; name: string }[];
  venues: { id: string; name: string }[];
}

/** The instructor's class debrief. */
export interface ClassDebrief {
  exerciseId: string;
  code: string;
  scenario: { id: string; title: string; version: string };
  status: ExerciseStatus;
  seed: number;
  stateHash: string;
  summary: EndingSummary;
  names: DebriefNames;
  /** Who sat where. */
  seats: { role: Role; name: string; playedBy: SeatInfo['playedBy']; holders: string[] }[];
  /** The mediator's debrief, as in solo play. */
  mediator: Debrief;
  /** Each delegation's result against its own interests. */
  delegations: DelegationsReport;
  timeline: TimelineEntry[];
  /** Every channel's chat, public first, then each party's delegation and caucus channels. */
  transcripts: { channel: string; messages: ChatMessage[] }[];
  /** The scenario's planned injects and whether each fired. */
  planned: NonNullable<View['injects']>;
}

/** A seat's own part: the public ending for all, the mediator's debrief for the mediator, a delegation its own result. */
export interface OwnDebrief {
  role: Role;
  summary: EndingSummary;
  names: DebriefNames;
  mediator?: Debrief;
  delegation?: DelegationResult & { basis: DelegationsReport['basis']; proposal: number | null; terms: Record<string, number> };
}
