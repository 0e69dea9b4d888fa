/**
 * `npm run pack -- balance <file>[#scenarioId] [--runs N] [--seed S] [--out DIR] [--ablation N]
 * [--workers N] [--difficulty D] [--engine auto|bundle|tsx]`
 *
 * Plays the bot policies across seeds in worker threads, prints a summary and writes a Markdown
 * and an HTML report per scenario. Exit codes: 0 done (balance flags do not change it), 1 the file
 * is missing or the pack is invalid or the engine failed, 2 the command line is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPack } from '../../scenario/pack';
import type { Scenario } from '../../scenario/schema';
import { POLICIES } from '../../sim/bots/policies';
import type { Difficulty } from '../../sim/types';
import { readPackFile } from './readPackFile';
import { validateFiles, type Output } from './validate';
import { BalancePool, defaultWorkers, type EngineChoice } from './balancePool';
import { analyseScenarios, DEFAULT_EXPLOIT_RUNS, type ScenarioAnalysis } from './balanceRun';
import { OUTCOMES } from './balanceGames';
import { pct, ablationIsClear, ablationReason, CAUSE_LABEL, THRESHOLDS } from './balanceStats';
import { CONTINGENCY_NOTE, renderHtml, renderMarkdown, reportBaseName, signedPoints, sinName, OUTCOME_LABEL, type ReportContext } from './balanceReport';

export const BALANCE_USAGE = `Usage: npm run pack -- balance <file>[#scenarioId] [options]

Plays the bot mediators (random, greedy, by-the-book, expert) on every scenario of the pack (or
the one named after #), then a set of degenerate strategies (exploit checks: the same move
repeated, gestures or incentives every turn, spoiler loops, split-the-difference, a pump loop) to
flag any that signs as often as by-the-book; writes <packId>-<scenarioId>.balance.md and .html.

Options:
  --runs N         games per policy per scenario (default 1000)
  --seed S         first seed; games use seeds S, S+1, ... (default 1)
  --out DIR        folder for the reports (default reports/)
  --ablation N     by-the-book seeds replayed without each scheduled inject (default 200, fewer
                   when there are many injects; at most --runs; 0 switches the analysis off)
  --exploits N     seeds each degenerate strategy is played on, against by-the-book on the same
                   seeds (default ${DEFAULT_EXPLOIT_RUNS}; at most --runs; 0 switches the checks off)
  --difficulty D   easy, standard or hard (default standard)
  --workers N      worker threads (default: one per core, here ${defaultWorkers()})
  --engine E       how workers load the engine: auto (default: an esbuild bundle, or tsx if esbuild
                   is missing), bundle, or tsx
  --help           this text

Guide: scenarios/README.md, section 8 "Checking balance".`;

export const DEFAULT_RUNS = 1000;
export const MAX_RUNS = 100_000;

class UsageError extends Error {}

function intOption(v: string | undefined, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not "${v}"`);
  return n;
}

export interface BalanceArgs {
  file: string;
  pick?: string;
  runs: number;
  seed: number;
  out: string;
  ablation: number | 'auto';
  exploits: number;
  difficulty: Difficulty;
  workers: number;
  engine: EngineChoice;
}

/** Parse the command line after `balance`; throws UsageError with a one-line reason. */
export function parseBalanceArgs(argv: string[]): BalanceArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((a) => a !== '--'),
      allowPositionals: true,
      strict: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        ablation: { type: 'string' },
        exploits: { type: 'string' },
        difficulty: { type: 'string' },
        workers: { type: 'string' },
        engine: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // Node's wording for an unknown option goes on about positionals; the first sentence is enough.
    throw new UsageError((e as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('name a pack file, e.g. npm run pack -- balance scenarios/tutorial.yaml');
  if (positionals.length > 1) throw new UsageError(`one pack file at a time (got ${positionals.length}: ${positionals.join(', ')})`);
  const spec = positionals[0]!;
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const pick = hash > 0 ? spec.slice(hash + 1) : undefined;
  if (pick === '') throw new UsageError(`name a scenario after "#", e.g. ${file}#my-scenario`);
  const runs = intOption(values.runs, 'runs', DEFAULT_RUNS, 1, MAX_RUNS);
  const difficulty = (values.difficulty ?? 'standard') as Difficulty;
  if (!['easy', 'standard', 'hard'].includes(difficulty)) throw new UsageError(`--difficulty must be easy, standard or hard, not "${values.difficulty}"`);
  const engine = (values.engine ?? 'auto') as EngineChoice;
  if (!['auto', 'bundle', 'tsx'].includes(engine)) throw new UsageError(`--engine must be auto, bundle or tsx, not "${values.engine}"`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a folder name');
  return {
    file,
    ...(pick !== undefined ? { pick } : {}),
    runs,
    seed: intOption(values.seed, 'seed', 1, -(2 ** 31), 2 ** 31 - 1 - runs),
    out: values.out ?? 'reports',
    ablation: values.ablation === undefined ? 'auto' : Math.min(runs, intOption(values.ablation, 'ablation', 0, 0, MAX_RUNS)),
    exploits: Math.min(runs, intOption(values.exploits, 'exploits', DEFAULT_EXPLOIT_RUNS, 0, MAX_RUNS)),
    difficulty,
    workers: intOption(values.workers, 'workers', defaultWorkers(), 1, 64),
    engine,
  };
}

export interface BalanceIo extends Output {
  /** A transient progress line (the CLI shows it on a terminal only). */
  progress?: (line: string) => void;
  /** Fixed report time, for tests. */
  now?: () => Date;
}

const n0 = (x: number) => x.toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Run `pack balance`; resolves with the exit code and never throws. */
export async function runBalance(argv: string[], io: BalanceIo): Promise<number> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let args: BalanceArgs | 'help';
  try {
    args = parseBalanceArgs(argv);
  } catch (e) {
    io.err(`pack balance: ${(e as Error).message}\n\n${BALANCE_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    io.out(BALANCE_USAGE);
    return 0;
  }

  const read = readPackFile(args.file);
  if (!read.ok) {
    io.err(`pack balance: ${read.message}${read.hint ? ` — hint: ${read.hint}` : ''}`);
    return 1;
  }
  const loaded = loadPack(read.text, args.file);
  if (!loaded.ok) {
    validateFiles([args.file], io);
    io.err(`pack balance: ${args.file} is not a valid pack; fix the errors above (they are what "npm run pack -- validate ${args.file}" prints)`);
    return 1;
  }
  const { pack } = loaded.value;
  let scenarios: Scenario[] = loaded.value.scenarios;
  if (args.pick) {
    const found = scenarios.find((s) => s.id === args.pick);
    if (!found) {
      io.err(`pack balance: ${args.file} has no scenario "${args.pick}"; it has: ${scenarios.map((s) => s.id).join(', ')}`);
      return 2;
    }
    scenarios = [found];
  }

  const ctx: ReportContext = {
    file: args.file,
    pack: { id: pack.id, title: pack.title, version: pack.version },
    generated: (io.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  io.out(
    `pack balance: ${args.file} — pack "${pack.id}" ${pack.version}; ${scenarios.map((s) => s.id).join(', ')}; ${n0(args.runs)} games per policy (${POLICIES.join(', ')}), seeds ${args.seed}–${args.seed + args.runs - 1}, ${args.difficulty}`,
  );

  let pool: BalancePool | undefined;
  let analyses: ScenarioAnalysis[];
  let games: number;
  let ablationGames: number;
  let exploitGames: number;
  let tGames: number;
  try {
    pool = await BalancePool.start({ scenarios, workers: args.workers, engine: args.engine });
    if (pool.fallbackReason) io.err(`pack balance: note: ${pool.fallbackReason}`);
    tGames = performance.now();
    let last = 0;
    const result = await analyseScenarios(
      pool,
      scenarios,
      { runs: args.runs, seed: args.seed, difficulty: args.difficulty, ablation: args.ablation, exploitRuns: args.exploits },
      (done, total) => {
        const now = performance.now();
        if (io.progress && (now - last > 200 || done === total)) {
          last = now;
          io.progress(`  ${n0(done)} / ${n0(total)} games…`);
        }
      },
    );
    analyses = result.analyses;
    games = result.totals.games;
    ablationGames = result.totals.ablationGames;
    exploitGames = result.totals.exploitGames;
  } catch (e) {
    io.progress?.('');
    io.err(`pack balance: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  } finally {
    await pool?.close();
  }
  const gamesMs = performance.now() - tGames;
  io.progress?.('');

  for (const a of analyses) {
    const base = join(args.out, reportBaseName(pack.id, a.scenario.id));
    const md = `${base}.md`;
    const html = `${base}.html`;
    try {
      mkdirSync(args.out, { recursive: true });
      writeFileSync(md, renderMarkdown(a, ctx));
      writeFileSync(html, renderHtml(a, ctx));
    } catch (e) {
      io.err(`pack balance: cannot write the reports to ${args.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return 1;
    }
    for (const l of summaryLines(a)) io.out(l);
    io.out(`  reports: ${md}`);
    io.out(`           ${html}`);
  }

  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const all = games + ablationGames + exploitGames;
  const engine = pool!.mode === 'bundle' ? `bundled engine${pool!.bundleBuilt ? `, bundle rebuilt in ${sec(pool!.prepareMs)}` : ''}` : 'engine under tsx';
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  io.out(
    `Timing: ${n0(games)} games${ablationGames ? ` + ${n0(ablationGames)} ablation games` : ''}${exploitGames ? ` + ${n0(exploitGames)} exploit games` : ''} in ${sec(gamesMs)} → ${n0(Math.round(all / (gamesMs / 1000)))} games/s on ${pool!.size} worker${pool!.size === 1 ? '' : 's'} (${engine}); ` +
      `CPU ${cpuSeconds.toFixed(1)} s, ${n0(Math.round(all / Math.max(cpuSeconds, 1e-3)))} games per CPU-second; total ${sec(totalMs)}`,
  );
  return 0;
}

/** The stdout summary of one scenario. */
export function summaryLines(a: ScenarioAnalysis): string[] {
  const out: string[] = [];
  out.push('', `${a.scenario.title} (${a.scenario.id})`);
  const head = [
    'policy'.padEnd(12),
    'agreement',
    ...OUTCOMES.map((o) => (o === 'notImplemented' ? 'not-impl' : OUTCOME_LABEL[o]).padStart(9)),
    'turns p5/med/p95',
    ' score',
    ' top sins',
  ];
  out.push(`  ${head.join(' ')}`);
  for (const s of a.policies) {
    out.push(
      `  ${[
        s.policy.padEnd(12),
        pct(s.agreement).padStart(9),
        ...OUTCOMES.map((o) => pct(s.outcomes[o]).padStart(9)),
        `${s.turns.p5}/${s.turns.median}/${s.turns.p95}`.padStart(16),
        s.meanScore.toFixed(1).padStart(6),
        ` ${
          s.sins
            .slice(0, 3)
            .map((x) => `${sinName(x.id)} ${pct(x.share, 0)}`)
            .join(', ') || 'none'
        }`,
      ].join(' ')}`,
    );
  }
  const btb = a.policies.find((s) => s.policy === 'by-the-book');
  if (btb)
    out.push(
      `  by-the-book reaches: ${(['agenda', 'negotiation', 'agreements', 'monitoring'] as const).map((ph) => `${ph} ${pct(btb.phaseReach[ph], 0)}`).join(', ')}`,
    );
  if (a.history) {
    const h = a.history;
    out.push(
      `  history: ${h.history.phaseReached}, ${OUTCOME_LABEL[h.history.outcome]} — by-the-book gets that far in ${pct(h.reachedAtLeast)}, ends ${OUTCOME_LABEL[h.history.outcome]} in ${pct(h.sameOutcome)}, both in ${pct(h.same)}`,
    );
  }
  out.push(...diagnosticSummary(a));
  if (a.ablation.length) {
    const top = a.ablation
      .slice(0, 3)
      .map((r) => `${r.inject} (agreement ${signedPoints(r.agreementDelta)}, collapse ${signedPoints(r.collapseDelta)}${ablationIsClear(r) ? '' : ', noise'})`);
    out.push(`  injects that most change outcomes (by-the-book without each, ${a.ablationSeeds} seeds): ${top.join('; ')}`);
    for (const r of a.ablation.slice(0, 3).filter(ablationIsClear)) out.push(`    ${r.inject}: ${ablationReason(r)}`);
  }
  out.push(...contingencySummary(a));
  out.push(...exploitSummary(a));
  const flags = a.flags;
  if (flags.length === 0) out.push('  flags: none — no balance problem found');
  flags.forEach((f, i) => out.push(`  ${i === 0 ? 'flags:' : '      '} ${f.severity === 'problem' ? 'PROBLEM' : f.severity} ${f.id}: ${f.message}`));
  return out;
}

/** Why games fail, per policy: where unsigned games stalled and what was never met; walk-outs by turn and cause. */
export function diagnosticSummary(a: ScenarioAnalysis): string[] {
  const out: string[] = ['  why games end unsigned (criteria never met, share of all games):'];
  for (const s of a.policies) {
    const st = s.stalls;
    const unmet = st.unmet.slice(0, 3).map((u) => `${u.label} ${pct(u.share, 0)}`);
    out.push(`    ${s.policy.padEnd(12)} ${pct(st.games, 0).padStart(4)} unsigned${unmet.length ? `: ${unmet.join(', ')}` : ''}`);
  }
  out.push(`  walk-outs (share of games; turn 1–${THRESHOLDS.earlyWalkOutTurns}; causes):`);
  for (const s of a.policies) {
    const w = s.walkOuts;
    const causes = w.causes.slice(0, 3).map(
      (c) =>
        `${CAUSE_LABEL[c.cause]} ${pct(c.games, 0)}${
          c.parties.length
            ? ` (${c.parties
                .slice(0, 2)
                .map((x) => x.id)
                .join(', ')}, median turn ${c.medianTurn})`
            : ''
        }`,
    );
    out.push(`    ${s.policy.padEnd(12)} ${pct(w.games, 0).padStart(4)}; early ${pct(w.early, 0)}${causes.length ? `; ${causes.join('; ')}` : ''}`);
  }
  return out;
}

/** The by-the-book contingency rates, with the warning that they are a bot's. */
export function contingencySummary(a: ScenarioAnalysis): string[] {
  const ids = new Set(a.scenario.injects.flatMap((i) => i.contingencies));
  const btb = a.policies.find((s) => s.policy === 'by-the-book');
  if (!btb || ids.size === 0) return [];
  const rates = btb.injects.filter((x) => ids.has(x.id));
  return [
    `  contingencies (by-the-book): ${
      rates
        .slice(0, 4)
        .map((x) => `${x.id} ${pct(x.share, 0)}`)
        .join(', ') || 'none fired'
    } — ${CONTINGENCY_NOTE.replace(/^Contingency rates are/, 'these are')}`,
  ];
}

/** The exploit checks in the console: the ones that pay, named, or that none does. */
export function exploitSummary(a: ScenarioAnalysis): string[] {
  if (a.exploitSeeds === 0 || a.exploits.length === 0) return ['  exploit checks: off'];
  const paying = a.exploits.filter((r) => r.pays);
  const best = [...a.exploits].sort((x, y) => y.agreement - x.agreement)[0]!;
  const btb = best.byTheBook;
  if (paying.length === 0) {
    return [
      `  exploit checks (${a.exploits.length} degenerate strategies, ${a.exploitSeeds} seeds each): none matches by-the-book (${pct(btb)}); best ${best.id} ${pct(best.agreement)}`,
    ];
  }
  return [
    `  EXPLOIT: ${paying.length} of ${a.exploits.length} degenerate strategies sign as often as by-the-book (${pct(btb)}) or more, ${a.exploitSeeds} seeds each:`,
    ...paying.map((r) => `    ${r.id} ${pct(r.agreement)} — ${r.label}`),
  ];
}
