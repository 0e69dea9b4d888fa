/**
 * The issue inspector (I, open at any time): every issue with each party's public position and
 * what the mediator has learned of its ideal, red line and weight, labelled by party; the formula
 * on the table and who accepted it; which party holds it core.
 */
import type { GameStore } from '../../store/gameStore';
import { el } from '../overlay';
import { t } from '../../i18n/index';
import { hex, partyColor } from '../theme';

export function inspector(store: GameStore): { dialog: HTMLDialogElement; open(): void } {
  const dialog = el('dialog', { class: 'inspector', 'data-testid': 'inspector', 'aria-labelledby': 'inspector-title' });
  const open = () => {
    const v = store.getState().view;
    if (!v) return;
    const unknown = t('inspector.unknown');
    const close = el('button', { class: 'btn primary', 'data-testid': 'inspector-close', onclick: () => dialog.close(), text: `${t('ui.close')} (Esc)` });
    dialog.replaceChildren(
      el('div', { class: 'dialog-head' }, el('h2', { id: 'inspector-title', text: t('inspector.title') }), el('span', { text: t('inspector.sub') })),
      el(
        'div',
        { class: 'dialog-body' },
        el('p', { class: 'hint', text: t('inspector.help') }),
        ...v.issues.map((iss) =>
          el(
            'section',
            { 'data-testid': `inspect-${iss.id}` },
            el('h3', {
              text: `${iss.name}${iss.onAgenda ? ` · ${t('table.onAgenda')}` : ''}${iss.reframed ? ` · ${t('table.reframed')}` : ''}${iss.commission ? ` · ${t('table.commission')}` : ''}`,
            }),
            el('p', {
              class: 'hint',
              text: `0 = ${iss.low} · 100 = ${iss.high}${iss.core.length ? ` · ${t('table.core', { list: iss.core.map((c) => v.parties.find((p) => p.id === c)?.short ?? c).join(', ') })}` : ''}`,
            }),
            el(
              'table',
              { class: 'grid' },
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  ...['inspector.party', 'inspector.public', 'inspector.ideal', 'inspector.red', 'inspector.weight'].map((k) =>
                    el('th', { scope: 'col', text: t(k) }),
                  ),
                ),
              ),
              el(
                'tbody',
                {},
                ...v.parties.map((p, i) => {
                  const k = iss.known[p.id] ?? {};
                  return el(
                    'tr',
                    {},
                    el('th', { scope: 'row' }, el('span', { class: 'dot', style: `background:${hex(partyColor(i))}`, 'aria-hidden': 'true' }), p.short),
                    el('td', { class: 'num', text: String(iss.publicPos[p.id] ?? unknown) }),
                    el('td', { class: 'num', text: k.ideal !== undefined ? String(k.ideal) : unknown }),
                    el('td', { class: 'num', text: k.reservation !== undefined ? String(k.reservation) : unknown }),
                    el('td', { class: 'num', text: k.weight !== undefined ? String(k.weight) : unknown }),
                  );
                }),
              ),
            ),
            iss.formula
              ? el('p', {
                  text: `${t('table.formula', { value: iss.formula.value })} · ${t('table.formulaAccepted', { list: iss.formula.acceptedBy.map((id) => v.parties.find((p) => p.id === id)?.short ?? id).join(', ') || t('ui.none') })}`,
                })
              : null,
          ),
        ),
        el('p', { class: 'hint', text: t('inspector.weights') }),
      ),
      el('div', { class: 'dialog-actions' }, close),
    );
    if (!dialog.open) dialog.showModal();
    close.focus();
  };
  return { dialog, open };
}
