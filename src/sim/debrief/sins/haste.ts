/**
 * Haste: pushing the parties faster than they are ready — calling for the next phase before its
 * criteria hold, face-to-face talks before mutual trust, a signing the parties cannot carry, or
 * terms on day one of negotiation before anyone studied the issues.
 */
import type { Sin } from '../types';
import { RESULT_KEYS, hasKey } from '../keys';
import { firstEntries, issueStudiedBefore, movesOf, nameOf, phaseAt, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** proposeNextPhase refused (criteria unmet) or a call to sign that failed. */
function prematureCalls(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const m of movesOf(run, 'proposeNextPhase')) {
    if (hasKey(m.result, RESULT_KEYS.signingFailed)) out.push(finding('haste', 'signingFailed', m.turn));
    else if (hasKey(m.result, RESULT_KEYS.nextPhaseRefused)) out.push(finding('haste', 'nextPhaseRefused', m.turn, { phase: phaseAt(run, m.index) }));
  }
  // Signing proposals the engine recorded as rejected, when no move above already reported that turn.
  const reported = new Set(out.map((f) => f.turn));
  for (const p of run.world.proposals) {
    if (p.kind === 'signing' && p.status === 'rejected' && !reported.has(p.turn)) {
      reported.add(p.turn);
      out.push(finding('haste', 'signingFailed', p.turn));
    }
  }
  return out;
}

/** A joint session called before mutual trust allowed it. */
function backfiredJointSessions(run: Run): Finding[] {
  return movesOf(run, 'jointSession')
    .filter((m) => hasKey(m.result, RESULT_KEYS.jointBackfired))
    .map((m) => finding('haste', 'jointBackfired', m.turn));
}

/**
 * Terms tabled in the very first turn of negotiation on issues nobody had studied (no reframe,
 * experts or technical commission): substance before understanding.
 */
function termsOnDayOne(run: Run): Finding[] {
  const entry = firstEntries(run).negotiation;
  if (!entry) return [];
  const out: Finding[] = [];
  for (const p of run.proposals) {
    if (p.kind === 'agenda' || p.turn !== entry.turn || p.index < entry.index) continue;
    const unstudied = p.issues.filter((i) => !issueStudiedBefore(run, i, p.index));
    if (unstudied.length > 0) out.push(finding('haste', 'termsOnDayOne', p.turn, { issues: unstudied.map((i) => nameOf(run, i)).join(', ') }));
  }
  return out;
}

export const HASTE: SinDetector = { id: 'haste', checks: [prematureCalls, backfiredJointSessions, termsOnDayOne], byTurn: true };

export const detectHaste = (run: Run): Sin => detect(HASTE, run);
