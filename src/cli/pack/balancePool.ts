/**
 * The balance analyzer's worker pool: one worker thread per core, each holding the scenarios, fed
 * batches of seeds from one queue (whoever is free takes the next batch, so both cores stay busy
 * to the end).
 *
 * Workers run the TypeScript engine one of two ways:
 *  - bundle: esbuild bundles src/cli/pack/balanceWorker.ts and the engine into one ES module under
 *    node_modules/.cache/third-side/ (rebuilt only when a source file changed). Plain JavaScript,
 *    no per-function `__name` wrappers, no loader in the worker; measured faster (see
 *    scenarios/README.md §8 and `npm run bench:balance`).
 *  - tsx: the worker registers tsx's loader and imports the .ts file, as the CLI itself runs.
 * `auto` uses the bundle and falls back to tsx when esbuild is missing or fails.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Scenario } from '../../scenario/schema';
import type { EncodedBatch, Job } from './balanceGames';
import type { WorkerReply } from './balanceWorker';

export type EngineMode = 'bundle' | 'tsx';
export type EngineChoice = EngineMode | 'auto';

export interface PoolOptions {
  scenarios: Scenario[];
  /** Worker threads; default one per core. */
  workers?: number;
  engine?: EngineChoice;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER_TS = fileURLToPath(new URL('./balanceWorker.ts', import.meta.url));
export const BUNDLE_DIR = join(REPO, 'node_modules', '.cache', 'third-side');
export const BUNDLE_FILE = join(BUNDLE_DIR, 'balance-worker.mjs');
const MANIFEST_FILE = join(BUNDLE_DIR, 'balance-worker.json');

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

interface Manifest {
  esbuild: string;
  inputs: Record<string, [mtimeMs: number, size: number]>;
}

function bundleIsFresh(esbuildVersion: string): boolean {
  try {
    const m = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
    if (m.esbuild !== esbuildVersion) return false;
    statSync(BUNDLE_FILE);
    for (const [file, [mtime, size]] of Object.entries(m.inputs)) {
      const st = statSync(resolve(REPO, file));
      if (st.mtimeMs !== mtime || st.size !== size) return false;
    }
    return Object.keys(m.inputs).length > 0;
  } catch {
    return false;
  }
}

/**
 * Bundle the worker with esbuild unless an up-to-date bundle is cached. Returns the bundle's path
 * and whether it was (re)built. Throws if esbuild is not installed or the build fails.
 */
export async function ensureBundle(force = false): Promise<{ file: string; built: boolean; ms: number }> {
  const t0 = performance.now();
  const esbuild = await import('esbuild');
  if (!force && bundleIsFresh(esbuild.version)) return { file: BUNDLE_FILE, built: false, ms: performance.now() - t0 };
  mkdirSync(BUNDLE_DIR, { recursive: true });
  // Build to a private name and rename, so two runs at once never read a half-written file.
  const tmp = join(BUNDLE_DIR, `balance-worker.${process.pid}.${Date.now()}.mjs`);
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [WORKER_TS],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: false,
    minify: false,
    metafile: true,
    logLevel: 'silent',
    // CommonJS dependencies may require() Node built-ins; give the ES module a require.
    banner: { js: "import { createRequire as __balanceRequire } from 'node:module'; const require = __balanceRequire(import.meta.url);" },
  });
  renameSync(tmp, BUNDLE_FILE);
  const inputs: Manifest['inputs'] = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const st = statSync(resolve(REPO, file));
    inputs[relative(REPO, resolve(REPO, file))] = [st.mtimeMs, st.size];
  }
  writeFileSync(MANIFEST_FILE, JSON.stringify({ esbuild: esbuild.version, inputs } satisfies Manifest));
  return { file: BUNDLE_FILE, built: true, ms: performance.now() - t0 };
}

/**
 * A TypeScript worker: Node 20 does not pass ESM loader flags (`--import tsx`) on to worker threads
 * (nodejs/node#47747), so a small JavaScript bootstrap registers tsx inside the worker and then
 * imports the worker module.
 */
function tsxBootstrap(): string {
  // The ES module build of tsx's API (require.resolve would give the CommonJS one, which fails here).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(WORKER_TS).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

interface Pending {
  job: Job;
  resolve: (b: EncodedBatch) => void;
  reject: (e: Error) => void;
}

export class BalancePool {
  readonly mode: EngineMode;
  readonly size: number;
  /** Why `auto` fell back to tsx, if it did. */
  readonly fallbackReason: string | undefined;
  /** Whether the bundle was rebuilt for this run, and how long preparing the engine took. */
  readonly bundleBuilt: boolean;
  readonly prepareMs: number;

  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private closed = false;

  private constructor(
    mode: EngineMode,
    size: number,
    fallbackReason: string | undefined,
    bundleBuilt: boolean,
    prepareMs: number,
    entry: URL | string,
    scenarios: Scenario[],
  ) {
    this.mode = mode;
    this.size = size;
    this.fallbackReason = fallbackReason;
    this.bundleBuilt = bundleBuilt;
    this.prepareMs = prepareMs;
    for (let i = 0; i < size; i++) {
      const w = new Worker(entry, { workerData: { scenarios }, eval: typeof entry === 'string' });
      w.on('message', (m: WorkerReply) => this.onReply(w, m));
      w.on('error', (e) => this.fail(new Error(`a balance worker failed: ${e?.message ?? String(e)}`)));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a balance worker stopped unexpectedly (exit code ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  static async start(opts: PoolOptions): Promise<BalancePool> {
    const size = Math.max(1, opts.workers ?? defaultWorkers());
    const choice = opts.engine ?? 'auto';
    const t0 = performance.now();
    if (choice !== 'tsx') {
      try {
        const b = await ensureBundle();
        return new BalancePool('bundle', size, undefined, b.built, performance.now() - t0, pathToFileURL(b.file), opts.scenarios);
      } catch (e) {
        if (choice === 'bundle') throw new Error(`cannot bundle the engine with esbuild: ${(e as Error)?.message ?? String(e)}`, { cause: e });
        const reason = `esbuild unavailable (${((e as Error)?.message ?? String(e)).split('\n')[0]}); running the engine under tsx`;
        return new BalancePool('tsx', size, reason, false, performance.now() - t0, tsxBootstrap(), opts.scenarios);
      }
    }
    return new BalancePool('tsx', size, undefined, false, performance.now() - t0, tsxBootstrap(), opts.scenarios);
  }

  /** Queue a batch; resolves with its games in seed order. */
  run(job: Omit<Job, 'id'>): Promise<EncodedBatch> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.closed) return reject(new Error('the balance pool is closed'));
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.running.set(w, p);
      w.postMessage(p.job);
    }
  }

  private onReply(w: Worker, m: WorkerReply): void {
    const p = this.running.get(w);
    if (!p || p.job.id !== m.id) return;
    this.running.delete(w);
    this.idle.push(w);
    if (m.ok) p.resolve(m.batch);
    else this.fail(new Error(m.message));
    this.pump();
  }

  private fail(e: Error): void {
    if (this.failure || this.closed) return;
    this.failure = e;
    for (const p of this.running.values()) p.reject(e);
    for (const p of this.queue.splice(0)) p.reject(e);
    this.running.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
