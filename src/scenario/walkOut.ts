/**
 * Will a party walk out in the first turn, before the mediator can do anything about it? The
 * engine's rule (src/sim/rules/turn.ts, closeTurn): at each turn's close a party walks out when its
 * commitment is below 20, or when its BATNA exceeds what the process promises it by more than
 * `thresholds.walkOutMargin`, where
 *
 *   promise = 30 + 0.3 × trust in the mediator + 30 × progress + incentives.
 *
 * At turn 1 progress and incentives are 0, so the promise is 30 + 0.3 × trustInMediator (42 at the
 * default trust of 40): with the default margin of 10, any BATNA above 52 walks out at the end of
 * turn 1 and the game is suspended before the mediator has made a move. The BATNA at the start is
 * domesticStrength + 0.15 × the outside powers' support (src/sim/rules/batna.ts). Both formulas
 * mirror the engine's rather than import it, so the pack checker (which also runs in the game's
 * import worker) does not carry the whole engine; tests/pack/walkOut.test.ts checks them against
 * the engine's processPromise and BATNA for every shipped scenario.
 */
import type { Scenario } from './schema';
import type { LoadProblem } from './load';

/** How much one point of outside support moves a BATNA (src/sim/rules/batna.ts, SUPPORT_WEIGHT). */
export const SUPPORT_WEIGHT = 0.15;
/** processPromise at turn 1: 30 + 0.3 × trust (progress 0, no incentive yet). */
export const PROMISE = { base: 30, trust: 0.3, progress: 30 } as const;
/** Commitment under which a party walks out whatever its BATNA. */
export const WALK_OUT_COMMITMENT = 20;
/** Commitment drifts by (55 − BATNA) × 0.06 each turn before the walk-out check (ripeness). */
const RIPENESS = { pivot: 55, rate: 0.06 } as const;
/** A party closer than this to the walk-out line is warned about too: a leak or a neglected turn tips it. */
export const CLOSE_CALL = 3;

const r1 = (x: number) => Math.round(x * 10) / 10;

export interface TurnOneStanding {
  party: string;
  batna: number;
  support: number;
  promise: number;
  trust: number;
  commitment: number;
  /** BATNA − promise: the party walks out when this exceeds walkOutMargin. */
  gap: number;
}

/** Each party's BATNA against what the process promises it at the close of turn 1, with no move made. */
export function turnOneStandings(s: Scenario): TurnOneStanding[] {
  return s.parties.map((def) => {
    let support = 0;
    for (const e of s.externals) support += (Object.hasOwn(e.support, def.id) ? e.support[def.id]! : 0) * SUPPORT_WEIGHT;
    const batna = Math.max(0, Math.min(100, def.domesticStrength + support));
    const promise = PROMISE.base + PROMISE.trust * def.trustInMediator;
    const commitment = def.commitment + (RIPENESS.pivot - batna) * RIPENESS.rate;
    return {
      party: def.id,
      batna: r1(batna),
      support: r1(batna - def.domesticStrength),
      promise: r1(promise),
      trust: def.trustInMediator,
      commitment: r1(commitment),
      gap: r1(batna - promise),
    };
  });
}

/** Warnings for parties that walk out at the end of turn 1 (or are a point or two from it), each with the rule and its numbers. */
export function checkEarlyWalkOuts(s: Scenario): LoadProblem[] {
  const out: LoadProblem[] = [];
  const margin = s.thresholds.walkOutMargin;
  turnOneStandings(s).forEach((st, pi) => {
    const def = s.parties[pi]!;
    const path = ['parties', pi, 'domesticStrength'];
    const batnaText = `its BATNA ${st.batna} (domesticStrength ${def.domesticStrength}${st.support ? ` ${st.support > 0 ? '+' : '−'} ${Math.abs(st.support)} from outside support` : ''})`;
    const promiseText = `what the process promises it, ${st.promise} (${PROMISE.base} + ${PROMISE.trust} × trustInMediator ${st.trust}; progress and incentives are 0 at the start)`;
    if (st.gap > margin) {
      const maxStrength = Math.floor(def.domesticStrength - (st.gap - margin) + 1e-9);
      const trustNeeded = Math.ceil((st.batna - margin - PROMISE.base) / PROMISE.trust - 1e-9);
      const fixes = [`lower domesticStrength to ${Math.max(0, maxStrength)} or less${st.support > 0 ? ' (or the support outside powers give it)' : ''}`];
      if (trustNeeded <= 100) fixes.push(`raise trustInMediator to ${trustNeeded} or more`);
      if (Math.ceil(st.gap) <= 60) fixes.push(`raise thresholds.walkOutMargin to ${Math.ceil(st.gap)} or more`);
      out.push({
        path,
        severity: 'warning',
        message: `party "${def.id}" walks out at the end of turn 1, before the mediator can act: ${batnaText} exceeds ${promiseText} by ${st.gap}, more than walkOutMargin ${margin}`,
        hint: `a party walks out when BATNA − promise > walkOutMargin (promise = ${PROMISE.base} + ${PROMISE.trust} × trust + ${PROMISE.progress} × progress + incentives); ${fixes.join(', or ')}`,
      });
    } else if (st.gap > margin - CLOSE_CALL) {
      out.push({
        path,
        severity: 'warning',
        message: `party "${def.id}" is ${r1(margin - st.gap)} points from walking out from turn 1: ${batnaText} is ${st.gap} above ${promiseText}, and walkOutMargin is ${margin}`,
        hint: `each point of trust lost (a leak, a neglected turn) lowers the promise by ${PROMISE.trust}; lower domesticStrength or raise trustInMediator to give the mediator room`,
      });
    }
    if (st.commitment < WALK_OUT_COMMITMENT) {
      out.push({
        path: ['parties', pi, 'commitment'],
        severity: 'warning',
        message: `party "${def.id}" walks out at the end of turn 1: its commitment ${def.commitment} is still ${st.commitment} after the turn's drift, below ${WALK_OUT_COMMITMENT}`,
        hint: `a party whose commitment is below ${WALK_OUT_COMMITMENT} leaves the talks; start it at ${WALK_OUT_COMMITMENT + 5} or more`,
      });
    }
  });
  return out;
}
