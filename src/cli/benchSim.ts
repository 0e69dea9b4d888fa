/**
 * `npm run bench:sim`: whole flagship games per second for each bot policy on one core, and the
 * statechart events per game. Prints figures; asserts nothing (speed belongs in benchmarks).
 * Options: --scenario <file> (default: the flagship), --seconds N per policy (default 3),
 * --against <git ref>: also bundle the engine as it was at that commit and run both, alternating,
 * in this same run, printing games/s (CPU) of each and the ratio now/then per policy.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile } from './simFiles';
import { playGame, POLICIES } from '../sim/bots';
import { worldOf } from '../sim/game';

// Measure the engine as the balance workers run it: bundled by esbuild, not through tsx (whose
// keep-names wrappers slow hot code). Re-run this file from a bundle unless already inside one.
if (!process.env.THIRD_SIDE_BENCH_BUNDLED && !process.argv.includes('--tsx')) {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'third-side');
  mkdirSync(dir, { recursive: true });
  const args = process.argv.slice(2);
  const at = args.indexOf('--against');
  if (at < 0) {
    const out = await bundle(process.cwd(), join(dir, 'bench-sim.mjs'));
    const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit', env: { ...process.env, THIRD_SIDE_BENCH_BUNDLED: '1' } });
    process.exit(r.status ?? 1);
  }
  process.exit(await compareAgainst(args[at + 1] ?? 'HEAD', [...args.slice(0, at), ...args.slice(at + 2)], dir));
}

/** Bundle a tree's benchSim.ts (this file, or an older commit's) with esbuild, as the balance workers run the engine. */
async function bundle(root: string, out: string): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/benchSim.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    nodePaths: [join(process.cwd(), 'node_modules')],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return out;
}

/**
 * Before/after in one run: check out `ref` into a temporary worktree, bundle both engines and run
 * them one policy at a time, alternating now/then twice, so drifts in machine speed hit both.
 */
async function compareAgainst(ref: string, rest: string[], dir: string): Promise<number> {
  const tree = mkdtempSync(join(tmpdir(), 'third-side-bench-'));
  try {
    const add = spawnSync('git', ['worktree', 'add', '--detach', tree, ref], { encoding: 'utf8' });
    if (add.status !== 0) {
      console.error(`bench:sim: cannot check out ${ref}: ${add.stderr.trim()}`);
      return 2;
    }
    const now = await bundle(process.cwd(), join(dir, 'bench-sim-now.mjs'));
    const then = await bundle(tree, join(dir, 'bench-sim-then.mjs'));
    const env = { ...process.env, THIRD_SIDE_BENCH_BUNDLED: '1' };
    // Each run plays every policy (an older tree's bench takes no per-policy flag) and prints one line each.
    const rates = (file: string): Record<string, number> => {
      const r = spawnSync(process.execPath, [file, ...rest], { encoding: 'utf8', env, cwd: process.cwd() });
      const out: Record<string, number> = {};
      for (const policy of POLICIES)
        out[policy] = Number(
          r.stdout
            .split('\n')
            .find((l) => l.startsWith(policy))
            ?.trim()
            .split(/\s+/)[1] ?? NaN,
        );
      return out;
    };
    console.log(`bench:sim — now (working tree) against ${ref}, games/s (cpu), best of two alternating runs`);
    const runs = [rates(then), rates(now), rates(then), rates(now)];
    console.log('policy        then      now   now/then');
    for (const policy of POLICIES) {
      const before = Math.max(runs[0]![policy]!, runs[2]![policy]!);
      const after = Math.max(runs[1]![policy]!, runs[3]![policy]!);
      console.log(`${policy.padEnd(12)}${before.toFixed(0).padStart(6)}  ${after.toFixed(0).padStart(7)}  ${(after / before).toFixed(2).padStart(9)}`);
    }
    return 0;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', tree]);
    rmSync(tree, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { scenario: { type: 'string' }, seconds: { type: 'string' }, tsx: { type: 'boolean' } } });
const file = values.scenario ?? 'scenarios/venezuela-2019.yaml';
const seconds = Number(values.seconds ?? 3);
const scenario = loadScenarioFile(file);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

console.log(
  `bench:sim — ${scenario.title} (${file}), one core, ${seconds}s per policy, Node ${process.version}, ${process.env.THIRD_SIDE_BENCH_BUNDLED ? 'esbuild bundle' : 'tsx'}`,
);
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
