/** Engage an outside power: ask for backing, a conditional incentive, restraint or a guarantee. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE } from './spec';
import { EXTERNAL_ASKS } from '../vocabulary';
import type { Change, Msg } from '../types';
import { clamp, has } from '../util';
import { giveReasonToReturn, shiftMeter } from '../world';
import { restraintChance } from '../rules/moves';
import { BACKING, INCENTIVE } from '../rules/numbers';
import { secureByGuarantees } from '../rules/guarantees';

export const engageExternal = defineCommand({
  type: 'engageExternal',
  schema: z.strictObject({ type: z.literal('engageExternal'), actor: idField, ask: z.enum(EXTERNAL_ASKS) }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal: (_s, w, cmd) => (has(w.externals, cmd.actor) ? null : refuse('unknownActor', { id: cmd.actor })),
  apply(s, w, cmd, _sender, roll) {
    const changes: Change[] = [];
    const a = w.externals[cmd.actor]!;
    const def = s.externals.find((e) => e.id === cmd.actor)!;
    // A refusal says why, so the mediator can change something before asking again.
    const refused = (why: 'hostile' | 'noLeverage' | 'noReason' | 'declined'): Msg => ({ key: 'move.engageExternal.refused', params: { actor: a.id, why } });
    a.engaged += 1;
    if (a.disposition < -40) return { result: refused('hostile'), changes };
    const done: Msg = { key: `move.engageExternal.${cmd.ask}`, params: { actor: a.id } };
    switch (cmd.ask) {
      case 'backing': {
        // Each ask moves the power less (no pump); dispositions drift back each turn (turn.ts).
        const share = 1 / 2 ** a.backings;
        a.disposition = clamp(a.disposition + BACKING.gain * share, -100, 100);
        a.backings += 1;
        // A patron's push is a reason for a party that walked out to come back.
        for (const pid in w.parties) if (w.parties[pid]!.seat === 'walkedOut' && (a.support[pid] ?? 0) > 0) giveReasonToReturn(w, pid);
        for (const pid in w.parties) if ((a.support[pid] ?? 0) < 0) shiftMeter(w, pid, 'commitment', 3 * share, changes);
        return { result: done, changes };
      }
      case 'incentive':
        if (!def.leverage.some((l) => l === 'sanctions' || l === 'money')) return { result: refused('noLeverage'), changes };
        if (a.disposition < 0) return { result: refused('noReason'), changes };
        // A conditional incentive: relief for those it pressures, if they agree. A power has no
        // reason to pay its own friends, and the offer fades unless renewed (turn.ts).
        for (const pid in w.parties) {
          if ((a.support[pid] ?? 0) >= 0) continue;
          const p = w.parties[pid]!;
          const before = p.incentive;
          p.incentive = Math.min(INCENTIVE.max, p.incentive + INCENTIVE.bump);
          if (p.incentive !== before) changes.push({ target: pid, meter: 'incentive', delta: p.incentive - before });
        }
        return changes.length ? { result: done, changes } : { result: refused('noReason'), changes };
      case 'restraint':
        if (roll() >= restraintChance(a.disposition)) return { result: refused('declined'), changes };
        a.restraint = true;
        return { result: done, changes };
      case 'guarantee':
        if (!def.leverage.includes('guarantees') && !def.leverage.includes('mediation')) return { result: refused('noLeverage'), changes };
        // A guarantee reassures the parties the power does not work against: their red lines on
        // the issues it secures widen (rules/guarantees.ts), and compliance rises (turn.ts).
        a.guarantee = true;
        secureByGuarantees(s, w);
        return { result: done, changes };
    }
  },
  candidates: (s) => s.externals.flatMap((e) => EXTERNAL_ASKS.map((ask) => ({ type: 'engageExternal' as const, actor: e.id, ask }))),
  fixedCandidates: true,
  form: [
    { name: 'actor', kind: 'target', of: 'external' },
    { name: 'ask', kind: 'choice', options: EXTERNAL_ASKS, default: 'backing' },
  ],
});
