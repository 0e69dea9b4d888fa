/**
 * Play a whole game with a bot mediator, optionally after scripted commands. Used by the CLI, the
 * benchmarks, the balance analyzer and the tests. Pure: same scenario, seed and policy, same game.
 */
import type { Scenario } from '../../scenario/schema';
import type { Command, GameOptions, Msg } from '../types';
import { applyCommand, applyOwnCommand, createGame, isOver, type Game } from '../game';
import { Dice, seedState } from '../rng';
import { botCommand, type BotId } from './policies';

export interface PlayOptions extends Partial<GameOptions> {
  /** A policy (random, greedy, by-the-book, expert) or an exploit id (./exploits). */
  policy: BotId;
  /** Remove these injects (by id) to ask "what if this had not happened?". */
  withoutInjects?: string[];
}

export type PlayResult = { ok: true; game: Game; commands: number } | { ok: false; game: Game; index: number; reason: Msg };

/** Hard cap on commands in one game, far above any real game, so a bot bug cannot loop forever. */
export const maxCommands = (s: Scenario): number => (s.turnLimit + s.thresholds.monitoringTurns + 10) * (s.actionPoints + 12);

export function withoutInjects(s: Scenario, ids: string[] = []): Scenario {
  if (ids.length === 0) return s;
  return { ...s, injects: s.injects.filter((i) => !ids.includes(i.id)) };
}

/**
 * Play linearly: the intermediate games are dropped, so the whole game is one copy-on-write scope
 * (the world is copied once, not once per command). The result is identical either way; a test
 * compares state hashes with command-by-command play.
 */
export function playGame(scenario: Scenario, opts: PlayOptions, script: readonly Command[] = []): PlayResult {
  const g = createGame(withoutInjects(scenario, opts.withoutInjects), opts);
  return g.runner.asOneChange(() => playLinear(g, opts, script));
}

function playLinear(g0: Game, opts: PlayOptions, script: readonly Command[]): PlayResult {
  const s = g0.scenario;
  let g = g0;
  for (let i = 0; i < script.length; i++) {
    const r = applyCommand(g, script[i]!);
    if (!r.ok) return { ok: false, game: g, index: i, reason: r.reason };
    g = r.game;
  }
  // The bot's own dice, apart from the world's, so scripted and bot play share world randomness.
  const holder = { rng: seedState((opts.seed ?? 1) ^ 0x5bd1e995) };
  const dice = new Dice(holder);
  const cap = maxCommands(s);
  let n = 0;
  while (!isOver(g) && n < cap) {
    let r = applyOwnCommand(g, botCommand(opts.policy, g, dice));
    // A policy that picks an illegal move loses its turn rather than the game.
    if (!r.ok) r = applyCommand(g, { type: 'endTurn', role: 'mediator' });
    if (!r.ok) break;
    g = r.game;
    n++;
  }
  return { ok: true, game: g, commands: n + script.length };
}
