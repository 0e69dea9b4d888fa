/**
 * The tutorial's coach: a short note introducing each concept the first time it matters, shown
 * beside the play (never blocking it), one at a time, each once; skippable for the whole game.
 * Which notes were shown is kept in the save (news slice). Only on the tutorial scenario.
 */
import type { StoreState } from '../store/gameStore';
import type { View } from '../sim/index';

/** Each concept, in teaching order, with when it first matters (read from the mediator's view). */
export const COACH_NOTES: { id: string; when: (v: View, s: StoreState) => boolean }[] = [
  { id: 'briefing', when: () => true },
  { id: 'caucus', when: (v) => v.phase === 'exploratory' },
  { id: 'spoilers', when: (v) => v.turn >= 2 || v.parties.some((p) => p.factions.some((f) => f.spoiler !== 'unknown')) },
  { id: 'criteria', when: (v) => v.phase !== 'exploratory' || v.turn >= 2 || v.criteria.some((c) => c.met) },
  { id: 'agenda', when: (v) => v.phase === 'agenda' },
  { id: 'outside', when: (v) => v.turn >= 3 || v.externals.some((e) => e.engaged > 0) },
  { id: 'packages', when: (v) => v.phase === 'negotiation' },
  { id: 'cbm', when: (v) => v.phase === 'negotiation' || v.phase === 'agreements' },
  { id: 'direct', when: (v) => v.phase === 'agreements' },
  { id: 'monitoring', when: (v) => v.phase === 'monitoring' },
];

/** The note to show now, or null (coach off, not the tutorial, or nothing new). */
export function coachNote(s: StoreState): string | null {
  const v = s.view;
  if (!v || v.over || s.coach.off || s.scenario?.id !== 'tutorial') return null;
  for (const n of COACH_NOTES) if (!s.coach.seen.includes(n.id) && n.when(v, s)) return n.id;
  return null;
}
