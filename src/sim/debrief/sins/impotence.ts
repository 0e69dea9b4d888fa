/**
 * Impotence: a mediator without leverage over the actors who can wreck the process. Shocks and
 * strikes from actors never engaged, and walk-outs left unanswered, are its marks.
 */
import type { MsgParams } from '../../types';
import type { Sin } from '../types';
import { caucusedBetween, engagedBetween, nameOf, type At, type EventEntry, type Run } from '../run';
import { answeredInTime } from '../injects';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** Turns after a hit within which engaging the actor still counts as answering it. */
export const RESPONSE_TURNS = 2;

/** Log position just past the last entry of `turn` (the log is in turn order). */
function endOfTurn(run: Run, turn: number): number {
  const i = run.log.findIndex((e) => e.turn > turn);
  return i === -1 ? run.log.length : i;
}

/**
 * The game's first turn: the mediator spends it learning the conflict (the briefing is readable
 * only then, and engaging a faction before experts say what kind it is would be guessing), so a hit
 * that lands at its end came before the mediator had a turn to build any channel to the actor.
 */
export function beforeFirstChance(run: Run, e: At<EventEntry>): boolean {
  return e.turn <= (run.world.series[0]?.turn ?? 1);
}

/**
 * A harmful sanctions shock or a spoiler strike from an actor the mediator had not engaged before
 * it hit, nor in the turns right after: the mediator had no channel to the people who could wreck it.
 * Named only where a better move was there to make: never for a hit that landed before the
 * mediator's first chance to act (what followed it is judged by the exercise review), and not when
 * the mediator answered the hit as the exercise expected, in time.
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
    if (beforeFirstChance(run, e)) continue;
    const until = endOfTurn(run, e.turn + RESPONSE_TURNS);
    if (!engagedBetween(run, actor, 0, until) && !answeredInTime(run, e)) {
      const params: MsgParams = { actor: nameOf(run, actor) };
      if (eff.kind === 'sanctions') params.target = nameOf(run, eff.target);
      out.push(finding('impotence', what, e.turn, params));
    }
  }
  return out;
}

/** A party walked out and the mediator never went to see it while talks were suspended. */
export function unansweredWalkOuts(run: Run): Finding[] {
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
