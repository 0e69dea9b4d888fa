/**
 * Commands from the seats humans hold in classroom play (a delegation, a faction, an outside power)
 * and the instructor's live injects. Checked like the mediator's moves: refused with a reason.
 */
import type { Scenario } from '../../scenario/schema';
import { effectSchema } from '../../scenario/schema';
import type { Command, Msg, SeatCommand, World } from '../types';
import { parseRole } from '../roles';
import { addLog } from '../world';
import { recordResponse, settle } from './proposals';
import { expandPlanned, spoilerEvents } from './turn';
import { checkReferences } from '../../scenario/references';
import { has } from '../util';
import { isFinal } from './progress';

const refuse = (key: string, params?: Msg['params']): Msg => (params ? { key: `refuse.${key}`, params } : { key: `refuse.${key}` });

export function whyIllegalSeat(s: Scenario, w: World, cmd: SeatCommand & { role: Command['role'] }): Msg | null {
  if (isFinal(w.phase)) return refuse('over');
  const id = parseRole(cmd.role)?.id ?? '';
  switch (cmd.type) {
    case 'respond': {
      const prop = w.proposals.find((p) => p.id === cmd.proposal);
      if (!prop) return refuse('unknownProposal', { id: cmd.proposal });
      if (!has(prop.responses, id) || prop.responses[id] !== 'pending') return refuse('notPending', { id: cmd.proposal });
      // An agenda answered during negotiation would overturn agreed work: answers expire with the phase.
      if (prop.phase !== w.phase) return refuse('proposalStale', { id: cmd.proposal });
      return typeof cmd.accept === 'boolean' ? null : refuse('respond.accept');
    }
    case 'gesture':
      return ['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire'].includes(cmd.cbm) ? null : refuse('cbm');
    case 'walkOut':
      return has(w.parties, id) && w.parties[id]!.seat === 'walkedOut' ? refuse('alreadyDone') : null;
    case 'returnToTable':
      return has(w.parties, id) && w.parties[id]!.seat === 'walkedOut' ? null : refuse('notWalkedOut');
    case 'spoilerAction':
      return ['crackdown', 'arrest', 'denunciation', 'violence', 'callWalkout', 'leak'].includes(cmd.action) ? null : refuse('spoilerAction');
    case 'externalAction': {
      const e = effectSchema.safeParse(cmd.effect);
      if (!e.success || (e.data.kind !== 'sanctions' && e.data.kind !== 'supportShift')) return refuse('effect.invalid');
      if (e.data.actor !== id) return refuse('effect.notOwn');
      return effectRefsOk(s, e.data) ? null : refuse('effect.unknownTarget');
    }
    case 'inject': {
      if (cmd.inject !== undefined) {
        const known = s.injects.flatMap((i) => [i, ...i.contingency]).some((i) => i.id === cmd.inject);
        return known ? null : refuse('unknownInject', { id: cmd.inject });
      }
      const e = effectSchema.safeParse(cmd.effect);
      if (!e.success) return refuse('effect.invalid');
      return effectRefsOk(s, e.data) ? null : refuse('effect.unknownTarget');
    }
  }
}

/** An ad-hoc effect must name things that exist: reuse the scenario's reference checks. */
function effectRefsOk(s: Scenario, effect: unknown): boolean {
  const probe = { ...s, injects: [{ id: 'live', turn: 1, synopsis: 'live', effect, contingency: [] }] } as Scenario;
  return !checkReferences(probe).some((p) => p.severity === 'error' && p.path[0] === 'injects');
}

/** Apply a legal seat command to a draft. Events it causes are queued in w.pending. */
export function applySeatCommand(s: Scenario, w: World, cmd: SeatCommand & { role: Command['role'] }): void {
  const id = parseRole(cmd.role)?.id ?? '';
  switch (cmd.type) {
    case 'respond': {
      // Copy the proposal before answering it: older snapshots share the original.
      const idx = w.proposals.findIndex((p) => p.id === cmd.proposal);
      const prop = { ...w.proposals[idx]!, responses: { ...w.proposals[idx]!.responses }, reasons: { ...w.proposals[idx]!.reasons } };
      w.proposals[idx] = prop;
      recordResponse(w, prop, id, cmd.accept, { key: cmd.accept ? 'response.accept' : 'response.humanReject' });
      settle(s, w, prop);
      return;
    }
    case 'gesture':
      w.pending.push({ source: 'party', id, effect: { kind: 'cbm', party: id, cbm: cmd.cbm } });
      return;
    case 'walkOut':
      w.pending.push({ source: 'party', id, effect: { kind: 'walkOut', party: id } });
      return;
    case 'returnToTable':
      w.parties[id]!.seat = 'atTable';
      addLog(w, { turn: w.turn, kind: 'event', source: 'party', id, effect: { kind: 'news' }, result: { key: 'event.party.returns', params: { party: id } }, changes: [{ target: id, meter: 'seat', delta: 1 }] });
      return;
    case 'spoilerAction':
      w.pending.push(...spoilerEvents(id, cmd.action, 'faction'));
      return;
    case 'externalAction':
      w.pending.push({ source: 'external', id, effect: cmd.effect });
      return;
    case 'inject': {
      if (cmd.inject) {
        const inj = s.injects.flatMap((i) => [i, ...i.contingency]).find((i) => i.id === cmd.inject)!;
        if (!w.firedInjects.includes(inj.id)) w.firedInjects.push(inj.id);
        w.pending.push(...expandPlanned({ source: 'instructor', id: inj.id, synopsis: inj.synopsis, effect: inj.effect }));
      } else {
        const effect = effectSchema.parse(cmd.effect);
        w.pending.push(...expandPlanned({ source: 'instructor', ...(cmd.synopsis ? { synopsis: String(cmd.synopsis).slice(0, 600) } : {}), effect }));
      }
      return;
    }
  }
}
