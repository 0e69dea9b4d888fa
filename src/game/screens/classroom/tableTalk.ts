/**
 * The mediator's channels at the table (a classroom seat): a dialog with the caucus channel of each
 * delegation and the public channel, the same panels as the mediator's seat screen, kept up to date
 * while open. Loaded only when a classroom mediator opens it.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { Scenario } from '../../../scenario/schema';
import type { RemoteSeat } from '../../../seat/remote';
import { channelPanels } from './seatChannels';
import { namesFrom } from './seatKit';
import '../../classroom-seats.css';

export function openTalk(seat: RemoteSeat, sc: Scenario | null): void {
  if (!seat.hasView()) return;
  const body = el('div', { class: 'talk-body' });
  const close = el('button', { class: 'btn ghost', 'data-testid': 'talk-close', text: t('classroom.talkClose'), onclick: () => dialog.close() });
  const dialog = el(
    'dialog',
    { class: 'talk', 'data-testid': 'talk-dialog', 'aria-labelledby': 'talk-title' },
    el('div', { class: 'dialog-head' }, el('h2', { id: 'talk-title', text: t('classroom.talk') })),
    body,
    el('div', { class: 'dialog-actions' }, close),
  );
  const draw = () => {
    if (!seat.hasView()) return;
    const v = seat.view();
    // Keep the caret where the mediator is typing: the panels keep drafts; focus is restored by id.
    const focused = (document.activeElement as HTMLElement | null)?.id;
    body.replaceChildren(...channelPanels({ seat, v, sc, names: sc ?? namesFrom(v), own: null, redraw: draw }));
    if (focused) document.getElementById(focused)?.focus();
  };
  const stop = seat.onChange(draw);
  dialog.addEventListener('close', () => {
    stop();
    dialog.remove();
  });
  document.body.append(dialog);
  draw();
  dialog.showModal();
}
