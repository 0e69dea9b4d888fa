/**
 * What the expert works out once per decision: the view, its ledger of the log, and a few readings
 * (mutual trust, caucus balance, the trust a request needs) shared by its move makers.
 */
import type { Scenario, Thresholds } from '../../scenario/schema';
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { PartyView, View } from '../view';
import type { Ledger } from './ledger';

export interface XFacts {
  readonly g: Game;
  readonly view: View;
  readonly s: Scenario;
  readonly t: Thresholds;
  readonly done: readonly MediatorCommand[];
  readonly led: Ledger;
  /** The lowest trust any party has in another. */
  readonly mutual: number;
  /** Mutual trust is high enough for the parties to sit face to face. */
  readonly canMeet: boolean;
  /** Caucuses with a party over the game, this turn's included. */
  caucuses(party: string): number;
  /** A caucus with this party keeps attention balanced (no side seen two to one over the other). */
  mayCaucus(party: string): boolean;
  /** Moves of a type made this turn. */
  madeNow(type: MediatorCommand['type']): number;
}

export function expertFacts(g: Game, view: View, done: readonly MediatorCommand[], led: Ledger): XFacts {
  const s = g.scenario;
  let mutual = 100;
  for (const p of view.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
  const caucuses = (party: string) => led.caucuses.get(party) ?? 0;
  return {
    g,
    view,
    s,
    t: s.thresholds,
    done,
    led,
    mutual,
    canMeet: mutual >= s.thresholds.directTalksTrust,
    caucuses,
    mayCaucus(party) {
      const mine = caucuses(party) + 1;
      let least = Infinity;
      for (const p of view.parties) if (p.id !== party) least = Math.min(least, caucuses(p.id));
      if (!Number.isFinite(least)) return true;
      // The debrief reads favouritism at 2.5 to 1 over four caucuses or more; keep well under it.
      return mine + least < 4 || mine <= 2 * Math.max(1, least);
    },
    madeNow(type) {
      let n = 0;
      for (const c of done) if (c.type === type) n++;
      return n;
    },
  };
}

/** The trust in the mediator that the process asks of a party now: the highest bar it still has to clear. */
export function trustBar(x: XFacts): number {
  const t = x.t;
  return Math.max(t.exploratoryTrust, t.agendaTrust) + 3;
}

/** The party the others trust least. */
export function leastTrusted(view: View): PartyView {
  let best: PartyView | undefined;
  let bestScore = Infinity;
  for (const p of view.parties) {
    let sum = 0;
    let n = 0;
    for (const o of view.parties) {
      if (o.id === p.id) continue;
      sum += o.trustIn[p.id] ?? 0;
      n++;
    }
    const score = sum / Math.max(1, n);
    if (score < bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best!;
}
