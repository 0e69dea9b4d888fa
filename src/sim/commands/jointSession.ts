/** Joint session: the parties at one table. With enough mutual trust the talks turn direct. */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE, type Outcome } from './spec';
import type { Change, World } from '../types';
import { otherIds } from '../util';
import { shiftMeter, shiftTrust } from '../world';

export const jointSession = defineCommand({
  type: 'jointSession',
  schema: z.strictObject({ type: z.literal('jointSession') }),
  senders: ['mediator'],
  cost: 2,
  phases: ANY_PHASE,
  region: true,
  whyIllegal(_s, w) {
    if (w.phase === 'suspended') return refuse('suspended');
    if (w.phase === 'exploratory') return refuse('jointSession.exploratory');
    return null;
  },
  candidates: () => [{ type: 'jointSession' as const }],
  fixedCandidates: true,
  form: [],
});

/** The talk-format region decides whether the parties will sit together; this is what follows. */
export function holdJointSession(w: World, direct: boolean): Outcome {
  const changes: Change[] = [];
  w.ap -= jointSession.cost;
  const ids = Object.keys(w.parties);
  if (!direct) {
    for (const a of ids) for (const b of otherIds(ids, a)) shiftTrust(w, a, b, -5, changes);
    return { result: { key: 'move.jointSession.backfired' }, changes };
  }
  const bump = w.talkFormat === 'direct' ? 4 : 5;
  for (const a of ids) {
    for (const b of otherIds(ids, a)) shiftTrust(w, a, b, bump, changes);
    if (w.talkFormat === 'direct') shiftMeter(w, a, 'commitment', 2, changes);
  }
  return { result: { key: w.talkFormat === 'direct' ? 'move.jointSession.done' : 'move.jointSession.direct' }, changes };
}
