/**
 * Which moves the mediator can make now, with the engine's reason for each that it cannot.
 * The table greys out illegal moves with that reason; bots choose among the concrete legal ones.
 */
import type { CbmKind, Scenario } from '../scenario/schema';
import { MEDIATOR_MOVES } from '../scenario/schema';
import type { Command, ExternalAsk, MediatorCommand, Msg, SpoilerApproach, World } from './types';
import { whyRefused, worldOf, type Game } from './game';
import { MOVE_COST, whyIllegal } from './rules/moves';

export interface MoveOption {
  type: MediatorCommand['type'];
  cost: number;
  legal: boolean;
  /** Why not, when no target makes it legal. */
  reason?: Msg;
  /** Concrete legal commands of this type (targets filled in). */
  commands: MediatorCommand[];
}

const CBMS: CbmKind[] = ['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire'];
const ASKS: ExternalAsk[] = ['backing', 'incentive', 'restraint', 'guarantee'];
const APPROACHES: SpoilerApproach[] = ['induce', 'socialize', 'coerce', 'isolate'];

/** Commands whose targets come from the scenario alone, not from the state of the game. */
type FixedType = Exclude<MediatorCommand['type'], 'proposeAgenda' | 'proposeFormula' | 'proposePackage'>;

function fixedCandidates(s: Scenario, type: FixedType): MediatorCommand[] {
  const out: MediatorCommand[] = [];
  switch (type) {
    case 'caucus':
      for (const p of s.parties) out.push({ type, party: p.id });
      break;
    case 'reframe':
    case 'technicalCommission':
      for (const i of s.issues) out.push({ type, issue: i.id });
      break;
    case 'requestCbm':
      for (const p of s.parties) for (const cbm of CBMS) out.push({ type, party: p.id, cbm });
      break;
    case 'engageExternal':
      for (const e of s.externals) for (const ask of ASKS) out.push({ type, actor: e.id, ask });
      break;
    case 'engageSpoiler':
      for (const p of s.parties) for (const f of p.factions) for (const approach of APPROACHES) out.push({ type, faction: f.id, approach });
      break;
    case 'publicStatement':
      out.push({ type, tone: 'sober' }, { type, tone: 'optimistic' });
      for (const p of s.parties) out.push({ type, tone: 'critical', party: p.id });
      break;
    case 'consultExperts':
      for (const p of s.parties) for (const f of p.factions) out.push({ type, subject: f.id });
      for (const i of s.issues) out.push({ type, subject: i.id });
      break;
    case 'changeVenue':
      for (const v of s.venues) out.push({ type, venue: v.id });
      break;
    case 'studyHistory':
    case 'designVerification':
    case 'proposeNextPhase':
    case 'readBriefing':
    case 'endTurn':
    case 'jointSession':
      out.push({ type } as MediatorCommand);
      break;
  }
  return out;
}

/**
 * Per scenario (immutable), built once: bots ask for these on every move. Frozen, since every
 * caller shares them (a command is copied when sent, so nothing downstream holds these).
 */
const fixedByScenario = new WeakMap<Scenario, Partial<Record<FixedType, readonly MediatorCommand[]>>>();

function candidates(g: Game, type: MediatorCommand['type']): readonly MediatorCommand[] {
  const s = g.scenario;
  const w = worldOf(g);
  switch (type) {
    case 'proposeAgenda': {
      const issues = s.issues.map((i) => i.id);
      const core = issues.filter((i) => s.issues.find((d) => d.id === i)!.core.length > 0);
      return [{ type, issues: core.length ? core : issues }, { type, issues }];
    }
    case 'proposeFormula':
      return (w.agenda ?? []).map((issue) => ({ type, issue, value: splitTheDifference(w, issue) }));
    case 'proposePackage': {
      const terms: Record<string, number> = {};
      for (const issue of w.agenda ?? []) terms[issue] = splitTheDifference(w, issue);
      return [{ type, terms }];
    }
    default: {
      let fixed = fixedByScenario.get(s);
      if (!fixed) fixedByScenario.set(s, (fixed = {}));
      return (fixed[type] ??= Object.freeze(fixedCandidates(s, type).map((c) => Object.freeze(c))));
    }
  }
}

/** The mean of the public positions on an issue, rounded. */
function splitTheDifference(w: World, issue: string): number {
  const pos = Object.values(w.issues[issue]!.publicPos);
  return Math.round(pos.reduce((a, b) => a + b, 0) / Math.max(1, pos.length));
}

/** Every concrete command of a type worth offering; values for formulas sit between public positions. */
export function candidatesOf(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  return candidates(g, type).slice();
}

/** Is this mediator command legal now? (The mediator may send every move type, so only the move is checked.) */
export const mediatorMayMake = (g: Game, c: MediatorCommand): boolean => whyIllegal(g.scenario, worldOf(g), c) === null;

export function legalCommands(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  const s = g.scenario;
  const w = worldOf(g);
  const out: MediatorCommand[] = [];
  for (const c of candidates(g, type)) if (whyIllegal(s, w, c) === null) out.push(c);
  return out;
}

/** The mediator's move list: each move type, legal or not, with the reason and its legal targets. */
export function availableMoves(g: Game): MoveOption[] {
  const types = [...MEDIATOR_MOVES, 'readBriefing'] as MediatorCommand['type'][];
  return types.map((type) => {
    const all = candidates(g, type);
    const legal = all.filter((c) => mediatorMayMake(g, c));
    const option: MoveOption = { type, cost: MOVE_COST[type], legal: legal.length > 0, commands: legal };
    if (!option.legal) option.reason = explainIllegal(g, type, all);
    return option;
  });
}

/** Reasons that say little about the move as a whole; prefer any other when explaining. */
const WEAK_REASONS = new Set(['refuse.venue.same', 'refuse.alreadyDone', 'refuse.alreadyKnown']);

function explainIllegal(g: Game, type: MediatorCommand['type'], all: readonly MediatorCommand[]): Msg {
  const s = g.scenario;
  // With no target at all (e.g. formulas before an agenda exists), probe with a stand-in target.
  const probes = all.length ? all : [{ type, issue: s.issues[0]!.id, value: 50, terms: {} } as unknown as MediatorCommand];
  const reasons = probes.map((c) => whyRefused(g, { ...c, role: 'mediator' } as Command)).filter((r): r is Msg => r !== null);
  return reasons.find((r) => !WEAK_REASONS.has(r.key)) ?? reasons[0] ?? { key: 'refuse.noTarget' };
}
