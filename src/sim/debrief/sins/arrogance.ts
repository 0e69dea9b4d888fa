/**
 * Arrogance: pushing on as if the parties' answer did not matter — repeating what just failed
 * without listening first, or tabling terms to a party the mediator never sat down with.
 */
import type { Sin } from '../types';
import { RESULT_KEYS, hasKey } from '../keys';
import { caucusedBetween, heardBefore, movesOf, nameOf, type LinkedProposal, type Run } from '../run';
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

/**
 * Did the mediator answer the refusal on the subject itself between two log positions: reframe an
 * issue of it, or put one to a technical commission or to experts? That is listening too.
 */
function reworkedBetween(run: Run, issues: string[], from: number, to: number): boolean {
  const within = (m: { index: number }) => m.index > from && m.index < to;
  return (
    movesOf(run, 'reframe').some((m) => within(m) && issues.includes(m.command.issue)) ||
    movesOf(run, 'technicalCommission').some((m) => within(m) && issues.includes(m.command.issue)) ||
    movesOf(run, 'consultExperts').some((m) => within(m) && issues.includes(m.command.subject))
  );
}

/**
 * A proposal was rejected and the same thing was tabled again by the next turn with no caucus in
 * between, nor any rework of its issues (reframe, commission, experts). A repeat every party then
 * accepted is no evidence: the parties carried it.
 */
function repeatedProposals(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const p of run.proposals) {
    if (!p.rejected) continue;
    const again = run.proposals.find(
      (q) =>
        q.index > p.decidedIndex &&
        q.turn <= p.decidedTurn + 1 &&
        sameSubject(p, q) &&
        !q.accepted &&
        !anyCaucusBetween(run, p.decidedIndex, q.index) &&
        !reworkedBetween(run, [...new Set([...p.issues, ...q.issues])], p.decidedIndex, q.index),
    );
    if (again) out.push(finding('arrogance', 'repeatedProposal', again.turn, { previous: p.turn, kind: p.kind }));
  }
  return out;
}

/** A party rejected terms it had not been consulted on in this phase (nor earlier that turn). */
function unconsultedRejecters(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const p of run.proposals) {
    if (!p.rejected) continue;
    for (const party of p.rejectedBy) {
      if (!heardBefore(run, party, p.index, p.turn)) out.push(finding('arrogance', 'notConsulted', p.turn, { party: nameOf(run, party), kind: p.kind }));
    }
  }
  return out;
}

export const ARROGANCE: SinDetector = { id: 'arrogance', checks: [repeatedJointSessions, repeatedProposals, unconsultedRejecters] };

export const detectArrogance = (run: Run): Sin => detect(ARROGANCE, run);
