/**
 * The one interface a screen talks to (DESIGN.md §7): a seat is a role at the table, what that role
 * sees, what it may do, and a way to do it. A local seat runs the engine in the page; a remote seat
 * (the classroom, a later issue) talks to the server. Screens read only this, so they serve any role.
 */
import type { LogEntry, MoveOption, Msg, Role, View } from '../sim/index';

/** What a sent command set off, as the seat's subscribers hear it. */
export interface SeatUpdate {
  /** The command that was accepted (with its role), or null for a change from elsewhere (a reset). */
  command: { type: string } | null;
  /** Everything the command logged that this role may see: its result, answers, events, phases. */
  entries: readonly LogEntry[];
}

export interface Seat {
  readonly role: Role;
  /** What this role sees now. */
  view(): View;
  /** The moves this role can make now, legal or not, with the engine's reason (mediator seats). */
  moves(): MoveOption[];
  /** Send a command as this role: null when it was made, otherwise the engine's reason. */
  send(cmd: { type: string } & Record<string, unknown>): Msg | null;
  /** What the engine would say to this command now (null = it would be accepted); changes nothing. */
  preview(cmd: { type: string } & Record<string, unknown>): Msg | null;
  /** Hear every accepted command; returns the way to stop. */
  subscribe(fn: (update: SeatUpdate) => void): () => void;
}
