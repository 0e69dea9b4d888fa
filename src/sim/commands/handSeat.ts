/**
 * The instructor hands a seat to the engine mid-exercise (a student left) or back to people. The
 * seats people play are fixed when the game is created; this records the change in the world, so a
 * replay of the commands reaches the same state. A delegation handed to the engine answers at once
 * whatever proposal was waiting for it, as the engine would have.
 */
import { z } from 'zod';
import { defineCommand, refuse, ANY_PHASE } from './spec';
import { has } from '../util';
import { parseRole, humanHolds } from '../roles';
import { decide, recordResponse, settle } from '../rules/proposals';
import type { Role } from '../types';

export const handSeat = defineCommand({
  type: 'handSeat',
  schema: z.strictObject({
    type: z.literal('handSeat'),
    seat: z
      .string()
      .max(80)
      .regex(/^(party|faction|external):[a-z][a-z0-9_-]*$/, 'a party, faction or outside-power seat'),
    to: z.enum(['engine', 'people']),
  }),
  senders: ['instructor'],
  cost: 0,
  phases: ANY_PHASE,
  perTurn: 20,
  whyIllegal(_s, w, cmd) {
    const r = parseRole(cmd.seat as Role);
    const id = r?.id ?? '';
    const known =
      r && ((r.kind === 'party' && has(w.parties, id)) || (r.kind === 'faction' && has(w.factions, id)) || (r.kind === 'external' && has(w.externals, id)));
    if (!known) return refuse('handSeat.unknown', { seat: cmd.seat });
    const people = humanHolds(w, cmd.seat as Role);
    if (people === (cmd.to === 'people')) return refuse(cmd.to === 'people' ? 'handSeat.alreadyPeople' : 'handSeat.alreadyEngine', { seat: cmd.seat });
    return null;
  },
  apply(s, w, cmd) {
    w.handed = { ...w.handed, [cmd.seat]: cmd.to };
    const r = parseRole(cmd.seat as Role)!;
    if (cmd.to === 'engine' && r.kind === 'party') {
      const pid = r.id!;
      w.proposals.forEach((old, i) => {
        if (old.status !== 'pending' || old.phase !== w.phase || old.responses[pid] !== 'pending') return;
        // Copy before answering: older snapshots share the original.
        const prop = { ...old, responses: { ...old.responses }, reasons: { ...old.reasons } };
        w.proposals[i] = prop;
        const { accept, reason } = decide(s, w, prop, pid);
        recordResponse(w, prop, pid, accept, reason);
        settle(s, w, prop);
      });
    }
    return { result: { key: cmd.to === 'engine' ? 'seat.handSeat.engine' : 'seat.handSeat.people', params: { seat: cmd.seat } }, changes: [] };
  },
  form: [
    { name: 'seat', kind: 'text', maxLength: 80 },
    { name: 'to', kind: 'choice', options: ['engine', 'people'], default: 'engine' },
  ],
});
