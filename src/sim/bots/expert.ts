/**
 * The expert bot: a strong mediator that sees only the mediator's view (no dice, no hidden values)
 * and reads the log as a careful trainee would. It plays the craft of ./craft at its top level: on
 * top of by-the-book's practice it prepares for shocks (the likely target seen every turn, restraint
 * asked of the sanctioning power until it is granted, with the other side's patron engaged too),
 * trades across issues by weight (./expertTerms), and concedes toward the issue a refusal names
 * instead of tabling the same terms again. Every move is vetted against the seven sins of the
 * debrief (./expertGuard): strikes answered in time, both sides heard before terms and after a
 * refusal, caucuses and patrons kept in balance, no unstudied terms on the first day of negotiation.
 */
import { craftPolicy } from './byTheBook';

export const expertPolicy = craftPolicy('expert');
