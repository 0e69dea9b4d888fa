/**
 * The verdict on a run: everything the score depends on, shared by the full debrief and its
 * summary so the two cannot disagree. The rest of the debrief only explains it.
 */
import type { PhaseId } from '../types';
import type { AgreementReport, DurabilityReport, Hallmark, Outcome, ScoreParts, SinVerdict } from './types';
import type { Run } from './run';
import { computeOutcome, phaseReached } from './outcome';
import { analyseAgreement } from './agreement';
import { analyseDurability } from './durability';
import { assessHallmarks } from './hallmarks';
import { scoreParts } from './score';

export interface Verdict<S extends SinVerdict> {
  outcome: Outcome;
  reached: PhaseId;
  agreement: AgreementReport | null;
  durability: DurabilityReport;
  sins: S[];
  hallmarks: Hallmark[];
  parts: ScoreParts;
}

/** `readSins` decides how much is said about the sins: all their evidence, or only which were committed. */
export function judge<S extends SinVerdict>(run: Run, readSins: (run: Run) => S[]): Verdict<S> {
  const outcome = computeOutcome(run);
  const reached = phaseReached(run);
  const agreement = analyseAgreement(run);
  const durability = analyseDurability(run);
  const sins = readSins(run);
  const hallmarks = assessHallmarks(run, sins);
  const parts = scoreParts(reached, agreement, durability, hallmarks, sins);
  return { outcome, reached, agreement, durability, sins, hallmarks, parts };
}
