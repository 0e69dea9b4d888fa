/** Spoilers by type: the right way to engage a faction once the experts have named its type. */
import { rightApproach } from '../rules/moves';

const APPROACHES = ['induce', 'socialize', 'isolate', 'coerce'] as const;

/** The right way to handle a spoiler of this type. */
export function approachFor(type: string): (typeof APPROACHES)[number] {
  for (const a of APPROACHES) if (rightApproach(type, a)) return a;
  return undefined!;
}
