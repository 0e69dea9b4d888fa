/**
 * The debrief: what the trainee achieved, how, and which classic mistakes they made — all as data
 * computed from the scenario and the final world (its log and per-turn series). Pure and
 * deterministic: the same run always gives the same debrief.
 */
import type { PhaseId, Scenario, World } from '../types';
import type { Debrief, Outcome, SinId } from './types';
import { readRun } from './run';
import { computeEnding, phaseEntries, timeline } from './outcome';
import { meterSeries } from './series';
import { analyseImpartiality } from './impartiality';
import { analyseSpoilers } from './spoilers';
import { exposeStalling } from './stalling';
import { detectSins, judgeSins } from './sins';
import { compareHistory } from './history';
import { totalScore } from './score';
import { reviewExercise, reviewObjectives } from './exercise';
import { wentWell } from './wentWell';
import { judge } from './verdict';

export function computeDebrief(scenario: Scenario, world: World): Debrief {
  const run = readRun(scenario, world);
  const { outcome, reached, agreement, durability, sins, hallmarks, parts } = judge(run, detectSins);
  const spoilers = analyseSpoilers(run);
  const exercise = reviewExercise(run);
  return {
    outcome,
    ending: computeEnding(run),
    finished: run.finished,
    turnsPlayed: run.lastTurn,
    phaseReached: reached,
    timeline: timeline(run),
    phaseEntries: phaseEntries(run),
    agreement,
    durability,
    series: meterSeries(run),
    impartiality: analyseImpartiality(run),
    spoilers,
    stalling: exposeStalling(run),
    sins,
    hallmarks,
    history: compareHistory(run, outcome),
    exercise,
    objectives: reviewObjectives(run, exercise),
    wentWell: wentWell(run, spoilers, exercise, hallmarks),
    score: totalScore(parts),
    scoreParts: parts,
  };
}

/** The few fields of a debrief that batch analysis (balance, bots) reads; ids of the sins committed. */
export interface DebriefSummary {
  outcome: Outcome;
  phaseReached: PhaseId;
  score: number;
  sins: SinId[];
}

/**
 * Those fields exactly as `computeDebrief` gives them (the same verdict), without the evidence,
 * charts, timelines and reviews that only a person reads: the balance analyzer asks for this once
 * per bot game, and the full debrief was a large share of a game's cost.
 */
export function debriefSummary(scenario: Scenario, world: World): DebriefSummary {
  const { outcome, reached, sins, parts } = judge(readRun(scenario, world), judgeSins);
  return { outcome, phaseReached: reached, score: totalScore(parts), sins: sins.filter((s) => s.committed).map((s) => s.id) };
}

export type * from './types';
export { SIN_IDS, HALLMARK_IDS } from './types';
export { DEBRIEF_MESSAGES } from './messages';
export { RESULT_KEYS, hasKey } from './keys';
export { utility } from './agreement';
export { SCORE_WEIGHTS } from './score';
export { HALLMARK_CONTRADICTIONS } from './hallmarks';
export { EVIDENCE_LINES } from './sins/sin';
export type { InjectReview, ObjectiveReview } from './exercise';
