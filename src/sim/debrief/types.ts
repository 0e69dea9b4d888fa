/**
 * The debrief is data: numbers, ids, turns and `Msg`s (catalogue keys under `debrief.`), so the
 * front end can chart and translate it and tests can assert on it.
 */
import type { Msg, PhaseId, ProcessPhase, SpoilerApproach, SpoilerType } from '../types';

export type Outcome = 'durable' | 'notImplemented' | 'partial' | 'suspended' | 'collapsed';

/** How the game ended (see outcome.ts): the outcome says what was achieved, this says why it stopped. */
export type Ending = 'concluded' | 'broken' | 'timedOut' | 'walkedOut' | 'exhausted' | 'inProgress';

export type SinId = 'ignorance' | 'arrogance' | 'partiality' | 'impotence' | 'haste' | 'inflexibility' | 'falsePromises';
export const SIN_IDS: readonly SinId[] = ['ignorance', 'arrogance', 'partiality', 'impotence', 'haste', 'inflexibility', 'falsePromises'];

export type HallmarkId = 'ownership' | 'talkToEveryone' | 'discretion' | 'impartialNotNeutral' | 'longTermCommitment';
export const HALLMARK_IDS: readonly HallmarkId[] = ['ownership', 'talkToEveryone', 'discretion', 'impartialNotNeutral', 'longTermCommitment'];

export interface Sin {
  id: SinId;
  committed: boolean;
  /** Sorted, unique turns at which the evidence lies. */
  evidenceTurns: number[];
  evidence: Msg[];
  /** One line on what a better move would have been. */
  better: Msg;
}

/** Whether a sin was committed, without the evidence (what the score needs). */
export type SinVerdict = Pick<Sin, 'id' | 'committed'>;

export interface Hallmark {
  id: HallmarkId;
  earned: boolean;
  evidence: Msg;
}

export interface AgreementReport {
  /** Issues with a formula accepted by every party. */
  issues: string[];
  /** issue → agreed value */
  terms: Record<string, number>;
  /** Every agenda issue is agreed. */
  complete: boolean;
  /** party → weight-averaged utility over the agreed issues (1 = its ideal, 0 = its red line). */
  partyValues: Record<string, number>;
  /** Sum of the party values. */
  joint: number;
  /** Highest joint value the agreed issues allow within every party's red lines (the best point of the Pareto frontier). */
  maxJoint: number;
  /** joint / maxJoint, capped at 1 (negative when red lines were crossed). */
  quality: number;
  /** Lowest party value / highest party value, 0..1. */
  balance: number;
  /** Values that reach maxJoint: what a better agreement would have looked like. */
  bestTerms: Record<string, number>;
}

export interface DurabilityReport {
  reachedMonitoring: boolean;
  heldTurns: number;
  requiredTurns: number;
  /** heldTurns / requiredTurns, at most 1. */
  ratio: number;
  violations: number;
  turns: number[];
  /** party → compliance per turn of `turns` (null before monitoring). */
  compliance: Record<string, (number | null)[]>;
}

export interface PartySeries {
  trustInMediator: (number | null)[];
  commitment: (number | null)[];
  cohesion: (number | null)[];
  batna: (number | null)[];
}

export interface SeriesReport {
  turns: number[];
  phases: ProcessPhase[];
  parties: Record<string, PartySeries>;
}

export interface ImpartialityReport {
  /** The engine's attention counter per party. */
  attention: Record<string, number>;
  /** Caucuses held per party, from the log. */
  caucuses: Record<string, number>;
  /** Lowest / highest attention, 0..1 (1 = even-handed; 1 when nobody had attention yet). */
  balance: number;
  /** Critical public statements aimed at each party. */
  criticalStatements: Record<string, number>;
  /** Each party's final trust in the mediator (perceived impartiality). */
  finalTrust: Record<string, number>;
}

export interface SpoilerEngagement {
  turn: number;
  approach: SpoilerApproach;
  right: boolean;
}

export interface SpoilerReport {
  faction: string;
  party: string;
  /** The hidden type, now revealed. */
  type: SpoilerType;
  /** Experts were consulted on it before the first engagement (or never engaged). */
  studied: boolean;
  engaged: boolean;
  engagements: SpoilerEngagement[];
  managed: boolean;
  included: boolean;
  strikes: number;
  strikeTurns: number[];
}

export interface HistoryReport {
  summary: string;
  phaseReached: { run: PhaseId; history: PhaseId; comparison: 'further' | 'same' | 'shorter' };
  outcome: { run: Outcome; history: Outcome };
  keyMoments: { turn: number; label: string; runPhase: ProcessPhase | null }[];
}

export interface StallingReport {
  party: string;
  /** Always true: the debrief reveals the party's hidden intent, confirmed from the engine's truth. */
  confirmed: true;
  /** The mediator studied history, which exposes a stalling party. */
  detected: boolean;
  /** Turn the mediator saw through it (studied the earlier rounds); null when it never did. */
  detectedTurn: number | null;
  /** Turns in which the party showed it: a gesture or terms refused, a walk-out. */
  signs: number[];
  /** One line for the reveal. */
  line: Msg;
}

/** What went well: the debrief's positive side, as data and as lines to show. */
export interface WentWell {
  /** Spoilers handled the right way for their type, after experts said what they were. */
  spoilers: { faction: string; turn: number; approach: SpoilerApproach }[];
  /** Injects answered with the expected response, in time. */
  injects: { id: string; turn: number | null; respondedTurn: number }[];
  hallmarks: HallmarkId[];
  lines: Msg[];
}

export interface ScoreParts {
  phase: number;
  agreement: number;
  durability: number;
  hallmarks: number;
  sins: number;
}

export interface Debrief {
  outcome: Outcome;
  /** Why the game stopped (timed out, walked out…), with a line that says so. */
  ending: { id: Ending; turn: number | null; line: Msg };
  /** The game is over (concluded or collapsed) rather than stopped mid-way. */
  finished: boolean;
  turnsPlayed: number;
  phaseReached: PhaseId;
  timeline: { turn: number; phase: ProcessPhase }[];
  phaseEntries: Partial<Record<ProcessPhase, number>>;
  agreement: AgreementReport | null;
  durability: DurabilityReport;
  series: SeriesReport;
  impartiality: ImpartialityReport;
  spoilers: SpoilerReport[];
  stalling: StallingReport[];
  sins: Sin[];
  hallmarks: Hallmark[];
  history: HistoryReport | null;
  /** 0..100; see score.ts for the formula. */
  score: number;
  scoreParts: ScoreParts;
  /** The MSEL walked through: each fired inject, the expected response and whether it came in time. */
  exercise: import('./exercise').InjectReview[];
  /** The learning objectives of the scenario's injects, each met, missed, open or not exercised. */
  objectives: import('./exercise').ObjectiveReview[];
  /** What went well: spoilers handled right, timely responses to injects, hallmarks earned. */
  wentWell: WentWell;
}
