/**
 * False promises: raising expectations the process cannot meet. Brahimi & Ahmed: keep repeating
 * that progress will be slow; an optimistic statement with nothing to show for it, or a guarantee
 * the mediator could not obtain, teaches the parties to discount the mediator's word.
 */
import type { Sin } from '../types';
import { RESULT_KEYS, hasKey } from '../keys';
import { movesOf, nameOf, progressMarks, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** Turns within which an optimistic statement must be borne out by progress. */
export const PROMISE_TURNS = 3;

/**
 * An optimistic statement not followed, within PROMISE_TURNS turns, by a phase advance or a
 * formula accepted by all. Judged only once the window has closed (or the game is over).
 */
function unkeptOptimism(run: Run): Finding[] {
  const marks = progressMarks(run);
  return movesOf(run, 'publicStatement')
    .filter((m) => m.command.tone === 'optimistic')
    .filter((m) => run.finished || run.lastEndedTurn >= m.turn + PROMISE_TURNS)
    .filter((m) => !marks.some((p) => p.index > m.index && p.turn <= m.turn + PROMISE_TURNS))
    .map((m) => finding('falsePromises', 'unkeptOptimism', m.turn, { turns: PROMISE_TURNS }));
}

/** A guarantee or incentive asked of an outside actor that refused: a promise the mediator could not back. */
function refusedBacking(run: Run): Finding[] {
  return movesOf(run, 'engageExternal')
    .filter((m) => (m.command.ask === 'guarantee' || m.command.ask === 'incentive') && hasKey(m.result, RESULT_KEYS.externalRefused))
    .map((m) => finding('falsePromises', 'refusedBacking', m.turn, { actor: nameOf(run, m.command.actor), ask: m.command.ask }));
}

export const FALSE_PROMISES: SinDetector = { id: 'falsePromises', checks: [unkeptOptimism, refusedBacking], byTurn: true };

export const detectFalsePromises = (run: Run): Sin => detect(FALSE_PROMISES, run);
