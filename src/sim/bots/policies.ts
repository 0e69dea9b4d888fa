/**
 * Bot mediators. Each sees only the mediator's view (no hidden truths) and plays the same commands
 * a trainee does. They exist to test the engine and to check a scenario's balance:
 *  - random: any legal move;
 *  - greedy: the impatient mediator (./greedy);
 *  - by-the-book: sound practice (./byTheBook, with its phases, spoilers and outside powers), that
 *    reads refusals and repairs trust (./ledger);
 *  - expert: a strong mediator, a view-only heuristic that avoids the sins of the debrief (./expert).
 */
import type { Command, MediatorCommand } from '../types';
import type { Game } from '../game';
import type { View } from '../view';
import { mediatorView } from './mediatorView';
import { legalCommands } from '../available';
import { MEDIATOR_MOVES } from '../../scenario/schema';
import { Dice } from '../rng';
import { END } from './readings';
import { greedyPolicy } from './greedy';
import { byTheBookPolicy } from './byTheBook';
import { expertPolicy } from './expert';
import { EXPLOIT } from './exploits';

export { bestKnownFormula } from './readings';

export type PolicyId = 'random' | 'greedy' | 'by-the-book' | 'expert';
/** The ladder, weakest first: the balance reports and benchmarks show them in this order. */
export const POLICIES: PolicyId[] = ['random', 'greedy', 'by-the-book', 'expert'];

export type Policy = (g: Game, view: View, dice: Dice) => MediatorCommand;

/** A bot to play: one of the policies, or one of the degenerate strategies of ./exploits (by id). */
export type BotId = PolicyId | (string & {});

/** Any legal move: a move type at random, then a legal target for it (cheaper than listing all). */
export const randomPolicy: Policy = (g, _view, dice) => {
  // Draw move types without replacement, shifting the rest down (as splice would) on a fixed-size array.
  const types = MEDIATOR_MOVES.slice() as MediatorCommand['type'][];
  for (let n = types.length; n > 0; n--) {
    const k = dice.int(0, n - 1);
    const type = types[k]!;
    for (let j = k; j < n - 1; j++) types[j] = types[j + 1]!;
    const cmds = legalCommands(g, type);
    if (cmds.length === 0) continue;
    const cmd = cmds[dice.int(0, cmds.length - 1)]!;
    return cmd.type === 'proposeFormula' ? { ...cmd, value: dice.int(0, 100) } : cmd;
  }
  return END;
};

export const POLICY: Record<PolicyId, Policy> = { random: randomPolicy, greedy: greedyPolicy, 'by-the-book': byTheBookPolicy, expert: expertPolicy };

/** The policy's next command, chosen from the mediator's view of the game. */
export function botCommand(policy: BotId, g: Game, dice: Dice): Command {
  const play = (POLICY as Record<string, Policy>)[policy] ?? EXPLOIT[policy];
  if (!play) throw new Error(`no bot policy "${policy}"`);
  return { ...play(g, mediatorView(g), dice), role: 'mediator' } as Command;
}
