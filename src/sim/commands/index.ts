/**
 * The command registry: every command the engine takes, one file each. The `Command` type, the
 * front door's parsing, role checks, legality, the rules' dispatch, bot candidates, move costs,
 * the pack validator's numbers and the moves panel's forms all read this list.
 *
 * Adding a command: write `src/sim/commands/<name>.ts` with `defineCommand`, add it to `REGISTRY`
 * below (and its name to src/sim/vocabulary.ts if it is a mediator move), and add its catalogue
 * strings (`move.<name>`, `move.<name>.help`, `move.<name>.done`) to src/i18n/en.ts.
 */
import type { z } from 'zod';
import type { Msg, ProcessPhase, Role, World } from '../types';
import { MEDIATOR_MOVES, SEAT_COMMANDS } from '../vocabulary';
import type { CommandSpec, Sender, SenderKind, TargetKind } from './spec';
import { caucus } from './caucus';
import { jointSession } from './jointSession';
import { proposeAgenda } from './proposeAgenda';
import { proposeFormula } from './proposeFormula';
import { proposePackage } from './proposePackage';
import { reframe } from './reframe';
import { requestCbm } from './requestCbm';
import { engageExternal } from './engageExternal';
import { engageSpoiler } from './engageSpoiler';
import { publicStatement } from './publicStatement';
import { consultExperts } from './consultExperts';
import { studyHistory } from './studyHistory';
import { technicalCommission } from './technicalCommission';
import { changeVenue } from './changeVenue';
import { designVerification } from './designVerification';
import { proposeNextPhase } from './proposeNextPhase';
import { readBriefing } from './readBriefing';
import { endTurn } from './endTurn';
import { respond } from './respond';
import { gesture } from './gesture';
import { walkOut } from './walkOut';
import { returnToTable } from './returnToTable';
import { spoilerAction } from './spoilerAction';
import { externalAction } from './externalAction';
import { inject } from './inject';
import { handSeat } from './handSeat';

export const REGISTRY = {
  caucus,
  jointSession,
  proposeAgenda,
  proposeFormula,
  proposePackage,
  reframe,
  requestCbm,
  engageExternal,
  engageSpoiler,
  publicStatement,
  consultExperts,
  studyHistory,
  technicalCommission,
  changeVenue,
  designVerification,
  proposeNextPhase,
  readBriefing,
  endTurn,
  respond,
  gesture,
  walkOut,
  returnToTable,
  spoilerAction,
  externalAction,
  inject,
  handSeat,
} as const;

type Registry = typeof REGISTRY;
type BodyOf<K extends keyof Registry> = Registry[K] extends CommandSpec<infer C> ? C : never;
/** Every command body the engine takes, derived from the schemas. */
export type CommandBody = { [K in keyof Registry]: BodyOf<K> }[keyof Registry];
export type CommandType = CommandBody['type'];
export type MediatorCommandType = (typeof MEDIATOR_MOVES)[number] | 'readBriefing';
export type MediatorCommand = Extract<CommandBody, { type: MediatorCommandType }>;
export type SeatCommand = Extract<CommandBody, { type: (typeof SEAT_COMMANDS)[number] }>;

/** Mediator moves in the move list's order: the five phases' moves, then the free briefing. */
export const MEDIATOR_COMMAND_TYPES: readonly MediatorCommandType[] = [...MEDIATOR_MOVES, 'readBriefing'];

/** The spec of a command type, or undefined for a word the engine does not know (own keys only). */
export function specOf(type: unknown): CommandSpec | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(REGISTRY, type)
    ? (REGISTRY[type as CommandType] as unknown as CommandSpec)
    : undefined;
}

/** Action points per mediator move, read from the registry. */
export const MOVE_COST = Object.fromEntries(MEDIATOR_COMMAND_TYPES.map((t) => [t, REGISTRY[t].cost])) as Record<MediatorCommandType, number>;

/** The most commands one game takes: a save holds at most this many, so a live game stops here too. */
export const MAX_COMMANDS = 20_000;

const MAX_SHOWN = 60;
const shown = (x: unknown): string => String(x).slice(0, MAX_SHOWN);

/** The command types a role kind may send. */
export function commandsFor(kind: SenderKind): CommandType[] {
  return (Object.keys(REGISTRY) as CommandType[]).filter((t) => (REGISTRY[t].senders as readonly SenderKind[]).includes(kind));
}

export type Parsed = { ok: true; command: CommandBody & { role: Role } } | { ok: false; reason: Msg };

/**
 * The front door's first step: the command's exact shape. Unknown commands and undeclared fields
 * are refused, text is typed and bounded, numbers are finite and in range. The engine applies only
 * what this returns, never the raw value. Never throws (a hostile getter is caught by the caller).
 */
export function parseCommand(raw: unknown): Parsed {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: { key: 'refuse.malformed', params: { problem: 'not an object' } } };
  const { role, ...body } = raw as Record<string, unknown>;
  if (typeof role !== 'string') return { ok: false, reason: { key: 'refuse.role.unknown', params: { role: shown(role) } } };
  const spec = specOf(body.type);
  if (!spec) return { ok: false, reason: { key: 'refuse.unknownCommand', params: { type: shown(body.type) } } };
  const r = (spec.schema as z.ZodType).safeParse(body);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const unknown = unknownTarget(spec, body, first.path);
    if (unknown) return { ok: false, reason: unknown };
    const field = first.path.length
      ? first.path.map(String).join('.')
      : first.code === 'unrecognized_keys'
        ? ((first as { keys?: string[] }).keys?.join(', ') ?? '')
        : '';
    return { ok: false, reason: { key: 'refuse.invalid', params: { command: spec.type, field: shown(field || '(command)'), problem: shown(first.message) } } };
  }
  return { ok: true, command: { ...(r.data as CommandBody), role: role as Role } };
}

const UNKNOWN_TARGET: Partial<Record<TargetKind, string>> = {
  party: 'refuse.unknownParty',
  faction: 'refuse.unknownFaction',
  external: 'refuse.unknownActor',
  issue: 'refuse.unknownIssue',
  agendaIssue: 'refuse.unknownIssue',
  venue: 'refuse.unknownVenue',
  subject: 'refuse.unknownSubject',
  inject: 'refuse.unknownInject',
};

/** A string that cannot even be an id names nothing in the scenario: say so, as for any unknown target. */
function unknownTarget(spec: CommandSpec, body: Record<string, unknown>, path: readonly PropertyKey[]): Msg | null {
  const field = spec.form.find((f) => f.name === path[0]);
  if (!field) return null;
  const value =
    field.kind === 'issueSet'
      ? path.length === 2
        ? (body[field.name] as unknown[])[path[1] as number]
        : undefined
      : path.length === 1
        ? body[field.name]
        : undefined;
  if (typeof value !== 'string') return null;
  const key = field.kind === 'target' ? UNKNOWN_TARGET[field.of] : field.kind === 'issueSet' ? 'refuse.unknownIssue' : undefined;
  if (!key) return null;
  // A critical statement names its target: the statement's own reason reads better.
  if (spec.type === 'publicStatement') return { key: 'refuse.statement.target' };
  return { key, params: { id: shown(value) } };
}

/** Why the rules refuse a parsed command from a bound sender now, or null. */
export function whyIllegalNow(s: Parameters<CommandSpec['whyIllegal']>[0], w: World, cmd: CommandBody, sender: Sender): Msg | null {
  const spec = specOf(cmd.type)!;
  const phase = w.phase;
  if (phase === 'collapsed' || phase === 'concluded') return { key: 'refuse.over' };
  if (spec.cost > w.ap) return { key: 'refuse.ap', params: { need: spec.cost, have: w.ap } };
  if (!spec.phases.includes(phase)) {
    if (phase === 'suspended') return { key: 'refuse.suspended' };
    return { key: 'refuse.phase', params: { move: spec.type, phases: spec.phases.filter((p) => p !== 'suspended').join(',') } };
  }
  const why = spec.whyIllegal(s, w, cmd, sender);
  if (why) return why;
  if (spec.perTurn !== undefined && sentThisTurn(w, sender.role, spec.type) >= spec.perTurn) {
    return { key: 'refuse.limit', params: { command: spec.type, limit: spec.perTurn } };
  }
  return null;
}

/** How many commands of this type this role sent in the current turn (read back from the log). */
function sentThisTurn(w: World, role: Role, type: string): number {
  let n = 0;
  for (let i = w.log.length - 1; i >= 0; i--) {
    const e = w.log[i]!;
    if (e.turn !== w.turn) break;
    if (e.kind === 'move' && e.role === role && e.command.type === type) n++;
  }
  return n;
}

export type { CommandSpec, FormField, Sender, SenderKind, TargetKind } from './spec';
/** The rules' numbers the pack validator reasons with. */
export * as RULE_NUMBERS from '../rules/numbers';
export type PhaseList = readonly ProcessPhase[];
