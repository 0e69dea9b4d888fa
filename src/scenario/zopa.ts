/**
 * Zones of possible agreement. A party's utility on an issue is 1 at its ideal point, 0 at its
 * reservation (red line), capped at 1 beyond the ideal and negative past the red line (see
 * src/sim/docs/MECHANICS.md). So the values it can accept run from its red line through its
 * ideal to the end of the scale; where those ranges of all parties overlap, a formula can pass.
 */
import type { IssueDef, IssuePosition } from './schema';

export interface Range {
  low: number;
  high: number;
}

/** The values a party can accept on one issue. */
export function acceptableRange(p: Pick<IssuePosition, 'ideal' | 'reservation'>): Range {
  if (p.reservation < p.ideal) return { low: p.reservation, high: 100 };
  if (p.reservation > p.ideal) return { low: 0, high: p.reservation };
  // Ideal on the red line: the engine reads the scale's far end from the ideal's side of 50.
  return p.ideal >= 50 ? { low: p.ideal, high: 100 } : { low: 0, high: p.ideal };
}

/** The overlap of every listed party's acceptable range, or null when there is none. */
export function zopa(issue: Pick<IssueDef, 'positions'>, partyIds: string[]): Range | null {
  let low = 0;
  let high = 100;
  for (const pid of partyIds) {
    if (!Object.hasOwn(issue.positions, pid)) continue;
    const r = acceptableRange(issue.positions[pid]!);
    low = Math.max(low, r.low);
    high = Math.min(high, r.high);
  }
  return low <= high ? { low, high } : null;
}
