/** One game in one line: what the CLI prints with --json and what balance reports aggregate. */
import type { BotId } from './policies';
import { stateHash, worldOf, type Game } from '../game';
import { debriefSummary } from '../debrief';

export interface RunSummary {
  seed: number;
  policy: BotId | 'script';
  difficulty: string;
  outcome: string;
  phaseReached: string;
  turns: number;
  /** The phase at the end of each turn. */
  timeline: string[];
  /** Ids of the sins committed. */
  sins: string[];
  score: number;
  /** Injects that fired, in order. */
  injects: string[];
  stateHash: string;
}

export function runSummary(g: Game, policy: BotId | 'script'): RunSummary {
  const w = worldOf(g);
  const d = debriefSummary(g.scenario, w);
  return {
    seed: w.options.seed,
    policy,
    difficulty: w.options.difficulty,
    outcome: d.outcome,
    phaseReached: d.phaseReached,
    turns: w.series.length,
    timeline: w.series.map((r) => r.phase),
    sins: d.sins,
    score: d.score,
    injects: [...w.firedInjects],
    stateHash: stateHash(g),
  };
}
