/**
 * Who may send what. Every command names its sender's role; the mediator makes moves, the
 * instructor injects events, and a party, faction or outside power acts only through a seat a
 * human holds (otherwise the engine plays it). Observers watch. What each role may send is read
 * from the command registry (each command's `senders`).
 */
import type { Scenario } from '../scenario/schema';
import type { Command, Msg, Role, World } from './types';
import { specOf, type Sender, type SenderKind } from './commands';
import { has } from './util';

export type RoleKind = SenderKind | 'observer';

const ROLE_PATTERN = /^(party|faction|external):([a-z][a-z0-9_-]{0,47})$/;

export function parseRole(role: string): { kind: RoleKind; id?: string } | null {
  if (role === 'mediator' || role === 'instructor' || role === 'observer') return { kind: role };
  const m = typeof role === 'string' ? ROLE_PATTERN.exec(role) : null;
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
  if (w.handed) return humanHolds(w, `${kind}:${id}` as Role);
  const humans = w.options.humanRoles;
  return humans.length > 0 && humans.includes(`${kind}:${id}`);
}

/** People hold this seat: as the game was created, unless the instructor handed it over since (handSeat). */
export function humanHolds(w: World, role: Role): boolean {
  const handed = w.handed?.[role];
  return handed ? handed === 'people' : w.options.humanRoles.includes(role);
}

const MEDIATOR: Sender = { role: 'mediator', kind: 'mediator', id: '' };

/**
 * The sender this role may act as for this command, or why not. Checked before the command's own
 * rules, on a parsed command, so the rules can trust the sender's id.
 */
export function bindSender(s: Scenario, w: World, cmd: Pick<Command, 'role' | 'type'>): { ok: true; sender: Sender } | { ok: false; reason: Msg } {
  const role = cmd.role as string;
  const spec = specOf(cmd.type)!;
  // The common case first: bots and the table ask this for every candidate move.
  if (role === 'mediator') return spec.senders.includes('mediator') ? { ok: true, sender: MEDIATOR } : notAllowed(role, cmd.type);
  const r = parseRole(role);
  if (!r || !roleExists(s, cmd.role)) return { ok: false, reason: { key: 'refuse.role.unknown', params: { role: role.slice(0, 60) } } };
  if (r.kind === 'observer') return { ok: false, reason: { key: 'refuse.role.observer' } };
  if (!spec.senders.includes(r.kind)) return notAllowed(role, cmd.type);
  if (r.kind !== 'instructor' && r.kind !== 'mediator' && !humanHolds(w, cmd.role))
    return { ok: false, reason: { key: 'refuse.role.engineSeat', params: { role } } };
  const id = r.id ?? '';
  if (r.kind === 'party' && !has(w.parties, id)) return { ok: false, reason: { key: 'refuse.role.unknown', params: { role } } };
  if (r.kind === 'faction' && !has(w.factions, id)) return { ok: false, reason: { key: 'refuse.role.unknown', params: { role } } };
  if (r.kind === 'external' && !has(w.externals, id)) return { ok: false, reason: { key: 'refuse.role.unknown', params: { role } } };
  return { ok: true, sender: { role: cmd.role, kind: r.kind, id } };
}

const notAllowed = (role: string, command: string): { ok: false; reason: Msg } => ({
  ok: false,
  reason: { key: 'refuse.role.notAllowed', params: { role, command } },
});
