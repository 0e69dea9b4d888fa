/**
 * The bot mediator for an exercise whose mediator seat nobody holds (when the instructor asked for
 * one): the engine's own policies, the same commands a person would send.
 */
import { bots, Dice, seedState, type Command, type Game } from '../sim/index';
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
