/**
 * Shared shape of a sin detector's findings: each finding is one piece of evidence (a Msg) at a
 * turn; a sin is committed when there is any evidence.
 */
import type { Msg, MsgParams } from '../../types';
import type { Sin, SinId } from '../types';

export interface Finding {
  turn: number | null;
  msg: Msg;
}

/** A finding keyed `debrief.sin.<sin>.<what>`, with the turn also in the message parameters. */
export function finding(sin: SinId, what: string, turn: number | null, params: MsgParams = {}): Finding {
  return { turn, msg: { key: `debrief.sin.${sin}.${what}`, params: turn === null ? params : { ...params, turn } } };
}

export function makeSin(id: SinId, all: Finding[]): Sin {
  // The same evidence twice (e.g. two strikes by one faction in one turn) is said once.
  const seen = new Set<string>();
  const findings = all.filter((f) => {
    const k = JSON.stringify([f.msg.key, f.msg.params ?? {}]);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const turns = [...new Set(findings.map((f) => f.turn).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  return {
    id,
    committed: findings.length > 0,
    evidenceTurns: turns,
    evidence: findings.map((f) => f.msg),
    better: { key: `debrief.sin.${id}.better` },
  };
}
