/**
 * Printable seat handouts for a paper role-play: one sheet per seat, each with the public background
 * and that seat's confidential briefing only (from the instructor's briefing, which carries every
 * seat's note). On paper each sheet starts a new page (classroom-debrief.css), so the sheets can be
 * handed out one by one. The instructor opens them from the console, the lobby or the class debrief.
 */
import '../../classroom-debrief.css';
import { el, rerender } from '../../overlay';
import { t } from '../../../i18n/index';
import type { RemoteSeat } from '../../../seat/remote';
import { seatLabel, type ClassScreen } from './shared';

/** Seats whose instructor is looking at the handouts (the classroom screen draws them instead of the console). */
const open = new WeakSet<RemoteSeat>();

export const handoutsOpen = (seat: RemoteSeat): boolean => open.has(seat);

export function handoutsButton(cs: ClassScreen, seat: RemoteSeat): HTMLElement {
  return el('button', {
    class: 'btn',
    'data-testid': 'open-handouts',
    text: t('classDebrief.handouts'),
    onclick: () => {
      open.add(seat);
      cs.redraw();
    },
  });
}

export function drawHandouts(cs: ClassScreen, seat: RemoteSeat): void {
  const b = seat.briefing();
  const all = b?.allConfidential ?? {};
  const sc = cs.scenarioOf(seat.hasView() ? seat.view() : null);
  const title = seat.welcome()?.title ?? '';
  // Every seat of the exercise (the status lists them, with names), never the instructor's own note.
  const seats = (seat.status()?.seats ?? []).map((s) => s.role as string).filter((r) => r !== 'instructor');
  const sheets = seats.map((role) => {
    const note = Object.prototype.hasOwnProperty.call(all, role) ? all[role]! : null;
    return el(
      'article',
      { class: 'handout', 'data-testid': `handout-${role}`, 'aria-label': t('handouts.seat', { seat: seatLabel(role, sc) }) },
      el('p', { class: 'handout-title', text: title }),
      el('h2', { text: t('handouts.seat', { seat: seatLabel(role, sc) }) }),
      el('h3', { text: t('briefing.background') }),
      el('p', { class: 'handout-text', text: b?.background ?? '' }),
      b?.earlierTalks?.length
        ? el(
            'section',
            {},
            el('h3', { text: t('briefing.earlierTalks') }),
            el('ul', {}, ...b.earlierTalks.map((x) => el('li', { text: t('handouts.earlierTalk', x) }))),
          )
        : null,
      el(
        'section',
        { class: 'handout-confidential' },
        el('h3', { text: t('handouts.confidential') }),
        el('p', { class: 'handout-text', 'data-testid': 'handout-note', text: note ?? t('handouts.noNote') }),
      ),
    );
  });
  rerender(
    cs.main,
    el(
      'div',
      { class: 'handouts', 'data-testid': 'handouts' },
      el(
        'header',
        { class: 'handouts-head no-print' },
        el('h1', { id: 'classroom-heading', text: `${t('handouts.heading')} · ${title}` }),
        el('p', { class: 'hint', text: t('handouts.hint') }),
        el(
          'div',
          { class: 'actions' },
          el('button', { class: 'btn primary', 'data-testid': 'handouts-print', text: t('handouts.print'), onclick: () => window.print() }),
          el('button', {
            class: 'btn ghost',
            'data-testid': 'handouts-back',
            text: t('handouts.back'),
            onclick: () => {
              open.delete(seat);
              cs.redraw();
            },
          }),
        ),
      ),
      b ? null : el('p', { class: 'hint', text: t('handouts.none') }),
      ...sheets,
    ),
  );
}
