/**
 * One pass over the world's log that every analysis shares: the mediator's moves (only the ones
 * the rules let through), events, responses, phase changes, and each proposal move linked to the
 * proposal it created. Detectors work on log positions (`index`), not just turns, because order
 * inside a turn matters ("consulted experts *before* engaging the faction").
 */
import type { LogEntry, MediatorCommand, PhaseId, ProcessPhase, Proposal, Scenario, SeatCommand, World } from '../types';
import { PHASES } from '../../scenario/schema';
import { RESULT_KEYS, hasKey } from './keys';

export type MoveEntry = Extract<LogEntry, { kind: 'move' }>;
export type EventEntry = Extract<LogEntry, { kind: 'event' }>;
export type ResponseEntry = Extract<LogEntry, { kind: 'response' }>;
export type PhaseEntry = Extract<LogEntry, { kind: 'phase' }>;
/** A log entry with its position in the log. */
export type At<T> = T & { index: number };

export type MoveType = MediatorCommand['type'];
export type MoveOf<T extends MoveType> = At<MoveEntry> & { command: Extract<MediatorCommand, { type: T }> };

export type TermsKind = 'agenda' | 'formula' | 'package';

/** A proposal the mediator tabled (agenda, formula, package), with what became of it. */
export interface LinkedProposal {
  move: At<MoveEntry>;
  proposal: Proposal | null;
  kind: TermsKind;
  turn: number;
  /** Position of the move that tabled it. */
  index: number;
  /** Position at which the answer was known (last response, or the move itself). */
  decidedIndex: number;
  decidedTurn: number;
  /** formula/package: issue → value. */
  terms: Record<string, number>;
  /** The issues it touches (agenda: the listed issues; formula/package: the terms' issues). */
  issues: string[];
  accepted: boolean;
  rejected: boolean;
  rejectedBy: string[];
}

export interface WalkOut {
  party: string;
  turn: number;
  index: number;
}

export interface Run {
  scenario: Scenario;
  world: World;
  /** Party ids in scenario order (those present in the world). */
  parties: string[];
  log: LogEntry[];
  moves: At<MoveEntry>[];
  seatMoves: At<MoveEntry>[];
  events: At<EventEntry>[];
  responses: At<ResponseEntry>[];
  phaseChanges: At<PhaseEntry>[];
  proposals: LinkedProposal[];
  walkOuts: WalkOut[];
  /** The last turn in which anything happened (0 before the first move). */
  lastTurn: number;
  /** The last turn whose end the world has answered. */
  lastEndedTurn: number;
  /** The game is over (concluded or collapsed). */
  finished: boolean;
}

export const MAIN_PHASES: readonly PhaseId[] = PHASES;
/** Phases in which the mediator is still working toward an agreement. */
export const ACTIVE_PHASES: readonly ProcessPhase[] = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];

/** Rank along the five phases; concluded is past monitoring; suspended/collapsed are off the road (-1). */
export function phaseRank(p: ProcessPhase): number {
  if (p === 'concluded') return MAIN_PHASES.length;
  return (MAIN_PHASES as readonly string[]).indexOf(p);
}

const PROPOSAL_MOVES: Partial<Record<MoveType, TermsKind>> = {
  proposeAgenda: 'agenda',
  proposeFormula: 'formula',
  proposePackage: 'package',
};

export function isMediatorCommand(c: MoveEntry['command']): c is MediatorCommand {
  return !['respond', 'gesture', 'walkOut', 'returnToTable', 'spoilerAction', 'externalAction', 'inject'].includes(c.type);
}

export function readRun(scenario: Scenario, world: World): Run {
  const log = world.log;
  const moves: At<MoveEntry>[] = [];
  const seatMoves: At<MoveEntry>[] = [];
  const events: At<EventEntry>[] = [];
  const responses: At<ResponseEntry>[] = [];
  const phaseChanges: At<PhaseEntry>[] = [];
  let lastEnded = 0;
  let lastTurn = 0;
  log.forEach((e, index) => {
    lastTurn = Math.max(lastTurn, e.turn);
    if (e.kind === 'move') {
      // A refused-as-illegal move did nothing; it is not evidence of anything the mediator did.
      if (hasKey(e.result, RESULT_KEYS.illegal)) return;
      if (e.role === 'mediator' && isMediatorCommand(e.command)) moves.push({ ...e, index });
      else seatMoves.push({ ...e, index });
    } else if (e.kind === 'event') events.push({ ...e, index });
    else if (e.kind === 'response') responses.push({ ...e, index });
    else if (e.kind === 'phase') phaseChanges.push({ ...e, index });
    else if (e.kind === 'turn') lastEnded = Math.max(lastEnded, e.ended);
  });
  for (const r of world.series) lastEnded = Math.max(lastEnded, r.turn);
  // Turns in which something happened; the world's turn counter may already point past the end.
  lastTurn = Math.max(lastTurn, lastEnded);
  const parties = scenario.parties.map((p) => p.id).filter((id) => id in world.parties);
  const base = { scenario, world, parties, log, moves, seatMoves, events, responses, phaseChanges };
  return {
    ...base,
    proposals: linkProposals(world, moves, responses),
    walkOuts: findWalkOuts(log, events, seatMoves),
    lastTurn,
    lastEndedTurn: lastEnded,
    finished: world.phase === 'concluded' || world.phase === 'collapsed',
  };
}

/**
 * Link each proposal move to the proposal it created: by `result.params.proposal` when the engine
 * gives it, otherwise by order (the n-th legal proposeFormula created the n-th formula proposal).
 */
function linkProposals(world: World, moves: At<MoveEntry>[], responses: At<ResponseEntry>[]): LinkedProposal[] {
  const byKind: Record<TermsKind, Proposal[]> = { agenda: [], formula: [], package: [] };
  for (const p of world.proposals) if (p.kind in byKind) byKind[p.kind as TermsKind].push(p);
  const seen: Record<TermsKind, number> = { agenda: 0, formula: 0, package: 0 };
  const out: LinkedProposal[] = [];
  for (const m of moves) {
    const kind = PROPOSAL_MOVES[m.command.type as MoveType];
    if (!kind) continue;
    const idParam = m.result.params?.proposal;
    const nth = byKind[kind][seen[kind]++];
    const proposal = (typeof idParam === 'number' ? world.proposals.find((p) => p.id === idParam) : undefined) ?? nth ?? null;
    const c = m.command;
    const terms: Record<string, number> =
      c.type === 'proposeFormula' ? { [c.issue]: c.value } : c.type === 'proposePackage' ? { ...c.terms } : { ...(proposal?.terms ?? {}) };
    const issues = c.type === 'proposeAgenda' ? [...c.issues] : Object.keys(terms);
    const answers = proposal ? responses.filter((r) => r.proposal === proposal.id) : [];
    const last = answers[answers.length - 1];
    const rejectedBy = new Set<string>();
    for (const [party, answer] of Object.entries(proposal?.responses ?? {})) if (answer === 'reject') rejectedBy.add(party);
    for (const r of answers) if (!r.accept) rejectedBy.add(r.party);
    const accepted = proposal?.status === 'accepted' || hasKey(m.result, RESULT_KEYS.proposalAccepted);
    const rejected = !accepted && (proposal?.status === 'rejected' || hasKey(m.result, RESULT_KEYS.proposalRejected) || rejectedBy.size > 0);
    out.push({
      move: m,
      proposal,
      kind,
      turn: m.turn,
      index: m.index,
      decidedIndex: last ? Math.max(last.index, m.index) : m.index,
      decidedTurn: last ? Math.max(last.turn, m.turn) : m.turn,
      terms,
      issues,
      accepted,
      rejected,
      rejectedBy: [...rejectedBy],
    });
  }
  return out;
}

/**
 * Walk-outs: the engine marks each with a seat change (meter "seat", delta < 0) on the entry that
 * caused it — a walkOut event, or a sanctions shock or spoiler call that drove the party out.
 * A walkOut effect or a human delegation's walkOut command also counts, should a change be missing.
 */
function findWalkOuts(log: LogEntry[], events: At<EventEntry>[], seatMoves: At<MoveEntry>[]): WalkOut[] {
  const out: WalkOut[] = [];
  log.forEach((e, index) => {
    if (e.kind !== 'event' && e.kind !== 'move') return;
    for (const c of e.changes) if (c.meter === 'seat' && c.delta < 0) out.push({ party: c.target, turn: e.turn, index });
  });
  for (const e of events) if (e.effect.kind === 'walkOut') out.push({ party: e.effect.party, turn: e.turn, index: e.index });
  for (const m of seatMoves) {
    const cmd = m.command as SeatCommand;
    if (cmd.type === 'walkOut' && m.role.startsWith('party:')) out.push({ party: m.role.slice('party:'.length), turn: m.turn, index: m.index });
  }
  out.sort((a, b) => a.index - b.index);
  // One walk-out may show in several entries (command, effect, seat change): keep the first per party and turn.
  return out.filter((w, i) => out.findIndex((x) => x.party === w.party && x.turn === w.turn) === i);
}

// ---- queries shared by the detectors ----

export function movesOf<T extends MoveType>(run: Run, type: T): MoveOf<T>[] {
  return run.moves.filter((m): m is MoveOf<T> => m.command.type === type);
}

/** The process phase in force at a log position (before that entry applies). */
export function phaseAt(run: Run, index: number): ProcessPhase {
  let phase: ProcessPhase = run.phaseChanges[0]?.from ?? 'exploratory';
  for (const c of run.phaseChanges) {
    if (c.index >= index) break;
    phase = c.to;
  }
  return phase;
}

/** Log position where the phase in force at `index` began (-1: the start of the game). */
export function phaseStartIndex(run: Run, index: number): number {
  let start = -1;
  for (const c of run.phaseChanges) {
    if (c.index >= index) break;
    start = c.index;
  }
  return start;
}

/** Was party caucused in the log window (from, to)? (exclusive bounds) */
export function caucusedBetween(run: Run, party: string, from: number, to: number): boolean {
  return run.moves.some((m) => m.index > from && m.index < to && m.command.type === 'caucus' && m.command.party === party);
}

/** Was the issue studied on its own before `index` (reframe, experts on it, technical commission)? */
export function issueStudiedBefore(run: Run, issue: string, index: number): boolean {
  return run.moves.some((m) => {
    if (m.index >= index) return false;
    const c = m.command;
    return (
      (c.type === 'reframe' && c.issue === issue) ||
      (c.type === 'technicalCommission' && c.issue === issue) ||
      (c.type === 'consultExperts' && c.subject === issue)
    );
  });
}

/** Did the mediator engage this external actor or faction in the log window [from, to)? */
export function engagedBetween(run: Run, target: string, from: number, to: number): boolean {
  return run.moves.some((m) => {
    if (m.index < from || m.index >= to) return false;
    const c = m.command;
    return (c.type === 'engageExternal' && c.actor === target) || (c.type === 'engageSpoiler' && c.faction === target);
  });
}

/** First turn and log position at which each phase was entered. */
export function firstEntries(run: Run): Partial<Record<ProcessPhase, { turn: number; index: number }>> {
  const out: Partial<Record<ProcessPhase, { turn: number; index: number }>> = {};
  const initial = run.phaseChanges[0]?.from ?? 'exploratory';
  out[initial] = { turn: run.world.phaseEntered[initial] ?? 1, index: -1 };
  for (const c of run.phaseChanges) if (!out[c.to]) out[c.to] = { turn: c.turn, index: c.index };
  // The world's own bookkeeping fills any gap (e.g. a log trimmed for a save).
  for (const [phase, turn] of Object.entries(run.world.phaseEntered) as [ProcessPhase, number][]) {
    if (!out[phase] || out[phase]!.turn > turn) out[phase] = { turn, index: out[phase]?.index ?? -1 };
  }
  return out;
}

/**
 * Moments of real progress: the first entry into a later phase, or a formula/package accepted by
 * all. Used to judge optimistic statements and stalemates.
 */
export function progressMarks(run: Run): { index: number; turn: number }[] {
  const marks: { index: number; turn: number }[] = [];
  let best = phaseRank(run.phaseChanges[0]?.from ?? 'exploratory');
  for (const c of run.phaseChanges) {
    const r = phaseRank(c.to);
    if (r > best) {
      best = r;
      marks.push({ index: c.index, turn: c.turn });
    }
  }
  for (const p of run.proposals) if (p.accepted && p.kind !== 'agenda') marks.push({ index: p.decidedIndex, turn: p.decidedTurn });
  return marks.sort((a, b) => a.index - b.index);
}

/** A scenario id → display name, for message parameters. */
export function nameOf(run: Run, id: string): string {
  const s = run.scenario;
  for (const p of s.parties) {
    if (p.id === id) return p.short ?? p.name;
    for (const f of p.factions) if (f.id === id) return f.name;
  }
  return s.externals.find((x) => x.id === id)?.name ?? s.issues.find((x) => x.id === id)?.name ?? s.venues.find((x) => x.id === id)?.name ?? id;
}

/** The party a faction belongs to. */
export function factionParty(run: Run, faction: string): string | undefined {
  return run.world.factions[faction]?.party ?? run.scenario.parties.find((p) => p.factions.some((f) => f.id === faction))?.id;
}
