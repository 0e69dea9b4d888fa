/**
 * Guarantees widen zones of agreement (DESIGN.md §4, "interests can be reconstructed"): a party
 * whose vital issues an outside power vouches for can settle for less on them, within the limit
 * the scenario sets (the issue's flex, shared with reframing and commissions).
 */
import type { Scenario } from '../../scenario/schema';
import type { World } from '../types';
import { GUARANTEE } from './numbers';
import { positionOf } from './utility';

/** The issues a guarantee secures for a party: those it needs on the agenda, else its weightiest. */
export function securedIssues(s: Scenario, partyId: string): string[] {
  const core = s.issues.filter((i) => i.core.includes(partyId) && i.positions[partyId]);
  if (core.length > 0) return core.map((i) => i.id);
  let best: string | null = null;
  let weight = -1;
  for (const i of s.issues) {
    const w = i.positions[partyId]?.weight;
    if (w !== undefined && w > weight) [best, weight] = [i.id, w];
  }
  return best ? [best] : [];
}

/** The parties a power's guarantee reassures: those it does not work against. */
export function guaranteedParties(w: World, externalId: string): string[] {
  const e = w.externals[externalId]!;
  return Object.keys(w.parties).filter((pid) => (e.support[pid] ?? 0) >= GUARANTEE.trustedFrom);
}

/**
 * Set each issue's `secured` widening from the guarantees in force (one guarantee or several: the
 * same widening, so asking more powers is no pump). A red line the mediator already knows moves
 * with it, as it does with reframing.
 */
export function secureByGuarantees(s: Scenario, w: World): void {
  const reassured = new Set<string>();
  for (const e of Object.values(w.externals)) if (e.guarantee) for (const pid of guaranteedParties(w, e.id)) reassured.add(pid);
  for (const def of s.issues) {
    const st = w.issues[def.id]!;
    const secured: Record<string, number> = {};
    for (const pid of reassured) if (securedIssues(s, pid).includes(def.id)) secured[pid] = Math.round(def.flex * GUARANTEE.widen);
    const had = st.secured ?? {};
    if (Object.keys(secured).length > 0) st.secured = secured;
    else delete st.secured;
    for (const pid of Object.keys(w.parties)) {
      if ((had[pid] ?? 0) === (secured[pid] ?? 0)) continue;
      const interests = w.knowledge.interests[pid]!;
      const known = interests[def.id];
      // A fresh record, not an edit: earlier games may share this one.
      if (known?.reservation !== undefined) interests[def.id] = { ...known, reservation: positionOf(s, def.id, pid, w)!.reservation };
    }
  }
}
