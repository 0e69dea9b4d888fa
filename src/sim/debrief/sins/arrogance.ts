/**
 * Arrogance: pushing on as if the parties' answer did not matter — repeating what just failed
 * without listening first, or tabling terms to a party the mediator never sat down with.
 */
import type { Sin } from '../types';
import { RESULT_KEYS, hasKey } from '../keys';
import { caucusedBetween, movesOf, nameOf, phaseStartIndex, type LinkedProposal, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

function anyCaucusBetween(run: Run, from: number, to: number): boolean {
  return run.parties.some((p) => caucusedBetween(run, p, from, to));
}

/** A joint session backfired, and the mediator called another one by the next turn without a caucus. */
function repeatedJointSessions(run: Run): Finding[] {
  const out: Finding[] = [];
  const sessions = movesOf(run, 'jointSession');
  for (const s of sessions) {
    if (!hasKey(s.result, RESULT_KEYS.jointBackfired)) continue;
    const again = sessions.find((n) => n.index > s.index && n.turn <= s.turn + 1 && !anyCaucusBetween(run, s.index, n.index));
    if (again) out.push(finding('arrogance', 'repeatedJointSession', again.turn, { previous: s.turn }));
  }
  return out;
}

/** Same subject: another agenda after an agenda; terms touching a shared issue after terms. */
function sameSubject(a: LinkedProposal, b: LinkedProposal): boolean {
  if (a.kind === 'agenda' || b.kind === 'agenda') return a.kind === b.kind;
  return a.issues.some((i) => b.issues.includes(i));
}

/** A proposal was rejected and the same thing was tabled again by the next turn with no caucus in between. */
function repeatedProposals(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const p of run.proposals) {
    if (!p.rejected) continue;
    const again = run.proposals.find(
      (q) => q.index > p.decidedIndex && q.turn <= p.decidedTurn + 1 && sameSubject(p, q) && !anyCaucusBetween(run, p.decidedIndex, q.index),
    );
    if (again) out.push(finding('arrogance', 'repeatedProposal', again.turn, { previous: p.turn, kind: p.kind }));
  }
  return out;
}

/** A party rejected terms it had not been consulted on in this phase. */
function unconsultedRejecters(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const p of run.proposals) {
    if (!p.rejected) continue;
    const start = phaseStartIndex(run, p.index);
    for (const party of p.rejectedBy) {
      if (!caucusedBetween(run, party, start, p.index)) out.push(finding('arrogance', 'notConsulted', p.turn, { party: nameOf(run, party), kind: p.kind }));
    }
  }
  return out;
}

export const ARROGANCE: SinDetector = { id: 'arrogance', checks: [repeatedJointSessions, repeatedProposals, unconsultedRejecters] };

export const detectArrogance = (run: Run): Sin => detect(ARROGANCE, run);
