/**
 * The in-game import reads a pack off the page's thread with a time limit (packLibrary's worker
 * checker). Vitest has no Web Workers, so a stand-in worker answers as packWorker.ts does, or
 * stalls, or dies; the library must give up in time, end the stalled worker, store nothing, and
 * carry on with a fresh worker.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore } from 'idb-keyval';
import { loadPack } from '../../src/scenario/pack';
import { PackLibrary, workerPackChecker, checkPackInPlace, defaultPackChecker } from '../../src/store/packLibrary';
import type { PackWorkerRequest, PackWorkerResponse } from '../../src/store/packWorker';
import { fixture } from './helpers';

const yaml = fixture('valid-pack.yaml');

type Behaviour = 'answer' | 'stall' | 'crash' | 'garble';

class FakeWorker {
  onmessage: ((ev: MessageEvent<PackWorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received = 0;
  constructor(private readonly behaviour: () => Behaviour) {}
  postMessage(req: PackWorkerRequest) {
    this.received++;
    const how = this.behaviour();
    setTimeout(() => {
      if (this.terminated) return;
      if (how === 'answer') this.onmessage?.({ data: { id: req.id, result: loadPack(req.source, req.fileName) } } as MessageEvent<PackWorkerResponse>);
      if (how === 'crash') this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
      if (how === 'garble') this.onmessageerror?.();
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}

function harness(script: Behaviour[], timeoutMs = 200) {
  const workers: FakeWorker[] = [];
  let call = 0;
  const check = workerPackChecker(() => {
    const w = new FakeWorker(() => script[Math.min(call++, script.length - 1)]!);
    workers.push(w);
    return w as unknown as Worker;
  }, timeoutMs);
  return { check, workers };
}

let n = 0;
const library = (check: ReturnType<typeof harness>['check']) => new PackLibrary(createStore(`third-side-import-${++n}`, 'packs'), check);

describe('pack reading in a worker, with a time limit', () => {
  it('a worker that answers: the same result as reading in place, and one worker reused', async () => {
    const { check, workers } = harness(['answer']);
    const r = await check(yaml, 'p.yaml');
    expect(r).toEqual(await checkPackInPlace(yaml, 'p.yaml'));
    await check('pack: [oops', 'bad.yaml');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toBe(2);
  });

  it('a worker that stalls is ended at the limit; the pack is refused as too slow and nothing is stored', async () => {
    const { check, workers } = harness(['stall', 'answer']);
    const lib = library(check);
    const t0 = Date.now();
    const r = await lib.import(yaml, 'slow.yaml');
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.timedOut).toBe(true);
      expect(r.problems.join('\n')).toMatch(/took too long to read/);
    }
    expect(workers[0]!.terminated).toBe(true);
    expect(await lib.list()).toEqual([]);
    // The next import gets a fresh worker and succeeds.
    const again = await lib.import(yaml, 'p.yaml');
    expect(again.ok).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('requests queue: each one gets its own full time, in order', async () => {
    const { check } = harness(['answer', 'answer', 'answer']);
    const results = await Promise.all([check(yaml, 'a.yaml'), check('[', 'b.yaml'), check(yaml, 'c.yaml')]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('a worker that dies or garbles its answer: a readable refusal, never a hang or a throw', async () => {
    for (const how of ['crash', 'garble'] as const) {
      const { check, workers } = harness([how]);
      const r = await check(yaml, 'p.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toMatch(/could not be read/);
      expect(workers[0]!.terminated).toBe(true);
    }
  });

  it('a worker that cannot start: a readable refusal', async () => {
    const check = workerPackChecker(() => {
      throw new Error('workers are blocked here');
    });
    const r = await check(yaml, 'p.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/workers are blocked here/);
  });

  it('a stored pack that has become too slow to read is reported as broken, flagged timedOut', async () => {
    const { check } = harness(['answer', 'stall']);
    const lib = library(check);
    expect((await lib.import(yaml, 'p.yaml')).ok).toBe(true);
    const { entries, broken } = await lib.entries();
    expect(entries).toEqual([]);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ id: 'harbour-talks', timedOut: true });
  });

  it('outside a browser (Vitest, Node) the pack is read in place', () => {
    expect(defaultPackChecker()).toBe(checkPackInPlace);
  });
});
