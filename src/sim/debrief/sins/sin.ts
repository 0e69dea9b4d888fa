/**
 * Shared shape of a sin detector's findings: each finding is one piece of evidence (a Msg) at a
 * turn; a sin is committed when there is any evidence.
 */
import type { Msg, MsgParams } from '../../types';
import type { Sin, SinId, SinVerdict } from '../types';
import type { Run } from '../run';

export interface Finding {
  turn: number | null;
  msg: Msg;
}

/** A finding keyed `debrief.sin.<sin>.<what>`, with the turn also in the message parameters. */
export function finding(sin: SinId, what: string, turn: number | null, params: MsgParams = {}): Finding {
  return { turn, msg: { key: `debrief.sin.${sin}.${what}`, params: turn === null ? params : { ...params, turn } } };
}

/**
 * At most this many evidence lines per sin (the debrief screen shows this many): past it, the last
 * line gathers the rest ("and N more times, on turns …") so every turn listed still has its line.
 */
export const EVIDENCE_LINES = 5;

export function makeSin(id: SinId, all: Finding[]): Sin {
  // The same evidence twice (e.g. two strikes by one faction in one turn) is said once. Keying a
  // finding as JSON is costly, so only findings that share a message key and turn are compared:
  // equal evidence always does, and most findings differ by turn (one per turn of evidence).
  const groups = new Map<string, { first: Finding; seen?: Set<string> }>();
  const jsonKey = (f: Finding) => JSON.stringify([f.msg.key, f.msg.params ?? {}]);
  const findings = all.filter((f) => {
    const near = `${f.msg.key}@${f.msg.params?.turn ?? ''}`;
    const group = groups.get(near);
    if (!group) {
      groups.set(near, { first: f });
      return true;
    }
    group.seen ??= new Set([jsonKey(group.first)]);
    const k = jsonKey(f);
    return group.seen.has(k) ? false : (group.seen.add(k), true);
  });
  const turns = [...new Set(findings.map((f) => f.turn).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const evidence = findings.map((f) => f.msg);
  if (evidence.length > EVIDENCE_LINES) {
    const rest = findings.slice(EVIDENCE_LINES - 1);
    const restTurns = [...new Set(rest.map((f) => f.turn).filter((t): t is number => t !== null))].sort((a, b) => a - b);
    evidence.splice(EVIDENCE_LINES - 1, Infinity, {
      key: restTurns.length > 0 ? 'debrief.sin.more' : 'debrief.sin.moreUntimed',
      params: { count: rest.length, turns: restTurns.join(', ') },
    });
  }
  return {
    id,
    committed: findings.length > 0,
    evidenceTurns: turns,
    evidence,
    better: { key: `debrief.sin.${id}.better` },
  };
}

/** A sin's detector: the checks that look for its evidence, in the order the evidence is told. */
export interface SinDetector {
  id: SinId;
  checks: ((run: Run) => Finding[])[];
  /** List the evidence by turn rather than check by check. */
  byTurn?: boolean;
}

/** The sin with all its evidence, for the debrief. */
export function detect(d: SinDetector, run: Run): Sin {
  const findings = d.checks.flatMap((check) => check(run));
  if (d.byTurn) findings.sort((a, b) => (a.turn ?? 0) - (b.turn ?? 0));
  return makeSin(d.id, findings);
}

/**
 * Only whether the sin was committed, as `detect` would say: the first check with evidence
 * settles it and the rest need not run (batch analysis asks this of every bot game).
 */
export function judgeSin(d: SinDetector, run: Run): SinVerdict {
  return { id: d.id, committed: d.checks.some((check) => check(run).length > 0) };
}
