/**
 * An outside power's screen: what it can do in its own name within its means — back a party or
 * withdraw backing (a bounded shift of support), and sanctions or relief if it has sanctions
 * leverage — and what it gives only when the mediator asks (incentives, guarantees, restraint).
 * One action a turn; the server's refusal shows beside the form.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { SANCTION_KINDS } from '../../../sim/index';
import { SANCTION_MAGNITUDE } from '../../../scenario/schema';
import { MAX_SUPPORT_SHIFT } from '../../../sim/commands/externalAction';
import { answerLine, kept, nameIn, panel, sendFrom, sentThisTurn, type SeatCtx } from './seatKit';

export function powerPanels(c: SeatCtx): HTMLElement[] {
  const me = c.v.externals.find((e) => e.id === c.own);
  if (!me) return [];
  const acted = sentThisTurn(c.v, 'externalAction') > 0;
  const onRequest = me.leverage.filter((l) => l !== 'sanctions');
  return [
    panel(
      'power-means',
      t('seats.power'),
      el('p', { class: 'hint', text: t('seats.power.hint') }),
      onRequest.length ? el('p', { text: t('seats.power.onRequest', { list: onRequest.map((l) => t(`seats.leverage.${l}`)).join(', ') }) }) : null,
      acted ? el('p', { class: 'notice warn', 'data-testid': 'acted', text: t('seats.acted') }) : null,
    ),
    backingPanel(c, me.id),
    sanctionsPanel(c, me.id, me.leverage.includes('sanctions')),
  ];
}

const partySelect = (c: SeatCtx, id: string, key: string) =>
  kept(
    el('select', { id, 'data-testid': id }, ...c.v.parties.map((p) => el('option', { value: p.id, text: nameIn(c.v, p.id) }))),
    key,
    c.v.parties[0]?.id ?? '',
  );

function backingPanel(c: SeatCtx, actor: string): HTMLElement {
  const key = 'backing';
  const party = partySelect(c, 'backing-party', 'backing-party');
  const delta = kept(
    el('input', { id: 'backing-delta', type: 'number', min: -MAX_SUPPORT_SHIFT, max: MAX_SUPPORT_SHIFT, step: 1, 'data-testid': 'backing-delta' }),
    'backing-delta',
    '10',
  );
  return panel(
    'power-backing',
    t('seats.power.backing'),
    el('p', { class: 'hint', text: t('seats.power.backing.cost', { max: MAX_SUPPORT_SHIFT }) }),
    el(
      'div',
      { class: 'form-grid' },
      el('label', { class: 'label', for: 'backing-party', text: t('seats.power.party') }),
      party,
      el('label', { class: 'label', for: 'backing-delta', text: t('seats.power.delta') }),
      delta,
    ),
    el('button', {
      class: 'btn',
      'data-testid': 'send-backing',
      text: t('seats.power.backing.send'),
      onclick: () =>
        sendFrom(c, key, { command: { type: 'externalAction', effect: { kind: 'supportShift', actor, party: party.value, delta: Number(delta.value) } } }),
    }),
    answerLine(key),
  );
}

function sanctionsPanel(c: SeatCtx, actor: string, can: boolean): HTMLElement {
  if (!can)
    return panel(
      'power-sanctions',
      t('seats.power.sanctions'),
      el('p', { class: 'hint', 'data-testid': 'no-sanctions', text: t('seats.power.sanctions.none') }),
    );
  const key = 'sanctions';
  const kind = kept(
    el(
      'select',
      { id: 'sanction-kind', 'data-testid': 'sanction-kind' },
      ...SANCTION_KINDS.map((k) => el('option', { value: k, text: t(`seats.power.sanction.${k}`) })),
    ),
    'sanction-kind',
    'new',
  );
  const target = partySelect(c, 'sanction-target', 'sanction-target');
  const magnitude = kept(
    el('input', {
      id: 'sanction-magnitude',
      type: 'number',
      min: SANCTION_MAGNITUDE.min,
      max: SANCTION_MAGNITUDE.max,
      step: 1,
      'data-testid': 'sanction-magnitude',
    }),
    'sanction-magnitude',
    String(SANCTION_MAGNITUDE.default),
  );
  return panel(
    'power-sanctions',
    t('seats.power.sanctions'),
    el('p', { class: 'hint', text: t('seats.power.sanctions.cost') }),
    el(
      'div',
      { class: 'form-grid' },
      el('label', { class: 'label', for: 'sanction-kind', text: t('seats.power.sanction') }),
      kind,
      el('label', { class: 'label', for: 'sanction-target', text: t('seats.power.party') }),
      target,
      el('label', { class: 'label', for: 'sanction-magnitude', text: t('seats.power.magnitude') }),
      magnitude,
    ),
    el('button', {
      class: 'btn',
      'data-testid': 'send-sanctions',
      text: t('seats.power.sanctions.send'),
      onclick: () =>
        sendFrom(c, key, {
          command: {
            type: 'externalAction',
            effect: { kind: 'sanctions', actor, sanction: kind.value, target: target.value, magnitude: Number(magnitude.value) },
          },
        }),
    }),
    answerLine(key),
  );
}
