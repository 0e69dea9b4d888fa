/**
 * The bot mediator for an exercise whose mediator seat nobody holds (when the instructor asked for
 * one): the engine's own policies, the same commands a person would send.
 *
 * Note: `bots.botCommand` takes the engine's `Dice`, which src/sim/index.ts does not export; this is
 * the one place the server reaches past the public API (src/sim/rng).
 */
import { bots, type Command, type Game } from '../sim/index';
import { Dice, seedState } from '../sim/rng';
import type { PolicyId } from './exercise';

export class MediatorBot {
  private holder: { rng: number[] };
  private dice: Dice;
  constructor(
    readonly policy: PolicyId,
    seed: number,
  ) {
    this.holder = { rng: seedState(seed ^ 0x5bd1e995) };
    this.dice = new Dice(this.holder);
  }

  next(g: Game): Omit<Command, 'role'> {
    const { role: _role, ...body } = bots.botCommand(this.policy, g, this.dice) as Command & { role: string };
    return body as Omit<Command, 'role'>;
  }
}
