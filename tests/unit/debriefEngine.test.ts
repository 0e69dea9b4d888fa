/**
 * The debrief on real engine runs (bot mediators on the shipped scenarios): it must accept any
 * world the engine produces, stay deterministic, and only emit catalogued messages with evidence
 * inside the game.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { playGame } from '../../src/sim/bots/play';
import { worldOf } from '../../src/sim/game';
import { computeDebrief, DEBRIEF_MESSAGES } from '../../src/sim/debrief';
import type { Scenario } from '../../src/sim/types';

function scenario(file: string): Scenario {
  const r = loadScenario(readFileSync(new URL(`../../scenarios/${file}.yaml`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.value;
}

describe.each(['tutorial', 'venezuela-2019'])('debrief of bot games on %s', (file) => {
  const s = scenario(file);
  it.each(['random', 'greedy', 'by-the-book'] as const)('%s: well-formed, catalogued, deterministic', (policy) => {
    for (const seed of [1, 2]) {
      const world = worldOf(playGame(s, { policy, seed }).game);
      const d = computeDebrief(s, world);
      expect(computeDebrief(s, world)).toEqual(d);
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.series.turns).toHaveLength(world.series.length);
      for (const party of Object.keys(world.parties)) expect(d.series.parties[party]!.commitment).toHaveLength(world.series.length);
      if (d.agreement) {
        expect(d.agreement.quality).toBeLessThanOrEqual(1);
        expect(d.agreement.balance).toBeGreaterThanOrEqual(0);
        expect(d.agreement.balance).toBeLessThanOrEqual(1);
      }
      for (const sin of d.sins) {
        expect(sin.committed).toBe(sin.evidence.length > 0);
        for (const t of sin.evidenceTurns) {
          expect(t).toBeGreaterThanOrEqual(1);
          expect(t).toBeLessThanOrEqual(d.turnsPlayed);
        }
      }
      for (const m of [...d.sins.flatMap((x) => [...x.evidence, x.better]), ...d.hallmarks.map((h) => h.evidence)]) {
        const template = DEBRIEF_MESSAGES[m.key];
        expect(template, m.key).toBeTypeOf('string');
        for (const [, name] of template!.matchAll(/\{\{(\w+)\}\}/g)) expect(m.params ?? {}, `${m.key}: ${name}`).toHaveProperty(name!);
      }
    }
  });
});
