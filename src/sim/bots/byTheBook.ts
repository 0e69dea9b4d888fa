/**
 * The by-the-book bot: sound practice under the settled rules (./craft) — studies first, talks to
 * everyone, builds trust where it is lowest, learns each faction's type before engaging it, brings
 * a party back after a walk-out, reframes, studies each issue in a technical commission and offers
 * the fairest package inside every known red line. It does not prepare for shocks or trade across
 * issues: that is the expert's rung of the ladder.
 */
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { View } from '../view';
import { ledgerOf } from './ledger';
import { END, ifLegal, movesThisTurn } from './readings';
import { craftFor, type Level } from './craft';
import { decide } from './craftPhases';

/** A mediator of the craft at this level: study first, then the craft's next move, else end the turn. */
export function craftPolicy(level: Level) {
  return (g: Game, view: View): MediatorCommand => {
    const done = movesThisTurn(view);
    if (done.length > 12 || view.ap <= 0) return END;
    if (view.turn === 1 && !view.knowledge.briefing) {
      const read = ifLegal(g, { type: 'readBriefing' });
      if (read) return read;
    }
    if (!view.knowledge.history) {
      const study = ifLegal(g, { type: 'studyHistory' });
      if (study) return study;
    }
    return decide(craftFor(g, view, done, ledgerOf(g, view), level)) ?? END;
  };
}

export const byTheBookPolicy = craftPolicy('book');
