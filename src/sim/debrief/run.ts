/**
 * One pass over the world's log that every analysis shares: the mediator's moves (only the ones
 * the rules let through), events, responses, phase changes, and each proposal move linked to the
 * proposal it created. Detectors work on log positions (`index`), not just turns, because order
 * inside a turn matters ("consulted experts *before* engaging the faction").
 */
import type { LogEntry, MediatorCommand, PhaseId, ProcessPhase, Proposal, Scenario, World } from '../types';
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

/** A party away from the table: from its walk-out to its return (or the end of the log). */
export interface Absence {
  party: string;
  /** Log position of the walk-out. */
  from: number;
  /** Log position of the return (the log's length when it never came back). */
  to: number;
}

export interface Run {
  scenario: Scenario;
  world: World;
  /** Party ids in scenario order (those present in the world). */
  parties: string[];
  log: LogEntry[];
  moves: At<MoveEntry>[];
  /** The same moves grouped by command type, in log order (read through `movesOf`). */
  movesByType: ReadonlyMap<MoveType, readonly At<MoveEntry>[]>;
  seatMoves: At<MoveEntry>[];
  events: At<EventEntry>[];
  responses: At<ResponseEntry>[];
  phaseChanges: At<PhaseEntry>[];
  proposals: LinkedProposal[];
  walkOuts: WalkOut[];
  /** Each walk-out with its return: while away, a party is visited (shuttle), not courted. */
  absences: Absence[];
  /** The last turn in which anything happened (0 before the first move). */
  lastTurn: number;
  /** The last turn whose end the world has answered. */
  lastEndedTurn: number;
  /** The game is over (concluded or collapsed). */
  finished: boolean;
}

export const MAIN_PHASES: readonly PhaseId[] = PHASES;
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

const SEAT_COMMANDS: ReadonlySet<string> = new Set(['respond', 'gesture', 'walkOut', 'returnToTable', 'spoilerAction', 'externalAction', 'inject']);

export function isMediatorCommand(c: MoveEntry['command']): c is MediatorCommand {
  return !SEAT_COMMANDS.has(c.type);
}

/*
 * Positioned copies, built field by field: a spread (`{ ...e, index }`) meets log entries of
 * several shapes and leaves V8's fast path, which made copying the log most of readRun's cost.
 * The fixed shapes also keep the detectors' property reads monomorphic. Every field of the entry
 * is kept, an absent optional one as undefined (the types insist on the required ones; an optional
 * one added to LogEntry must be added here too).
 */
const moveAt = (e: MoveEntry, index: number): At<MoveEntry> => ({
  turn: e.turn,
  kind: e.kind,
  role: e.role,
  command: e.command,
  cost: e.cost,
  result: e.result,
  changes: e.changes,
  index,
});
const eventAt = (e: EventEntry, index: number): At<EventEntry> => ({
  turn: e.turn,
  kind: e.kind,
  source: e.source,
  id: e.id,
  synopsis: e.synopsis,
  effect: e.effect,
  result: e.result,
  changes: e.changes,
  index,
});
const responseAt = (e: ResponseEntry, index: number): At<ResponseEntry> => ({
  turn: e.turn,
  kind: e.kind,
  proposal: e.proposal,
  party: e.party,
  accept: e.accept,
  reason: e.reason,
  index,
});
const phaseChangeAt = (e: PhaseEntry, index: number): At<PhaseEntry> => ({ turn: e.turn, kind: e.kind, from: e.from, to: e.to, index });

export function readRun(scenario: Scenario, world: World): Run {
  const log = world.log;
  const moves: At<MoveEntry>[] = [];
  const seatMoves: At<MoveEntry>[] = [];
  const events: At<EventEntry>[] = [];
  const responses: At<ResponseEntry>[] = [];
  const phaseChanges: At<PhaseEntry>[] = [];
  const movesByType = new Map<MoveType, At<MoveEntry>[]>();
  const walkOutMarks: WalkOut[] = [];
  const returnMarks: WalkOut[] = [];
  let lastEnded = 0;
  let lastTurn = 0;
  for (let index = 0; index < log.length; index++) {
    const e = log[index]!;
    lastTurn = Math.max(lastTurn, e.turn);
    if (e.kind === 'move') {
      // A refused-as-illegal move did nothing; it is not evidence of anything the mediator did.
      const legal = !hasKey(e.result, RESULT_KEYS.illegal);
      markWalkOuts(e, index, legal, walkOutMarks, returnMarks);
      if (!legal) continue;
      const m = moveAt(e, index);
      if (e.role === 'mediator' && isMediatorCommand(e.command)) {
        moves.push(m);
        const type = e.command.type;
        const same = movesByType.get(type);
        if (same) same.push(m);
        else movesByType.set(type, [m]);
      } else seatMoves.push(m);
    } else if (e.kind === 'event') {
      markWalkOuts(e, index, true, walkOutMarks, returnMarks);
      events.push(eventAt(e, index));
    } else if (e.kind === 'response') responses.push(responseAt(e, index));
    else if (e.kind === 'phase') phaseChanges.push(phaseChangeAt(e, index));
    else if (e.kind === 'turn') lastEnded = Math.max(lastEnded, e.ended);
  }
  for (const r of world.series) lastEnded = Math.max(lastEnded, r.turn);
  // Turns in which something happened; the world's turn counter may already point past the end.
  lastTurn = Math.max(lastTurn, lastEnded);
  const parties = scenario.parties.map((p) => p.id).filter((id) => id in world.parties);
  const walkOuts = firstPerPartyAndTurn(walkOutMarks);
  return {
    scenario,
    world,
    parties,
    log,
    moves,
    movesByType,
    seatMoves,
    events,
    responses,
    phaseChanges,
    proposals: linkProposals(world, moves, responses),
    walkOuts,
    absences: absencesOf(walkOuts, returnMarks, phaseChanges, log.length),
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
 * Called for each move and event in log order (during readRun's one pass), so the marks come out
 * sorted by position. Seat changes count even on a refused move; the command only on a legal one.
 */
function markWalkOuts(e: MoveEntry | EventEntry, index: number, legal: boolean, out: WalkOut[], back: WalkOut[]): void {
  for (const c of e.changes) {
    if (c.meter !== 'seat') continue;
    if (c.delta < 0) out.push({ party: c.target, turn: e.turn, index });
    else if (c.delta > 0) back.push({ party: c.target, turn: e.turn, index });
  }
  if (e.kind === 'event') {
    if (e.effect.kind === 'walkOut') out.push({ party: e.effect.party, turn: e.turn, index });
  } else if (legal && e.role.startsWith('party:')) {
    if (e.command.type === 'walkOut') out.push({ party: e.role.slice('party:'.length), turn: e.turn, index });
    else if (e.command.type === 'returnToTable') back.push({ party: e.role.slice('party:'.length), turn: e.turn, index });
  }
}

/**
 * Pair each walk-out with the party's return: a seat change back, its delegation's returnToTable,
 * or the talks leaving suspension for a phase on the road (everyone is back at the table then).
 */
function absencesOf(walkOuts: WalkOut[], returns: WalkOut[], phaseChanges: At<PhaseEntry>[], end: number): Absence[] {
  return walkOuts.map((w) => {
    let to = end;
    for (const r of returns)
      if (r.party === w.party && r.index > w.index) {
        to = r.index;
        break;
      }
    for (const c of phaseChanges)
      if (c.index > w.index && c.from === 'suspended' && phaseRank(c.to) >= 0) {
        to = Math.min(to, c.index);
        break;
      }
    return { party: w.party, from: w.index, to };
  });
}

/** Was the party away from the table (walked out, not yet back) at this log position? */
export function awayAt(run: Run, party: string, index: number): boolean {
  return run.absences.some((a) => a.party === party && a.from < index && index < a.to);
}

/** One walk-out may show in several entries (command, effect, seat change): keep the first per party and turn. */
function firstPerPartyAndTurn(marks: WalkOut[]): WalkOut[] {
  const seen = new Set<string>();
  return marks.filter((w) => {
    const k = `${w.party}@${w.turn}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

// ---- queries shared by the detectors ----

const NO_MOVES: readonly never[] = [];

/** The mediator's moves of one type, in log order (shared: do not modify). */
export function movesOf<T extends MoveType>(run: Run, type: T): readonly MoveOf<T>[] {
  return (run.movesByType.get(type) as readonly MoveOf<T>[] | undefined) ?? NO_MOVES;
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
  for (const m of movesOf(run, 'caucus')) {
    if (m.index >= to) break; // in log order: the rest are later still
    if (m.index > from && m.command.party === party) return true;
  }
  return false;
}

/**
 * Was the party heard before log position `index` — in caucus (a shuttle visit too) or face to face
 * in a joint session that did not backfire — in the phase in force there, or earlier in the same
 * turn (a caucus just before the call to move on is consultation for the next phase's first terms)?
 */
export function heardBefore(run: Run, party: string, index: number, turn: number): boolean {
  const start = phaseStartIndex(run, index);
  const recent = (m: At<MoveEntry>) => m.index < index && (m.index > start || m.turn === turn);
  for (const m of movesOf(run, 'caucus')) {
    if (m.index >= index) break;
    if (m.command.party === party && recent(m)) return true;
  }
  return movesOf(run, 'jointSession').some((m) => recent(m) && !hasKey(m.result, RESULT_KEYS.jointBackfired));
}

/** Was the issue studied on its own before `index` (reframe, experts on it, technical commission)? */
export function issueStudiedBefore(run: Run, issue: string, index: number): boolean {
  return (
    movesOf(run, 'reframe').some((m) => m.index < index && m.command.issue === issue) ||
    movesOf(run, 'technicalCommission').some((m) => m.index < index && m.command.issue === issue) ||
    movesOf(run, 'consultExperts').some((m) => m.index < index && m.command.subject === issue)
  );
}

/** Did the mediator engage this external actor or faction in the log window [from, to)? */
export function engagedBetween(run: Run, target: string, from: number, to: number): boolean {
  const within = (m: At<MoveEntry>) => m.index >= from && m.index < to;
  return (
    movesOf(run, 'engageExternal').some((m) => within(m) && m.command.actor === target) ||
    movesOf(run, 'engageSpoiler').some((m) => within(m) && m.command.faction === target)
  );
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
