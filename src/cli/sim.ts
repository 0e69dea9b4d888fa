/**
 * Headless games: `npm run sim -- --scenario <file> [--seed N] [--policy random|greedy|by-the-book|expert]
 * [--moves <file>] [--runs N] [--difficulty easy|standard|hard] [--without <injectId,…>] [--json]`.
 * With --json: one JSON object per game per line. With --trace: each turn's meters, and the reason
 * for each walk-out, refusal and stall (fields `trace` and `ending` with --json). Problems are
 * reported as messages, never stack traces.
 */
import { parseArgs } from 'node:util';
import { CliError, loadMoves, loadScenarioFile } from './simFiles';
import { EXPLOITS, playGame, POLICIES, type BotId, runSummary, type RunSummary } from '../sim/bots';
import type { Difficulty } from '../sim/types';
import { fmt } from '../i18n';
import { traceGame, traceLines } from '../scenario/trace';

const USAGE = `usage: npm run sim -- --scenario <file> [--seed N] [--policy random|greedy|by-the-book|expert]
                      [--moves <file>] [--runs N] [--difficulty easy|standard|hard]
                      [--without <injectId,...>] [--json] [--trace]`;

function intArg(v: string | undefined, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}, not "${v}"`);
  return n;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      policy: { type: 'string' },
      moves: { type: 'string' },
      runs: { type: 'string' },
      difficulty: { type: 'string' },
      without: { type: 'string' },
      json: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.scenario) throw new CliError(`--scenario is required\n${USAGE}`);
  const policy: BotId = values.policy ?? 'by-the-book';
  if (!(POLICIES as string[]).includes(policy) && !EXPLOITS.includes(policy))
    throw new CliError(`--policy must be one of ${POLICIES.join(', ')} (or an exploit: ${EXPLOITS.join(', ')}), not "${values.policy}"`);
  const difficulty = (values.difficulty ?? 'standard') as Difficulty;
  if (!['easy', 'standard', 'hard'].includes(difficulty)) throw new CliError(`--difficulty must be easy, standard or hard`);
  const scenario = loadScenarioFile(values.scenario);
  const seed = intArg(values.seed, 'seed', 1, -(2 ** 31), 2 ** 31 - 1);
  const runs = intArg(values.runs, 'runs', 1, 1, 1_000_000);
  const script = values.moves ? loadMoves(values.moves) : [];
  const without = values.without
    ? values.without
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
  for (const id of without) if (!scenario.injects.some((i) => i.id === id)) throw new CliError(`--without: no inject "${id}" in ${values.scenario}`);

  const summaries: RunSummary[] = [];
  for (let k = 0; k < runs; k++) {
    const r = playGame(scenario, { seed: seed + k, policy, difficulty, withoutInjects: without }, script);
    if (!r.ok) {
      const c = script[r.index]!;
      throw new CliError(`${values.moves}: command ${r.index + 1} (${c.type}) was refused: ${fmt(r.reason, scenario)}`);
    }
    const sum = runSummary(r.game, policy);
    summaries.push(sum);
    const traced = values.trace ? traceGame(r.game) : undefined;
    if (values.json) console.log(JSON.stringify(traced ? { ...sum, ...traced } : sum));
    else if (runs <= 20) {
      console.log(
        `seed ${sum.seed}: ${sum.outcome} — reached ${sum.phaseReached} in ${sum.turns} turns; sins: ${sum.sins.join(', ') || 'none'}; score ${sum.score}; hash ${sum.stateHash}`,
      );
      if (traced) for (const line of traceLines(traced)) console.log(line);
    }
  }
  if (!values.json && runs > 1) {
    const count = (f: (s: RunSummary) => string) => {
      const m = new Map<string, number>();
      for (const s of summaries) m.set(f(s), (m.get(f(s)) ?? 0) + 1);
      return [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${((100 * v) / runs).toFixed(0)}%`)
        .join(', ');
    };
    console.log(`${runs} games of ${scenario.title} (${policy}, ${difficulty})`);
    console.log(`  outcomes: ${count((s) => s.outcome)}`);
    console.log(`  phase reached: ${count((s) => s.phaseReached)}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`sim: ${(e as Error).message}`);
    process.exitCode = 2;
  } else {
    console.error(`sim: unexpected failure: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
