/**
 * The expert bot: a strong mediator that sees only the mediator's view (no dice, no hidden values)
 * and reads the log as a careful trainee would. It plays the craft of ./craft at its top level: on
 * top of by-the-book's practice it prepares for shocks (the likely target seen every turn, restraint
 * asked of the sanctioning power), trades across issues by weight (./expertTerms), and concedes
 * toward the issue a refusal names instead of tabling the same terms again.
 */
import { craftPolicy } from './byTheBook';

export const expertPolicy = craftPolicy('expert');
