/**
 * The pack library: scenario packs a trainee or instructor imported in the game, kept in
 * IndexedDB (idb-keyval). A pack is stored as its source text and checked again by `loadPack`
 * every time it is read, so nothing unchecked ever reaches the engine. Removing a pack touches
 * nothing else: saves refer to "pack:<packId>:<scenarioId>", and a save whose pack is gone says so.
 *
 * In a browser the checking runs in a Web Worker (packWorker.ts) with a time limit: a large or
 * hostile file can neither freeze the page nor keep it waiting; past the limit the worker is ended
 * and the pack is refused as too slow to read. Outside a browser (tests, Node) it runs in place.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { Pack } from '../scenario/packData';
import { formatProblem, type LoadProblem, type LoadResult } from '../scenario/problems';
import { entryOf, packKey, type ScenarioEntry } from './scenarios';
import type { PackWorkerRequest, PackWorkerResponse } from './packWorker';

export interface StoredPack {
  id: string;
  title: string;
  version: string;
  fileName: string;
  scenarios: string[];
  importedAt: number;
  source: string;
}

export type ImportResult = { ok: true; pack: StoredPack; replaced: boolean; warnings: string[] } | { ok: false; problems: string[]; timedOut?: true };

/** How long reading one pack may take before it is given up (milliseconds). */
export const PACK_READ_TIMEOUT_MS = 10_000;
/** An idle worker is ended after this long, and started again when needed. */
const WORKER_IDLE_MS = 30_000;

/** What checking a pack says: the loader's result, or that it ran out of time. */
export type PackCheck = LoadResult<Pack> | { ok: false; timedOut: true; problems: LoadProblem[] };
export type PackChecker = (source: string, fileName: string) => Promise<PackCheck>;

const tooSlow = (timeoutMs: number): PackCheck => ({
  ok: false,
  timedOut: true,
  problems: [
    {
      path: [],
      severity: 'error',
      message: `the pack took too long to read (more than ${Math.round(timeoutMs / 1000)} s) and was not checked`,
      hint: 'a pack is a few hundred kilobytes of plain YAML or JSON; check that this is the right file',
    },
  ],
});

const unreadable = (why: string): PackCheck => ({
  ok: false,
  problems: [{ path: [], severity: 'error', message: `the pack could not be read: ${why.slice(0, 200)}` }],
});

/** Check in place, on the calling thread: for tests and Node, where there is no page to freeze. The loader (and its YAML parser) loads on first use. */
export const checkPackInPlace: PackChecker = async (source, fileName) => (await import('../scenario/pack')).loadPack(source, fileName);

/**
 * Check in a Web Worker, one pack at a time, each within `timeoutMs`: a pack that takes longer
 * ends the worker (a new one starts for the next pack) and comes back as `timedOut`.
 */
export function workerPackChecker(
  makeWorker: () => Worker = () => new Worker(new URL('./packWorker.ts', import.meta.url), { type: 'module' }),
  timeoutMs = PACK_READ_TIMEOUT_MS,
): PackChecker {
  let worker: Worker | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const run = (source: string, fileName: string) =>
    new Promise<PackCheck>((resolve) => {
      clearTimeout(idle);
      let w: Worker;
      try {
        w = worker ??= makeWorker();
      } catch (e) {
        resolve(unreadable(String((e as Error)?.message ?? e)));
        return;
      }
      const id = nextId++;
      const finish = (result: PackCheck, keep: boolean) => {
        clearTimeout(timer);
        w.onmessage = null;
        w.onerror = null;
        w.onmessageerror = null;
        if (keep) idle = setTimeout(stop, WORKER_IDLE_MS);
        else stop();
        resolve(result);
      };
      const timer = setTimeout(() => finish(tooSlow(timeoutMs), false), timeoutMs);
      w.onmessage = (ev: MessageEvent<PackWorkerResponse>) => {
        if (ev.data?.id !== id) return;
        finish('error' in ev.data ? unreadable(ev.data.error) : ev.data.result, true);
      };
      w.onerror = (ev: ErrorEvent) => {
        ev.preventDefault?.();
        finish(unreadable(ev.message || 'the reader stopped'), false);
      };
      w.onmessageerror = () => finish(unreadable('the reader sent back something unreadable'), false);
      const request: PackWorkerRequest = { id, source, fileName };
      w.postMessage(request);
    });

  return (source, fileName) => {
    const result = queue.then(() => run(source, fileName));
    queue = result.catch(() => undefined);
    return result;
  };
}

/** A worker in a browser; in place where there are no workers (Vitest, Node). */
export function defaultPackChecker(): PackChecker {
  return typeof Worker === 'function' && typeof window !== 'undefined' ? workerPackChecker() : checkPackInPlace;
}

/** A stored pack that no longer checks out (or took too long to read), with why. */
export interface BrokenPack {
  id: string;
  title: string;
  problems: string[];
  timedOut?: true;
}

export class PackLibrary {
  private readonly db: UseStore;
  private readonly check: PackChecker;

  constructor(db?: UseStore, check?: PackChecker) {
    this.db = db ?? createStore('third-side', 'packs');
    this.check = check ?? defaultPackChecker();
  }

  /**
   * Check a pack file and keep it when valid; an invalid one changes nothing. A pack too slow to
   * read comes back with `timedOut`. Rejects only when storage fails.
   */
  async import(source: string, fileName = 'pack.yaml', now = Date.now()): Promise<ImportResult> {
    const r = await this.check(source, fileName);
    if (!r.ok) return { ok: false, problems: r.problems.map((p) => formatProblem(p, fileName)), ...('timedOut' in r ? { timedOut: true as const } : {}) };
    const meta = r.value.pack;
    const pack: StoredPack = {
      id: meta.id,
      title: meta.title,
      version: meta.version,
      fileName,
      scenarios: r.value.scenarios.map((s) => s.id),
      importedAt: now,
      source,
    };
    const replaced = (await get(meta.id, this.db)) !== undefined;
    await set(meta.id, pack, this.db);
    return { ok: true, pack, replaced, warnings: r.warnings.map((p) => formatProblem(p, fileName)) };
  }

  async list(): Promise<StoredPack[]> {
    const ids = (await keys(this.db)).map(String).sort();
    const out: StoredPack[] = [];
    for (const id of ids) {
      const p = (await get(id, this.db)) as StoredPack | undefined;
      if (p && typeof p.source === 'string') out.push(p);
    }
    return out;
  }

  async remove(id: string): Promise<void> {
    await del(id, this.db);
  }

  /** The scenarios of every stored pack that still checks out (others are reported, not offered). */
  async entries(): Promise<{ entries: ScenarioEntry[]; broken: BrokenPack[] }> {
    const entries: ScenarioEntry[] = [];
    const broken: BrokenPack[] = [];
    for (const p of await this.list()) {
      const r = await this.check(p.source, p.fileName);
      if (!r.ok) {
        broken.push({
          id: p.id,
          title: p.title,
          problems: r.problems.slice(0, 5).map((x) => formatProblem(x, p.fileName)),
          ...('timedOut' in r ? { timedOut: true as const } : {}),
        });
        continue;
      }
      for (const s of r.value.scenarios) entries.push(entryOf(s, { key: packKey(p.id, s.id), source: 'pack', packId: p.id, packTitle: p.title }, r.value.pack));
    }
    return { entries, broken };
  }
}
