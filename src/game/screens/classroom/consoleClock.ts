/**
 * Running the exercise: start, pause, resume, end, and the turn clock — set seconds per turn or
 * clear it — with the countdown of the current turn (the server ends the mediator's turn when it
 * runs out; paused, the clock stops). One timer ticks every countdown on the page.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { Status } from '../../../seat/remote';
import { TURN_CLOCK_SECONDS } from '../../../seat/wire';
import { bound, clockText, type ConsoleCtx } from './consoleKit';

let ticker: ReturnType<typeof setInterval> | null = null;

/** Update every countdown on the page; stop when there is none left. */
function tick(): void {
  const shown = document.querySelectorAll<HTMLElement>('[data-deadline]');
  if (shown.length === 0 && ticker) {
    clearInterval(ticker);
    ticker = null;
  }
  for (const e of shown) e.textContent = clockText(Number(e.dataset.deadline) - Date.now());
}

export function countdown(st: Status | null): HTMLElement {
  const attrs: Record<string, string> = { class: 'countdown', 'data-testid': 'clock-countdown', role: 'timer', 'aria-live': 'off' };
  if (!st?.turnSeconds) return el('span', { ...attrs, text: t('console.clock.off') });
  if (st.paused || st.status !== 'running')
    return el('span', { ...attrs, 'data-state': 'stopped', text: t('console.clock.stopped', { seconds: st.turnSeconds }) });
  if (!st.deadline) return el('span', { ...attrs, text: t('console.clock.per', { seconds: st.turnSeconds }) });
  const e = el('span', { ...attrs, 'data-state': 'running', 'data-deadline': String(st.deadline), text: clockText(st.deadline - Date.now()) });
  if (!ticker) ticker = setInterval(tick, 500);
  return e;
}

export function controls(c: ConsoleCtx): HTMLElement {
  const st = c.st;
  const running = st?.status === 'running';
  const secondsKey = 'clock-seconds';
  const seconds = bound(
    el('input', { id: secondsKey, 'data-testid': secondsKey, type: 'number', min: 10, max: 86400, step: 10, inputmode: 'numeric' }),
    secondsKey,
    String(st?.turnSeconds ?? 180),
  );
  return el(
    'div',
    { class: 'console-controls', role: 'group', 'aria-label': t('console.controls') },
    el(
      'div',
      { class: 'actions' },
      st?.status === 'lobby'
        ? el('button', { class: 'btn primary', 'data-testid': 'class-start', text: t('classroom.start'), onclick: () => void c.act('start') })
        : null,
      running && !st.paused
        ? el('button', { class: 'btn', 'data-testid': 'class-pause', text: t('classroom.pause'), onclick: () => void c.act('pause') })
        : null,
      running && st.paused
        ? el('button', { class: 'btn primary', 'data-testid': 'class-resume', text: t('classroom.resume'), onclick: () => void c.act('resume') })
        : null,
    ),
    el(
      'div',
      { class: 'clock' },
      el('label', { for: secondsKey, class: 'label', text: t('console.clock.seconds') }),
      seconds,
      el('button', {
        class: 'btn small',
        'data-testid': 'clock-set',
        disabled: st?.status === 'ended',
        text: t('console.clock.set'),
        onclick: () => {
          const n = Math.round(Number(seconds.value));
          if (!Number.isFinite(n) || n < TURN_CLOCK_SECONDS.min || n > TURN_CLOCK_SECONDS.max)
            return (c.cs.setError(t('console.clock.range', { min: TURN_CLOCK_SECONDS.min, max: TURN_CLOCK_SECONDS.max })), c.cs.redraw());
          void c.act('clock', { seconds: n });
        },
      }),
      el('button', {
        class: 'btn small ghost',
        'data-testid': 'clock-clear',
        disabled: !st?.turnSeconds,
        text: t('console.clock.clear'),
        onclick: () => void c.act('clock', { seconds: null }),
      }),
      countdown(st),
    ),
    running ? el('button', { class: 'btn ghost end', 'data-testid': 'class-end', text: t('classroom.end'), onclick: () => void c.act('end') }) : null,
  );
}
