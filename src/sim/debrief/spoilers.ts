/**
 * Spoiler management (Stedman): each faction's hidden type, how the mediator dealt with it, and
 * whether it struck. The right approach depends on the type; the wrong one backfires.
 */
import type { SpoilerApproach, SpoilerType } from '../types';
import type { SpoilerReport } from './types';
import { RESULT_KEYS, hasKey } from './keys';
import { movesOf, type Run, type MoveOf } from './run';

/** Stedman's prescriptions as the engine applies them (MECHANICS.md, engageSpoiler). */
export const RIGHT_APPROACHES: Record<SpoilerType, readonly SpoilerApproach[]> = {
  none: ['induce', 'socialize'],
  limited: ['induce', 'socialize'],
  greedy: ['socialize'],
  total: ['isolate', 'coerce'],
};

/** Was this engagement right? The engine's verdict when it gave one, otherwise the table. */
export function engagementWasRight(run: Run, m: MoveOf<'engageSpoiler'>): boolean {
  if (hasKey(m.result, RESULT_KEYS.spoilerRight)) return true;
  if (hasKey(m.result, RESULT_KEYS.spoilerBackfired)) return false;
  const type = run.world.factions[m.command.faction]?.spoiler ?? 'none';
  return RIGHT_APPROACHES[type].includes(m.command.approach);
}

/** Turns at which a faction struck (spoiler events from the faction itself). */
export function strikeTurns(run: Run, faction: string): number[] {
  return run.events.filter((e) => e.source === 'faction' && e.effect.kind === 'spoiler' && e.effect.faction === faction).map((e) => e.turn);
}

export function analyseSpoilers(run: Run): SpoilerReport[] {
  const engagements = movesOf(run, 'engageSpoiler');
  const consults = movesOf(run, 'consultExperts');
  return Object.values(run.world.factions).map((f) => {
    const mine = engagements.filter((m) => m.command.faction === f.id);
    const first = mine[0];
    const strikes = strikeTurns(run, f.id);
    return {
      faction: f.id,
      party: f.party,
      type: f.spoiler,
      studied: consults.some((c) => c.command.subject === f.id && (!first || c.index < first.index)),
      engaged: mine.length > 0,
      engagements: mine.map((m) => ({ turn: m.turn, approach: m.command.approach, right: engagementWasRight(run, m) })),
      managed: f.managed,
      included: f.included,
      strikes: strikes.length,
      strikeTurns: strikes,
    };
  });
}
