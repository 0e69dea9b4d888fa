/**
 * The exercise's inject list as the instructor's console shows it (DESIGN.md §8, the MSEL): every
 * planned inject and contingency with what the scenario expects in answer, its window, the effect's
 * kind, and its status now — planned, fired, awaiting a response (window open until a turn),
 * responded in time, or missed. Whether a response came in time is the debrief's judgement
 * (computeDebrief's inject review), so the console and the debrief never disagree.
 */
import { computeDebrief, worldOf, type LogEntry } from '../sim/index';
import type { Exercise } from './exercise';
import type { PlannedInject } from '../seat/wire';

export function injectPlan(ex: Exercise): PlannedInject[] {
  const w = ex.game ? worldOf(ex.game) : null;
  const review = new Map((w && ex.game ? computeDebrief(ex.scenario, w).exercise : []).map((r) => [r.id, r]));
  const out: PlannedInject[] = [];
  for (const inj of ex.scenario.injects) {
    for (const def of [inj, ...inj.contingency]) {
      const main = def === inj;
      const fired = w?.firedInjects.includes(def.id) ?? false;
      const r = review.get(def.id);
      const awaitingUntil = w?.awaiting[def.id];
      const status: PlannedInject['status'] = !fired
        ? 'planned'
        : awaitingUntil !== undefined && r?.met !== true
          ? 'awaiting'
          : r?.met === true
            ? 'responded'
            : r?.met === false
              ? 'missed'
              : 'fired';
      const exp = main ? inj.expectedResponse : undefined;
      out.push({
        id: def.id,
        ...(def.turn !== undefined ? { turn: def.turn } : {}),
        synopsis: def.synopsis,
        fired,
        ...(awaitingUntil !== undefined ? { awaitingUntil } : {}),
        ...(def.learningObjective ? { learningObjective: def.learningObjective } : {}),
        ...(main ? {} : { parent: inj.id }),
        ...(def.target ? { target: def.target } : {}),
        effectKind: def.effect.kind,
        ...(exp
          ? { expected: { move: exp.move, withinTurns: exp.withinTurns, description: exp.description, ...(exp.target ? { target: exp.target } : {}) } }
          : {}),
        ...(r?.turn != null ? { firedTurn: r.turn } : {}),
        ...(r?.respondedTurn !== undefined ? { respondedTurn: r.respondedTurn } : {}),
        status,
      });
    }
  }
  return out;
}

/**
 * Could these log entries have changed an inject's status? New events (an inject fired), a new turn
 * (a window closed) or a move of a kind some open inject expects. Keeps the debrief's review off
 * the path of ordinary moves.
 */
export function injectsMayHaveChanged(ex: Exercise, entries: readonly LogEntry[] | undefined): boolean {
  if (!entries || !ex.game) return false;
  const w = worldOf(ex.game);
  const expected = new Set<string>();
  for (const inj of ex.scenario.injects) if (inj.expectedResponse && w.firedInjects.includes(inj.id)) expected.add(inj.expectedResponse.move);
  return entries.some((e) => e.kind === 'event' || e.kind === 'turn' || (e.kind === 'move' && expected.has(e.command.type)));
}
