/**
 * Menu: choose a bundled (or imported) scenario — with its description and learning objectives —
 * a seed (drawn afresh for each new game, editable) and a difficulty; resume the autosave; packs.
 */
import type { ScreenContext } from '../app';
import { el, hotkeys, rerender } from '../overlay';
import { fmt, t } from '../../i18n/index';
import type { Difficulty } from '../../sim/index';
import { packsPanel } from '../packsUi';
import { hex, partyColor } from '../theme';
import { aboutOf } from '../../store/scenarios';
import { MAX_SEED } from '../../store/gameStore';

const PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];

export function mountMenu({ store, root, packUi }: ScreenContext): () => void {
  const s = () => store.getState();
  const hero = el(
    'header',
    { class: 'menu-hero' },
    el('img', { src: 'art/emblem.svg', alt: '', width: 160, height: 160 }),
    el('p', { class: 'title', text: t('ui.title') }),
    el('p', { class: 'hint', text: t('ui.subtitle') }),
    el('ol', { class: 'phases', 'aria-label': t('table.phases') }, ...PHASES.map((p) => el('li', { text: t(`phase.short.${p}`) }))),
  );
  const form = el('main', { class: 'panel menu-form', 'aria-labelledby': 'menu-heading' });
  const screen = el('div', { class: 'screen menu' }, hero, form);
  root.append(screen);

  const aboutSlot = el('div', {});
  const aboutBox = () => {
    const st = s();
    const entry = st.offers.find((e) => e.key === st.choice.scenarioKey);
    if (!entry) return null;
    const about = aboutOf(entry);
    return el(
      'section',
      { class: 'about', 'aria-label': t('menu.about'), 'data-testid': 'case-about' },
      el('p', { text: about.description ?? entry.card.summary }),
      about.learningObjectives.length ? el('h3', { text: t('menu.objectives') }) : null,
      about.learningObjectives.length ? el('ul', { 'data-testid': 'objectives' }, ...about.learningObjectives.map((x) => el('li', { text: x }))) : null,
    );
  };
  /** A new choice changes the highlight, the seed shown and the case's description, in place (no re-render under the pointer). */
  const syncChoice = () => {
    const st = s();
    for (const l of form.querySelectorAll('label.choice, label.pill')) l.classList.toggle('selected', !!l.querySelector('input')?.checked);
    const seedInput = form.querySelector<HTMLInputElement>('[data-k="seed"]');
    if (seedInput && Number(seedInput.value) !== st.choice.seed) seedInput.value = String(st.choice.seed);
    const start = form.querySelector<HTMLButtonElement>('[data-k="start"]');
    if (start) start.disabled = !st.choice.scenarioKey || st.loading !== null;
    // While the chosen case's data is fetched, the button says it is busy rather than doing nothing.
    start?.setAttribute('aria-busy', String(st.loading !== null));
    rerender(aboutSlot, aboutBox());
  };

  const render = () => {
    const st = s();
    const diffs: Difficulty[] = ['easy', 'standard', 'hard'];
    const notice = st.saveNotice
      ? el('p', {
          class: 'notice warn',
          role: 'alert',
          'data-testid': 'save-notice',
          text: t(st.saveNotice.key, { ...(st.saveNotice.params ?? {}), reason: st.saveNotice.reason ? fmt(st.saveNotice.reason) : '' }),
        })
      : null;
    const resume = st.resumable
      ? el(
          'div',
          { class: 'actions' },
          el('button', {
            class: 'btn primary',
            'data-k': 'resume',
            'data-testid': 'resume',
            onclick: () => void s().resumeGame(),
            text: t('menu.resume', { title: st.resumable.title, turn: st.resumable.turn }),
          }),
          el('span', { class: 'hint', text: t('menu.resumeHint') }),
        )
      : null;
    const scenarios = el(
      'fieldset',
      { class: 'scenarios' },
      el('legend', { text: t('menu.scenario') }),
      ...(st.offers.length === 0 ? [el('p', { text: t('menu.noScenarios') })] : []),
      ...st.offers.map((e, i) =>
        el(
          'label',
          { class: `choice${st.choice.scenarioKey === e.key ? ' selected' : ''}` },
          el('input', {
            type: 'radio',
            name: 'scenario',
            value: e.key,
            'data-k': `sc-${e.key}`,
            'data-testid': `scenario-${e.card.id}`,
            checked: st.choice.scenarioKey === e.key,
            onchange: () => s().setChoice({ scenarioKey: e.key }),
          }),
          el(
            'span',
            { class: 'choice-body' },
            el('strong', { text: e.card.title }),
            el('span', {
              class: 'hint',
              text: `${e.card.period} · ${t('menu.parties', { count: e.card.parties })} · ${t('menu.turns', { count: e.card.turnLimit })} · ${e.source === 'pack' ? t('menu.fromPack', { pack: e.packTitle ?? e.packId ?? '' }) : t('menu.bundled')}`,
            }),
          ),
          el('span', { class: 'swatch', style: `background:${hex(partyColor(i))}` }),
        ),
      ),
    );
    const problems = st.catalogueProblems.map((p) =>
      el(
        'div',
        { class: 'notice warn' },
        el('p', { text: t('menu.scenarioProblems', { file: p.file }) }),
        el('ul', {}, ...p.problems.map((x) => el('li', { text: x }))),
      ),
    );
    rerender(aboutSlot, aboutBox());
    const seed = el(
      'div',
      { class: 'seed-row' },
      el('label', { for: 'seed-input', class: 'label', text: t('menu.seed') }),
      el('input', {
        id: 'seed-input',
        type: 'number',
        min: 0,
        max: MAX_SEED,
        step: 1,
        value: st.choice.seed,
        'data-k': 'seed',
        'data-testid': 'seed',
        onchange: (ev: Event) => s().setChoice({ seed: Number((ev.target as HTMLInputElement).value) }),
      }),
      el('button', {
        type: 'button',
        class: 'btn small',
        'data-k': 'new-seed',
        'data-testid': 'new-seed',
        onclick: () => s().newSeed(),
        text: t('menu.newSeed'),
      }),
      el('span', { class: 'hint', text: t('menu.seedFresh') }),
    );
    const difficulty = el(
      'fieldset',
      { class: 'difficulty' },
      el('legend', { text: t('menu.difficulty') }),
      ...diffs.map((d) =>
        el(
          'label',
          { class: `pill${st.choice.difficulty === d ? ' selected' : ''}`, title: t(`menu.difficulty.${d}.hint`) },
          el('input', {
            type: 'radio',
            name: 'difficulty',
            value: d,
            'data-k': `diff-${d}`,
            'data-testid': `difficulty-${d}`,
            checked: st.choice.difficulty === d,
            onchange: () => s().setChoice({ difficulty: d }),
          }),
          t(`menu.difficulty.${d}`),
        ),
      ),
    );
    const actions = el(
      'div',
      { class: 'actions' },
      el('button', {
        class: 'btn primary big',
        'data-k': 'start',
        'data-testid': 'start',
        disabled: !st.choice.scenarioKey || st.loading !== null,
        onclick: () => void s().startGame(),
        text: t('menu.start'),
      }),
      st.resumable || st.saveNotice
        ? el('button', { class: 'btn ghost', 'data-k': 'discard', onclick: () => s().discardSave(), text: t('menu.discardSave') })
        : null,
      el('button', { class: 'btn', 'data-k': 'classroom', 'data-testid': 'to-classroom', onclick: () => s().toClassroom(), text: t('menu.classroom') }),
    );
    rerender(
      form,
      el('h1', { id: 'menu-heading', text: t('menu.heading') }),
      notice,
      resume,
      scenarios,
      aboutSlot,
      ...problems,
      el('fieldset', { class: 'settings-box' }, el('legend', { text: t('menu.settings') }), seed, difficulty),
      actions,
      packUi ? packsPanel(packUi) : null,
    );
  };

  render();
  // The pack picker is reached through its button; name the hidden file input for assistive tech.
  form.querySelector('[data-testid="pack-file"]')?.setAttribute('aria-label', t('menu.import'));
  const unsub = store.subscribe((a, b) => {
    if (a.offers !== b.offers || a.resumable !== b.resumable || a.saveNotice !== b.saveNotice || a.catalogueProblems !== b.catalogueProblems) render();
    else if (a.choice !== b.choice || a.loading !== b.loading) syncChoice();
  });
  const stopPacks = packUi?.listen();
  const stopKeys = hotkeys({ Enter: (ev) => ((ev.target as HTMLElement)?.tagName === 'BODY' ? void s().startGame() : false) });
  (form.querySelector<HTMLElement>('[data-k="resume"]') ?? form.querySelector<HTMLElement>('[data-k="start"]'))?.focus();
  return () => {
    unsub();
    stopPacks?.();
    stopKeys();
  };
}
