/**
 * What the bots see and choose from (bots/mediatorView.ts, available.ts): the bots' lazy view is
 * the mediator's view part for part, nothing more, and the move lists they draw from are the
 * table's, at every step of real games.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, createGame, isOver, type Game } from '../../src/sim/game';
import { Dice, seedState } from '../../src/sim/rng';
import { botCommand, POLICIES, type PolicyId } from '../../src/sim/bots';
import { mediatorView } from '../../src/sim/bots/mediatorView';
import { viewFor } from '../../src/sim/view';
import { availableMoves, candidatesOf, legalCommands, mediatorMayMake } from '../../src/sim/available';
import { MEDIATOR_MOVES } from '../../src/scenario/schema';
import type { MediatorCommand, Scenario } from '../../src/sim/types';
import { shipped } from '../fixtures/engine';

/** Every state of a bot game, played command by command (each state its own world). */
function states(s: Scenario, policy: PolicyId, seed: number): Game[] {
  const out: Game[] = [];
  let g = createGame(s, { seed });
  const dice = new Dice({ rng: seedState(seed) });
  while (!isOver(g) && out.length < 400) {
    out.push(g);
    let r = applyCommand(g, botCommand(policy, g, dice));
    if (!r.ok) r = applyCommand(g, { type: 'endTurn', role: 'mediator' });
    if (!r.ok) break;
    g = r.game;
  }
  out.push(g);
  return out;
}

const TYPES = [...MEDIATOR_MOVES, 'readBriefing'] as MediatorCommand['type'][];

describe.each(['tutorial', 'venezuela-2019'] as const)('on %s', (name) => {
  const s = shipped(name);
  it.each(POLICIES)('%s: the bots see exactly what the mediator sees', (policy) => {
    for (const g of states(s, policy, 3)) {
      const full = viewFor(g, 'mediator');
      const lazy = mediatorView(g);
      // Read in another order than the policies do: each part stands alone.
      for (const key of Object.keys(full).reverse() as (keyof typeof full)[]) expect(lazy[key], key).toEqual(full[key]);
      expect(lazy.truth).toBeUndefined();
      expect(lazy.injects).toBeUndefined();
    }
  });
  it.each(POLICIES)('%s: legal commands are the candidates the engine allows', (policy) => {
    for (const g of states(s, policy, 5).filter((_, i) => i % 4 === 0)) {
      for (const type of TYPES) {
        const all = candidatesOf(g, type);
        expect(legalCommands(g, type)).toEqual(all.filter((c) => mediatorMayMake(g, c)));
        // A fresh list each time: a caller may sort or trim it.
        expect(candidatesOf(g, type)).not.toBe(all);
        expect(candidatesOf(g, type)).toEqual(all);
      }
    }
  });
});

describe('shared candidates', () => {
  it('the scenario-fixed commands cannot be changed by a caller', () => {
    const g = createGame(shipped('tutorial'), { seed: 1 });
    const [first] = availableMoves(g).find((m) => m.type === 'caucus')!.commands;
    expect(() => Object.assign(first!, { party: 'nobody' })).toThrow();
    expect(candidatesOf(g, 'caucus')[0]).toEqual(first);
  });
});
