/**
 * What the seat screens share: names read from the seat's own view (a remote seat may have no
 * scenario file), drafts and answers that survive a redraw (the screen is drawn again on every
 * message from the server), and one way to send an intent and show the server's answer beside it.
 */
import { el } from '../../overlay';
import { fmt, t } from '../../../i18n/index';
import type { Msg, View } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import type { RemoteSeat } from '../../../seat/remote';

/** What a seat screen part needs to draw and to send. */
export interface SeatCtx {
  seat: RemoteSeat;
  v: View;
  sc: Scenario | null;
  /** For names in the engine's messages: the scenario, or a stand-in built from the view (an uploaded pack). */
  names: Scenario | null;
  /** This seat's own id (a party, faction or outside power), or null for the observer. */
  own: string | null;
  redraw(): void;
}

/** The name of anything in the view, by id: parties (short), factions, outside powers, issues. */
export function nameIn(v: View, id: string): string {
  for (const p of v.parties) {
    if (p.id === id) return p.short || p.name;
    for (const f of p.factions) if (f.id === id) return f.name;
  }
  return v.externals.find((e) => e.id === id)?.name ?? v.issues.find((i) => i.id === id)?.name ?? id;
}

const standIns = new Map<string, Scenario>();
/**
 * A names-only stand-in for the scenario, from what the view shows: the engine's messages name
 * parties, factions, powers, issues and venues by id, and a seat of an uploaded pack has no scenario
 * file to look them up in. Only i18n's name lookup reads it (never a rule: the engine is on the server).
 */
export function namesFrom(v: View): Scenario {
  const key = `${v.scenario.id}\u0000${v.scenario.title}`;
  let s = standIns.get(key);
  if (!s) {
    const names = {
      parties: v.parties.map((p) => ({ id: p.id, name: p.name, short: p.short, factions: p.factions.map((f) => ({ id: f.id, name: f.name })) })),
      externals: v.externals.map((e) => ({ id: e.id, name: e.name })),
      issues: v.issues.map((i) => ({ id: i.id, name: i.name })),
      venues: v.venues.map((x) => ({ id: x.id, name: x.name })),
    };
    s = names as unknown as Scenario;
    standIns.set(key, s);
  }
  return s;
}

// ---- State that outlives a redraw (one class session per page) ----

const drafts = new Map<string, string>();
const answers = new Map<string, { text: string; refused: boolean }>();
let owner: RemoteSeat | null = null;

let ownerRole: string | null = null;
/** The instructor moved this student to another seat (a new welcome): say so until it is read. */
let reassigned = false;

/** Forget the drafts and answers of another seat (a new session, or a reassignment by the instructor). */
export function forSeat(seat: RemoteSeat): void {
  // Until the welcome arrives the seat has no role yet: its first role is no reassignment.
  const role = seat.welcome() ? seat.role : null;
  if (owner === seat && ownerRole === role) return;
  reassigned = owner === seat && ownerRole !== null && role !== null;
  owner = seat;
  ownerRole = role;
  drafts.clear();
  answers.clear();
  opened.clear();
}

/** A notice that the instructor gave this student its seat, with a button to dismiss it. */
export function reassignedNotice(redraw: () => void): HTMLElement | null {
  if (!reassigned) return null;
  return el(
    'p',
    { class: 'notice', role: 'status', 'data-testid': 'reassigned' },
    t('seats.assigned'),
    ' ',
    el('button', {
      class: 'btn small ghost',
      text: t('classroom.recoveredOk'),
      onclick: () => {
        reassigned = false;
        redraw();
      },
    }),
  );
}

/** A draft value for an input, or the fallback. */
export const draft = (key: string, fallback: string): string => drafts.get(key) ?? fallback;
export const setDraft = (key: string, value: string): void => void drafts.set(key, value);
export const dropDraft = (prefix: string): void => {
  for (const k of [...drafts.keys()]) if (k.startsWith(prefix)) drafts.delete(k);
};

/** Keep what the student types across redraws; `data-k` keeps the focus on it. */
export function kept<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(input: T, key: string, fallback: string): T {
  input.value = draft(key, fallback);
  input.setAttribute('data-k', key);
  input.addEventListener('input', () => setDraft(key, input.value));
  input.addEventListener('change', () => setDraft(key, input.value));
  return input;
}

/** Panels the student opened (a counter-offer form). */
const opened = new Set<string>();
export const isOpen = (key: string): boolean => opened.has(key);
export const setOpen = (key: string, open: boolean): void => void (open ? opened.add(key) : opened.delete(key));

/** The server's answer to the last intent sent from a form: "sent", or the refusal's reason. */
export function answerLine(key: string): HTMLElement {
  const a = answers.get(key);
  return el('p', {
    class: `hint seat-answer${a?.refused ? ' refused' : ''}`,
    role: a?.refused ? 'alert' : 'status',
    'aria-live': 'polite',
    'data-testid': `result-${key}`,
    'data-refused': a ? String(a.refused) : undefined,
    text: a?.text ?? '',
  });
}

/** Send an engine command (or a control message such as `say`) and show its answer next to the form. */
export function sendFrom(
  c: SeatCtx,
  key: string,
  message: { command: { type: string } & Record<string, unknown> } | { control: string; payload: Record<string, unknown> },
  then?: (ok: boolean) => void,
): void {
  const asked = 'command' in message ? c.seat.request(message.command) : c.seat.control(message.control, message.payload);
  void asked.then((r: Msg | null) => {
    answers.set(key, r ? { text: t('seats.refused', { reason: fmt(r, c.names) }), refused: true } : { text: t('seats.done'), refused: false });
    then?.(!r);
    c.redraw();
  });
}

/** How many commands of this type this seat sent in the current turn (the log shows every seat its own moves). */
export function sentThisTurn(v: View, type: string): number {
  let n = 0;
  for (const e of v.log) if (e.turn === v.turn && e.kind === 'move' && e.role === v.role && e.command.type === type) n++;
  return n;
}

/** A titled panel of the seat's grid. */
export const panel = (testid: string, title: string, ...children: (Node | null | false)[]): HTMLElement =>
  el('section', { class: 'panel seat-panel', 'aria-label': title, 'data-testid': testid }, el('h2', { text: title }), ...children);
