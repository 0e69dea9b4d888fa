/**
 * The instructor's console (DESIGN.md §8): the join code large, the seat plan with the live roster,
 * start, pause/resume, end, and the exercise's injects (fire one, its text edited first).
 */
import { el, rerender } from '../../overlay';
import { fmt, t } from '../../../i18n/index';
import type { RemoteSeat } from '../../../seat/remote';
import { connectionLine, newsList, type ClassScreen } from './shared';

/** Inject texts being edited: kept across redraws. */
const drafts = new Map<string, string>();

export function drawConsole(cs: ClassScreen, seat: RemoteSeat): void {
  const { main, errorBox, back } = { main: cs.main, errorBox: cs.errorBox, back: cs.back };
  const st = seat.status();
  const inj = seat.injects();
  const v = seat.hasView() ? seat.view() : null;
  const sc = cs.scenarioOf(v);
  const act = (type: string, payload?: Record<string, unknown>) => () =>
    void seat.control(type, payload).then((r) => {
      cs.setError(r ? fmt(r, sc) : null);
      cs.redraw();
    });
  const roster = el(
    'table',
    { class: 'roster', 'data-testid': 'roster' },
    el('thead', {}, el('tr', {}, el('th', { text: t('classroom.seat') }), el('th', { text: t('classroom.holders') }))),
    el(
      'tbody',
      {},
      ...(st?.seats ?? []).map((s) =>
        el(
          'tr',
          { 'data-testid': `roster-${s.role}` },
          el('td', { text: `${s.name} (${t(`classroom.playedBy.${s.playedBy}`)})` }),
          el('td', {}, s.holders.length ? s.holders.map((h) => `${h.name}${h.online ? '' : ` (${t('classroom.offline')})`}`).join(', ') : t('classroom.empty')),
        ),
      ),
    ),
  );
  const controls = el(
    'div',
    { class: 'actions' },
    st?.status === 'lobby' ? el('button', { class: 'btn primary', 'data-testid': 'class-start', text: t('classroom.start'), onclick: act('start') }) : null,
    st?.status === 'running' && !st.paused
      ? el('button', { class: 'btn', 'data-testid': 'class-pause', text: t('classroom.pause'), onclick: act('pause') })
      : null,
    st?.status === 'running' && st.paused
      ? el('button', { class: 'btn', 'data-testid': 'class-resume', text: t('classroom.resume'), onclick: act('resume') })
      : null,
    st?.status === 'running' ? el('button', { class: 'btn ghost', 'data-testid': 'class-end', text: t('classroom.end'), onclick: act('end') }) : null,
  );
  const injects = el(
    'section',
    { class: 'class-injects', 'aria-label': t('classroom.injects'), 'data-testid': 'injects' },
    el('h2', { text: t('classroom.injects') }),
    ...(inj?.planned ?? []).map((p) => {
      const id = `inject-text-${p.id}`;
      const text = el('textarea', { id, rows: 2, maxlength: 600, 'data-testid': id });
      text.value = drafts.get(p.id) ?? p.synopsis;
      text.addEventListener('input', () => drafts.set(p.id, text.value));
      return el(
        'div',
        { class: 'inject', 'data-testid': `inject-${p.id}` },
        el('label', {
          for: id,
          class: 'label',
          text: `${p.id}${p.turn !== undefined ? ` · ${t('classroom.turn', { turn: p.turn })}` : ''}${p.fired ? ` · ${t('classroom.fired')}` : ''}`,
        }),
        text,
        el('button', {
          class: 'btn small',
          'data-testid': `fire-${p.id}`,
          disabled: p.fired || st?.status !== 'running',
          text: t('classroom.fire'),
          onclick: () => {
            const synopsis = text.value.trim();
            act('fire', synopsis && synopsis !== p.synopsis ? { inject: p.id, synopsis } : { inject: p.id })();
          },
        }),
      );
    }),
  );
  rerender(
    main,
    el('h1', { id: 'classroom-heading', text: `${t('classroom.console')}: ${seat.welcome()?.title ?? ''}` }),
    el('p', { class: 'hint', text: t('classroom.codeHint', { address: location.origin }) }),
    el('p', { class: 'join-code', 'data-testid': 'class-code', style: 'font-size:4rem;letter-spacing:.3em;font-weight:700;margin:0', text: seat.code }),
    connectionLine(seat),
    errorBox(),
    st
      ? el('p', { 'data-testid': 'class-status', text: t(`classroom.status.${st.status}`) + (st.turn ? ` · ${t('classroom.turn', { turn: st.turn })}` : '') })
      : null,
    controls,
    roster,
    injects,
    newsList(v, sc),
    el('div', { class: 'actions' }, back()),
  );
}
