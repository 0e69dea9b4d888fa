/**
 * BATNA: what a party expects without a deal. Domestic strength plus the weight of its outside
 * patrons, minus the shocks that hit it. Low BATNAs on all sides are Zartman's ripe moment.
 */
import type { Scenario } from '../../scenario/schema';
import type { World } from '../types';
import { clamp } from '../util';

/** How much one point of outside support moves a BATNA. */
export const SUPPORT_WEIGHT = 0.15;

export function batnaOf(s: Scenario, w: World, partyId: string): number {
  const def = s.parties.find((p) => p.id === partyId);
  const p = w.parties[partyId];
  if (!def || !p) return 50;
  let support = 0;
  for (const id in w.externals) support += (w.externals[id]!.support[partyId] ?? 0) * SUPPORT_WEIGHT;
  return clamp(def.domesticStrength + support + p.shock);
}

/** Recompute every party's BATNA after outside support or shocks changed. */
export function refreshBatnas(s: Scenario, w: World): void {
  // Runs after every move: plain key loops, no arrays of values.
  for (const id in w.parties) {
    const p = w.parties[id]!;
    p.batna = Math.round(batnaOf(s, w, p.id) * 10) / 10;
  }
}
