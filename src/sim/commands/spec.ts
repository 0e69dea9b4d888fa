/**
 * What one command is, in one place: its schema, who may send it, what it costs, when it is
 * legal, what it does, what a bot may choose and what a form needs. Each file in this folder
 * declares one `CommandSpec`; the registry (./index.ts) lists them and everything else reads it.
 */
import { z } from 'zod';
import type { Scenario } from '../../scenario/schema';
import type { Change, Msg, ProcessPhase, Role, World } from '../types';

/** Who may send a command: the kind of the sender's role. */
export type SenderKind = 'mediator' | 'party' | 'faction' | 'external' | 'instructor';

/** The sender as the engine bound it: its role kind and, for a seat, its id. */
export interface Sender {
  role: Role;
  kind: SenderKind;
  id: string;
}

/** What a move does to the world (besides what its region of the statechart decides). */
export interface Outcome {
  result: Msg;
  changes: Change[];
}

/** A place in the scenario a form lets the sender choose. */
export type TargetKind = 'party' | 'faction' | 'external' | 'issue' | 'agendaIssue' | 'venue' | 'subject' | 'inject' | 'proposal';

/** One field of a command's form: the screens build their forms from these, never by hand. */
export type FormField =
  | { name: string; kind: 'target'; of: TargetKind; optional?: boolean; showWhen?: { field: string; equals: string } }
  | { name: string; kind: 'choice'; options: readonly string[]; default: string }
  | { name: string; kind: 'number'; min: number; max: number; step: number; default: number }
  | { name: string; kind: 'issueSet' }
  | { name: string; kind: 'terms'; min: number; max: number }
  | { name: string; kind: 'boolean'; default: boolean }
  | { name: string; kind: 'text'; maxLength: number; optional?: boolean };

export interface CommandSpec<C extends { type: string } = { type: string }> {
  readonly type: C['type'];
  /** The command's exact shape without its role: unknown fields refused, text and numbers bounded. */
  readonly schema: z.ZodType<C>;
  readonly senders: readonly SenderKind[];
  /** Action points it takes from the mediator (seat commands cost none). */
  readonly cost: number;
  /** Phases in which it may be sent at all; `whyIllegal` refines. */
  readonly phases: readonly ProcessPhase[];
  /** At most this many per sender per turn (seat commands: a seat acts within its means). */
  readonly perTurn?: number;
  /** A statechart region handles it (joint session, statement, next phase, end of turn). */
  readonly region?: true;
  /** Why it cannot be applied now, or null. Called only on a parsed command from an allowed sender. */
  whyIllegal(s: Scenario, w: World, cmd: C, sender: Sender): Msg | null;
  /** Apply a legal command to a draft of the world (root-applied commands only). */
  apply?(s: Scenario, w: World, cmd: C, sender: Sender, roll: () => number): Outcome;
  /** Action points it actually spends (a venue change costs the rest of the turn). */
  spends?(w: World): number;
  /** Concrete commands a bot may choose from (mediator moves). */
  candidates?(s: Scenario, w: World): C[];
  /** Candidates depend on the scenario alone, so they can be built once per game. */
  readonly fixedCandidates?: boolean;
  readonly form: readonly FormField[];
}

/** Declare a command; the identity function keeps each file's types exact. */
export const defineCommand = <C extends { type: string }>(spec: CommandSpec<C>): CommandSpec<C> => spec;

export const refuse = (key: string, params?: Msg['params']): Msg => (params ? { key: `refuse.${key}`, params } : { key: `refuse.${key}` });

// ---- Field schemas shared by the command files ----

/** An id as the scenario format writes one; that it names something is checked against the scenario. */
export const idField = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id: lower-case letters, digits, "-" or "_"');
/** A point on an issue's 0..100 scale. */
export const scaleValue = z.number().finite().min(0).max(100);
/** Free text from a person: typed, bounded, and not empty. */
export const freeText = (max: number) => z.string().trim().min(1).max(max);

export const ACTIVE_PHASES: readonly ProcessPhase[] = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];
/** Every phase a game can be in before it ends. */
export const ANY_PHASE: readonly ProcessPhase[] = [...ACTIVE_PHASES, 'suspended'];
