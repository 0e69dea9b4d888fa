/**
 * The debrief: what the trainee achieved, how, and which classic mistakes they made — all as data
 * computed from the scenario and the final world (its log and per-turn series). Pure and
 * deterministic: the same run always gives the same debrief.
 */
import type { Scenario, World } from '../types';
import type { Debrief } from './types';
import { readRun } from './run';
import { computeOutcome, phaseEntries, phaseReached, timeline } from './outcome';
import { analyseAgreement } from './agreement';
import { analyseDurability } from './durability';
import { meterSeries } from './series';
import { analyseImpartiality } from './impartiality';
import { analyseSpoilers } from './spoilers';
import { exposeStalling } from './stalling';
import { detectSins } from './sins';
import { assessHallmarks } from './hallmarks';
import { compareHistory } from './history';
import { scoreParts, totalScore } from './score';
import { reviewExercise } from './exercise';

export function computeDebrief(scenario: Scenario, world: World): Debrief {
  const run = readRun(scenario, world);
  const outcome = computeOutcome(run);
  const reached = phaseReached(run);
  const agreement = analyseAgreement(run);
  const durability = analyseDurability(run);
  const sins = detectSins(run);
  const hallmarks = assessHallmarks(run, sins);
  const parts = scoreParts(reached, agreement, durability, hallmarks, sins);
  return {
    outcome,
    finished: run.finished,
    turnsPlayed: run.lastTurn,
    phaseReached: reached,
    timeline: timeline(run),
    phaseEntries: phaseEntries(run),
    agreement,
    durability,
    series: meterSeries(run),
    impartiality: analyseImpartiality(run),
    spoilers: analyseSpoilers(run),
    stalling: exposeStalling(run),
    sins,
    hallmarks,
    history: compareHistory(run, outcome),
    exercise: reviewExercise(scenario, world),
    score: totalScore(parts),
    scoreParts: parts,
  };
}

export type * from './types';
export { SIN_IDS, HALLMARK_IDS } from './types';
export { DEBRIEF_MESSAGES } from './messages';
export { RESULT_KEYS, hasKey } from './keys';
export { utility } from './agreement';
export { SCORE_WEIGHTS } from './score';
export type { InjectReview } from './exercise';
