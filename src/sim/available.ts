/**
 * Which moves the mediator can make now, with the engine's reason for each that it cannot.
 * The table greys out illegal moves with that reason; bots choose among the concrete legal ones.
 */
import type { CbmKind } from '../scenario/schema';
import { MEDIATOR_MOVES } from '../scenario/schema';
import type { Command, ExternalAsk, MediatorCommand, Msg, SpoilerApproach } from './types';
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

/** Every concrete command of a type worth offering; values for formulas sit between public positions. */
export function candidatesOf(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  const s = g.scenario;
  const w = worldOf(g);
  const parties = s.parties.map((p) => p.id);
  const issues = s.issues.map((i) => i.id);
  switch (type) {
    case 'caucus':
      return parties.map((party) => ({ type, party }));
    case 'proposeAgenda': {
      const core = issues.filter((i) => s.issues.find((d) => d.id === i)!.core.length > 0);
      return [{ type, issues: core.length ? core : issues }, { type, issues }];
    }
    case 'proposeFormula':
      return (w.agenda ?? []).map((issue) => {
        const pos = Object.values(w.issues[issue]!.publicPos);
        return { type, issue, value: Math.round(pos.reduce((a, b) => a + b, 0) / Math.max(1, pos.length)) };
      });
    case 'proposePackage': {
      const terms: Record<string, number> = {};
      for (const issue of w.agenda ?? []) {
        const pos = Object.values(w.issues[issue]!.publicPos);
        terms[issue] = Math.round(pos.reduce((a, b) => a + b, 0) / Math.max(1, pos.length));
      }
      return [{ type, terms }];
    }
    case 'reframe':
    case 'technicalCommission':
      return issues.map((issue) => ({ type, issue }));
    case 'requestCbm':
      return parties.flatMap((party) => CBMS.map((cbm) => ({ type, party, cbm })));
    case 'engageExternal':
      return s.externals.flatMap((e) => ASKS.map((ask) => ({ type, actor: e.id, ask })));
    case 'engageSpoiler':
      return s.parties.flatMap((p) => p.factions.flatMap((f) => APPROACHES.map((approach) => ({ type, faction: f.id, approach }))));
    case 'publicStatement':
      return [{ type, tone: 'sober' }, { type, tone: 'optimistic' }, ...parties.map((party) => ({ type, tone: 'critical' as const, party }))];
    case 'consultExperts':
      return [...s.parties.flatMap((p) => p.factions.map((f) => f.id)), ...issues].map((subject) => ({ type, subject }));
    case 'changeVenue':
      return s.venues.map((v) => ({ type, venue: v.id }));
    case 'studyHistory':
    case 'designVerification':
    case 'proposeNextPhase':
    case 'readBriefing':
    case 'endTurn':
    case 'jointSession':
      return [{ type } as MediatorCommand];
  }
}

/** Is this mediator command legal now? (The mediator may send every move type, so only the move is checked.) */
export const mediatorMayMake = (g: Game, c: MediatorCommand): boolean => whyIllegal(g.scenario, worldOf(g), c) === null;

export function legalCommands(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  return candidatesOf(g, type).filter((c) => mediatorMayMake(g, c));
}

/** The mediator's move list: each move type, legal or not, with the reason and its legal targets. */
export function availableMoves(g: Game): MoveOption[] {
  const types = [...MEDIATOR_MOVES, 'readBriefing'] as MediatorCommand['type'][];
  return types.map((type) => {
    const all = candidatesOf(g, type);
    const legal = all.filter((c) => mediatorMayMake(g, c));
    const option: MoveOption = { type, cost: MOVE_COST[type], legal: legal.length > 0, commands: legal };
    if (!option.legal) option.reason = explainIllegal(g, type, all);
    return option;
  });
}

/** Reasons that say little about the move as a whole; prefer any other when explaining. */
const WEAK_REASONS = new Set(['refuse.venue.same', 'refuse.alreadyDone', 'refuse.alreadyKnown']);

function explainIllegal(g: Game, type: MediatorCommand['type'], all: MediatorCommand[]): Msg {
  const s = g.scenario;
  // With no target at all (e.g. formulas before an agenda exists), probe with a stand-in target.
  const probes = all.length ? all : [{ type, issue: s.issues[0]!.id, value: 50, terms: {} } as unknown as MediatorCommand];
  const reasons = probes.map((c) => whyRefused(g, { ...c, role: 'mediator' } as Command)).filter((r): r is Msg => r !== null);
  return reasons.find((r) => !WEAK_REASONS.has(r.key)) ?? reasons[0] ?? { key: 'refuse.noTarget' };
}
