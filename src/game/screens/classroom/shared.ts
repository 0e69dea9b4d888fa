/**
 * What every classroom screen shares: the screen's frame (the <main> it draws into, back, errors,
 * redraw) and the small pieces each seat's screen and the console show alike.
 */
import type { ScreenContext } from '../../app';
import { el } from '../../overlay';
import { fmt, nameOf, t } from '../../../i18n/index';
import type { LogEntry, View } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import type { RemoteSeat } from '../../../seat/remote';

/** The classroom screen as its parts see it. */
export interface ClassScreen {
  ctx: ScreenContext;
  main: HTMLElement;
  /** The back-to-menu button (leaves the class). */
  back(): HTMLElement;
  /** The current error, as an alert, or nothing. */
  errorBox(): HTMLElement | null;
  setError(message: string | null): void;
  /** Draw the current session again. */
  redraw(): void;
  fail(e: unknown): void;
  /** The shipped scenario a view belongs to, for names (null for an uploaded pack). */
  scenarioOf(v: View | null): Scenario | null;
}

/** Recoveries the student has already read (dismissed), per seat. */
const seenRecoveries = new WeakMap<RemoteSeat, number>();

/**
 * The connection's state, and after the seat came back from a drop or a server restart a notice that
 * says so (the student may have missed a few seconds of the exercise, never a command: the server
 * keeps them), until the student dismisses it.
 */
export const connectionLine = (seat: RemoteSeat) => {
  const line = el('p', {
    class: `hint connection ${seat.connection()}`,
    role: 'status',
    'data-testid': 'connection',
    'data-state': seat.connection(),
    text: t(`classroom.connection.${seat.connection()}`),
  });
  const back = seat.recoveries() > (seenRecoveries.get(seat) ?? 0) && seat.connection() === 'online';
  if (!back) return line;
  const notice = el(
    'p',
    { class: 'notice', role: 'status', 'data-testid': 'recovered' },
    t('classroom.recovered'),
    ' ',
    el('button', {
      class: 'btn small ghost',
      'data-testid': 'recovered-ok',
      text: t('classroom.recoveredOk'),
      onclick: () => {
        seenRecoveries.set(seat, seat.recoveries());
        notice.remove();
      },
    }),
  );
  return el('div', { class: 'connection-box' }, line, notice);
};

export const newsList = (v: View | null, sc: Scenario | null) => {
  const events = (v?.log ?? []).filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event');
  return el(
    'section',
    { class: 'class-news', 'aria-label': t('table.news'), 'data-testid': 'seat-news' },
    el('h2', { text: t('table.news') }),
    events.length
      ? el('ul', {}, ...events.map((e) => el('li', { text: `${t('news.heading', { turn: e.turn })}: ${e.synopsis ?? fmt(e.result, sc)}` })))
      : el('p', { class: 'hint', text: t('classroom.noNews') }),
  );
};

export function seatLabel(role: string, sc: Scenario | null): string {
  const [kind, id] = role.split(':');
  if (!id) return t(`classroom.role.${kind}`);
  return `${t(`classroom.role.${kind}`)}: ${nameOf(sc, id)}`;
}

export function targetsFromView(v: View, of: string): string[] {
  switch (of) {
    case 'party':
      return v.parties.map((p) => p.id);
    case 'external':
      return v.externals.map((e) => e.id);
    case 'issue':
    case 'agendaIssue':
      return v.issues.map((i) => i.id);
    case 'proposal':
      return v.proposals.filter((p) => p.status === 'pending').map((p) => String(p.id));
    default:
      return [];
  }
}
