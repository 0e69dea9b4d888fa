/**
 * A 0..100 summary. Formula (weights sum to 100):
 *   25 × phase progress       (furthest phase: exploratory 0 … monitoring 1)
 * + 20 × agreement           (quality clamped 0..1 × (0.5 + 0.5 × balance); 0 if nothing agreed)
 * + 15 × durability          (monitoring turns held / required, 0..1)
 * + 15 × hallmarks           (earned / 5)
 * + 25 × clean conduct       (1 − committed sins / 4, at least 0: each sin costs 6.25 points)
 * rounded to an integer. Outcome and conduct count about equally, so clean, skilled play scores
 * clearly above sinful play that reached the same outcome (a sin also costs the hallmarks it
 * contradicts), and a lucky agreement reached by sinning scores below a sound run stopped by
 * shocks beyond reach.
 */
import type { AgreementReport, DurabilityReport, Hallmark, ScoreParts, SinVerdict } from './types';
import type { PhaseId } from '../types';
import { MAIN_PHASES, phaseRank } from './run';

export const SCORE_WEIGHTS = { phase: 25, agreement: 20, durability: 15, hallmarks: 15, sins: 25 } as const;
/** Committed sins that take the whole conduct part. */
export const SINS_TO_ZERO = 4;

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function scoreParts(
  reached: PhaseId,
  agreement: AgreementReport | null,
  durability: DurabilityReport,
  hallmarks: readonly Hallmark[],
  sins: readonly SinVerdict[],
): ScoreParts {
  const phase = phaseRank(reached) / (MAIN_PHASES.length - 1);
  const agreed = agreement ? clamp01(agreement.quality) * (0.5 + 0.5 * clamp01(agreement.balance)) : 0;
  const earned = hallmarks.filter((h) => h.earned).length / Math.max(1, hallmarks.length);
  const clean = clamp01(1 - sins.filter((s) => s.committed).length / SINS_TO_ZERO);
  return {
    phase: SCORE_WEIGHTS.phase * phase,
    agreement: SCORE_WEIGHTS.agreement * agreed,
    durability: SCORE_WEIGHTS.durability * clamp01(durability.ratio),
    hallmarks: SCORE_WEIGHTS.hallmarks * earned,
    sins: SCORE_WEIGHTS.sins * clean,
  };
}

export function totalScore(parts: ScoreParts): number {
  const sum = parts.phase + parts.agreement + parts.durability + parts.hallmarks + parts.sins;
  return Math.round(Math.max(0, Math.min(100, sum)));
}
