/**
 * The instructor's console (DESIGN.md §8), laid out for a projector and a laptop: the join code and
 * its QR code (a projector view shows only those), the exercise's state and controls with the turn
 * clock, the seat plan with the live roster, the inject list with its ad-hoc composer, the live
 * activity feed, any seat's view and the hidden values. Once ended, index.ts shows the class debrief
 * (classDebrief.ts) instead. Each part is its own module (console*.ts); this one lays them out.
 */
import '../../classroom-console.css';
import { el, rerender } from '../../overlay';
import { t } from '../../../i18n/index';
import type { RemoteSeat } from '../../../seat/remote';
import { connectionLine, type ClassScreen } from './shared';
import { consoleCtx, type ConsoleCtx } from './consoleKit';
import { joinCard } from './consoleJoin';
import { controls } from './consoleClock';
import { seatPlan } from './consoleSeats';
import { injectList } from './consoleInjects';
import { activityFeed } from './consoleFeed';
import { peekPanel } from './consolePeek';
import { hiddenPanel } from './consoleHidden';

/** The projector view: the join card alone, full size. */
let projecting = false;

/** Where the caret is in the field being typed in: a redraw (any change in the class) puts it back. */
function keepCaret(): () => void {
  const a = document.activeElement;
  if (!(a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement) || !a.dataset.k) return () => undefined;
  const { k } = a.dataset;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = a.selectionStart;
    end = a.selectionEnd;
  } catch {
    // A number input has no selection.
  }
  return () => {
    const again = document.activeElement;
    if ((again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.dataset.k === k && start !== null && end !== null) {
      try {
        again.setSelectionRange(start, end);
      } catch {
        // Not a text field.
      }
    }
  };
}

/** Inner scrolling lists (the feed) keep their scroll position across redraws. */
function keepScroll(root: HTMLElement): () => void {
  const kept = [...root.querySelectorAll<HTMLElement>('[data-keep-scroll]')].map((e) => [e.dataset.keepScroll!, e.scrollTop] as const);
  return () => {
    for (const [key, top] of kept) {
      const e = root.querySelector<HTMLElement>(`[data-keep-scroll="${key}"]`);
      if (e) e.scrollTop = top;
    }
  };
}

export function drawConsole(cs: ClassScreen, seat: RemoteSeat): void {
  const restoreCaret = keepCaret();
  const restoreScroll = keepScroll(cs.main);
  const c = consoleCtx(cs, seat);
  cs.main.classList.add('console-screen');
  const toggle = () => {
    projecting = !projecting;
    cs.redraw();
  };
  if (projecting) {
    rerender(cs.main, el('div', { class: 'console projecting', 'data-testid': 'console' }, joinCard(c, true, toggle)));
    return;
  }
  rerender(
    cs.main,
    el(
      'div',
      { class: 'console', 'data-testid': 'console' },
      header(c),
      el(
        'div',
        { class: 'console-grid' },
        el('div', { class: 'console-side' }, joinCard(c, false, toggle), seatPlan(c)),
        injectList(c),
        activityFeed(c),
        peekPanel(c),
        hiddenPanel(c),
      ),
    ),
  );
  restoreCaret();
  restoreScroll();
}

function header(c: ConsoleCtx): HTMLElement {
  const st = c.st;
  const state = st
    ? t(`classroom.status.${st.status}`) +
      (st.paused ? ` · ${t('console.paused')}` : '') +
      (st.turn ? ` · ${t('classroom.turn', { turn: st.turn })}` : '') +
      (c.v ? ` · ${t(`phase.${c.v.phase}`)}` : '')
    : '';
  return el(
    'header',
    { class: 'console-head' },
    el('h1', { id: 'classroom-heading', text: `${t('classroom.console')}: ${c.seat.welcome()?.title ?? ''}` }),
    el('p', { class: 'console-state', 'data-testid': 'class-status', 'data-status': st?.status ?? '', 'data-paused': st?.paused ? 'yes' : 'no', text: state }),
    connectionLine(c.seat),
    c.cs.errorBox(),
    controls(c),
    el('div', { class: 'actions' }, c.cs.back()),
  );
}
