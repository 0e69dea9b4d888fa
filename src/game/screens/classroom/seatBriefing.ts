/**
 * The seat's briefing, as a readable panel: the shared background, this seat's confidential note
 * (the server sends only its own), and the seat's own interests read from its own view — a
 * delegation's positions, ideals, red lines and weights; a faction's type, satisfaction and its
 * party's public positions; an outside power's support, leverage and disposition. Nothing here comes
 * from another seat's view: a seat's view holds only what its role may know (src/sim/view.ts).
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { View } from '../../../sim/index';
import { nameIn, panel, type SeatCtx } from './seatKit';

export function briefingPanel(c: SeatCtx | null, b: { background: string; confidential: string | null } | null, kind: string): HTMLElement {
  return panel(
    'seat-briefing',
    t('seats.briefing'),
    el(
      'div',
      { class: 'seat-briefing-body' },
      el('h3', { text: t('seats.background') }),
      ...paragraphs(b?.background ?? ''),
      b?.confidential
        ? el(
            'div',
            { class: 'seat-confidential' },
            el('h3', { text: t('seats.confidential') }),
            el('p', { 'data-testid': 'confidential', text: b.confidential }),
          )
        : kind !== 'observer'
          ? null
          : el('p', { class: 'hint', text: t('seats.noConfidential') }),
      c ? interests(c, kind) : null,
    ),
  );
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => el('p', { text: p }));

function interests(c: SeatCtx, kind: string): HTMLElement | null {
  if (kind === 'party') return delegationInterests(c.v, c.own!);
  if (kind === 'faction') return factionInterests(c.v, c.own!);
  if (kind === 'external') return powerInterests(c.v, c.own!);
  return null;
}

/** The range a party can accept on an issue: from its red line through its ideal to that end of the scale. */
export function acceptable(ideal: number, red: number): [number, number] {
  return ideal >= red ? [red, 100] : [0, red];
}

function delegationInterests(v: View, own: string): HTMLElement {
  const p = v.parties.find((x) => x.id === own);
  const rows = v.issues.map((iss) => {
    const k = iss.known[own] ?? {};
    return el(
      'tr',
      { 'data-testid': `interest-${iss.id}` },
      el(
        'th',
        { scope: 'row' },
        el('span', { text: iss.name }),
        el('span', { class: 'hint block', text: t('seats.interests.scale', { low: iss.low, high: iss.high }) }),
      ),
      el('td', { text: String(iss.publicPos[own] ?? '–') }),
      el('td', { text: k.ideal !== undefined ? String(k.ideal) : '–' }),
      el('td', { text: k.reservation !== undefined ? String(k.reservation) : '–' }),
      el('td', { text: k.weight !== undefined ? String(k.weight) : '–' }),
    );
  });
  return el(
    'div',
    { class: 'seat-interests', 'data-testid': 'interests' },
    el('h3', { text: t('seats.interests') }),
    p
      ? el('p', {
          class: 'hint',
          text: `${t('seats.meters', { trust: p.trustInMediator, commitment: p.commitment, cohesion: p.cohesion, batna: p.batna })} · ${t(`seats.seat.${p.seat === 'walkedOut' ? 'walkedOut' : 'atTable'}`)}`,
        })
      : null,
    el(
      'table',
      { class: 'seat-table' },
      el(
        'thead',
        {},
        el('tr', {}, ...['issue', 'public', 'ideal', 'red', 'weight'].map((h) => el('th', { scope: 'col', text: t(`seats.interests.head.${h}`) }))),
      ),
      el('tbody', {}, ...rows),
    ),
  );
}

function factionInterests(v: View, own: string): HTMLElement | null {
  const party = v.parties.find((p) => p.factions.some((f) => f.id === own));
  const f = party?.factions.find((x) => x.id === own);
  if (!party || !f) return null;
  return el(
    'div',
    { class: 'seat-interests', 'data-testid': 'interests' },
    el('h3', { text: t('seats.interests') }),
    el('p', {
      text: t('seats.faction.self', {
        name: f.name,
        stance: t(`table.stance.${f.stance}`),
        party: party.short || party.name,
        included: t(f.included ? 'table.faction.included' : 'table.faction.excluded'),
      }),
    }),
    el('p', { text: t('seats.faction.type', { type: t(`table.spoiler.${f.spoiler}`), satisfaction: f.satisfaction, strikes: f.strikes }) }),
    el('h3', { text: t('seats.faction.party', { party: party.short || party.name }) }),
    el(
      'ul',
      { class: 'seat-list' },
      ...v.issues.map((iss) =>
        el(
          'li',
          {},
          `${iss.name}: ${iss.publicPos[party.id] ?? '–'} · `,
          el('span', { class: 'hint', text: iss.core.includes(party.id) ? t('seats.faction.core', { party: party.short }) : t('seats.faction.noCore') }),
        ),
      ),
    ),
  );
}

function powerInterests(v: View, own: string): HTMLElement | null {
  const e = v.externals.find((x) => x.id === own);
  if (!e) return null;
  return el(
    'div',
    { class: 'seat-interests', 'data-testid': 'interests' },
    el('h3', { text: t('seats.interests') }),
    el('p', { text: t('seats.external.self', { name: e.name, kind: t(`table.kind.${e.kind}`), disposition: e.disposition }) }),
    e.description ? el('p', { class: 'hint', text: e.description }) : null,
    el('h3', { text: t('seats.external.support') }),
    el(
      'ul',
      { class: 'seat-list' },
      ...v.parties.map((p) => el('li', { 'data-testid': `support-${p.id}`, text: `${nameIn(v, p.id)}: ${e.support[p.id] ?? 0}` })),
    ),
    el('p', {
      text: e.leverage.length
        ? t('seats.external.leverage', { list: e.leverage.map((l) => t(`seats.leverage.${l}`)).join(', ') })
        : t('seats.external.noLeverage'),
    }),
    el('p', {
      class: 'hint',
      text: t('seats.external.state', {
        engaged: e.engaged,
        restraint: t(`seats.external.restraint.${e.restraint ? 'yes' : 'no'}`),
        guarantee: t(`seats.external.guarantee.${e.guarantee ? 'yes' : 'no'}`),
      }),
    }),
  );
}
