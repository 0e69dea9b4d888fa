/** Engage a faction: the right approach depends on its hidden spoiler type (Stedman). */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE } from './spec';
import { SPOILER_APPROACHES } from '../vocabulary';
import type { Change } from '../types';
import { clamp, has } from '../util';
import { shiftMeter } from '../world';
import { rightApproach } from '../rules/moves';
import { SPOILER_COHESION } from '../rules/numbers';

export const engageSpoiler = defineCommand({
  type: 'engageSpoiler',
  schema: z.strictObject({ type: z.literal('engageSpoiler'), faction: idField, approach: z.enum(SPOILER_APPROACHES) }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal: (_s, w, cmd) => (has(w.factions, cmd.faction) ? null : refuse('unknownFaction', { id: cmd.faction })),
  apply(_s, w, cmd) {
    const changes: Change[] = [];
    const f = w.factions[cmd.faction]!;
    // No pump: a faction already handled the right way gains nothing from the same handling again.
    if (f.managed && rightApproach(f.spoiler, cmd.approach)) return { result: { key: 'move.engageSpoiler.already', params: { faction: f.id } }, changes };
    if (rightApproach(f.spoiler, cmd.approach)) {
      f.managed = true;
      f.satisfaction = clamp(f.satisfaction + 15);
      if (cmd.approach === 'induce' || cmd.approach === 'socialize') f.included = true;
      if (cmd.approach === 'isolate') f.included = false;
      shiftMeter(
        w,
        f.party,
        'cohesion',
        cmd.approach === 'isolate' || cmd.approach === 'coerce' ? SPOILER_COHESION.isolated : SPOILER_COHESION.included,
        changes,
      );
      return { result: { key: 'move.engageSpoiler.right', params: { faction: f.id } }, changes };
    }
    f.managed = false;
    f.satisfaction = clamp(f.satisfaction - 20);
    shiftMeter(w, f.party, 'cohesion', SPOILER_COHESION.backfired, changes);
    return { result: { key: 'move.engageSpoiler.backfired', params: { faction: f.id } }, changes };
  },
  candidates: (s) =>
    s.parties.flatMap((p) => p.factions.flatMap((f) => SPOILER_APPROACHES.map((approach) => ({ type: 'engageSpoiler' as const, faction: f.id, approach })))),
  fixedCandidates: true,
  form: [
    { name: 'faction', kind: 'target', of: 'faction' },
    { name: 'approach', kind: 'choice', options: SPOILER_APPROACHES, default: 'induce' },
  ],
});
