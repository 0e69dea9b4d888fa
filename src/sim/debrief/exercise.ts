/**
 * The exercise as the instructor designed it (the MSEL): for each inject that fired, whether the
 * trainee made the expected response in time, which contingencies fired instead, and the learning
 * objective — so the debrief can walk through the scenario inject by inject.
 */
import type { Scenario, World } from '../types';
import { responded } from '../rules/turn';

export interface InjectReview {
  id: string;
  /** Turn it fired (from the log); null when it fired through an instructor outside the log. */
  turn: number | null;
  synopsis: string;
  target?: string;
  source: 'inject' | 'contingency' | 'instructor';
  /** The move the exercise expected, when it expected one. */
  expected?: { move: string; target?: string; withinTurns: number; description: string };
  /** true: made in time; false: missed (its contingencies fired); null: nothing expected or still open. */
  met: boolean | null;
  contingenciesFired: string[];
  learningObjective?: string;
}

export function reviewExercise(s: Scenario, w: World): InjectReview[] {
  const firedAt = new Map<string, { turn: number; source: InjectReview['source'] }>();
  for (const e of w.log) {
    if (e.kind === 'event' && e.id && (e.source === 'inject' || e.source === 'contingency' || e.source === 'instructor') && !firedAt.has(e.id)) {
      firedAt.set(e.id, { turn: e.turn, source: e.source });
    }
  }
  const out: InjectReview[] = [];
  for (const inj of s.injects) {
    const all = [inj, ...inj.contingency];
    for (const def of all) {
      if (!w.firedInjects.includes(def.id)) continue;
      const at = firedAt.get(def.id);
      const isMain = def === inj;
      const review: InjectReview = {
        id: def.id,
        turn: at?.turn ?? null,
        synopsis: def.synopsis,
        source: at?.source ?? (isMain ? 'inject' : 'contingency'),
        met: null,
        contingenciesFired: [],
      };
      if (def.target) review.target = def.target;
      if (def.learningObjective) review.learningObjective = def.learningObjective;
      if (isMain && inj.expectedResponse) {
        const exp = inj.expectedResponse;
        review.expected = { move: exp.move, withinTurns: exp.withinTurns, description: exp.description, ...(exp.target ? { target: exp.target } : {}) };
        review.contingenciesFired = inj.contingency.filter((c) => w.firedInjects.includes(c.id)).map((c) => c.id);
        const open = w.awaiting[inj.id] !== undefined;
        review.met = responded(w, inj) ? true : open ? null : false;
      }
      out.push(review);
    }
  }
  return out.sort((a, b) => (a.turn ?? 999) - (b.turn ?? 999));
}
