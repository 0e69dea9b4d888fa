/**
 * Golden test of the flagship: a fixed seed and policy must keep giving the same game. A change to
 * the rules or the scenario that alters it must be deliberate: rerun with UPDATE_GOLDEN=1 and
 * review the diff of the JSON file in the commit.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { playGame, runSummary, type PolicyId } from '../../src/sim/bots';
import { loadSave, toSave } from '../../src/sim/save';
import { stateHash } from '../../src/sim/game';

const scenario = (() => {
  const r = loadScenario(readFileSync('scenarios/venezuela-2019.yaml', 'utf8'));
  if (!r.ok) throw new Error('flagship does not load');
  return r.value;
})();

const CASES: { policy: PolicyId; seed: number }[] = [
  { policy: 'by-the-book', seed: 7 },
  { policy: 'greedy', seed: 7 },
  { policy: 'random', seed: 7 },
];

describe('flagship golden runs', () => {
  for (const c of CASES) {
    it(`${c.policy}, seed ${c.seed}, plays exactly as recorded`, () => {
      const r = playGame(scenario, { seed: c.seed, policy: c.policy });
      const summary = runSummary(r.game, c.policy);
      const file = `tests/golden/venezuela-2019.${c.policy}.seed${c.seed}.json`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden`).toBe(true);
      expect(summary).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      // The save of that game replays to the same state.
      const loaded = loadSave(JSON.stringify(toSave(r.game)), scenario);
      expect(loaded.ok && stateHash(loaded.game)).toBe(summary.stateHash);
    });
  }
});
