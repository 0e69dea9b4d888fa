/**
 * `npm run sim -- --json --trace` (issue 12, item 2): per-turn meters, and the reason for each
 * walk-out, refusal and stall, with the numbers of the rule that decided it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/scenario/pack';
import { traceGame, traceLines } from '../../src/scenario/trace';
import { playGame } from '../../src/sim/bots';
import { createGame, replay, worldOf } from '../../src/sim/game';
import { processPromise } from '../../src/sim/rules/turn';
import { edit, fixture } from './helpers';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const yaml = fixture('valid-pack.yaml');
const strong = edit(yaml, '        domesticStrength: 42\n        intent', '        domesticStrength: 55\n        intent');
const scenarioOf = (text: string) => {
  const r = loadPack(text);
  if (!r.ok) throw new Error('invalid');
  return r.value.scenarios[0]!;
};

describe('traceGame', () => {
  it('names the walk-out rule with its numbers, and the ending', () => {
    const g = playGame(scenarioOf(strong), { seed: 1, policy: 'by-the-book' }).game;
    const t = traceGame(g);
    const first = t.trace[0]!;
    expect(first.turn).toBe(1);
    expect(first.parties.gov).toMatchObject({ batna: 61, seat: 'walkedOut' });
    expect(first.walkOuts[0]).toEqual({
      party: 'gov',
      reason: expect.stringMatching(
        /^BATNA 61 exceeds what the process promises it, 4\d(\.\d)? \(30 \+ 0\.3 × trust \d+ \+ 30 × progress 0 \+ incentive 0\), by \d+(\.\d)?: more than walkOutMargin 10$/,
      ),
    });
    expect(t.trace.length).toBe(worldOf(g).series.length);
    expect(t.ending).toMatch(/^collapsed/);
    expect(traceLines(t).join('\n')).toMatch(/walk-out: gov: BATNA 61/);
  });

  it("its promise is the engine's processPromise at every turn's close", () => {
    const s = scenarioOf(yaml);
    const g = playGame(s, { seed: 2, policy: 'by-the-book' }).game;
    const t = traceGame(g);
    // Replay to each turn's close and ask the engine.
    let n = 0;
    for (let i = 1; i <= g.commands.length && n < t.trace.length; i++) {
      const r = replay(s, worldOf(g).options, g.commands.slice(0, i));
      if (!r.ok) throw new Error('replay');
      const w = worldOf(r.game);
      if (w.series.length !== n + 1) continue;
      for (const id of Object.keys(w.parties)) expect(t.trace[n]!.parties[id]!.promise, `turn ${n + 1} ${id}`).toBeCloseTo(processPromise(w, id), 1);
      n++;
    }
    expect(n).toBe(t.trace.length);
  });

  it('lists refusals in the party’s words and the unmet criteria of a stalled phase', () => {
    const s = scenarioOf(yaml);
    const traces = [1, 2, 3, 4, 5, 6].map((seed) => traceGame(playGame(s, { seed, policy: 'greedy' }).game));
    const all = traces.flatMap((t) => t.trace);
    expect(all.some((x) => x.unmet.length > 0)).toBe(true);
    expect(all.every((x) => x.unmet.every((u) => typeof u === 'string' && u.length > 0))).toBe(true);
    const refusals = all.flatMap((x) => x.refusals);
    for (const r of refusals) expect(r.reason.length).toBeGreaterThan(0);
    for (const t of traces) expect(t.ending).toMatch(/^(concluded|collapsed)/);
    // A game that ran out of time says in which phase and what was never met.
    const expired = traces.find((t) => /turn limit/.test(t.ending));
    if (expired) expect(expired.ending).toMatch(/never met: /);
  });

  it('does not change the game it reads', () => {
    const g = playGame(scenarioOf(yaml), { seed: 4, policy: 'by-the-book' }).game;
    const before = JSON.stringify(worldOf(g).series);
    traceGame(g);
    expect(JSON.stringify(worldOf(g).series)).toBe(before);
    expect(createGame(g.scenario).world.turn).toBe(1);
  });
});

describe('npm run sim -- --json --trace', () => {
  it('prints one JSON line per game with the trace and the ending', () => {
    const dir = mkdtempSync(join(tmpdir(), 'third-side-trace-'));
    const file = join(dir, 'strong.yaml');
    writeFileSync(file, strong);
    const r = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--scenario', file, '--json', '--trace', '--runs', '2'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const game of lines) {
      expect(game).toMatchObject({ outcome: expect.any(String), ending: expect.any(String) });
      expect(game.trace[0].parties.gov).toMatchObject({
        trustInMediator: expect.any(Number),
        commitment: expect.any(Number),
        cohesion: expect.any(Number),
        batna: 61,
        promise: expect.any(Number),
      });
      expect(game.trace[0].walkOuts[0].reason).toMatch(/walkOutMargin 10/);
    }
  });
});
