/**
 * Early walk-outs (issue 12, item 2): the validator warns when a party would walk out at the end of
 * turn 1, says which rule and gives the numbers; its arithmetic is the engine's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/scenario/pack';
import { turnOneStandings } from '../../src/scenario/walkOut';
import { createGame, worldOf } from '../../src/sim/game';
import { processPromise } from '../../src/sim/rules/turn';
import { playGame } from '../../src/sim/bots';
import { edit, fixture, problemAt, problemsOf } from './helpers';

const yaml = fixture('valid-pack.yaml');
const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const shipped = ['tutorial.yaml', 'venezuela-2019.yaml', ...readdirSync(`${scenariosDir}historical`).map((f) => `historical/${f}`)];

const scenarioOf = (text: string) => {
  const r = loadPack(text, 'p.yaml');
  if (!r.ok) throw new Error('invalid');
  return r.value.scenarios[0]!;
};
/** The turn of the first walk-out of each of a few by-the-book games (the engine's log; 0 for none). */
function firstWalkOuts(text: string, seeds = 5): number[] {
  const s = scenarioOf(text);
  const turns: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const w = worldOf(playGame(s, { seed, policy: 'by-the-book' }).game);
    turns.push(w.log.find((e) => e.kind === 'event' && e.effect.kind === 'walkOut')?.turn ?? 0);
  }
  return turns;
}

describe('walk-outs in the first turn', () => {
  it("computes the promise as the engine's processPromise does, for every shipped scenario", () => {
    for (const file of shipped) {
      const r = loadPack(readFileSync(`${scenariosDir}${file}`, 'utf8'), file);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const s of r.value.scenarios) {
        const w = worldOf(createGame(s, { seed: 1 }));
        for (const st of turnOneStandings(s)) {
          expect(st.promise, `${file} ${st.party}`).toBeCloseTo(processPromise(w, st.party), 1);
          expect(st.batna).toBeCloseTo(w.parties[st.party]!.batna, 1);
        }
      }
    }
  });

  it('no shipped scenario and not the worked example is warned about', () => {
    for (const file of shipped) {
      const r = loadPack(readFileSync(`${scenariosDir}${file}`, 'utf8'), file);
      expect(problemsOf(r).filter((p) => /walk/.test(p.message))).toEqual([]);
    }
    expect(problemsOf(loadPack(yaml))).toEqual([]);
  });

  it('a BATNA above the promise by more than walkOutMargin: a warning with the rule and its numbers — and the engine agrees', () => {
    const strong = edit(yaml, '        domesticStrength: 42\n        intent', '        domesticStrength: 55\n        intent');
    const r = loadPack(strong);
    expect(r.ok).toBe(true);
    const p = problemAt(r, 'scenarios[0].parties[0].domesticStrength', 'warning');
    expect(p.message).toBe(
      'party "gov" walks out at the end of turn 1, before the mediator can act: its BATNA 61 (domesticStrength 55 + 6 from outside support) exceeds what the process promises it, 42 (30 + 0.3 × trustInMediator 40; progress and incentives are 0 at the start) by 19, more than walkOutMargin 10',
    );
    expect(p.hint).toMatch(/BATNA − promise > walkOutMargin/);
    expect(p.hint).toMatch(/lower domesticStrength to 46 or less .* raise trustInMediator to 70 or more, or raise thresholds\.walkOutMargin to 19 or more/);
    // Each fix the hint names is exactly enough.
    for (const fix of [
      ['        domesticStrength: 55\n        intent', '        domesticStrength: 46\n        intent'],
      [
        '        trustInMediator: 40\n        commitment: 40\n        cohesion: 60\n        trustIn: { opp: 25 }',
        '        trustInMediator: 70\n        commitment: 40\n        cohesion: 60\n        trustIn: { opp: 25 }',
      ],
      ['    thresholds:\n      monitoringTurns: 3', '    thresholds:\n      monitoringTurns: 3\n      walkOutMargin: 19'],
    ] as const) {
      const fixed = problemsOf(loadPack(edit(strong, fix[0], fix[1]))).filter((x) => /walks out at the end of turn 1/.test(x.message));
      expect(fixed, fix[1]).toEqual([]);
    }
    // What the warning predicts happens: every game is suspended at the end of turn 1.
    expect(firstWalkOuts(strong)).toEqual([1, 1, 1, 1, 1]);
    expect(firstWalkOuts(yaml).filter((t) => t === 1)).toEqual([]);
  });

  it('a party within 3 points of the line is warned too', () => {
    const close = edit(yaml, '        domesticStrength: 42\n        intent', '        domesticStrength: 44\n        intent');
    const p = problemAt(loadPack(close), 'scenarios[0].parties[0].domesticStrength', 'warning');
    expect(p.message).toMatch(/^party "gov" is 2 points from walking out from turn 1: its BATNA 50 /);
  });

  it('commitment below 20 after the first turn: a warning naming that rule', () => {
    const low = edit(
      yaml,
      '        commitment: 40\n        cohesion: 60\n        trustIn: { opp: 25 }',
      '        commitment: 15\n        cohesion: 60\n        trustIn: { opp: 25 }',
    );
    const p = problemAt(loadPack(low), 'scenarios[0].parties[0].commitment', 'warning');
    expect(p.message).toMatch(/walks out at the end of turn 1: its commitment 15 is still 15\.4 after the turn's drift, below 20/);
  });
});
