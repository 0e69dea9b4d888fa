/**
 * Which moves the mediator can make now, with the engine's reason for each that it cannot.
 * The table greys out illegal moves with that reason; bots choose among the concrete legal ones.
 * Both read the command registry: each move's candidates, cost and legality.
 */
import type { Command, MediatorCommand, Msg } from './types';
import { whyRefused, worldOf, type Game } from './game';
import { MEDIATOR_COMMAND_TYPES, REGISTRY, whyIllegalNow, type CommandSpec, type MediatorCommandType, type Sender } from './commands';
import { standIn } from './commands/forms';

export interface MoveOption {
  type: MediatorCommand['type'];
  cost: number;
  legal: boolean;
  /** Why not, when no target makes it legal. */
  reason?: Msg;
  /** Concrete legal commands of this type (targets filled in). */
  commands: MediatorCommand[];
}

const MEDIATOR: Sender = { role: 'mediator', kind: 'mediator', id: '' };
const specFor = (type: MediatorCommandType): CommandSpec<MediatorCommand> => REGISTRY[type] as unknown as CommandSpec<MediatorCommand>;

/**
 * Candidates that depend on the scenario alone are built once per line of games and frozen, since
 * every caller shares them (a command is copied when sent, so nothing downstream holds these).
 */
function candidates(g: Game, type: MediatorCommandType): readonly MediatorCommand[] {
  const spec = specFor(type);
  const build = () => spec.candidates?.(g.scenario, worldOf(g)) ?? [];
  if (!spec.fixedCandidates) return build();
  return g.runner.cached(g.scenario, `candidates:${type}`, () => Object.freeze(build().map((c) => Object.freeze(c))));
}

/** Every concrete command of a type worth offering; values for formulas sit between public positions. */
export function candidatesOf(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  return candidates(g, type).slice();
}

/** Is this (engine-built) mediator command legal now? Candidates are well-formed, so only the rules are asked. */
export const mediatorMayMake = (g: Game, c: MediatorCommand): boolean => whyIllegalNow(g.scenario, worldOf(g), c, MEDIATOR) === null;

export function legalCommands(g: Game, type: MediatorCommand['type']): MediatorCommand[] {
  const s = g.scenario;
  const w = worldOf(g);
  const out: MediatorCommand[] = [];
  for (const c of candidates(g, type)) if (whyIllegalNow(s, w, c, MEDIATOR) === null) out.push(c);
  return out;
}

/** The mediator's move list: each move type, legal or not, with the reason and its legal targets. */
export function availableMoves(g: Game): MoveOption[] {
  return MEDIATOR_COMMAND_TYPES.map((type) => {
    const all = candidates(g, type);
    const legal = all.filter((c) => mediatorMayMake(g, c));
    const option: MoveOption = { type, cost: specFor(type).cost, legal: legal.length > 0, commands: legal };
    if (!option.legal) option.reason = explainIllegal(g, type, all);
    return option;
  });
}

/** Reasons that say little about the move as a whole; prefer any other when explaining. */
const WEAK_REASONS = new Set(['refuse.venue.same', 'refuse.alreadyDone', 'refuse.alreadyKnown']);

function explainIllegal(g: Game, type: MediatorCommandType, all: readonly MediatorCommand[]): Msg {
  // With no target at all (e.g. formulas before an agenda exists), probe with the form's defaults.
  const probes = all.length ? all : [standIn(g.scenario, worldOf(g), specFor(type))];
  const reasons = probes.map((c) => whyRefused(g, { ...c, role: 'mediator' } as Command)).filter((r): r is Msg => r !== null);
  return reasons.find((r) => !WEAK_REASONS.has(r.key)) ?? reasons[0] ?? { key: 'refuse.noTarget' };
}
