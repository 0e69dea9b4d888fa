/**
 * The exercise as the instructor designed it (the MSEL): for each inject that fired, whether the
 * trainee made the expected response in time, which contingencies fired instead, and the learning
 * objective — so the debrief can walk through the scenario inject by inject — and the learning
 * objectives gathered from the injects, each met, missed or not exercised.
 */
import type { InjectDef } from '../types';
import type { Run } from './run';
import { expectedResponseAfter, responseDeadline } from './injects';

export interface InjectReview {
  id: string;
  /** Turn it fired (from the log); null when it fired through an instructor outside the log. */
  turn: number | null;
  synopsis: string;
  target?: string;
  source: 'inject' | 'contingency' | 'instructor';
  /** The move the exercise expected, when it expected one. */
  expected?: { move: string; target?: string; withinTurns: number; description: string };
  /** true: made in time; false: missed (late or never); null: nothing expected or still open. */
  met: boolean | null;
  /** Turn the expected move was made, in time or late (absent when it never came). */
  respondedTurn?: number;
  contingenciesFired: string[];
  learningObjective?: string;
}

/** A learning objective of the scenario's injects, with whether the trainee met it. */
export interface ObjectiveReview {
  objective: string;
  /** The injects (and contingencies) that teach it. */
  injects: string[];
  /**
   * met: every fired inject that expected a response got it in time; missed: one did not;
   * open: a response is still awaited; notExercised: none of its injects fired, or none expected a response.
   */
  status: 'met' | 'missed' | 'open' | 'notExercised';
}

export function reviewExercise(run: Run): InjectReview[] {
  const { scenario: s, world: w } = run;
  const firedAt = new Map<string, { turn: number; index: number; source: InjectReview['source'] }>();
  for (const e of run.events) {
    if (e.id && (e.source === 'inject' || e.source === 'contingency' || e.source === 'instructor') && !firedAt.has(e.id)) {
      firedAt.set(e.id, { turn: e.turn, index: e.index, source: e.source });
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
        review.met = timely(run, inj, at);
        const move = expectedResponseAfter(run, inj, at?.index ?? -1);
        if (move) review.respondedTurn = move.turn;
      }
      out.push(review);
    }
  }
  return out.sort((a, b) => (a.turn ?? 999) - (b.turn ?? 999));
}

/**
 * Made in time (by the end of the deadline turn), missed (the deadline passed, or a contingency of
 * it fired), or still open (the game stopped before the deadline).
 */
function timely(run: Run, inj: InjectDef, at: { turn: number; index: number } | undefined): boolean | null {
  if (!at) return run.world.awaiting[inj.id] !== undefined ? null : inj.contingency.some((c) => run.world.firedInjects.includes(c.id)) ? false : null;
  const deadline = responseDeadline(inj, at.turn);
  const move = expectedResponseAfter(run, inj, at.index);
  if (move && move.turn <= deadline) return true;
  if (inj.contingency.some((c) => run.world.firedInjects.includes(c.id))) return false;
  return run.lastEndedTurn >= deadline || run.finished ? false : null;
}

/** The scenario's learning objectives (from its injects, in order, each once) with their status. */
export function reviewObjectives(run: Run, review: InjectReview[]): ObjectiveReview[] {
  const byObjective = new Map<string, string[]>();
  for (const inj of run.scenario.injects) {
    for (const def of [inj, ...inj.contingency]) {
      if (!def.learningObjective) continue;
      const ids = byObjective.get(def.learningObjective) ?? [];
      ids.push(def.id);
      byObjective.set(def.learningObjective, ids);
    }
  }
  return [...byObjective].map(([objective, injects]) => {
    const judged = review.filter((r) => injects.includes(r.id) && r.expected);
    const status: ObjectiveReview['status'] = judged.some((r) => r.met === false)
      ? 'missed'
      : judged.some((r) => r.met === null)
        ? 'open'
        : judged.length > 0
          ? 'met'
          : 'notExercised';
    return { objective, injects, status };
  });
}
