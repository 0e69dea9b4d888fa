/**
 * `npm run bench:sim`: whole flagship games per second for each bot policy on one core, and the
 * statechart events per game. Prints figures; asserts nothing (speed belongs in benchmarks).
 * Options: --scenario <file> (default: the flagship), --seconds N per policy (default 3).
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from './simFiles';
import { playGame, POLICIES } from '../sim/bots';
import { worldOf } from '../sim/game';

// Measure the engine as the balance workers run it: bundled by esbuild, not through tsx (whose
// keep-names wrappers slow hot code). Re-run this file from a bundle unless already inside one.
if (!process.env.THIRD_SIDE_BENCH_BUNDLED && !process.argv.includes('--tsx')) {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'third-side');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'bench-sim.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: ['src/cli/benchSim.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, THIRD_SIDE_BENCH_BUNDLED: '1' } });
  process.exit(r.status ?? 1);
}

const { values } = parseArgs({ options: { scenario: { type: 'string' }, seconds: { type: 'string' }, tsx: { type: 'boolean' } } });
const file = values.scenario ?? 'scenarios/venezuela-2019.yaml';
const seconds = Number(values.seconds ?? 3);
const scenario = loadScenarioFile(file);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

console.log(`bench:sim — ${scenario.title} (${file}), one core, ${seconds}s per policy, Node ${process.version}, ${process.env.THIRD_SIDE_BENCH_BUNDLED ? 'esbuild bundle' : 'tsx'}`);
console.log('policy        games/s (cpu)  games/s (wall)  events/game  commands/game  turns/game');
for (const policy of POLICIES) {
  for (let seed = 1; seed <= 10; seed++) playGame(scenario, { seed, policy }); // warm up the JIT
  let games = 0;
  let events = 0;
  let commands = 0;
  let turns = 0;
  const wall0 = performance.now();
  const cpu0 = cpuMs();
  while (performance.now() - wall0 < seconds * 1000) {
    const r = playGame(scenario, { seed: 1000 + games, policy });
    games++;
    events += r.game.events;
    commands += r.game.commands.length;
    turns += worldOf(r.game).series.length;
  }
  const wall = (performance.now() - wall0) / 1000;
  const cpu = (cpuMs() - cpu0) / 1000;
  const f = (x: number, d = 0) => x.toFixed(d).padStart(13);
  console.log(`${policy.padEnd(12)}${f(games / cpu)}  ${f(games / wall)}  ${f(events / games)}  ${f(commands / games)}  ${f(turns / games, 1)}`);
}
