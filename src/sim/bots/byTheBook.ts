/**
 * The by-the-book bot: sound practice — studies first, talks to everyone, handles spoilers by type,
 * engages outside powers before shocks, reframes, uses technical commissions, trades in packages.
 * Split into small move makers (phases, spoilers, outside powers) over one facts object: small
 * functions are quick to optimise, and a deopt recompiles only the one that guessed wrong.
 */
import type { Game } from '../game';
import type { MediatorCommand } from '../types';
import type { PartyView, View } from '../view';
import { factsFor, firstLegal, notesOf, type Facts } from './byTheBookFacts';
import { allCriteriaMet, phaseMoves } from './byTheBookPhases';
import { backingAsk, restraintAsk } from './outsidePowers';
import { consultOnSpoiler, handleSpoiler } from './spoilers';
import { END, ifLegal, minBy, movesThisTurn } from './readings';

export const byTheBookPolicy = (g: Game, view: View): MediatorCommand => {
  const done = movesThisTurn(view);
  if (done.length > 8) return END;
  // Study before acting: the briefing, then the history of earlier talks.
  if (!view.knowledge.briefing || !view.knowledge.history) {
    const study = ifLegal(g, { type: 'readBriefing' }) ?? ifLegal(g, { type: 'studyHistory' });
    if (study) return study;
  }
  const x = factsFor(g, view, done, notesOf(g, view));
  return (view.phase === 'suspended' ? bringBack(x) : nextMove(x)) ?? END;
};

/** Talks suspended: caucus with the least committed party that walked out, or ask its backers. */
function bringBack(x: Facts): MediatorCommand | null {
  let out: PartyView | undefined;
  for (const p of x.view.parties) if (p.seat === 'walkedOut' && (!out || p.commitment < out.commitment)) out = p;
  if (!out) return null;
  return ifLegal(x.g, { type: 'caucus', party: out.id }) ?? ifLegal(x.g, backingAsk(x, out));
}

/** The known spoilers first, then the phase's own moves with outside powers, experts and attention woven in. */
function nextMove(x: Facts): MediatorCommand | null {
  const moves = phaseMoves(x);
  // Early, while little is at stake, learn who the spoilers are and handle each the right way.
  if (x.view.phase === 'exploratory' && !allCriteriaMet(x.view)) {
    return ifLegal(x.g, handleSpoiler(x)) ?? ifLegal(x.g, consultOnSpoiler(x)) ?? firstLegal(x, moves, 0, moves.length);
  }
  return (
    ifLegal(x.g, handleSpoiler(x)) ??
    firstLegal(x, moves, 0, 2) ??
    // Outside powers with sanctions: ask for restraint before shocks land.
    ifLegal(x.g, restraintAsk(x)) ??
    ifLegal(x.g, consultOnSpoiler(x)) ??
    firstLegal(x, moves, 2, moves.length) ??
    ifLegal(x.g, attentionCaucus(x.view))
  );
}

const attention = (p: PartyView) => p.attention;
/** Caucus with the party given the least attention, when it is clearly behind the most attended. */
function attentionCaucus(view: View): MediatorCommand | null {
  const leastAttended = minBy(view.parties, attention);
  let most = -Infinity;
  for (const p of view.parties) most = Math.max(most, p.attention);
  return leastAttended.attention < most - 1 ? { type: 'caucus', party: leastAttended.id } : null;
}
