/**
 * See what any seat sees: pick a seat and the server sends that seat's own view, move list and
 * briefing (a `peek`, the instructor's alone), kept up to date while the instructor looks. The panel
 * shows it as that seat has it: its briefing note, the parties and issues with only the hidden values
 * it knows, the proposals, its moves (the mediator's) and the news.
 */
import { el } from '../../overlay';
import { fmt, t } from '../../../i18n/index';
import type { LogEntry, View } from '../../../sim/index';
import type { Peek } from '../../../seat/remote';
import { label, nameIn, seatTitle, section, type ConsoleCtx } from './consoleKit';

/** The seat the instructor looks at, per class (survives redraws and a return to the console). */
const peeking = new Map<string, string>();
/** The connection (its welcome) each request was sent on: a new connection after a drop asks again. */
const asked = new WeakMap<object, string>();

export function peekPanel(c: ConsoleCtx): HTMLElement {
  const seats = c.st?.seats ?? [];
  const code = c.seat.code;
  const looking = peeking.get(code) ?? '';
  const ask = (role: string) => {
    const w = c.seat.welcome();
    if (w) asked.set(w, role);
    void c.act('peek', { seat: role || null });
  };
  // The server forgets what a connection looked at when it drops: ask again on the new one.
  const w = c.seat.welcome();
  if (looking && w && asked.get(w) !== looking && c.seat.connection() === 'online') queueMicrotask(() => ask(looking));
  const pick = el(
    'select',
    { id: 'peek-seat', 'data-testid': 'peek-seat', 'data-k': 'peek-seat' },
    el('option', { value: '', text: t('console.peek.none') }),
    ...seats.map((s) => el('option', { value: s.role, text: seatTitle(c, s.role) })),
  );
  pick.value = looking;
  pick.addEventListener('change', () => {
    peeking.set(code, pick.value);
    ask(pick.value);
  });
  const p = c.seat.peek();
  const shown = looking && p && p.seat === looking ? p : null;
  return section(
    'peek',
    t('console.peek.heading'),
    el('label', { for: 'peek-seat', class: 'label', text: t('console.peek.pick') }),
    pick,
    shown ? seatView(c, shown) : el('p', { class: 'hint', text: looking ? t('console.peek.loading') : t('console.peek.hint') }),
  );
}

function seatView(c: ConsoleCtx, p: Peek): HTMLElement {
  const v = p.view;
  const role = p.seat;
  return el(
    'div',
    { class: 'peek-view', 'data-testid': 'peek-view', 'data-role': role },
    el('h3', { text: t('console.peek.as', { seat: seatTitle(c, role) }) }),
    el(
      'details',
      { class: 'peek-briefing', open: true },
      el('summary', { text: t('classroom.confidential') }),
      el('p', { 'data-testid': 'peek-confidential', text: p.briefing.confidential ?? t('console.peek.noNote') }),
    ),
    v ? viewParts(c, v, p) : el('p', { class: 'hint', text: t('classroom.waiting') }),
  );
}

function viewParts(c: ConsoleCtx, v: View, p: Peek): DocumentFragment {
  const f = document.createDocumentFragment();
  const n = (id: string) => nameIn(v, id);
  f.append(
    el('p', {
      class: 'hint',
      text: `${t('classroom.turn', { turn: v.turn })} · ${label(`phase.${v.phase}`, v.phase)}${v.role === 'mediator' ? ` · ${t('console.peek.ap', { ap: v.ap, max: v.apMax })}` : ''}`,
    }),
    el(
      'table',
      { class: 'mini', 'data-testid': 'peek-parties' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['console.col.party', 'console.col.trust', 'console.col.commitment', 'console.col.cohesion', 'console.col.batna', 'console.col.intent'].map((k) =>
            el('th', { text: t(k) }),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        ...v.parties.map((x) =>
          el(
            'tr',
            {},
            el('td', { text: x.short || x.name }),
            el('td', { text: String(Math.round(x.trustInMediator)) }),
            el('td', { text: String(Math.round(x.commitment)) }),
            el('td', { text: String(Math.round(x.cohesion)) }),
            el('td', { text: String(Math.round(x.batna)) }),
            el('td', { text: t(`console.intent.${x.intent}`) }),
          ),
        ),
      ),
    ),
  );
  const known = v.issues.flatMap((i) =>
    Object.entries(i.known).map(([party, k]) =>
      el(
        'li',
        {},
        `${i.name} — ${n(party)}: ${t('console.hidden.position', { ideal: k.ideal ?? '?', reservation: k.reservation ?? '?', weight: k.weight ?? '?' })}`,
      ),
    ),
  );
  f.append(
    el('h4', { text: t('console.peek.known') }),
    known.length ? el('ul', { 'data-testid': 'peek-known' }, ...known) : el('p', { class: 'hint', text: t('console.peek.knowsNone') }),
  );
  const open = v.proposals.filter((x) => x.status === 'pending');
  if (open.length)
    f.append(
      el('h4', { text: t('console.peek.proposals') }),
      el(
        'ul',
        {},
        ...open.map((x) =>
          el('li', {
            text: `#${x.id} ${label(`proposal.${x.kind}`, x.kind)} — ${Object.entries(x.responses)
              .map(([pid, r]) => `${n(pid)}: ${r}`)
              .join(', ')}`,
          }),
        ),
      ),
    );
  if (p.moves?.length)
    f.append(
      el('h4', { text: t('console.peek.moves') }),
      el('p', {
        class: 'hint',
        'data-testid': 'peek-moves',
        text: p.moves
          .filter((m) => m.legal)
          .map((m) => label(`move.${m.type}`, m.type))
          .join(' · '),
      }),
    );
  const news = v.log
    .filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event')
    .slice(-6)
    .reverse();
  f.append(
    el('h4', { text: t('table.news') }),
    news.length
      ? el(
          'ul',
          { 'data-testid': 'peek-news' },
          ...news.map((e) => el('li', { text: `${t('news.heading', { turn: e.turn })}: ${e.synopsis ?? fmt(e.result, c.sc)}` })),
        )
      : el('p', { class: 'hint', text: t('classroom.noNews') }),
  );
  return f;
}
