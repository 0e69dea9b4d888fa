/**
 * The debrief summary (what the balance analyzer keeps of each bot game) must say exactly what the
 * full debrief says: same outcome, furthest phase, score and committed sins, on every kind of run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/scenario/pack';
import { playGame } from '../../src/sim/bots/play';
import { POLICIES } from '../../src/sim/bots/policies';
import { worldOf } from '../../src/sim/game';
import { computeDebrief, debriefSummary, type DebriefSummary } from '../../src/sim/debrief';
import type { Difficulty, Scenario, World } from '../../src/sim/types';
import { Play, soundPlay } from './debriefFixtures';

const root = new URL('../../scenarios/', import.meta.url);
const FILES = [
  'tutorial.yaml',
  'venezuela-2019.yaml',
  ...readdirSync(new URL('historical/', root))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `historical/${f}`),
];
/** A handful of seeds, and the other difficulties, for runs that end in different ways. */
const RUNS: { seed: number; difficulty: Difficulty }[] = [
  { seed: 1, difficulty: 'standard' },
  { seed: 2, difficulty: 'standard' },
  { seed: 3, difficulty: 'standard' },
  { seed: 4, difficulty: 'hard' },
  { seed: 5, difficulty: 'easy' },
];

function fromFull(scenario: Scenario, world: World): DebriefSummary {
  const d = computeDebrief(scenario, world);
  return { outcome: d.outcome, phaseReached: d.phaseReached, score: d.score, sins: d.sins.filter((s) => s.committed).map((s) => s.id) };
}

/** Every scenario of every shipped file (a pack may hold several). */
const SCENARIOS = FILES.flatMap((file) => {
  const r = loadPack(readFileSync(new URL(file, root), 'utf8'), file);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.value.scenarios.map((s): [string, Scenario] => [`${file} ${s.id}`, s]);
});

describe.each(SCENARIOS)('debrief summary on %s', (_, scenario) => {
  it.each(POLICIES)('%s bot: equals the full debrief', (policy) => {
    for (const { seed, difficulty } of RUNS) {
      const game = playGame(scenario, { seed, policy, difficulty }).game;
      const world = worldOf(game);
      expect(debriefSummary(game.scenario, world), `seed ${seed} (${difficulty})`).toEqual(fromFull(game.scenario, world));
    }
  });
});

describe('debrief summary on scripted runs', () => {
  it('equals the full debrief for a sound run and for a sinful one', () => {
    const sinful = new Play().caucus('gov', 'gov', 'gov', 'gov').move({ type: 'publicStatement', tone: 'optimistic' }).idle(5);
    for (const p of [soundPlay(), sinful]) expect(debriefSummary(p.scenario, p.world)).toEqual(fromFull(p.scenario, p.world));
    expect(debriefSummary(sinful.scenario, sinful.world).sins.length).toBeGreaterThan(0);
    expect(debriefSummary(soundPlay().scenario, soundPlay().world).sins).toEqual([]);
  });
});
