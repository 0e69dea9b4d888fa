/**
 * Ignorance — Brahimi & Ahmed's "original sin": acting without knowing the conflict, its history,
 * its spoilers and the parties' real interests.
 */
import type { Sin } from '../types';
import { caucusedBetween, issueStudiedBefore, movesOf, nameOf, type Run } from '../run';
import { detect, finding, type Finding, type SinDetector } from './sin';

/**
 * Acting before reading the briefing is starting blind: evidence at the first move made before it
 * (ending a turn idle is no move), or at turn 1 when it was never read.
 */
function skippedBriefing(run: Run): Finding[] {
  const read = movesOf(run, 'readBriefing')[0];
  const first = run.moves.find((m) => m.command.type !== 'readBriefing' && m.command.type !== 'endTurn');
  if (read) return first && first.index < read.index ? [finding('ignorance', 'noBriefing', first.turn)] : [];
  return run.world.knowledge.briefing ? [] : [finding('ignorance', 'noBriefing', 1)];
}

/** Engaging a faction before experts revealed its spoiler type is guessing the strategy. */
function unstudiedSpoilers(run: Run): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set<string>();
  const consults = movesOf(run, 'consultExperts');
  for (const m of movesOf(run, 'engageSpoiler')) {
    const f = m.command.faction;
    if (flagged.has(f)) continue;
    if (!consults.some((c) => c.command.subject === f && c.index < m.index)) {
      flagged.add(f);
      out.push(finding('ignorance', 'spoilerUnstudied', m.turn, { faction: nameOf(run, f) }));
    }
  }
  return out;
}

/**
 * Proposing terms on an issue whose interests were never explored: explored means studied on its
 * own (reframe, experts, technical commission) or every party holding a position on it was heard
 * in caucus first (a caucus reveals a party's interests).
 */
function unexploredIssues(run: Run): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set<string>();
  for (const p of run.proposals) {
    if (p.kind === 'agenda') continue;
    for (const issue of p.issues) {
      if (flagged.has(issue)) continue;
      const def = run.scenario.issues.find((d) => d.id === issue);
      const holders = def ? Object.keys(def.positions).filter((x) => run.parties.includes(x)) : run.parties;
      const heard = holders.every((party) => caucusedBetween(run, party, -1, p.index));
      if (!heard && !issueStudiedBefore(run, issue, p.index)) {
        flagged.add(issue);
        out.push(finding('ignorance', 'issueUnexplored', p.turn, { issue: nameOf(run, issue) }));
      }
    }
  }
  return out;
}

/** Never studying the earlier rounds: repeating what already failed. */
function neverStudiedHistory(run: Run): Finding[] {
  const studied = run.world.knowledge.history || movesOf(run, 'studyHistory').length > 0;
  return studied ? [] : [finding('ignorance', 'noHistory', null)];
}

export const IGNORANCE: SinDetector = { id: 'ignorance', checks: [skippedBriefing, unstudiedSpoilers, unexploredIssues, neverStudiedHistory] };

export const detectIgnorance = (run: Run): Sin => detect(IGNORANCE, run);
