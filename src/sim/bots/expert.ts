/**
 * The expert bot: a strong mediator that sees only the mediator's view (no dice, no hidden values)
 * and reads the log as a careful trainee would — every refusal, every answer's reason, what each
 * gesture actually bought. A heuristic over the view, in priority order:
 *
 *  1. study first (briefing, history), answer every hit (a strike, a shock, a walk-out) within the
 *     turn, learn each spoiler's type before engaging it the right way;
 *  2. keep both parties' trust in the mediator above what the next request needs, with caucuses
 *     that stay balanced (no side courted two to one);
 *  3. build mutual trust with gestures each side can afford (the costliest it will grant first; a
 *     refused gesture is not asked again until something changed), then talk face to face;
 *  4. phase by phase, move on only when the criteria visibly hold; table terms only on studied
 *     issues, inside every known red line, after hearing each party in the phase; after a no,
 *     change something (trust, format, venue, an incentive from the party's own pressurer, the terms)
 *     before asking again;
 *  5. no optimistic promises, no public criticism, no asks a power has refused.
 *
 * It is sin-aware by construction: each rule above avoids one of the seven sins of the debrief.
 */
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { PartyView, View } from '../view';
import { ledgerOf } from './ledger';
import { END, ifLegal, movesThisTurn } from './readings';
import { expertFacts, type XFacts } from './expertFacts';
import { answerHits, bringBack, handleSpoilers, prepareForShocks, repairTrust } from './expertCare';
import { phaseMove } from './expertPhases';

export const expertPolicy = (g: Game, view: View): MediatorCommand => {
  const done = movesThisTurn(view);
  if (done.length > 10 || view.ap <= 0) return END;
  if (!view.knowledge.briefing && view.turn === 1) {
    const read = ifLegal(g, { type: 'readBriefing' });
    if (read) return read;
  }
  if (!view.knowledge.history) {
    const study = ifLegal(g, { type: 'studyHistory' });
    if (study) return study;
  }
  const x = expertFacts(g, view, done, ledgerOf(g, view));
  return decide(x) ?? END;
};

function decide(x: XFacts): MediatorCommand | null {
  if (x.view.phase === 'suspended') return first(x, bringBack(x), answerHits(x), repairTrust(x, 0));
  return first(x, answerHits(x), handleSpoilers(x), prepareForShocks(x), phaseMove(x), repairTrust(x, 0), balanceAttention(x));
}

/** The first of the candidates that is legal now. */
function first(x: XFacts, ...cands: (MediatorCommand | null)[]): MediatorCommand | null {
  for (const c of cands) {
    const ok = ifLegal(x.g, c);
    if (ok) return ok;
  }
  return null;
}

/** Nothing pressing: see the party given the least attention, when it is behind. */
function balanceAttention(x: XFacts): MediatorCommand | null {
  let least: PartyView | undefined;
  let most = -Infinity;
  for (const p of x.view.parties) {
    most = Math.max(most, x.caucuses(p.id));
    if (!least || x.caucuses(p.id) < x.caucuses(least.id)) least = p;
  }
  return least && x.caucuses(least.id) < most ? { type: 'caucus', party: least.id } : null;
}
