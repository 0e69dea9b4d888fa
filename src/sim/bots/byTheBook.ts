/**
 * The by-the-book bot: sound practice under the settled rules (./craft) — studies first, talks to
 * everyone, builds trust where it is lowest, learns each faction's type before engaging it, brings
 * a party back after a walk-out, reframes, studies each issue in a technical commission and offers
 * the fairest package inside every known red line. It answers a strike by engaging whoever struck,
 * asks a sanctioning power for restraint once, and sees a shock's target right after the shock. It
 * does not keep restraint in place or trade across issues: that is the expert's rung of the ladder.
 */
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { View } from '../view';
import { ledgerOf } from './ledger';
import { END, ifLegal, movesThisTurn } from './readings';
import { craftFor, restraintAsk, type Level } from './craft';
import { decide } from './craftPhases';
import { answerHits, keepMoving, vet } from './expertGuard';

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
    const c = craftFor(g, view, done, ledgerOf(g, view), level);
    // Both answer a strike at once (the faction or power that hit the process is engaged); the book then plays the craft as it comes.
    const hit = answerHits(c);
    if (hit) return hit;
    if (level !== 'expert') return decide(c) ?? END;
    // The expert: the craft's move vetted against the sins (./expertGuard).
    // Restraint obtained from a sanctioning power before its shock lands (it keeps until a shock uses it).
    const shield = view.phase !== 'suspended' && view.phase !== 'exploratory' ? restraintAsk(c) : null;
    if (shield) return ifLegal(g, vet(c, shield)) ?? shield;
    const cmd = decide(c);
    if (!cmd || view.ap === 1) {
      const learn = keepMoving(c);
      if (learn) return learn;
    }
    if (!cmd) return END;
    return ifLegal(g, vet(c, cmd)) ?? cmd;
  };
}

export const byTheBookPolicy = craftPolicy('book');
