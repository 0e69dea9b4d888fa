/**
 * Orchestration: split every scenario × policy × seed range into batches for the pool, then replay
 * the by-the-book sample without each scheduled inject (ablation), and turn the records into one
 * `ScenarioAnalysis` per scenario.
 */
import type { Scenario } from '../../scenario/schema';
import { POLICIES, type PolicyId } from '../../sim/bots/policies';
import { EXPLOITS, exploitLabel } from '../../sim/bots/exploits';
import type { Difficulty } from '../../sim/types';
import { decodeBatch, type GameRecord, type Job } from './balanceGames';
import type { EncodedBatch } from './balanceGames';
import {
  ablationRow,
  balanceFlags,
  compareHistory,
  diagnosticFlags,
  exploitFlag,
  exploitRow,
  policyStats,
  sortAblation,
  type AblationRow,
  type ExploitRow,
  type Flag,
  type HistoryComparison,
  type PolicyStats,
} from './balanceStats';

export interface RunOptions {
  runs: number;
  seed: number;
  difficulty: Difficulty;
  /**
   * By-the-book seeds replayed without each inject (0 = no ablation), or 'auto': up to
   * DEFAULT_ABLATION, fewer for a scenario with many injects (see ablationSeedsFor).
   */
  ablation: number | 'auto';
  policies?: PolicyId[];
  /**
   * Seeds on which each degenerate strategy (src/sim/bots/exploits.ts) is played and compared with
   * by-the-book on the same seeds (0 = no exploit checks). Default: min(runs, DEFAULT_EXPLOIT_RUNS).
   */
  exploitRuns?: number;
  /** Which exploits (default: all). */
  exploits?: readonly string[];
}

/** Seeds per exploit unless told otherwise. */
export const DEFAULT_EXPLOIT_RUNS = 200;

/** What the pool offers (a fake in tests could play in-process). */
export interface Runner {
  size: number;
  run(job: Omit<Job, 'id'>): Promise<EncodedBatch>;
}

export interface InjectInfo {
  id: string;
  turn?: number;
  conditional: boolean;
  synopsis: string;
  contingencies: string[];
}

export interface ScenarioAnalysis {
  scenario: { id: string; title: string; turnLimit: number; injects: InjectInfo[] };
  runs: number;
  seed: number;
  difficulty: Difficulty;
  ablationSeeds: number;
  policies: PolicyStats[];
  ablation: AblationRow[];
  /** Games actually replayed for the ablation (seeds where the inject never fired need no replay). */
  ablationGames: number;
  history?: HistoryComparison & { summary: string; keyMoments: { turn: number; label: string }[] };
  /** Seeds each exploit was played on (0: exploit checks off), and how each did. */
  exploitSeeds: number;
  exploits: ExploitRow[];
  flags: Flag[];
}

export interface RunTotals {
  games: number;
  ablationGames: number;
  exploitGames: number;
}

/** Seeds per inject in the ablation unless told otherwise. */
export const DEFAULT_ABLATION = 200;

/**
 * How many by-the-book seeds to replay without each inject. 'auto' keeps the ablation from playing
 * more games than the main run (policies × runs) however many injects a scenario has.
 */
export function ablationSeedsFor(ablation: number | 'auto', runs: number, injects: number, policies: number): number {
  if (ablation !== 'auto') return Math.max(0, Math.min(ablation, runs));
  if (injects === 0) return 0;
  return Math.max(1, Math.min(DEFAULT_ABLATION, runs, Math.floor((policies * runs) / injects)));
}

/** Seeds per message: large enough that messaging costs nothing, small enough to share the tail. */
export function batchSize(totalGames: number, workers: number): number {
  return Math.max(4, Math.min(50, Math.ceil(totalGames / (Math.max(1, workers) * 40))));
}

const chunks = <T>(xs: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
};

/** Mark a promise as handled: a pool failure rejects many at once, and only the first awaited one reports it. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => {});
  return p;
};

function playSeeds(runner: Runner, base: Omit<Job, 'id' | 'seeds'>, seeds: number[], size: number, onGames: (n: number) => void): Promise<GameRecord[]> {
  return quiet(playSeedsLoud(runner, base, seeds, size, onGames));
}

async function playSeedsLoud(
  runner: Runner,
  base: Omit<Job, 'id' | 'seeds'>,
  seeds: number[],
  size: number,
  onGames: (n: number) => void,
): Promise<GameRecord[]> {
  const parts = await Promise.all(
    chunks(seeds, size).map((s) =>
      runner.run({ ...base, seeds: s }).then((b) => {
        onGames(b.n);
        return decodeBatch(b);
      }),
    ),
  );
  return parts.flat();
}

export function injectInfo(s: Scenario): InjectInfo[] {
  return s.injects.map((i) => ({
    id: i.id,
    ...(i.turn !== undefined ? { turn: i.turn } : {}),
    conditional: !!i.condition,
    synopsis: i.synopsis,
    contingencies: i.contingency.map((c) => c.id),
  }));
}

/**
 * Analyse every scenario. `onProgress(done, total)` is called as batches come back (the total
 * grows when ablation jobs are added).
 */
export async function analyseScenarios(
  runner: Runner,
  scenarios: Scenario[],
  opts: RunOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ analyses: ScenarioAnalysis[]; totals: RunTotals }> {
  const policies = opts.policies ?? POLICIES;
  const seeds = Array.from({ length: opts.runs }, (_, k) => opts.seed + k);
  const exploitIds = policies.includes('by-the-book') ? (opts.exploits ?? EXPLOITS) : [];
  const exploitSeeds = exploitIds.length ? Math.max(0, Math.min(opts.runs, opts.exploitRuns ?? DEFAULT_EXPLOIT_RUNS)) : 0;
  let total = scenarios.length * (policies.length * opts.runs + exploitIds.length * exploitSeeds);
  let done = 0;
  const totals: RunTotals = { games: 0, ablationGames: 0, exploitGames: 0 };
  const size = batchSize(total, runner.size);
  const tick = (n: number) => {
    done += n;
    onProgress(done, total);
  };

  const perScenario = scenarios.map(async (scenario, si): Promise<ScenarioAnalysis> => {
    const sampleSize = policies.includes('by-the-book') ? ablationSeedsFor(opts.ablation, opts.runs, scenario.injects.length, policies.length) : 0;
    const base = { scenario: si, difficulty: opts.difficulty, without: [] as string[] };
    // By-the-book first: its first seeds are the ablation sample, so ablation can start early.
    const order = [...policies].sort((a, b) => Number(b === 'by-the-book') - Number(a === 'by-the-book'));
    const played = new Map<PolicyId, Promise<GameRecord[]>>();
    let sample: Promise<GameRecord[]> | undefined;
    for (const policy of order) {
      if (policy === 'by-the-book' && sampleSize > 0) {
        sample = playSeeds(runner, { ...base, policy }, seeds.slice(0, sampleSize), size, tick);
        const rest = playSeeds(runner, { ...base, policy }, seeds.slice(sampleSize), size, tick);
        played.set(policy, quiet(Promise.all([sample, rest]).then(([a, b]) => [...a, ...b])));
      } else played.set(policy, playSeeds(runner, { ...base, policy }, seeds, size, tick));
    }
    // The degenerate strategies, each on the first exploitSeeds seeds.
    const tricks =
      exploitSeeds > 0 ? exploitIds.map((id) => ({ id, games: playSeeds(runner, { ...base, policy: id }, seeds.slice(0, exploitSeeds), size, tick) })) : [];

    let ablation: AblationRow[] = [];
    let ablationGames = 0;
    if (sample) {
      const baseline = await sample;
      // A game in which the inject never fired is the same game without it (the engine is
      // deterministic and an unfired inject changes nothing); only the others are replayed.
      const jobs = scenario.injects.map((inj) => {
        const idx = baseline.flatMap((r, i) => (r.injects.includes(inj.id) ? [i] : []));
        ablationGames += idx.length;
        total += idx.length;
        return {
          inj,
          idx,
          replay: playSeeds(
            runner,
            { ...base, policy: 'by-the-book', without: [inj.id] },
            idx.map((i) => seeds[i]!),
            size,
            tick,
          ),
        };
      });
      onProgress(done, total);
      ablation = sortAblation(
        await Promise.all(
          jobs.map(async ({ inj, idx, replay }) => {
            const replayed = await replay;
            const without = [...baseline];
            idx.forEach((i, k) => (without[i] = replayed[k]!));
            return ablationRow(inj.id, baseline, without, [inj.id, ...inj.contingency.map((c) => c.id)]);
          }),
        ),
      );
    }

    const stats: PolicyStats[] = [];
    for (const policy of policies) stats.push(policyStats(policy, await played.get(policy)!));
    const byPolicy = Object.fromEntries(stats.map((s) => [s.policy, s])) as Partial<Record<PolicyId, PolicyStats>>;
    const btbRecords = policies.includes('by-the-book') ? await played.get('by-the-book')! : undefined;
    const history =
      scenario.history && btbRecords
        ? {
            ...compareHistory({ phaseReached: scenario.history.phaseReached, outcome: scenario.history.outcome }, btbRecords),
            summary: scenario.history.summary,
            keyMoments: scenario.history.keyMoments,
          }
        : undefined;
    const btbSame = btbRecords ? btbRecords.slice(0, exploitSeeds) : [];
    const exploits: ExploitRow[] = [];
    for (const t of tricks) exploits.push(exploitRow(t.id, exploitLabel(t.id), await t.games, btbSame));
    totals.games += policies.length * opts.runs;
    totals.ablationGames += ablationGames;
    totals.exploitGames += tricks.length * exploitSeeds;
    const flags = [...balanceFlags(byPolicy, history), ...diagnosticFlags(byPolicy, ablation)];
    const exploitProblem = exploitFlag(exploits);
    if (exploitProblem) flags.unshift(exploitProblem);
    return {
      scenario: { id: scenario.id, title: scenario.title, turnLimit: scenario.turnLimit, injects: injectInfo(scenario) },
      runs: opts.runs,
      seed: opts.seed,
      difficulty: opts.difficulty,
      ablationSeeds: sample ? sampleSize : 0,
      policies: stats,
      ablation,
      ablationGames,
      ...(history ? { history } : {}),
      exploitSeeds,
      exploits,
      flags,
    };
  });
  // Settle every scenario before reporting, so one failure does not leave work running unseen.
  const settled = await Promise.allSettled(perScenario);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { analyses: settled.map((s) => (s as PromiseFulfilledResult<ScenarioAnalysis>).value), totals };
}
