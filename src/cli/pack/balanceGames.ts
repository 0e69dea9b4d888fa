/**
 * The balance analyzer's unit of work, shared by the worker threads and the main thread: play one
 * batch of seeds and pack the results into a few typed arrays (light to post between threads, and
 * transferable without a copy).
 *
 * This file imports only the engine, never the pack loader or the CLI, so the bundled worker stays
 * small.
 */
import type { Scenario } from '../../scenario/schema';
import type { Difficulty, PhaseId, ProcessPhase } from '../../sim/types';
import { debriefSummary } from '../../sim/debrief';
import { worldOf } from '../../sim/game';
import { playGame } from '../../sim/bots/play';
import type { BotId } from '../../sim/bots/policies';

export const OUTCOMES = ['durable', 'notImplemented', 'partial', 'suspended', 'collapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const MAIN_PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'] as const satisfies readonly PhaseId[];
/** Every phase a turn can end in: the five, then the ends and the pause. */
export const PROCESS_PHASES = [...MAIN_PHASES, 'concluded', 'suspended', 'collapsed'] as const satisfies readonly ProcessPhase[];

/**
 * One game as the analyzer sees it: `RunSummary` (src/sim/bots/summary.ts) without the seed,
 * policy and state hash, which the analyzer knows already or does not need.
 */
export interface GameRecord {
  outcome: Outcome;
  phaseReached: PhaseId;
  turns: number;
  score: number;
  /** Ids of the sins committed. */
  sins: string[];
  /** Injects (and contingencies) that fired, in order. */
  injects: string[];
  /** The phase at the end of each turn. */
  timeline: ProcessPhase[];
}

/** One batch of games to play: seeds are explicit so ablation can replay any subset. */
export interface Job {
  id: number;
  scenario: number;
  /** A policy or an exploit id (src/sim/bots/exploits.ts). */
  policy: BotId;
  difficulty: Difficulty;
  seeds: number[];
  without: string[];
}

/** A list of string lists, as dictionary indices with offsets. */
export interface StringColumn {
  values: Uint16Array;
  /** values[offsets[i] .. offsets[i+1]) belong to game i. */
  offsets: Uint32Array;
}

/** A batch's games, column by column. */
export interface EncodedBatch {
  n: number;
  outcome: Uint8Array;
  phase: Uint8Array;
  turns: Uint16Array;
  score: Float64Array;
  dict: string[];
  sins: StringColumn;
  injects: StringColumn;
  /** Timeline phases as indices into PROCESS_PHASES. */
  timeline: StringColumn;
}

/**
 * Play one game and keep what balance needs (no state hash). Only the debrief's summary: the full
 * debrief (timeline, charts, reviews) was a large share of each game's cost, for fields never read.
 */
export function playRecord(scenario: Scenario, policy: BotId, seed: number, difficulty: Difficulty, without: string[]): GameRecord {
  const r = playGame(scenario, { seed, policy, difficulty, withoutInjects: without });
  const w = worldOf(r.game);
  const d = debriefSummary(r.game.scenario, w);
  return {
    outcome: d.outcome,
    phaseReached: d.phaseReached,
    turns: w.series.length,
    score: d.score,
    sins: d.sins,
    injects: [...w.firedInjects],
    timeline: w.series.map((x) => x.phase),
  };
}

function indexOrThrow<T extends string>(list: readonly T[], value: string, what: string): number {
  const i = (list as readonly string[]).indexOf(value);
  if (i < 0) throw new Error(`unknown ${what} "${value}"`);
  return i;
}

export function encodeBatch(records: GameRecord[]): EncodedBatch {
  const n = records.length;
  const dict: string[] = [];
  const dictIndex = new Map<string, number>();
  const word = (s: string) => {
    let i = dictIndex.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      dictIndex.set(s, i);
    }
    return i;
  };
  const column = (lists: string[][], code: (s: string) => number): StringColumn => {
    const offsets = new Uint32Array(n + 1);
    let total = 0;
    lists.forEach((l, i) => {
      offsets[i] = total;
      total += l.length;
    });
    offsets[n] = total;
    const values = new Uint16Array(total);
    let k = 0;
    for (const l of lists) for (const s of l) values[k++] = code(s);
    return { values, offsets };
  };
  const batch: EncodedBatch = {
    n,
    outcome: Uint8Array.from(records, (r) => indexOrThrow(OUTCOMES, r.outcome, 'outcome')),
    phase: Uint8Array.from(records, (r) => indexOrThrow(MAIN_PHASES, r.phaseReached, 'phase')),
    turns: Uint16Array.from(records, (r) => r.turns),
    score: Float64Array.from(records, (r) => r.score),
    dict,
    sins: column(records.map((r) => r.sins), word),
    injects: column(records.map((r) => r.injects), word),
    timeline: column(records.map((r) => r.timeline), (p) => indexOrThrow(PROCESS_PHASES, p, 'phase')),
  };
  return batch;
}

export function decodeBatch(b: EncodedBatch): GameRecord[] {
  const list = <T>(c: StringColumn, i: number, names: readonly T[]): T[] => {
    const out: T[] = [];
    for (let k = c.offsets[i]!; k < c.offsets[i + 1]!; k++) out.push(names[c.values[k]!]!);
    return out;
  };
  const out: GameRecord[] = [];
  for (let i = 0; i < b.n; i++) {
    out.push({
      outcome: OUTCOMES[b.outcome[i]!]!,
      phaseReached: MAIN_PHASES[b.phase[i]!]!,
      turns: b.turns[i]!,
      score: b.score[i]!,
      sins: list(b.sins, i, b.dict),
      injects: list(b.injects, i, b.dict),
      timeline: list(b.timeline, i, PROCESS_PHASES),
    });
  }
  return out;
}

/** The buffers of a batch, to transfer rather than copy. */
export function transferables(b: EncodedBatch): ArrayBuffer[] {
  return [b.outcome, b.phase, b.turns, b.score, b.sins.values, b.sins.offsets, b.injects.values, b.injects.offsets, b.timeline.values, b.timeline.offsets].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Play a job's seeds in order. Throws with the seed named if the engine fails. */
export function playJob(scenarios: Scenario[], job: Job): EncodedBatch {
  const scenario = scenarios[job.scenario];
  if (!scenario) throw new Error(`no scenario #${job.scenario}`);
  const records: GameRecord[] = [];
  for (const seed of job.seeds) {
    try {
      records.push(playRecord(scenario, job.policy, seed, job.difficulty, job.without));
    } catch (e) {
      const without = job.without.length ? ` without ${job.without.join(', ')}` : '';
      throw new Error(`the engine failed on ${scenario.id}, ${job.policy}, seed ${seed}${without}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    }
  }
  return encodeBatch(records);
}
