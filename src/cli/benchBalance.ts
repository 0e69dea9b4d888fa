/**
 * `npm run bench:balance`: how fast the balance analyzer plays games, by way of loading the engine
 * in the workers (esbuild bundle vs tsx), against one thread in this process. Prints figures;
 * asserts nothing. Options: --scenario <file[#id]> (default: the flagship), --runs N games per
 * policy (default 100), --rounds N alternating rounds per mode (default 2), --workers N.
 */
import { parseArgs } from 'node:util';
import { loadScenarioFile } from './simFiles';
import { BalancePool, defaultWorkers, ensureBundle, type EngineMode } from './pack/balancePool';
import { analyseScenarios } from './pack/balanceRun';
import { playRecord } from './pack/balanceGames';
import { POLICIES } from '../sim/bots/policies';

const { values } = parseArgs({ options: { scenario: { type: 'string' }, runs: { type: 'string' }, rounds: { type: 'string' }, workers: { type: 'string' } } });
const file = values.scenario ?? 'scenarios/venezuela-2019.yaml';
const runs = Number(values.runs ?? 100);
const rounds = Number(values.rounds ?? 2);
const workers = Number(values.workers ?? defaultWorkers());
const scenario = loadScenarioFile(file);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

console.log(
  `bench:balance — ${scenario.title} (${file}), ${runs} games per policy (${POLICIES.length * runs} a round), ${workers} workers, Node ${process.version}`,
);
const b = await ensureBundle();
console.log(`esbuild bundle: ${b.built ? 'built' : 'up to date'} in ${b.ms.toFixed(0)} ms`);
console.log('mode                 round  start-up ms  games/s (wall)  games/s per CPU-second');

async function poolRound(mode: EngineMode, round: number): Promise<void> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const pool = await BalancePool.start({ scenarios: [scenario], workers, engine: mode });
  // The first batch's reply includes thread start and module loading.
  let first = 0;
  const { totals } = await analyseScenarios(pool, [scenario], { runs, seed: 1 + round * runs, difficulty: 'standard', ablation: 0 }, (done) => {
    if (!first && done > 0) first = performance.now() - t0;
  });
  await pool.close();
  const wall = (performance.now() - t0) / 1000;
  const cpu = (cpuMs() - c0) / 1000;
  console.log(
    `${`${mode} workers`.padEnd(20)} ${String(round + 1).padStart(5)}  ${first.toFixed(0).padStart(11)}  ${(totals.games / wall).toFixed(1).padStart(14)}  ${(totals.games / cpu).toFixed(1).padStart(22)}`,
  );
}

function inProcessRound(round: number): void {
  const t0 = performance.now();
  const c0 = cpuMs();
  let games = 0;
  for (const policy of POLICIES) for (let k = 0; k < runs; k++, games++) playRecord(scenario, policy, 1 + round * runs + k, 'standard', []);
  const wall = (performance.now() - t0) / 1000;
  const cpu = (cpuMs() - c0) / 1000;
  console.log(
    `${'this thread (tsx)'.padEnd(20)} ${String(round + 1).padStart(5)}  ${'—'.padStart(11)}  ${(games / wall).toFixed(1).padStart(14)}  ${(games / cpu).toFixed(1).padStart(22)}`,
  );
}

for (let round = 0; round < rounds; round++) {
  await poolRound('bundle', round);
  await poolRound('tsx', round);
  inProcessRound(round);
}
