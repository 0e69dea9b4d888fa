/**
 * The observer's screen: what the public knows — the phase, the delegations' stated stances, the
 * issues' stated positions, the agreed agenda and the progress. The observer's view carries no
 * hidden value (src/sim/view.ts), so nothing confidential can be drawn here.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { nameIn, panel, type SeatCtx } from './seatKit';

export function observerPanels(c: SeatCtx): HTMLElement[] {
  const v = c.v;
  return [
    panel(
      'public-view',
      t('seats.public'),
      el('p', { text: t('seats.public.progress', { value: Math.round(v.progress * 100) }) }),
      el('p', { text: v.agenda ? t('seats.public.agenda', { list: v.agenda.map((i) => nameIn(v, i)).join(', ') }) : t('seats.public.noAgenda') }),
      el('h3', { text: t('seats.public.parties') }),
      el('ul', { class: 'seat-list' }, ...v.parties.map((p) => el('li', { text: t('seats.public.party', { name: p.name, stance: p.publicStance }) }))),
      el('h3', { text: t('seats.public.issues') }),
      el(
        'ul',
        { class: 'seat-list' },
        ...v.issues.map((iss) =>
          el(
            'li',
            {},
            el('strong', { text: `${iss.name}: ` }),
            v.parties.map((p) => `${p.short || p.name} ${iss.publicPos[p.id] ?? '–'}`).join(' · '),
            el('span', { class: 'hint block', text: t('seats.interests.scale', { low: iss.low, high: iss.high }) }),
          ),
        ),
      ),
    ),
  ];
}
