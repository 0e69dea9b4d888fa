/**
 * The greedy bot: the impatient mediator — pushes phases, splits the difference, speaks optimistically.
 * Its candidates are tried in order, each built only when the ones before it are not legal.
 */
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { FactionView, PartyView, View } from '../view';
import { END, firstFaction, ifLegal, issueOf, made, midpoint, minBy, movesThisTurn } from './readings';

export const greedyPolicy = (g: Game, view: View): MediatorCommand => {
  const done = movesThisTurn(view);
  if (done.length > 6) return END;
  let c = made(done, 'proposeNextPhase') ? null : ifLegal(g, { type: 'proposeNextPhase' });
  if (view.phase === 'suspended') c ??= ifLegal(g, { type: 'publicStatement', tone: 'critical', party: walkedOut(view)?.id ?? leastCommitted(view).id });
  if (view.phase === 'agenda') c ??= ifLegal(g, { type: 'proposeAgenda', issues: g.scenario.issues.map((i) => i.id) });
  if (view.phase !== 'exploratory' && view.talkFormat === 'pendular') c ??= ifLegal(g, { type: 'jointSession' });
  c ??= ifLegal(g, splitPackage(view, done));
  c ??= splitFormula(g, view);
  c ??= ifLegal(g, coerceStruck(view));
  if (!made(done, 'publicStatement')) c ??= ifLegal(g, { type: 'publicStatement', tone: 'optimistic' });
  c ??= ifLegal(g, { type: 'caucus', party: leastCommitted(view).id });
  return c ?? END;
};

const commitment = (p: PartyView) => p.commitment;
const leastCommitted = (view: View): PartyView => minBy(view.parties, commitment);
const walkedOut = (view: View): PartyView | undefined => view.parties.find((p) => p.seat === 'walkedOut');

/** In negotiation, one package splitting the difference on the whole agenda (once a turn). */
function splitPackage(view: View, done: readonly MediatorCommand[]): MediatorCommand | null {
  if (view.phase !== 'negotiation') return null;
  const terms: Record<string, number> = {};
  for (const id of view.agenda ?? []) terms[id] = midpoint(view, id);
  return Object.keys(terms).length > 1 && !made(done, 'proposePackage') ? { type: 'proposePackage', terms } : null;
}

/** Split the difference on the first agenda issue nobody has accepted yet (that may be proposed). */
function splitFormula(g: Game, view: View): MediatorCommand | null {
  for (const id of view.agenda ?? []) {
    if (issueOf(view, id).formula?.acceptedBy.length) continue;
    const c = ifLegal(g, { type: 'proposeFormula', issue: id, value: midpoint(view, id) });
    if (c) return c;
  }
  return null;
}

const struck = (f: FactionView) => f.strikes > 0;
/** Lean on the first faction that has struck. */
function coerceStruck(view: View): MediatorCommand | null {
  const f = firstFaction(view, struck);
  return f ? { type: 'engageSpoiler', faction: f.id, approach: 'coerce' } : null;
}
