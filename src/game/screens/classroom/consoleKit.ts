/**
 * What the console's parts share: the instructor's context (seat, status, the instructor's view),
 * how an action is sent and its refusal shown, inputs whose values survive the console's redraws,
 * and seat names.
 */
import { el } from '../../overlay';
import { fmt, hasMessage, t } from '../../../i18n/index';
import type { Msg, View } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import type { RemoteSeat, Status } from '../../../seat/remote';
import type { ClassScreen } from './shared';

export interface ConsoleCtx {
  cs: ClassScreen;
  seat: RemoteSeat;
  st: Status | null;
  /** The instructor's view (everything, hidden values included), once the exercise has started. */
  v: View | null;
  sc: Scenario | null;
  /** Send an instructor message; its refusal shows in the console's alert. */
  act(type: string, payload?: Record<string, unknown>): Promise<Msg | null>;
}

/** Names for the engine's messages, from a view, when the page has no scenario file (a remote class). */
const names = new WeakMap<View, Scenario>();
function namesFrom(v: View): Scenario {
  let s = names.get(v);
  if (!s) {
    // fmt() reads only ids and names (i18n namesOf): the view has them all.
    s = {
      parties: v.parties.map((p) => ({ id: p.id, name: p.name, short: p.short, factions: p.factions.map((f) => ({ id: f.id, name: f.name })) })),
      externals: v.externals.map((e) => ({ id: e.id, name: e.name })),
      issues: v.issues.map((i) => ({ id: i.id, name: i.name })),
      venues: v.venues.map((x) => ({ id: x.id, name: x.name })),
    } as unknown as Scenario;
    names.set(v, s);
  }
  return s;
}

export function consoleCtx(cs: ClassScreen, seat: RemoteSeat): ConsoleCtx {
  const v = seat.hasView() ? seat.view() : null;
  const sc = cs.scenarioOf(v) ?? (v ? namesFrom(v) : null);
  return {
    cs,
    seat,
    st: seat.status(),
    v,
    sc,
    act: (type, payload) =>
      seat.control(type, payload).then((r) => {
        cs.setError(r ? fmt(r, sc) : null);
        cs.redraw();
        return r;
      }),
  };
}

/** Values typed into the console, by input key: a redraw (every change in the class) keeps them. */
const drafts = new Map<string, string>();

export function draft(key: string): string | undefined {
  return drafts.get(key);
}
export function clearDraft(key: string): void {
  drafts.delete(key);
}

/** Bind an input to its draft: the value survives redraws, and `rerender` keeps the focus (data-k). */
export function bound<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(e: T, key: string, initial: string): T {
  e.setAttribute('data-k', key);
  e.value = drafts.get(key) ?? initial;
  // A select whose kept value is no longer offered falls back to the first option.
  if (e instanceof HTMLSelectElement && e.value !== (drafts.get(key) ?? initial)) drafts.delete(key);
  const keep = () => drafts.set(key, e.value);
  e.addEventListener('input', keep);
  e.addEventListener('change', keep);
  return e;
}

/** A seat's name as the roster shows it (names come from the server, so an uploaded pack works too). */
export function seatTitle(c: ConsoleCtx, role: string): string {
  const s = c.st?.seats.find((x) => x.role === role);
  const [kind, id] = role.split(':');
  const kindName = t(`classroom.role.${kind}`);
  return id ? `${kindName}: ${s?.name ?? id}` : kindName;
}

/** A party, faction, outside power, issue or venue id as a name, from the instructor's view. */
export function nameIn(v: View | null, id: string): string {
  if (!v) return id;
  for (const p of v.parties) {
    if (p.id === id) return p.short || p.name;
    for (const f of p.factions) if (f.id === id) return f.name;
  }
  return v.externals.find((e) => e.id === id)?.name ?? v.issues.find((i) => i.id === id)?.name ?? v.venues.find((x) => x.id === id)?.name ?? id;
}

/** A catalogue label if there is one, else the raw value. */
export function label(key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}

export const section = (id: string, title: string, ...children: (Node | null)[]) =>
  el(
    'section',
    { class: `console-card console-${id}`, 'aria-labelledby': `console-${id}-h`, 'data-testid': `console-${id}` },
    el('h2', { id: `console-${id}-h`, text: title }),
    ...children,
  );

export const clockText = (ms: number): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
