/**
 * The join card: the code in large type and the join address as a QR code (qrcode-generator, drawn
 * as SVG cells), readable from the back of a room; a button turns the console into the projector view.
 */
import qrcode from 'qrcode-generator';
import { el, svg } from '../../overlay';
import { t } from '../../../i18n/index';
import type { ConsoleCtx } from './consoleKit';

/** The address a student opens: the page with the code filled in (index.ts reads `?join=`). */
export function joinUrl(code: string): string {
  return `${location.origin}${location.pathname}?join=${encodeURIComponent(code)}`;
}

/** The QR code of a text as an SVG element: one path of dark cells, a quiet zone of four cells. */
export function qrSvg(text: string, title: string): SVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return svg(
    'svg',
    {
      viewBox: `-4 -4 ${n + 8} ${n + 8}`,
      role: 'img',
      'aria-label': title,
      class: 'qr',
      'shape-rendering': 'crispEdges',
      'data-testid': 'class-qr',
      'data-url': text,
    },
    svg('rect', { x: -4, y: -4, width: n + 8, height: n + 8, fill: '#fff' }),
    svg('path', { d, fill: '#000' }),
  );
}

export function joinCard(c: ConsoleCtx, projecting: boolean, toggle: () => void): HTMLElement {
  const code = c.seat.code;
  const url = joinUrl(code);
  return el(
    'section',
    { class: 'console-card console-join', 'aria-labelledby': 'console-join-h', 'data-testid': 'console-join' },
    el('h2', { id: 'console-join-h', text: t('console.join.heading') }),
    el('p', { class: 'hint', text: t('classroom.codeHint', { address: location.origin }) }),
    el('p', { class: 'join-code', 'data-testid': 'class-code', text: code }),
    el('div', { class: 'qr-box' }, qrSvg(url, t('console.join.qr', { url }))),
    el('p', { class: 'join-url', 'data-testid': 'class-url', text: url }),
    el('button', {
      class: 'btn',
      'data-testid': 'projector-toggle',
      'aria-pressed': projecting ? 'true' : 'false',
      text: projecting ? t('console.join.back') : t('console.join.project'),
      onclick: toggle,
    }),
  );
}
