/**
 * The hidden values, from the instructor's own view (which holds the whole world): each party's true
 * commitment and intent (a stalling party shows more than it has), BATNA, cohesion and trust; every
 * party's ideal, red line (reservation) and weight on every issue; each faction's spoiler type and
 * satisfaction; each outside power's disposition and support.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { label, nameIn, section, type ConsoleCtx } from './consoleKit';

const r = (x: number) => String(Math.round(x));

export function hiddenPanel(c: ConsoleCtx): HTMLElement {
  const v = c.v;
  const w = v?.truth;
  if (!v || !w) return section('hidden', t('console.hidden.heading'), el('p', { class: 'hint', text: t('console.hidden.notStarted') }));
  // One small table per kind of hidden value: its column headings, then its rows.
  const table = (testid: string, keys: string[], rows: HTMLElement[]) =>
    el(
      'table',
      { class: 'mini', 'data-testid': testid },
      el('thead', {}, el('tr', {}, ...keys.map((k) => el('th', { text: t(k) })))),
      el('tbody', {}, ...rows),
    );
  const parties = table(
    'hidden-parties',
    ['console.col.party', 'console.col.commitment', 'console.col.intent', 'console.col.batna', 'console.col.cohesion', 'console.col.trust', 'console.col.seat'],
    v.parties.map((p) => {
      const s = w.parties[p.id];
      return el(
        'tr',
        { 'data-testid': `hidden-party-${p.id}`, class: s?.intent === 'stalling' ? 'stalling' : '' },
        el('td', { text: p.short || p.name }),
        el('td', { text: s ? r(s.commitment) : '?' }),
        el('td', { text: s ? t(`console.intent.${s.intent}`) + (s.pretext ? ` · ${t('console.hidden.pretext')}` : '') : '?' }),
        el('td', { text: s ? r(s.batna) : '?' }),
        el('td', { text: s ? r(s.cohesion) : '?' }),
        el('td', { text: s ? r(s.trustInMediator) : '?' }),
        el('td', { text: s ? label(`console.seatState.${s.seat}`, s.seat) : '?' }),
      );
    }),
  );
  const issues = table(
    'hidden-issues',
    ['console.col.issue', 'console.col.party', 'console.col.public', 'console.col.ideal', 'console.col.redLine', 'console.col.weight'],
    v.issues.flatMap((i) =>
      Object.entries(i.known).map(([pid, k]) =>
        el(
          'tr',
          {},
          el('td', { text: i.name }),
          el('td', { text: nameIn(v, pid) }),
          el('td', { text: i.publicPos[pid] !== undefined ? r(i.publicPos[pid]!) : '–' }),
          el('td', { text: k.ideal !== undefined ? r(k.ideal) : '?' }),
          el('td', { class: 'red-line', text: k.reservation !== undefined ? r(k.reservation) : '?' }),
          el('td', { text: k.weight !== undefined ? String(k.weight) : '?' }),
        ),
      ),
    ),
  );
  const factions = table(
    'hidden-factions',
    ['console.col.faction', 'console.col.spoiler', 'console.col.satisfaction', 'console.col.managed', 'console.col.strikes'],
    Object.values(w.factions).map((f) =>
      el(
        'tr',
        {},
        el('td', { text: nameIn(v, f.id) }),
        el('td', { text: label(`table.spoiler.${f.spoiler}`, f.spoiler) }),
        el('td', { text: r(f.satisfaction) }),
        el('td', { text: f.managed ? t('console.yes') : t('console.no') }),
        el('td', { text: String(f.strikes) }),
      ),
    ),
  );
  const externals = table(
    'hidden-externals',
    ['console.col.power', 'console.col.disposition', 'console.col.support', 'console.col.restraint'],
    Object.values(w.externals).map((e) =>
      el(
        'tr',
        {},
        el('td', { text: nameIn(v, e.id) }),
        el('td', { text: r(e.disposition) }),
        el('td', {
          text: Object.entries(e.support)
            .map(([pid, x]) => `${nameIn(v, pid)} ${r(x)}`)
            .join(', '),
        }),
        el('td', {
          text: [e.restraint ? t('console.hidden.restraint') : '', e.guarantee ? t('console.hidden.guarantee') : ''].filter(Boolean).join(', ') || '–',
        }),
      ),
    ),
  );
  return section(
    'hidden',
    t('console.hidden.heading'),
    parties,
    el('h3', { text: t('console.hidden.redLines') }),
    issues,
    el('h3', { text: t('console.hidden.factions') }),
    factions,
    el('h3', { text: t('console.hidden.powers') }),
    externals,
  );
}
