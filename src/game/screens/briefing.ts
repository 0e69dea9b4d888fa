/**
 * Briefing: shared background, the learning objectives, the parties (public positions, principals,
 * delegations), the outside powers, the issues, what earlier talks tried, and the mediator's
 * confidential note. "Read" sends readBriefing; "Skip" goes to the table without it (ignorance).
 */
import type { ScreenContext } from '../app';
import { el, hotkeys } from '../overlay';
import { t } from '../../i18n/index';
import { hex, partyColor } from '../theme';
import { aboutOf } from '../../store/scenarios';

export function mountBriefing({ store, root }: ScreenContext): () => void {
  const st = store.getState();
  const s = st.scenario;
  if (!s) return () => undefined;
  const entry = st.catalogue.find((e) => e.key === st.scenarioKey);
  const about = entry ? aboutOf(entry) : { learningObjectives: [] };
  const para = (text: string) => text.split(/\n\s*\n/).map((x) => el('p', { text: x.trim() }));
  const note = s.briefing.confidential['mediator'];
  const seed = st.seat?.game().world.options.seed;
  const head = el(
    'header',
    { class: 'briefing-head' },
    el('h1', { text: `${t('briefing.heading')}: ${s.title}` }),
    el('p', {
      class: 'hint',
      text:
        t('briefing.intro', { period: s.period, turnLength: s.turnLength, turns: s.turnLimit, ap: s.actionPoints }) +
        (seed !== undefined ? ` · ${t('briefing.seed', { seed })}` : ''),
    }),
  );
  const doc = el(
    'main',
    { class: 'panel dossier', tabindex: '0', 'aria-label': t('briefing.heading'), 'data-testid': 'briefing-text' },
    el('h2', { text: t('briefing.background') }),
    ...para(s.briefing.background),
    ...(about.description ? [el('p', { class: 'hint', text: about.description })] : []),
    ...(about.learningObjectives.length
      ? [
          el('h2', { text: t('menu.objectives') }),
          el('ul', { 'data-testid': 'briefing-objectives' }, ...about.learningObjectives.map((x) => el('li', { text: x }))),
        ]
      : []),
    el('h2', { text: t('briefing.parties') }),
    el(
      'div',
      { class: 'cards' },
      ...s.parties.map((p, i) =>
        el(
          'section',
          { class: 'card', style: `border-top: 4px solid ${hex(partyColor(i))}` },
          el('h3', { text: p.name }),
          el('p', { class: 'hint', text: t('briefing.principal', { name: p.principal }) }),
          el('p', { class: 'hint', text: t('briefing.delegation', { text: p.delegation }) }),
          el('h4', { text: t('briefing.position') }),
          el('p', { text: p.publicStance }),
        ),
      ),
    ),
    el('h2', { text: t('briefing.issues') }),
    el(
      'ul',
      {},
      ...s.issues.map((i) =>
        el(
          'li',
          {},
          el('strong', { text: `${i.name}. ` }),
          `${i.description} `,
          el('span', { class: 'hint', text: t('briefing.scale', { low: i.low, high: i.high }) }),
        ),
      ),
    ),
    el('h2', { text: t('briefing.externals') }),
    el(
      'ul',
      {},
      ...s.externals.map((e) =>
        el('li', {}, el('strong', { text: `${e.name} ` }), el('span', { class: 'hint', text: `(${t(`table.kind.${e.kind}`)}) ` }), e.description ?? ''),
      ),
    ),
    ...(s.briefing.earlierTalks.length
      ? [
          el('h2', { text: t('briefing.earlierTalks') }),
          ...s.briefing.earlierTalks.map((x) =>
            el(
              'section',
              { class: 'talk' },
              el('h3', { text: `${x.title} — ${x.period}` }),
              el('p', { text: x.summary }),
              el('p', { class: 'lesson', text: t('briefing.lesson', { text: x.lesson }) }),
            ),
          ),
        ]
      : []),
    ...(note ? [el('h2', { text: t('briefing.confidential') }), el('p', { class: 'confidential', text: note })] : []),
  );
  const read = el('button', {
    class: 'btn primary big',
    'data-testid': 'briefing-read',
    onclick: () => store.getState().readBriefing(),
    text: `${t('briefing.read')} (R)`,
  });
  const skip = el('button', {
    class: 'btn ghost',
    'data-testid': 'briefing-skip',
    onclick: () => store.getState().skipBriefing(),
    text: `${t('briefing.skip')} (S)`,
  });
  const bar = el('footer', { class: 'panel bar' }, read, skip, el('span', { class: 'hint warn-text', text: t('briefing.skipWarn') }));
  root.append(el('div', { class: 'screen briefing' }, head, doc, bar));
  const stop = hotkeys({ r: () => store.getState().readBriefing(), s: () => store.getState().skipBriefing() });
  read.focus();
  return stop;
}
