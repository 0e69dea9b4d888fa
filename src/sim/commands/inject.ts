/**
 * The instructor's live inject: one from the scenario's list (its text may be edited before
 * firing) or an ad-hoc effect. Bounded per turn so a slip cannot flood the trainees.
 */
import { z } from 'zod';
import { defineCommand, freeText, idField, refuse, ANY_PHASE } from './spec';
import { effectSchema, type Scenario } from '../../scenario/schema';
import { checkReferences } from '../../scenario/references';
import { expandPlanned } from '../rules/turn';

export const inject = defineCommand({
  type: 'inject',
  schema: z
    .strictObject({ type: z.literal('inject'), inject: idField.optional(), effect: effectSchema.optional(), synopsis: freeText(600).optional() })
    .refine((c) => (c.inject === undefined) !== (c.effect === undefined), { message: 'name an inject or give an effect, not both' }),
  senders: ['instructor'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 10,
  whyIllegal(s, _w, cmd) {
    if (cmd.inject !== undefined) return findInject(s, cmd.inject) ? null : refuse('unknownInject', { id: cmd.inject });
    return effectRefsOk(s, cmd.effect) ? null : refuse('effect.unknownTarget');
  },
  apply(s, w, cmd) {
    if (cmd.inject !== undefined) {
      const inj = findInject(s, cmd.inject)!;
      if (!w.firedInjects.includes(inj.id)) w.firedInjects.push(inj.id);
      // Fired by hand, a planned inject waits for its expected response as a scheduled one does
      // (its contingencies fire if the response does not come in time).
      if ('expectedResponse' in inj && inj.expectedResponse && !(inj.id in w.awaiting))
        w.awaiting = { ...w.awaiting, [inj.id]: w.turn + inj.expectedResponse.withinTurns };
      w.pending.push(...expandPlanned({ source: 'instructor', id: inj.id, synopsis: cmd.synopsis ?? inj.synopsis, effect: inj.effect }));
    } else {
      w.pending.push(...expandPlanned({ source: 'instructor', ...(cmd.synopsis ? { synopsis: cmd.synopsis } : {}), effect: cmd.effect! }));
    }
    return { result: { key: 'seat.inject' }, changes: [] };
  },
  form: [
    { name: 'inject', kind: 'target', of: 'inject', optional: true },
    { name: 'synopsis', kind: 'text', maxLength: 600, optional: true },
  ],
});

function findInject(s: Scenario, id: string) {
  for (const i of s.injects) {
    if (i.id === id) return i;
    for (const c of i.contingency) if (c.id === id) return c;
  }
  return undefined;
}

/** An ad-hoc effect must name things that exist: reuse the scenario's reference checks. */
function effectRefsOk(s: Scenario, effect: unknown): boolean {
  const probe = { ...s, injects: [{ id: 'live', turn: 1, synopsis: 'live', effect, contingency: [] }] } as Scenario;
  return !checkReferences(probe).some((p) => p.severity === 'error' && p.path[0] === 'injects');
}
