/**
 * The debrief walks the instructor's events list (MSEL): an expected response made in time is
 * marked met; one that never comes is marked missed and its contingency fires.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { applyCommand, createGame, worldOf, type Game } from '../../src/sim/game';
import { computeDebrief } from '../../src/sim/debrief';
import type { Command, MediatorCommand } from '../../src/sim/types';

const scenario = (() => {
  const r = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'));
  if (!r.ok) throw new Error('tutorial does not load');
  return r.value;
})();

function play(commands: MediatorCommand[]): Game {
  let g = createGame(scenario, { seed: 5 });
  for (const c of commands) {
    const r = applyCommand(g, { role: 'mediator', ...c } as Command);
    if (!r.ok) throw new Error(`refused ${c.type}: ${r.reason.key}`);
    g = r.game;
  }
  return g;
}
const endTurns = (n: number) => Array.from({ length: n }, () => ({ type: 'endTurn' as const }));

describe('exercise review (MSEL) in the debrief', () => {
  it('marks a missed expected response and the contingency that fired instead', () => {
    const g = play(endTurns(6));
    const review = computeDebrief(scenario, worldOf(g)).exercise;
    const raid = review.find((r) => r.id === 'customs-raid');
    expect(raid).toMatchObject({ turn: 2, met: false, contingenciesFired: ['rangers-call-walkout'], expected: { move: 'engageSpoiler', target: 'rangers' } });
    expect(raid?.learningObjective).toBeTruthy();
    expect(review.find((r) => r.id === 'rangers-call-walkout')).toMatchObject({ source: 'contingency' });
  });

  it('marks an expected response made in time as met, and no contingency fires', () => {
    const g = play([...endTurns(2), { type: 'engageSpoiler', faction: 'rangers', approach: 'induce' } as MediatorCommand, ...endTurns(4)]);
    const raid = computeDebrief(scenario, worldOf(g)).exercise.find((r) => r.id === 'customs-raid');
    expect(raid).toMatchObject({ met: true, contingenciesFired: [] });
    expect(worldOf(g).firedInjects).not.toContain('rangers-call-walkout');
  });

  it('marks a response that comes after the deadline as missed, with the turn it came (was: met)', () => {
    // The raid fires at the end of turn 2 and wants the rangers engaged within 3 turns (by turn 5).
    const g = play([...endTurns(5), { type: 'engageSpoiler', faction: 'rangers', approach: 'induce' } as MediatorCommand, ...endTurns(2)]);
    const d = computeDebrief(scenario, worldOf(g));
    const raid = d.exercise.find((r) => r.id === 'customs-raid');
    expect(raid).toMatchObject({ turn: 2, met: false, respondedTurn: 6, contingenciesFired: ['rangers-call-walkout'] });
    expect(d.wentWell.injects.map((i) => i.id)).not.toContain('customs-raid');
    if (raid?.learningObjective) expect(d.objectives.find((o) => o.injects.includes('customs-raid'))?.status).toBe('missed');
  });
});
