/**
 * What the by-the-book bot works out once per decision and hands to each of its move makers: one
 * plain object of one shape (cheap for the optimiser), plus its notes kept across decisions.
 */
import type { Scenario, Thresholds } from '../../scenario/schema';
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { View } from '../view';
import { ifLegal } from './readings';

export interface Notes {
  read: number;
  /** Factions engaged the right way for their spoiler type. */
  handled: Set<string>;
  /** ask → outside power → the turn it was last asked. */
  lastAsked: Map<string, Map<string, number>>;
}
/**
 * Which spoilers were handled rightly, when each outside power was last asked what. Kept per log
 * array in the game's runner: a game played linearly appends to one array, so only new entries are read.
 */
export function notesOf(g: Game, view: View): Notes {
  const holder = g.runner.cached(view.log, 'bot:notes', () => ({ notes: fresh() }));
  let m = holder.notes;
  if (m.read > view.log.length) m = holder.notes = fresh();
  for (; m.read < view.log.length; m.read++) {
    const e = view.log[m.read]!;
    if (e.kind !== 'move') continue;
    if (e.command.type === 'engageSpoiler' && e.result.key === 'move.engageSpoiler.right') m.handled.add(e.command.faction);
    if (e.command.type === 'engageExternal') {
      let byActor = m.lastAsked.get(e.command.ask);
      if (!byActor) m.lastAsked.set(e.command.ask, (byActor = new Map()));
      byActor.set(e.command.actor, e.turn);
    }
  }
  return m;
}

const fresh = (): Notes => ({ read: 0, handled: new Set(), lastAsked: new Map() });

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
