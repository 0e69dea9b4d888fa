/**
 * The MSEL read from the log: which inject an event came from, what response the exercise expected
 * and when (if ever) the mediator made it. "In time" follows the engine's deadline: the inject fires
 * at the end of turn T and the response must come by the end of turn T + withinTurns.
 */
import type { InjectDef } from '../types';
import type { At, EventEntry, MoveEntry, Run } from './run';

/** The scenario's inject (or contingency) with this id, and the main inject it belongs to. */
export function injectDef(run: Run, id: string | undefined): { def: InjectDef | InjectDef['contingency'][number]; main: InjectDef } | null {
  if (!id) return null;
  for (const inj of run.scenario.injects) {
    if (inj.id === id) return { def: inj, main: inj };
    for (const c of inj.contingency) if (c.id === id) return { def: c, main: inj };
  }
  return null;
}

/** Does the command name this target (as party, actor, faction, issue, subject, venue or agenda item)? */
function names(command: object, target: string): boolean {
  const c = command as Record<string, unknown>;
  if (c.party === target || c.actor === target || c.faction === target || c.issue === target || c.subject === target || c.venue === target) return true;
  return Array.isArray(c.issues) && c.issues.includes(target);
}

/** The first mediator move after `index` that is the response `inj` expected (at any time), or null. */
export function expectedResponseAfter(run: Run, inj: InjectDef, index: number): At<MoveEntry> | null {
  const exp = inj.expectedResponse;
  if (!exp) return null;
  for (const m of run.moves) {
    if (m.index <= index || m.command.type !== exp.move) continue;
    if (!exp.target || names(m.command, exp.target)) return m;
  }
  return null;
}

/** Last turn in which the expected response to an inject fired at `turn` still counts. */
export function responseDeadline(inj: InjectDef, turn: number): number {
  return turn + (inj.expectedResponse?.withinTurns ?? 0);
}

/**
 * Did the mediator answer this event the way the exercise expected, in time? Only a scripted
 * inject with an expected response can be answered so; anything else: false.
 */
export function answeredInTime(run: Run, e: At<EventEntry>): boolean {
  if (e.source !== 'inject' && e.source !== 'instructor') return false;
  const found = injectDef(run, e.id);
  if (!found || found.def !== found.main || !found.main.expectedResponse) return false;
  const m = expectedResponseAfter(run, found.main, e.index);
  return !!m && m.turn <= responseDeadline(found.main, e.turn);
}
