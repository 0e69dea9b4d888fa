/**
 * A delegation's screen: the proposals put to it, each issue's terms set against its own red line and
 * ideal (from its own view: no other party's secrets reach this page); its answer — accept, reject,
 * or reject with a counter-offer whose terms start from the proposal's —; a gesture of its own;
 * walking out and coming back. The engine decides what each answer does; a refusal shows its reason.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { CBM_KINDS, type Proposal, type View } from '../../../sim/index';
import { CBM_COST } from '../../../sim/rules/numbers';
import { acceptable } from './seatBriefing';
import { answerLine, draft, dropDraft, isOpen, kept, nameIn, panel, sendFrom, sentThisTurn, setDraft, setOpen, type SeatCtx } from './seatKit';

/** How many answered proposals stay listed under the pending ones. */
const RECENT = 4;

export function delegationPanels(c: SeatCtx): HTMLElement[] {
  return [proposalsPanel(c), gesturePanel(c), leavePanel(c)];
}

function proposalsPanel(c: SeatCtx): HTMLElement {
  const own = c.own!;
  const mine = c.v.proposals.filter((p) => p.responses[own] !== undefined);
  const pending = mine.filter((p) => p.responses[own] === 'pending').sort((a, b) => a.id - b.id);
  const recent = mine
    .filter((p) => p.responses[own] !== 'pending')
    .sort((a, b) => b.id - a.id)
    .slice(0, RECENT);
  return panel(
    'proposals',
    t('seats.proposals'),
    pending.length ? null : el('p', { class: 'hint', 'data-testid': 'no-pending', text: mine.length ? t('classroom.noPending') : t('seats.noProposals') }),
    ...[...pending, ...recent].map((p) => proposalCard(c, p)),
  );
}

function proposalCard(c: SeatCtx, p: Proposal): HTMLElement {
  const own = c.own!;
  const answer = p.responses[own]!;
  const counter = p.counters?.[own];
  const key = `respond-${p.id}`;
  return el(
    'article',
    { class: `proposal-card ${answer}`, 'data-testid': `proposal-${p.id}`, 'data-answer': answer },
    el(
      'header',
      { class: 'proposal-head' },
      el('strong', { text: t('seats.proposal', { id: p.id, kind: t(`seats.proposal.kind.${p.kind}`), turn: p.turn }) }),
      el('span', { class: `tag ${p.status}`, text: t(`seats.proposal.status.${p.status}`) }),
    ),
    body(c.v, p, own),
    answer === 'pending' ? answerButtons(c, p, key) : el('p', { class: 'hint', text: t(`seats.proposal.yours.${answer}`) }),
    counter ? el('p', { 'data-testid': `my-counter-${p.id}`, text: t('seats.proposal.yourCounter', { terms: termsText(c.v, counter) }) }) : null,
    answer === 'pending' && isOpen(`counter-${p.id}`) ? counterForm(c, p) : null,
    answerLine(key),
  );
}

const termsText = (v: View, terms: Record<string, number>) =>
  Object.entries(terms)
    .map(([i, x]) => `${nameIn(v, i)} ${x}`)
    .join(', ');

/** What the proposal asks, issue by issue against this delegation's own red line and ideal. */
function body(v: View, p: Proposal, own: string): HTMLElement {
  if (p.kind === 'agenda') return el('p', { text: t('seats.proposal.agenda', { list: (p.issues ?? []).map((i) => nameIn(v, i)).join(', ') }) });
  if (p.kind === 'cbm') return el('p', { text: t('seats.proposal.cbm', { cbm: t(`cbm.${p.cbm?.cbm ?? 'ceasefire'}`) }) });
  const terms = p.kind === 'signing' ? agreed(v) : (p.terms ?? {});
  return el(
    'div',
    {},
    p.kind === 'signing' ? el('p', { text: t('seats.proposal.signing') }) : null,
    el(
      'ul',
      { class: 'terms' },
      ...Object.entries(terms).map(([issue, x]) => {
        const k = v.issues.find((i) => i.id === issue)?.known[own] ?? {};
        const [lo, hi] = k.ideal !== undefined && k.reservation !== undefined ? acceptable(k.ideal, k.reservation) : [0, 100];
        const ok = x >= lo && x <= hi;
        return el(
          'li',
          { 'data-testid': `term-${p.id}-${issue}`, 'data-ok': String(ok) },
          el('strong', { text: `${nameIn(v, issue)}: ${x}` }),
          ' — ',
          el('span', { class: ok ? 'good-text' : 'bad-text', text: ok ? t('seats.term.ok') : t('seats.term.crosses', { red: k.reservation ?? '?' }) }),
          k.ideal !== undefined ? el('span', { class: 'hint', text: ` · ${t('seats.term.ideal', { distance: Math.abs(x - k.ideal) })}` }) : null,
        );
      }),
    ),
  );
}

/** The terms a call to sign puts: every formula agreed on the agenda. */
function agreed(v: View): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of v.issues) if (i.onAgenda && i.formula) out[i.id] = i.formula.value;
  return out;
}

function answerButtons(c: SeatCtx, p: Proposal, key: string): HTMLElement {
  const canCounter = p.kind === 'formula' || p.kind === 'package';
  return el(
    'div',
    { class: 'actions' },
    el('button', {
      class: 'btn primary',
      'data-testid': `accept-${p.id}`,
      text: t('seats.accept'),
      onclick: () => sendFrom(c, key, { command: { type: 'respond', proposal: p.id, accept: true } }),
    }),
    el('button', {
      class: 'btn',
      'data-testid': `reject-${p.id}`,
      text: t('seats.reject'),
      onclick: () => sendFrom(c, key, { command: { type: 'respond', proposal: p.id, accept: false } }),
    }),
    canCounter
      ? el('button', {
          class: 'btn ghost',
          'data-testid': `counter-open-${p.id}`,
          'aria-expanded': String(isOpen(`counter-${p.id}`)),
          text: t('seats.counter'),
          onclick: () => {
            setOpen(`counter-${p.id}`, !isOpen(`counter-${p.id}`));
            c.redraw();
          },
        })
      : null,
  );
}

/** One row per agenda issue: a slider and a number kept in step, starting from the proposal's terms. */
function counterForm(c: SeatCtx, p: Proposal): HTMLElement {
  const own = c.own!;
  const issues = c.v.agenda ?? Object.keys(p.terms ?? {});
  const prefix = `counter-${p.id}-`;
  const rows = issues.map((issue) => {
    const iss = c.v.issues.find((i) => i.id === issue);
    const start = String(p.terms?.[issue] ?? iss?.publicPos[own] ?? 50);
    const valueKey = `${prefix}${issue}`;
    const onKey = `${prefix}${issue}-on`;
    const on = el('input', { type: 'checkbox', id: `${valueKey}-on`, 'data-testid': `counter-on-${issue}`, 'data-k': onKey });
    on.checked = draft(onKey, p.terms?.[issue] !== undefined ? '1' : '') === '1';
    on.addEventListener('change', () => setDraft(onKey, on.checked ? '1' : ''));
    const range = el('input', { type: 'range', min: 0, max: 100, step: 1, id: `${valueKey}-range`, 'aria-label': iss?.name ?? issue });
    const num = el('input', { type: 'number', min: 0, max: 100, step: 1, id: valueKey, 'aria-label': iss?.name ?? issue, 'data-testid': `counter-${issue}` });
    kept(num, valueKey, start);
    range.value = num.value;
    range.setAttribute('data-k', `${valueKey}-range`);
    range.addEventListener('input', () => {
      num.value = range.value;
      setDraft(valueKey, range.value);
      on.checked = true;
      setDraft(onKey, '1');
    });
    num.addEventListener('input', () => {
      range.value = num.value;
      on.checked = true;
      setDraft(onKey, '1');
    });
    const k = iss?.known[own] ?? {};
    return el(
      'div',
      { class: 'counter-row' },
      el('label', { class: 'counter-issue', for: `${valueKey}-on` }, on, ` ${iss?.name ?? issue}`),
      range,
      num,
      el('span', {
        class: 'hint',
        text: k.reservation !== undefined ? `${t('seats.interests.head.red')} ${k.reservation} · ${t('seats.interests.head.ideal')} ${k.ideal}` : '',
      }),
    );
  });
  const key = `respond-${p.id}`;
  return el(
    'form',
    {
      class: 'counter-form',
      'data-testid': `counter-form-${p.id}`,
      'aria-label': t('seats.counter.heading', { id: p.id }),
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const counter: Record<string, number> = {};
        for (const issue of issues) {
          if (draft(`${prefix}${issue}-on`, p.terms?.[issue] !== undefined ? '1' : '') !== '1') continue;
          const x = Number(draft(`${prefix}${issue}`, String(p.terms?.[issue] ?? 50)));
          // The engine checks the range; a blank or a word is sent as it is, to be refused with a reason.
          counter[issue] = Number.isFinite(x) ? x : NaN;
        }
        sendFrom(c, key, { command: { type: 'respond', proposal: p.id, accept: false, counter } }, (ok) => {
          if (!ok) return;
          setOpen(`counter-${p.id}`, false);
          dropDraft(prefix);
        });
      },
    },
    el('h3', { text: t('seats.counter.heading', { id: p.id }) }),
    el('p', { class: 'hint', text: t('seats.counter.hint') }),
    ...rows,
    el(
      'div',
      { class: 'actions' },
      el('button', { class: 'btn primary', type: 'submit', 'data-testid': `counter-send-${p.id}`, text: t('seats.counter.send') }),
      el('button', {
        class: 'btn ghost',
        type: 'button',
        text: t('seats.counter.cancel'),
        onclick: () => {
          setOpen(`counter-${p.id}`, false);
          c.redraw();
        },
      }),
    ),
  );
}

function gesturePanel(c: SeatCtx): HTMLElement {
  const key = 'gesture';
  const select = kept(
    el(
      'select',
      { id: 'seat-gesture', 'data-testid': 'gesture-kind' },
      ...CBM_KINDS.map((k) => el('option', { value: k, text: t('seats.gesture.cost', { cbm: t(`cbm.${k}`), cost: CBM_COST[k] }) })),
    ),
    'gesture-kind',
    CBM_KINDS[0],
  );
  return panel(
    'gesture',
    t('seats.gesture'),
    el('p', { class: 'hint', text: t('seats.gesture.hint') }),
    sentThisTurn(c.v, 'gesture') ? el('p', { class: 'hint warn-text', text: t('seats.acted') }) : null,
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'sr-only', for: 'seat-gesture', text: t('seats.gesture') }),
      select,
      el('button', {
        class: 'btn',
        'data-testid': 'send-gesture',
        text: t('seats.gesture.send'),
        onclick: () => sendFrom(c, key, { command: { type: 'gesture', cbm: select.value } }),
      }),
    ),
    answerLine(key),
  );
}

function leavePanel(c: SeatCtx): HTMLElement {
  const me = c.v.parties.find((p) => p.id === c.own);
  const out = me?.seat === 'walkedOut';
  const key = 'leave';
  return panel(
    'leave',
    t('seats.leave'),
    el('p', { class: 'hint', text: out ? t('seats.seat.walkedOut') : t('seats.walkOut.hint') }),
    el('button', {
      class: out ? 'btn primary' : 'btn ghost',
      'data-testid': out ? 'send-returnToTable' : 'send-walkOut',
      text: out ? t('seats.returnToTable') : t('seats.walkOut'),
      onclick: () => sendFrom(c, key, { command: { type: out ? 'returnToTable' : 'walkOut' } }),
    }),
    answerLine(key),
  );
}
