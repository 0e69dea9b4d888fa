/**
 * Scenarios an exercise can run: the shipped ones (scenarios/*.yaml, scenarios/historical/*.yaml,
 * read once from disk, trusted) and uploaded packs, parsed by the same loader (`loadPack`, as
 * `npm run pack -- validate` does) in a worker thread bounded in size, time and memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadPack } from '../scenario/pack';
import type { Scenario } from '../sim/index';
import { MAX_UPLOAD_CHARS } from './protocol';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCENARIO_DIRS = [join(REPO, 'scenarios'), join(REPO, 'scenarios', 'historical')];

export interface ShippedScenario {
  id: string;
  title: string;
  file: string;
  scenario: Scenario;
}

let shipped: Map<string, ShippedScenario> | undefined;

/** Every shipped scenario by id (loaded once). */
export function shippedScenarios(): Map<string, ShippedScenario> {
  if (shipped) return shipped;
  const found = new Map<string, ShippedScenario>();
  for (const dir of SCENARIO_DIRS) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) || /\.json$/.test(f));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      if (f === 'schema.json') continue;
      const file = join(dir, f);
      const r = loadPack(readFileSync(file, 'utf8'), file);
      if (!r.ok) {
        console.error(`classroom: ${file} does not load (${r.problems[0]?.message ?? 'unknown problem'}); skipped`);
        continue;
      }
      for (const s of r.value.scenarios) if (!found.has(s.id)) found.set(s.id, { id: s.id, title: s.title, file, scenario: s });
    }
  }
  shipped = found;
  return found;
}

export type PackParse = { ok: true; scenarios: Scenario[] } | { ok: false; problems: { message: string; line?: number; column?: number; path: string }[] };

/** The tsx loader inside the worker (Node 20 does not pass `--import tsx` on to worker threads). */
function workerSource(): { source: string; eval: boolean } {
  const here = fileURLToPath(import.meta.url);
  const js = here.replace(/scenarios\.ts$/, 'packWorker.js');
  if (here.endsWith('.js')) return { source: js, eval: false };
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(dirname(here), 'packWorker.ts')).href;
  return { source: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

let running = 0;
const waiting: (() => void)[] = [];
/** Packs parsed at once: the others wait their turn (the machine has few cores). */
const MAX_PARALLEL = 2;

/**
 * Parse an uploaded pack in a worker thread; refuse text over `MAX_UPLOAD_CHARS` before parsing, and
 * end the worker after `timeoutMs` or when it exceeds its memory limit.
 */
export async function parsePackIsolated(text: string, timeoutMs = 10_000): Promise<PackParse> {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, problems: [{ message: 'the pack is empty', path: '' }] };
  if (text.length > MAX_UPLOAD_CHARS) return { ok: false, problems: [{ message: `the pack is larger than ${MAX_UPLOAD_CHARS} characters`, path: '' }] };
  if (running >= MAX_PARALLEL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await runWorker(text, timeoutMs);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runWorker(text: string, timeoutMs: number): Promise<PackParse> {
  const { source, eval: isEval } = workerSource();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: PackParse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(source, {
      eval: isEval,
      workerData: { text },
      resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(
      () => finish({ ok: false, problems: [{ message: `the pack took longer than ${Math.round(timeoutMs / 1000)} s to check`, path: '' }] }),
      timeoutMs,
    );
    worker.on('message', (m: PackParse) => finish(m));
    worker.on('error', (e) =>
      finish({ ok: false, problems: [{ message: `the pack could not be checked: ${String(e?.message ?? e).slice(0, 200)}`, path: '' }] }),
    );
    worker.on('exit', () => finish({ ok: false, problems: [{ message: 'the pack could not be checked', path: '' }] }));
  });
}
