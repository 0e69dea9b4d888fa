/**
 * Impotence: a mediator without leverage over the actors who can wreck the process. Shocks and
 * strikes from actors never engaged, and walk-outs left unanswered, are its marks.
 */
import type { MsgParams } from '../../types';
import type { Sin } from '../types';
import { caucusedBetween, engagedBetween, nameOf, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** Turns after a hit within which engaging the actor still counts as answering it. */
export const RESPONSE_TURNS = 2;

/** Log position just past the last entry of `turn` (the log is in turn order). */
function endOfTurn(run: Run, turn: number): number {
  const i = run.log.findIndex((e) => e.turn > turn);
  return i === -1 ? run.log.length : i;
}

/**
 * A harmful sanctions shock or a spoiler strike from an actor the mediator had not engaged before
 * it hit, nor in the turns right after: the mediator had no channel to the people who could wreck it.
 */
function unengagedHits(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const e of run.events) {
    const eff = e.effect;
    let actor: string | null = null;
    let what = '';
    if (eff.kind === 'sanctions' && eff.sanction !== 'relief') {
      actor = eff.actor;
      what = 'unengagedSanctions';
    } else if (eff.kind === 'spoiler') {
      actor = eff.faction;
      what = 'unengagedSpoiler';
    }
    if (!actor) continue;
    const until = endOfTurn(run, e.turn + RESPONSE_TURNS);
    if (!engagedBetween(run, actor, 0, until)) {
      const params: MsgParams = { actor: nameOf(run, actor) };
      if (eff.kind === 'sanctions') params.target = nameOf(run, eff.target);
      out.push(finding('impotence', what, e.turn, params));
    }
  }
  return out;
}

/** A party walked out and the mediator never went to see it while talks were suspended. */
function unansweredWalkOuts(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const w of run.walkOuts) {
    const end = run.phaseChanges.find((c) => c.index > w.index && c.from === 'suspended');
    const endIndex = end ? end.index : run.log.length;
    // The mediator needs at least one whole turn after the walk-out to go and see the party.
    const hadTurn = end ? end.turn > w.turn : run.lastEndedTurn > w.turn;
    if (!hadTurn) continue;
    if (!caucusedBetween(run, w.party, w.index, endIndex)) out.push(finding('impotence', 'walkOutUnanswered', w.turn, { party: nameOf(run, w.party) }));
  }
  return out;
}

export const IMPOTENCE: SinDetector = { id: 'impotence', checks: [unengagedHits, unansweredWalkOuts] };

export const detectImpotence = (run: Run): Sin => detect(IMPOTENCE, run);
