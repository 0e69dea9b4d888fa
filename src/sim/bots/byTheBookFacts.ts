/**
 * What the by-the-book bot works out once per decision and hands to each of its move makers: one
 * plain object of one shape (cheap for the optimiser), plus its notes kept across decisions.
 */
import type { Scenario, Thresholds } from '../../scenario/schema';
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { View } from '../view';
import { ifLegal } from './readings';
import { ledgerOf, type Ledger } from './ledger';

/** What the bot remembers from the log (./ledger): handled spoilers, asks, refusals, gestures. */
export type Notes = Ledger;
/** The ledger of this game, brought up to date (kept per log array in the game's runner). */
export const notesOf = (g: Game, view: View): Notes => ledgerOf(g, view);

export interface Facts {
  readonly g: Game;
  readonly view: View;
  readonly s: Scenario;
  readonly t: Thresholds;
  /** Moves already made this turn. */
  readonly done: readonly MediatorCommand[];
  readonly notes: Notes;
  /** Mutual trust is high enough for the parties to sit face to face. */
  readonly canMeet: boolean;
}

export function factsFor(g: Game, view: View, done: readonly MediatorCommand[], notes: Notes): Facts {
  const s = g.scenario;
  let mutual = 100;
  for (const p of view.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
  return { g, view, s, t: s.thresholds, done, notes, canMeet: mutual >= s.thresholds.directTalksTrust };
}

/** A candidate move: given, or built from the facts only when its turn comes (some are costly). */
export type Candidate = MediatorCommand | null | undefined | ((x: Facts) => MediatorCommand | null);

/** The first legal candidate in moves[from, to). */
export function firstLegal(x: Facts, moves: readonly Candidate[], from: number, to: number): MediatorCommand | null {
  for (let i = from; i < to && i < moves.length; i++) {
    const c = moves[i];
    const cmd = ifLegal(x.g, typeof c === 'function' ? c(x) : c);
    if (cmd) return cmd;
  }
  return null;
}

/** Was this outside power asked this in the last `turns` turns? */
export const askedWithin = (x: Facts, actor: string, ask: string, turns: number): boolean =>
  (x.notes.lastAsked.get(ask)?.get(actor) ?? -Infinity) > x.view.turn - turns;
