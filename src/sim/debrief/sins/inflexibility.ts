/**
 * Inflexibility: sticking to a line the parties have already refused — the same terms again, an
 * agenda item a party will not accept as framed, the same format and venue through a stalemate.
 */
import type { ProcessPhase } from '../../types';
import type { Sin } from '../types';
import { RESULT_KEYS, hasKey } from '../keys';
import { nameOf, progressMarks, movesOf, type LinkedProposal, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/** Two values this close on the same issue are "the same formula". */
export const SAME_VALUE_TOLERANCE = 2;
/** Turns without progress in one phase, with no change of format or venue, that count as stuck. */
export const STUCK_TURNS = 4;

function sameTerms(a: LinkedProposal, b: LinkedProposal): boolean {
  if (a.kind === 'agenda' || b.kind === 'agenda') return false;
  const ka = Object.keys(a.terms);
  const kb = Object.keys(b.terms);
  if (ka.length !== kb.length || !ka.every((i) => i in b.terms)) return false;
  return ka.every((i) => Math.abs(a.terms[i]! - b.terms[i]!) <= SAME_VALUE_TOLERANCE);
}

/**
 * The same terms (within ±2 on every issue) tabled again after they were rejected. A repeat that
 * was then accepted is not counted: the circumstances had changed, not the mediator's stubbornness.
 */
function repeatedTerms(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const q of run.proposals) {
    if (q.accepted) continue;
    const earlier = run.proposals.findLast((p) => p.rejected && p.decidedIndex < q.index && sameTerms(p, q));
    if (earlier) {
      const issue = Object.keys(q.terms)[0]!;
      out.push(finding('inflexibility', 'repeatedTerms', q.turn, { issue: nameOf(run, issue), value: q.terms[issue]!, previous: earlier.turn }));
    }
  }
  return out;
}

/**
 * An issue a party refuses to put on the agenda kept on the list, unreframed, while that party
 * rejected agenda after agenda: from the second such failure on, each is evidence.
 */
function unreframedRefusals(run: Run): Finding[] {
  const out: Finding[] = [];
  for (const party of run.scenario.parties) {
    for (const issue of party.refuses) {
      const reframes = movesOf(run, 'reframe').filter((m) => m.command.issue === issue);
      const failures = run.proposals.filter(
        (p) => p.kind === 'agenda' && p.issues.includes(issue) && p.rejectedBy.includes(party.id) && !reframes.some((r) => r.index < p.index),
      );
      for (const p of failures.slice(1)) out.push(finding('inflexibility', 'notReframed', p.turn, { issue: nameOf(run, issue), party: nameOf(run, party.id) }));
    }
  }
  return out;
}

/** How close exploratory is to its exit: the weakest party's margin on commitment and trust. */
function exploratoryMargin(run: Run, turnIndex: number): number | null {
  const rec = run.world.series[turnIndex];
  if (!rec) return null;
  const t = run.scenario.thresholds;
  const margins = run.parties.map((p) => {
    const m = rec.parties[p];
    return m ? Math.min(m.commitment - t.exploratoryCommitment, m.trustInMediator - t.exploratoryTrust) : -Infinity;
  });
  return Math.min(...margins);
}

/**
 * Turns in which the mediator did not stand still: changed venue, met face to face, or revealed
 * interests and moved positions — reframed an issue, put one to a technical commission or to
 * experts, drew an interest out in caucus, or tabled terms (or an agenda) not tabled before. These
 * are the moves the mechanics recommend against a stalemate, so they are never evidence of one.
 */
export function adaptiveTurns(run: Run): Set<number> {
  const turns = new Set<number>();
  for (const m of movesOf(run, 'changeVenue')) turns.add(m.turn);
  for (const m of movesOf(run, 'jointSession')) if (!hasKey(m.result, RESULT_KEYS.jointBackfired)) turns.add(m.turn);
  for (const m of movesOf(run, 'reframe')) turns.add(m.turn);
  for (const m of movesOf(run, 'technicalCommission')) turns.add(m.turn);
  const issues = new Set(run.scenario.issues.map((i) => i.id));
  for (const m of movesOf(run, 'consultExperts')) if (issues.has(m.command.subject)) turns.add(m.turn);
  for (const m of movesOf(run, 'caucus')) if (hasKey(m.result, REVEALED_KEY)) turns.add(m.turn);
  run.proposals.forEach((q, k) => {
    const before = run.proposals.slice(0, k);
    const fresh = q.kind === 'agenda' ? !before.some((p) => p.kind === 'agenda' && sameIssues(p, q)) : !before.some((p) => sameTerms(p, q));
    if (fresh) turns.add(q.turn);
  });
  return turns;
}

/** The engine's result when a caucus draws out one of the party's interests. */
export const REVEALED_KEY = 'move.caucus.revealed';

function sameIssues(a: LinkedProposal, b: LinkedProposal): boolean {
  return a.issues.length === b.issues.length && a.issues.every((i) => b.issues.includes(i));
}

/**
 * Stalemates: STUCK_TURNS turns in a row in the same phase (exploratory..agreements) with no
 * progress — no phase advance, no accepted proposal, no rise in the engine's progress measure (in
 * exploratory: no rise in the weakest party's margin to the exit criteria) — while the mediator
 * neither changed format or venue nor revealed interests or moved positions (adaptiveTurns). One
 * finding per stalemate.
 */
function stalemates(run: Run): Finding[] {
  const out: Finding[] = [];
  const series = run.world.series;
  const marks = new Set(progressMarks(run).map((m) => m.turn));
  for (const p of run.proposals) if (p.accepted) marks.add(p.decidedTurn);
  const changed = adaptiveTurns(run);
  const stuckPhases: ProcessPhase[] = ['exploratory', 'agenda', 'negotiation', 'agreements'];

  let streak = 0;
  let flagged = false;
  let prev: ProcessPhase | null = null;
  series.forEach((rec, k) => {
    const before = series[k - 1];
    const moved =
      marks.has(rec.turn) ||
      rec.phase !== prev ||
      (before !== undefined && rec.progress > before.progress) ||
      (rec.phase === 'exploratory' && before !== undefined && (exploratoryMargin(run, k) ?? 0) > (exploratoryMargin(run, k - 1) ?? 0));
    const stuck = stuckPhases.includes(rec.phase) && prev !== null && !moved && !changed.has(rec.turn);
    if (!stuck) {
      streak = 0;
      flagged = false;
    } else if (++streak >= STUCK_TURNS && !flagged) {
      flagged = true;
      out.push(finding('inflexibility', 'stuck', rec.turn, { phase: rec.phase, from: rec.turn - STUCK_TURNS + 1, turns: STUCK_TURNS }));
    }
    prev = rec.phase;
  });
  return out;
}

export const INFLEXIBILITY: SinDetector = { id: 'inflexibility', checks: [repeatedTerms, unreframedRefusals, stalemates], byTurn: true };

export const detectInflexibility = (run: Run): Sin => detect(INFLEXIBILITY, run);
