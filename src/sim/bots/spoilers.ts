/**
 * By the book with spoilers: learn each hardliner's type from the experts, then engage each the
 * right way for that type (induce, socialize, isolate or coerce).
 */
import type { MediatorCommand } from '../types';
import type { FactionView, PartyView } from '../view';
import { rightApproach } from '../rules/moves';
import type { Facts } from './byTheBookFacts';

const APPROACHES = ['induce', 'socialize', 'isolate', 'coerce'] as const;

/** The right way to handle a spoiler of this type. */
export function approachFor(type: string): (typeof APPROACHES)[number] {
  for (const a of APPROACHES) if (rightApproach(type, a)) return a;
  return undefined!;
}

/** Engage the first known spoiler not yet handled the right way. */
export function handleSpoiler(x: Facts): MediatorCommand | null {
  for (const p of x.view.parties) {
    for (const f of p.factions) {
      if (f.spoiler !== 'unknown' && f.spoiler !== 'none' && !x.notes.handled.has(f.id)) return { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) };
    }
  }
  return null;
}

/** Ask the experts about the first hardliner of unknown type; before signing, about anyone unknown. */
export function consultOnSpoiler(x: Facts): MediatorCommand | null {
  const f = firstUnknown(x, true) ?? (x.view.phase === 'agreements' ? firstUnknown(x, false) : undefined);
  return f ? { type: 'consultExperts', subject: f.id } : null;
}

function firstUnknown(x: Facts, hardlineOnly: boolean): FactionView | undefined {
  for (const p of x.view.parties) for (const f of p.factions) if (f.spoiler === 'unknown' && (!hardlineOnly || f.stance === 'hardline')) return f;
  return undefined;
}

/** A divided party cannot sign: bring in its least satisfied faction of known type, the right way. */
export function bringInFaction(weak: PartyView): MediatorCommand | null {
  let f: FactionView | undefined;
  for (const x of weak.factions) if (x.spoiler !== 'unknown' && (!f || x.satisfaction < f.satisfaction)) f = x;
  return f ? { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) } : null;
}
