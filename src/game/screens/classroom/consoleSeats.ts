/**
 * The seat plan with the live roster: each seat, who plays it (people, the engine, watching), who
 * sits there and whether they are connected or dropped; move a student to another seat or out of
 * the class; leave a seat to the engine or open it to students again (before or during play).
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { SeatInfo } from '../../../seat/remote';
import { bound, seatTitle, section, type ConsoleCtx } from './consoleKit';

/** Seats the engine can play (the mediator is a person or the bot; the observer only watches). */
const playable = (role: string) => /^(party|faction|external):/.test(role);

export function seatPlan(c: ConsoleCtx): HTMLElement {
  const seats = c.st?.seats ?? [];
  const lobby = c.st?.status === 'lobby';
  const rows = seats.map((s) => seatRow(c, s, seats, lobby));
  const online = seats.reduce((n, s) => n + s.holders.filter((h) => h.online).length, 0);
  const dropped = seats.reduce((n, s) => n + s.holders.filter((h) => !h.online).length, 0);
  return section(
    'seats',
    t('console.seats.heading'),
    el('p', { class: 'hint', 'data-testid': 'roster-count', text: t('console.seats.count', { online, dropped }) }),
    el(
      'table',
      { class: 'roster', 'data-testid': 'roster' },
      el('thead', {}, el('tr', {}, el('th', { text: t('classroom.seat') }), el('th', { text: t('classroom.holders') }))),
      el('tbody', {}, ...rows),
    ),
    lobby ? el('p', { class: 'hint', text: t('console.seats.lobbyHint') }) : el('p', { class: 'hint', text: t('console.seats.runningHint') }),
  );
}

function seatRow(c: ConsoleCtx, s: SeatInfo, seats: SeatInfo[], lobby: boolean): HTMLElement {
  const engine = s.playedBy === 'engine';
  // Before the start a held seat must be emptied first; once running, the engine may take over a
  // seat whose student left (or is still there: the engine then answers for it), and hand it back.
  const heldFirst = lobby && !engine && s.holders.length > 0;
  const toggle = playable(s.role)
    ? el('button', {
        class: 'btn small ghost',
        'data-testid': `plan-${s.role}`,
        disabled: heldFirst,
        title: heldFirst ? t('console.seats.heldFirst') : undefined,
        text: engine ? t('console.seats.open') : t('console.seats.toEngine'),
        onclick: () => void c.act('plan', { seat: s.role, engine: !engine }),
      })
    : null;
  return el(
    'tr',
    { 'data-testid': `roster-${s.role}`, 'data-played-by': s.playedBy },
    el(
      'td',
      {},
      el('strong', { text: seatTitle(c, s.role) }),
      el('span', { class: `badge played-${s.playedBy}`, text: t(`classroom.playedBy.${s.playedBy}`) }),
      toggle,
    ),
    el(
      'td',
      {},
      s.holders.length
        ? el(
            'ul',
            { class: 'holders' },
            ...s.holders.map((h) => {
              const key = `move-${h.id}`;
              const pick = bound(
                el(
                  'select',
                  { 'data-testid': key, 'aria-label': t('console.seats.moveTo', { name: h.name }) },
                  ...seats.filter((x) => x.role !== s.role && x.playedBy !== 'engine').map((x) => el('option', { value: x.role, text: seatTitle(c, x.role) })),
                  el('option', { value: '', text: t('console.seats.remove') }),
                ),
                key,
                seats.find((x) => x.role !== s.role)?.role ?? '',
              );
              return el(
                'li',
                { 'data-testid': `holder-${h.id}`, 'data-online': h.online ? 'yes' : 'no' },
                el('span', { class: `dot ${h.online ? 'on' : 'off'}`, 'aria-hidden': 'true' }),
                el('span', { class: 'holder-name', text: h.name }),
                el('span', { class: `badge ${h.online ? 'online' : 'dropped'}`, text: h.online ? t('console.seats.online') : t('classroom.offline') }),
                pick,
                el('button', {
                  class: 'btn small',
                  'data-testid': `move-go-${h.id}`,
                  text: t('console.seats.move'),
                  onclick: () => void c.act('reassign', { holder: h.id, seat: pick.value || null }),
                }),
              );
            }),
          )
        : el('span', { class: 'hint', text: engine ? t('console.seats.engineSeat') : t('classroom.empty') }),
    ),
  );
}
