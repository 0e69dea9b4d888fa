/**
 * A faction's screen: its spoiler options from the engine's list, what each one costs and whom it
 * hurts, and why one may be refused now (violence is for spoilers only; one action a turn). The
 * server has the last word: its refusal shows beside the button.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { SPOILER_ACTIONS } from '../../../sim/index';
import { answerLine, panel, sendFrom, sentThisTurn, type SeatCtx } from './seatKit';

export function factionPanels(c: SeatCtx): HTMLElement[] {
  const f = c.v.parties.flatMap((p) => p.factions).find((x) => x.id === c.own);
  const acted = sentThisTurn(c.v, 'spoilerAction') > 0;
  const key = 'spoilerAction';
  return [
    panel(
      'spoiler-actions',
      t('seats.spoiler'),
      el('p', { class: 'hint', text: t('seats.spoiler.hint') }),
      acted ? el('p', { class: 'notice warn', 'data-testid': 'acted', text: t('seats.acted') }) : null,
      el(
        'ul',
        { class: 'option-list' },
        ...SPOILER_ACTIONS.map((action) => {
          const notSpoiler = action === 'violence' && f?.spoiler === 'none';
          return el(
            'li',
            { class: 'option', 'data-testid': `spoiler-${action}` },
            el('div', {}, el('strong', { text: t(`seats.spoiler.${action}`) }), el('p', { class: 'hint', text: t(`seats.spoiler.${action}.cost`) })),
            notSpoiler ? el('p', { class: 'warn-text', 'data-testid': `why-${action}`, text: t('seats.spoiler.notSpoiler') }) : null,
            el('button', {
              class: 'btn small',
              'data-testid': `act-${action}`,
              disabled: notSpoiler,
              text: t('seats.spoiler.act'),
              onclick: () => sendFrom(c, key, { command: { type: 'spoilerAction', action } }),
            }),
          );
        }),
      ),
      answerLine(key),
    ),
  ];
}
