/**
 * Who may send what. Every command names its sender's role; the mediator makes moves, the
 * instructor injects events, and a party, faction or outside power acts only through a seat a
 * human holds (otherwise the engine plays it). Observers watch.
 */
import type { Scenario } from '../scenario/schema';
import type { Command, Msg, Role, SeatCommand, World } from './types';
import { MEDIATOR_MOVES } from '../scenario/schema';

export const MEDIATOR_COMMANDS: readonly string[] = [...MEDIATOR_MOVES, 'readBriefing'];

export function parseRole(role: string): { kind: 'mediator' | 'instructor' | 'observer' | 'party' | 'faction' | 'external'; id?: string } | null {
  if (role === 'mediator' || role === 'instructor' || role === 'observer') return { kind: role };
  const m = /^(party|faction|external):([a-z][a-z0-9_-]*)$/.exec(role);
  return m ? { kind: m[1] as 'party' | 'faction' | 'external', id: m[2]! } : null;
}

export function roleExists(s: Scenario, role: Role): boolean {
  const r = parseRole(role);
  if (!r) return false;
  if (!r.id) return true;
  if (r.kind === 'party') return s.parties.some((p) => p.id === r.id);
  if (r.kind === 'faction') return s.parties.some((p) => p.factions.some((f) => f.id === r.id));
  return s.externals.some((e) => e.id === r.id);
}

/** A human holds this seat. Bot games have no human seats: then the role name is not even built. */
export function isHumanSeat(w: World, kind: 'party' | 'faction' | 'external', id: string): boolean {
  const humans = w.options.humanRoles;
  return humans.length > 0 && humans.includes(`${kind}:${id}`);
}

const SEAT_COMMANDS: Record<string, SeatCommand['type'][]> = {
  party: ['respond', 'gesture', 'walkOut', 'returnToTable'],
  faction: ['spoilerAction'],
  external: ['externalAction'],
  instructor: ['inject'],
};

/** Why this role may not send this command, or null when it may. */
const MEDIATOR_SET = new Set(MEDIATOR_COMMANDS);

export function roleRefusal(s: Scenario, w: World, cmd: Command): Msg | null {
  const role = cmd.role as string;
  // The common case first: bots and the table ask this for every candidate move.
  if (role === 'mediator') return MEDIATOR_SET.has(cmd.type) ? null : { key: 'refuse.role.notAllowed', params: { role, command: cmd.type } };
  const r = parseRole(role);
  if (!r || !roleExists(s, cmd.role)) return { key: 'refuse.role.unknown', params: { role: String(role) } };
  if (r.kind === 'mediator') {
    return MEDIATOR_COMMANDS.includes(cmd.type) ? null : { key: 'refuse.role.notAllowed', params: { role, command: cmd.type } };
  }
  if (r.kind === 'observer') return { key: 'refuse.role.observer' };
  if (!SEAT_COMMANDS[r.kind]!.includes(cmd.type as SeatCommand['type'])) return { key: 'refuse.role.notAllowed', params: { role, command: cmd.type } };
  if (r.kind !== 'instructor' && !w.options.humanRoles.includes(cmd.role)) return { key: 'refuse.role.engineSeat', params: { role } };
  return null;
}
