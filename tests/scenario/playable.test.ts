/**
 * Every shipped pack (scenarios/ and its subfolders) loads without errors and every scenario in it
 * plays to an end (concluded or collapsed) with each bot policy.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../../src/scenario/pack';
import { playGame, POLICIES } from '../../src/sim/bots';
import { isOver } from '../../src/sim/game';

function packFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return packFiles(path);
    return /\.(ya?ml|json)$/.test(name) && name !== 'schema.json' ? [path] : [];
  });
}

const files = packFiles('scenarios');

describe('shipped packs', () => {
  it('there are the tutorial, the flagship and the four other historical rounds', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`${file} loads and every scenario plays to an end under every policy`, () => {
      const r = loadPack(readFileSync(file, 'utf8'), file);
      expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
      if (!r.ok) return;
      for (const scenario of r.value.scenarios) {
        for (const policy of POLICIES) {
          const game = playGame(scenario, { seed: 11, policy });
          expect(game.ok).toBe(true);
          expect(isOver(game.game), `${scenario.id} with ${policy} did not end`).toBe(true);
        }
      }
    });
  }
});
