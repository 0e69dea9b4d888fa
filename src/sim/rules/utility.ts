/**
 * How a party values a formula: interests, not positions. Utility is 1 at its hidden ideal point,
 * 0 at its reservation (red line) and negative beyond it; getting more than the ideal is worth no
 * more than the ideal. Packages weight issues by what the party cares about, so trades create value.
 */
import type { IssuePosition, Scenario } from '../../scenario/schema';
import type { World } from '../types';
import { VISIBILITY_FLEX } from './numbers';

export function issueUtility(pos: IssuePosition, x: number): number {
  const span = pos.ideal - pos.reservation;
  if (Math.abs(span) < 1e-9) return x === pos.ideal ? 1 : (x - pos.reservation) * Math.sign(pos.ideal - 50 || 1) >= 0 ? 1 : -1;
  const u = (x - pos.reservation) / span;
  return u > 1 ? 1 : u;
}

export function respectsRedLine(pos: IssuePosition, x: number): boolean {
  return issueUtility(pos, x) >= 0;
}

/**
 * A party's position on an issue. With a world, its red line as widened by reframing,
 * commissions and a guarantee that secures the issue for it (interests can be reconstructed,
 * within the issue's flex): the reservation moves away from the ideal by that widening.
 */
export function positionOf(s: Scenario, issueId: string, partyId: string, w?: World): IssuePosition | undefined {
  const def = s.issues.find((i) => i.id === issueId);
  const pos = def?.positions[partyId];
  const st = w?.issues[issueId];
  const secured = st?.secured?.[partyId] ?? 0;
  const give = secured === 0 ? (st?.give ?? 0) : Math.min(def!.flex, st!.give + secured);
  if (!pos || give === 0) return pos;
  const away = pos.ideal >= pos.reservation ? -give : give;
  return { ...pos, reservation: Math.max(0, Math.min(100, pos.reservation + away)) };
}

/** Weighted utility of a set of terms for one party, 0..1 (negative past a red line). */
export function termsValue(s: Scenario, partyId: string, terms: Record<string, number>, w?: World): number {
  let sum = 0;
  let weights = 0;
  for (const [issueId, x] of Object.entries(terms)) {
    const pos = positionOf(s, issueId, partyId, w);
    if (!pos) continue;
    const wgt = Math.max(pos.weight, 0.01);
    sum += wgt * issueUtility(pos, x);
    weights += wgt;
  }
  return weights > 0 ? sum / weights : 0;
}

/** The issues whose red line the terms break, for the party's stated reason. */
export function brokenRedLines(s: Scenario, partyId: string, terms: Record<string, number>, w?: World): string[] {
  return Object.entries(terms)
    .filter(([issueId, x]) => {
      const pos = positionOf(s, issueId, partyId, w);
      return pos ? !respectsRedLine(pos, x) : false;
    })
    .map(([issueId]) => issueId);
}

export type ScoreContext = 'formula' | 'package' | 'signing';

/**
 * The acceptance score: the value of the terms seen through trust in the mediator, raised by
 * incentives, direct talks and a venue near the principals, lowered by a strong BATNA and by a
 * hidden intent to stall. Threshold: 40 for a single formula, 35 for packages and signing.
 */
// Contexts differ only in their threshold (ACCEPT_THRESHOLD): packages create value by trading.
export function acceptanceScore(s: Scenario, w: World, partyId: string, terms: Record<string, number>): number {
  const p = w.parties[partyId]!;
  const value = 100 * termsValue(s, partyId, terms, w);
  const venue = s.venues.find((v) => v.id === w.venue);
  let score = value + (p.trustInMediator - 50) * 0.4 + p.incentive - (p.batna - 50) * 0.8;
  if (w.talkFormat === 'direct') score += 5;
  if (venue?.nearPrincipals) score += 5;
  if (p.intent === 'stalling') score -= 15;
  // Confidential talks let a party move further; once public, it is held to its stated positions.
  score += VISIBILITY_FLEX[w.visibility];
  return score;
}

export const ACCEPT_THRESHOLD: Record<ScoreContext, number> = { formula: 40, package: 35, signing: 35 };
