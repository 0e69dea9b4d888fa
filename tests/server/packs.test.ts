/** Uploaded packs are parsed in a worker thread, bounded in size and time. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePackIsolated } from '../../src/server/scenarios';

describe('parsePackIsolated', () => {
  it('loads a good pack with the same loader as pack validate', async () => {
    const r = await parsePackIsolated(readFileSync('scenarios/tutorial.yaml', 'utf8'));
    expect(r.ok && r.scenarios.map((s) => s.id)).toEqual(['tutorial']);
  });

  it('ends the worker when the time limit passes, and says so', async () => {
    const r = await parsePackIsolated(readFileSync('scenarios/venezuela-2019.yaml', 'utf8'), 1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.message).toMatch(/took longer than/);
  });

  it('refuses text over the size limit before parsing', async () => {
    const r = await parsePackIsolated('x'.repeat(1_000_001));
    expect(!r.ok && r.problems[0]!.message).toMatch(/larger than/);
  });
});
