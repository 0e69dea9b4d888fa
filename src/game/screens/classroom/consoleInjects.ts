/**
 * The exercise's inject list (the MSEL) as the server keeps it for the instructor: each planned
 * inject with when it is due, what it does, the response the exercise expects and its window, its
 * contingencies (what fires when the response does not come), and where each stands — planned,
 * fired, awaiting a response, responded, missed. Fire one now, its text edited first.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { PlannedInject } from '../../../seat/remote';
import { bound, clearDraft, label, nameIn, section, type ConsoleCtx } from './consoleKit';
import { adhocForm } from './consoleAdhoc';

export function injectList(c: ConsoleCtx): HTMLElement {
  const planned = c.seat.injects()?.planned ?? [];
  const mains = planned.filter((p) => !p.parent);
  return section(
    'injects',
    t('classroom.injects'),
    mains.length
      ? el(
          'ol',
          { class: 'inject-list' },
          ...mains.map((p) =>
            injectItem(
              c,
              p,
              planned.filter((x) => x.parent === p.id),
            ),
          ),
        )
      : el('p', { class: 'hint', text: t('console.injects.none') }),
    firedList(c),
    adhocForm(c),
  );
}

/** What the instructor fired so far, planned or ad hoc, as the class read it (an edit marked). */
function firedList(c: ConsoleCtx): HTMLElement | null {
  const fired = c.seat.injects()?.fired ?? [];
  if (!fired.length) return null;
  return el(
    'div',
    { class: 'fired-list' },
    el('h3', { text: t('console.injects.firedByYou') }),
    el(
      'ol',
      { 'data-testid': 'fired-list' },
      ...fired.map((f) =>
        el(
          'li',
          {},
          el('strong', { text: `${f.turn !== undefined ? `${t('classroom.turn', { turn: f.turn })} · ` : ''}${f.inject ?? t('console.injects.adhoc')}` }),
          f.edited ? el('span', { class: 'badge', text: t('console.injects.edited') }) : null,
          el('span', { text: ` ${f.synopsis}` }),
        ),
      ),
    ),
  );
}

function injectItem(c: ConsoleCtx, p: PlannedInject, contingencies: PlannedInject[]): HTMLElement {
  return el(
    'li',
    { class: `inject status-${p.status ?? 'planned'}`, 'data-testid': `inject-${p.id}`, 'data-status': p.status ?? (p.fired ? 'fired' : 'planned') },
    injectBody(c, p),
    contingencies.length
      ? el(
          'div',
          { class: 'contingencies' },
          el('p', { class: 'label', text: t('console.injects.contingencies') }),
          el(
            'ul',
            {},
            ...contingencies.map((x) =>
              el(
                'li',
                { class: `inject contingency status-${x.status ?? 'planned'}`, 'data-testid': `inject-${x.id}`, 'data-status': x.status ?? 'planned' },
                injectBody(c, x),
              ),
            ),
          ),
        )
      : null,
  );
}

function injectBody(c: ConsoleCtx, p: PlannedInject): DocumentFragment {
  const status = p.status ?? (p.fired ? 'fired' : 'planned');
  const running = c.st?.status === 'running';
  const id = `inject-text-${p.id}`;
  const text = bound(el('textarea', { id, rows: 2, maxlength: 600, 'data-testid': id, disabled: p.fired }), id, p.synopsis);
  const when =
    p.turn !== undefined
      ? t('console.injects.due', { turn: p.turn })
      : p.parent
        ? t('console.injects.ifMissed', { parent: p.parent })
        : t('console.injects.onCondition');
  const f = document.createDocumentFragment();
  f.append(
    el(
      'div',
      { class: 'inject-head' },
      el('strong', { text: p.id }),
      el('span', {
        class: 'hint',
        text: `${when} · ${label(`console.effect.${p.effectKind}`, p.effectKind ?? '')}${p.target ? ` → ${nameIn(c.v, p.target)}` : ''}`,
      }),
      el('span', { class: `badge inject-status ${status}`, 'data-testid': `inject-status-${p.id}`, text: statusText(p, status) }),
    ),
    el('label', { for: id, class: 'visually-hidden', text: t('console.injects.text', { id: p.id }) }),
    text,
  );
  if (p.expected)
    f.append(
      el(
        'p',
        { class: 'expected', 'data-testid': `inject-expected-${p.id}` },
        el('span', { class: 'label', text: t('console.injects.expected') }),
        ` ${label(`move.${p.expected.move}`, p.expected.move)}${p.expected.target ? ` (${nameIn(c.v, p.expected.target)})` : ''} — ${t('console.injects.within', { turns: p.expected.withinTurns })}. ${p.expected.description}`,
      ),
    );
  if (p.learningObjective) f.append(el('p', { class: 'hint', text: `${t('console.injects.objective')} ${p.learningObjective}` }));
  f.append(
    el('button', {
      class: 'btn small',
      'data-testid': `fire-${p.id}`,
      disabled: p.fired || !running,
      text: t('classroom.fire'),
      onclick: () => {
        const synopsis = text.value.trim();
        void c.act('fire', synopsis && synopsis !== p.synopsis ? { inject: p.id, synopsis } : { inject: p.id }).then((r) => r || clearDraft(id));
      },
    }),
  );
  return f;
}

function statusText(p: PlannedInject, status: string): string {
  switch (status) {
    case 'awaiting':
      return t('console.injects.status.awaiting', { turn: p.awaitingUntil ?? '?' });
    case 'responded':
      return t('console.injects.status.responded', { turn: p.respondedTurn ?? '?' });
    case 'fired':
      return p.firedTurn !== undefined ? t('console.injects.status.firedOn', { turn: p.firedTurn }) : t('classroom.fired');
    default:
      return t(`console.injects.status.${status}`);
  }
}
