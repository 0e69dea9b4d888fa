/**
 * The engine's public vocabulary: roles, commands, world state, messages.
 * Everything here is plain data (JSON-safe), so saves, views and the classroom server can share it.
 */
import type { CbmKind, Effect, InjectDef, IssuePosition, PhaseId, Scenario, SpoilerAction, SpoilerType } from '../scenario/schema';

import type { EXTERNAL_ASKS, SPOILER_APPROACHES, STATEMENT_TONES } from './vocabulary';

export type { PhaseId, SpoilerType, SpoilerAction, CbmKind, Effect, Scenario, InjectDef, IssuePosition };

export type Role = 'mediator' | 'instructor' | 'observer' | `party:${string}` | `faction:${string}` | `external:${string}`;

export type ProcessPhase = PhaseId | 'suspended' | 'collapsed' | 'concluded';
export type TalkFormat = 'pendular' | 'direct';
export type Visibility = 'confidential' | 'acknowledged' | 'leaked';
export type ExternalAsk = (typeof EXTERNAL_ASKS)[number];
export type SpoilerApproach = (typeof SPOILER_APPROACHES)[number];
export type StatementTone = (typeof STATEMENT_TONES)[number];
export type Difficulty = 'easy' | 'standard' | 'hard';
export type Seat = 'atTable' | 'wavering' | 'walkedOut';

/**
 * Commands come from the registry (src/sim/commands): one file per command, its zod schema the
 * one definition of its shape. These types are derived from those schemas.
 */
export type { CommandBody, CommandType, MediatorCommand, SeatCommand } from './commands';
import type { CommandBody } from './commands';
/** Every command names its sender's role; the engine refuses what the role may not send. */
export type Command = CommandBody & { role: Role };

export type MsgParams = Record<string, string | number>;
/** A message for people: a catalogue key plus parameters, so the UI can translate it. */
export interface Msg {
  key: string;
  params?: MsgParams;
}

export interface PartyState {
  id: string;
  trustInMediator: number;
  commitment: number;
  cohesion: number;
  trustIn: Record<string, number>;
  /** Walk-away value: domestic strength + patrons' support + shocks (see rules/batna.ts). */
  batna: number;
  shock: number;
  incentive: number;
  seat: Seat;
  intent: 'sincere' | 'stalling';
  attention: number;
  gestures: number;
  /** Recent gestures (halving each turn): repeated gestures earn less trust. */
  gestureFatigue: number;
  /** Reasons to come back given since it walked out (shuttles, gestures, a patron's push). */
  returnReasons: number;
  /** The turn of its last reason: reasons count at most one a turn. */
  lastReasonTurn: number;
  /** It left on a pretext (a shock to a staller): coming back takes more. */
  pretext: boolean;
}

export interface FactionState {
  id: string;
  party: string;
  influence: number;
  stance: 'moderate' | 'hardline';
  spoiler: SpoilerType;
  included: boolean;
  satisfaction: number;
  /** The right strategy for its type has been applied. */
  managed: boolean;
  strikes: number;
}

export interface ExternalState {
  id: string;
  support: Record<string, number>;
  disposition: number;
  engaged: number;
  restraint: boolean;
  guarantee: boolean;
  /** Times the mediator asked it for backing: each ask moves it less. */
  backings: number;
}

export interface FormulaState {
  value: number;
  acceptedBy: string[];
  proposedTurn: number;
}

export interface IssueState {
  id: string;
  /** Public positions per party: they soften as reframing and commissions work. */
  publicPos: Record<string, number>;
  reframed: boolean;
  commission: boolean;
  /** How far every party's red line has widened (reframing, commission), up to the issue's flex. */
  give: number;
  /** How far an outside power's guarantee widens a party's red line on it (party → points; rules/guarantees.ts). */
  secured?: Record<string, number>;
  formula: FormulaState | null;
}

export type ProposalKind = 'agenda' | 'formula' | 'package' | 'cbm' | 'signing';
export interface Proposal {
  id: number;
  turn: number;
  /** The phase it was made in: an answer after the phase has changed comes too late. */
  phase: ProcessPhase;
  kind: ProposalKind;
  /** agenda: issue ids; formula/package: issue → value; cbm: { party, cbm }; signing: none. */
  issues?: string[];
  terms?: Record<string, number>;
  cbm?: { party: string; cbm: CbmKind };
  responses: Record<string, 'accept' | 'reject' | 'pending'>;
  reasons: Record<string, Msg>;
  /** Counter-offers from delegations held by people: party → the terms it would take instead (formula and package only). */
  counters?: Record<string, Record<string, number>>;
  status: 'pending' | 'accepted' | 'rejected';
  /** Accepted, but it only restated what was already agreed: no new step. */
  repeat?: true;
}

/** What the mediator has learned. Views show hidden values only through this. */
export interface Knowledge {
  briefing: boolean;
  history: boolean;
  spoilerTypes: Record<string, SpoilerType>;
  /** party → issue → known hidden values */
  interests: Record<string, Record<string, { ideal?: number; weight?: number; reservation?: number }>>;
}

export interface Change {
  target: string;
  meter: string;
  delta: number;
}

export type LogEntry =
  | { turn: number; kind: 'move'; role: Role; command: CommandBody; cost: number; result: Msg; changes: Change[] }
  | { turn: number; kind: 'event'; source: EventSource; id?: string; synopsis?: string; effect: Effect; result: Msg; changes: Change[] }
  | { turn: number; kind: 'response'; proposal: number; party: string; accept: boolean; reason: Msg; counter?: Record<string, number> }
  | { turn: number; kind: 'phase'; from: ProcessPhase; to: ProcessPhase }
  | { turn: number; kind: 'turn'; ended: number };

export interface TurnRecord {
  turn: number;
  phase: ProcessPhase;
  parties: Record<string, { trustInMediator: number; commitment: number; cohesion: number; batna: number; compliance?: number }>;
  progress: number;
}

export interface GameOptions {
  seed: number;
  difficulty: Difficulty;
  /** Roles held by people; every other seat is played by the engine. The mediator is always a person or a bot policy. */
  humanRoles: Role[];
}

export type EventSource = 'inject' | 'contingency' | 'random' | 'party' | 'faction' | 'external' | 'instructor';
/** An event the world is about to answer with; the engine sends each to the statechart in turn. */
export interface PlannedEvent {
  source: EventSource;
  id?: string;
  synopsis?: string;
  effect: Effect;
}

export interface World {
  turn: number;
  ap: number;
  rng: number[];
  phase: ProcessPhase;
  /** The phase a walk-out interrupted; suspended returns to it. */
  resumePhase: PhaseId | null;
  talkFormat: TalkFormat;
  visibility: Visibility;
  parties: Record<string, PartyState>;
  factions: Record<string, FactionState>;
  externals: Record<string, ExternalState>;
  issues: Record<string, IssueState>;
  agenda: string[] | null;
  proposals: Proposal[];
  signatures: Record<string, boolean>;
  venue: string | null;
  venuesOffered: string[];
  verification: number;
  compliance: Record<string, number>;
  complianceTurns: number;
  violations: number;
  suspendedTurns: number;
  knowledge: Knowledge;
  firedInjects: string[];
  /** Seats the instructor handed to the engine or back to people during play (absent until then). */
  handed?: Record<string, 'engine' | 'people'>;
  /** Injects whose expected response is awaited: id → last turn it may come. */
  awaiting: Record<string, number>;
  optimismTurns: number[];
  /** Events planned by the end of a turn or an inject, not yet applied. */
  pending: PlannedEvent[];
  /** The time allowed for reaching an agreement has run out. */
  expired: boolean;
  phaseEntered: Partial<Record<ProcessPhase, number>>;
  log: LogEntry[];
  series: TurnRecord[];
  options: GameOptions;
}
