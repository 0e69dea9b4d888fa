/**
 * A student's seat in a class, one screen per kind of seat, all reading the same remote seat (its
 * role, its own view, its own briefing, its channels) and sending intents through it: the mediator
 * reads its briefing and goes to the same table as solo play; a delegation answers proposals (with a
 * counter-offer if it likes), makes gestures, walks out and back; a faction picks its spoiler
 * options; an outside power acts within its means; the observer watches the public view. Each
 * screen shows only what its seat's view holds: the server never sends another seat's secrets.
 */
import '../../classroom-seats.css';
import { el, rerender } from '../../overlay';
import { t } from '../../../i18n/index';
import type { RemoteSeat } from '../../../seat/remote';
import type { Scenario } from '../../../scenario/schema';
import { connectionLine, newsList, seatLabel, type ClassScreen } from './shared';
import { forSeat, nameIn, namesFrom, panel, reassignedNotice, type SeatCtx } from './seatKit';
import { briefingPanel } from './seatBriefing';
import { channelPanels } from './seatChannels';
import { delegationPanels } from './seatDelegation';
import { factionPanels } from './seatFaction';
import { powerPanels } from './seatPower';
import { observerPanels } from './seatObserver';

export function drawSeat(cs: ClassScreen, seat: RemoteSeat): void {
  forSeat(seat);
  const main = cs.main;
  main.classList.add('seat-screen');
  const v = seat.hasView() ? seat.view() : null;
  const sc = cs.scenarioOf(v);
  const st = seat.status();
  const role = seat.role;
  const [kind, id] = role.split(':') as [string, string | undefined];
  main.dataset.seat = kind;
  const c: SeatCtx | null = v ? { seat, v, sc, names: sc ?? namesFrom(v), own: id ?? null, redraw: cs.redraw } : null;
  const lobby = !st || st.status === 'lobby';
  const label = v && id ? `${t(`classroom.role.${kind}`)}: ${nameIn(v, id)}` : seatLabel(role, sc);

  const head = el(
    'header',
    { class: 'seat-head' },
    el('h1', { id: 'classroom-heading', 'data-testid': 'seat-heading', 'data-role': role, text: `${seat.welcome()?.title ?? ''} — ${label}` }),
    v
      ? el('p', { class: 'hint', 'data-testid': 'seat-turn', text: t('seats.turn', { turn: v.turn, limit: v.turnLimit, phase: t(`phase.${v.phase}`) }) })
      : null,
    connectionLine(seat),
    cs.errorBox(),
    reassignedNotice(cs.redraw),
    lobby ? el('p', { class: 'lead', 'data-testid': 'lobby', text: t('classroom.waiting') }) : null,
    st?.paused ? el('p', { class: 'notice warn', 'data-testid': 'paused', text: t('classroom.paused') }) : null,
    st?.status === 'ended' ? el('p', { class: 'notice', 'data-testid': 'ended', text: t('classroom.ended') }) : null,
  );
  const work = c ? workPanels(cs, c, kind) : [];
  rerender(
    main,
    head,
    el(
      'div',
      { class: 'seat-grid' },
      el('div', { class: 'seat-col seat-col-brief' }, briefingPanel(c, seat.briefing(), kind)),
      el('div', { class: 'seat-col seat-col-work', 'data-testid': 'seat-actions' }, ...work),
      el('div', { class: 'seat-col seat-col-talk' }, ...(c ? channelPanels(c) : []), newsPanel(v, c?.names ?? sc)),
    ),
    el('div', { class: 'actions' }, cs.back()),
  );
}

function workPanels(cs: ClassScreen, c: SeatCtx, kind: string): HTMLElement[] {
  switch (kind) {
    case 'party':
      return delegationPanels(c);
    case 'faction':
      return factionPanels(c);
    case 'external':
      return powerPanels(c);
    case 'mediator': {
      // As in solo play, going to the table from the briefing says it was read; skipping it is the
      // sin of ignorance (the engine records which: readBriefing costs nothing).
      const unread = c.seat.hasView() && !c.seat.view().knowledge.briefing;
      const toTable = () => cs.ctx.store.getState().playRemote(c.seat, c.sc);
      return [
        panel(
          'mediator-seat',
          t('classroom.role.mediator'),
          el('button', {
            class: 'btn primary big',
            'data-testid': 'to-table',
            text: unread ? t('briefing.read') : t('classroom.toTable'),
            onclick: () => {
              if (unread) void c.seat.request({ type: 'readBriefing' });
              toTable();
            },
          }),
          unread ? el('button', { class: 'btn ghost', 'data-testid': 'to-table-skip', text: t('briefing.skip'), onclick: toTable }) : null,
          unread ? el('p', { class: 'hint', text: t('briefing.skipWarn') }) : null,
        ),
      ];
    }
    default:
      return [el('p', { class: 'notice', 'data-testid': 'watch', text: t('seats.watch') }), ...observerPanels(c)];
  }
}

/** The news as this seat's view holds it, in a panel of the grid. */
function newsPanel(v: ReturnType<RemoteSeat['view']> | null, names: Scenario | null): HTMLElement {
  const list = newsList(v, names);
  list.classList.add('panel', 'seat-panel');
  return list;
}
