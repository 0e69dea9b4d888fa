/**
 * Menu: choose a bundled (or imported) scenario, a seed and a difficulty; resume the autosave.
 * The canvas draws the title art; the form is a DOM panel (keyboard and screen-reader friendly).
 */
import { BaseScene } from '../base';
import { C, hex, partyColor, ts } from '../theme';
import { el, panel, rerender } from '../overlay';
import { fmt, t } from '../../i18n/index';
import type { GameStore } from '../../store/gameStore';
import type { Difficulty } from '../../sim/index';
import { packsPanel, type PackUi } from '../packsUi';

export class MenuScene extends BaseScene {
  private form!: HTMLDivElement;
  private packUi: PackUi | null;

  constructor(store: GameStore, packUi: PackUi | null = null) {
    super('Menu', store);
    this.packUi = packUi;
  }

  create(): void {
    this.setup();
    this.drawArt();
    this.form = panel(600, 40, 640, 640, 'panel menu');
    this.form.setAttribute('role', 'main');
    this.render();
    this.watch((s, p) => {
      if (s.catalogue !== p.catalogue || s.resumable !== p.resumable || s.saveNotice !== p.saveNotice || s.catalogueProblems !== p.catalogueProblems) this.render();
      else if (s.choice !== p.choice) this.syncChoice();
    });
    this.hotkeys({ Enter: (ev) => ((ev.target as HTMLElement)?.tagName === 'BODY' ? this.s.newGame() : false) });
    if (this.packUi) {
      const stop = this.packUi.listen();
      this.events.once('shutdown', stop);
    }
    const first = this.form.querySelector<HTMLElement>('[data-k="resume"]') ?? this.form.querySelector<HTMLElement>('[data-k="start"]');
    first?.focus();
  }

  private drawArt(): void {
    const g = this.add.graphics();
    // A long table seen from above, two delegations and the third seat at its head.
    const cx = 300;
    const cy = 470;
    g.fillStyle(C.tableRim).fillRoundedRect(cx - 200, cy - 70, 400, 140, 60);
    g.fillStyle(C.table).fillRoundedRect(cx - 190, cy - 60, 380, 120, 52);
    for (let i = 0; i < 4; i++) {
      g.fillStyle(partyColor(0)).fillCircle(cx - 135 + i * 90, cy - 95, 18);
      g.fillStyle(partyColor(1)).fillCircle(cx - 135 + i * 90, cy + 95, 18);
    }
    g.fillStyle(C.accent).fillCircle(cx - 240, cy, 22);
    g.lineStyle(2, C.accent, 0.5).strokeCircle(cx - 240, cy, 34);
    const ring = this.add.circle(cx - 240, cy, 34).setStrokeStyle(2, C.accent, 0.8);
    this.tweens.add({ targets: ring, scale: 1.5, alpha: 0, duration: 1800, repeat: 2 });
    if (this.textures.exists('emblem')) this.add.image(300, 150, 'emblem').setDisplaySize(150, 150);
    this.add.text(300, 250, t('ui.title'), ts(56, C.text, { bold: true })).setOrigin(0.5);
    this.add.text(300, 300, t('ui.subtitle'), ts(18, C.dim, { wrap: 480, align: 'center' })).setOrigin(0.5, 0);
    const phases = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];
    phases.forEach((p, i) => {
      const x = 80 + i * 110;
      g.fillStyle(i === 0 ? C.accent : C.line).fillCircle(x, 640, 10);
      if (i < 4) g.lineStyle(3, C.line).lineBetween(x + 12, 640, x + 98, 640);
      this.add.text(x, 660, t(`phase.short.${p}`), ts(14, C.dim)).setOrigin(0.5, 0);
    });
  }

  /** The inputs already show the choice; only the highlight follows (no re-render under the pointer). */
  private syncChoice(): void {
    for (const l of this.form.querySelectorAll('label.choice, label.pill')) {
      const input = l.querySelector('input');
      l.classList.toggle('selected', !!input?.checked);
    }
    const start = this.form.querySelector<HTMLButtonElement>('[data-k="start"]');
    if (start) start.disabled = !this.s.choice.scenarioKey;
  }

  private render(): void {
    const s = this.s;
    const diffs: Difficulty[] = ['easy', 'standard', 'hard'];
    const notice = s.saveNotice
      ? el('p', { class: 'notice warn', role: 'alert', 'data-testid': 'save-notice', text: t(s.saveNotice.key, { ...(s.saveNotice.params ?? {}), reason: s.saveNotice.reason ? fmt(s.saveNotice.reason) : '' }) })
      : null;
    const resume = s.resumable
      ? el(
          'div',
          { class: 'resume' },
          el('button', { class: 'btn primary', 'data-k': 'resume', 'data-testid': 'resume', onclick: () => this.s.resume(), text: t('menu.resume', { title: s.resumable.title, turn: s.resumable.turn }) }),
          el('span', { class: 'hint', text: t('menu.resumeHint') }),
        )
      : null;
    const scenarios = el(
      'fieldset',
      { class: 'scenarios' },
      el('legend', { text: t('menu.scenario') }),
      ...(s.catalogue.length === 0 ? [el('p', { text: t('menu.noScenarios') })] : []),
      ...s.catalogue.map((e, i) =>
        el(
          'label',
          { class: `choice${s.choice.scenarioKey === e.key ? ' selected' : ''}` },
          el('input', {
            type: 'radio',
            name: 'scenario',
            value: e.key,
            'data-k': `sc-${e.key}`,
            'data-testid': `scenario-${e.scenario.id}`,
            checked: s.choice.scenarioKey === e.key,
            onchange: () => this.s.setChoice({ scenarioKey: e.key }),
          }),
          el(
            'span',
            { class: 'choice-body' },
            el('strong', { text: e.scenario.title }),
            el('span', { class: 'hint', text: `${e.scenario.period} · ${t('menu.parties', { count: e.scenario.parties.length })} · ${t('menu.turns', { count: e.scenario.turnLimit })} · ${e.source === 'pack' ? t('menu.fromPack', { pack: e.packTitle ?? e.packId ?? '' }) : t('menu.bundled')}` }),
          ),
          el('span', { class: 'swatch', style: `background:${hex(partyColor(i))}` }),
        ),
      ),
    );
    const problems = s.catalogueProblems.map((p) =>
      el('div', { class: 'notice warn' }, el('p', { text: t('menu.scenarioProblems', { file: p.file }) }), el('ul', {}, ...p.problems.map((x) => el('li', { text: x })))),
    );
    const seed = el(
      'label',
      { class: 'row' },
      el('span', { class: 'label', text: t('menu.seed') }),
      el('input', {
        type: 'number',
        min: 0,
        step: 1,
        value: s.choice.seed,
        'data-k': 'seed',
        'data-testid': 'seed',
        onchange: (ev: Event) => this.s.setChoice({ seed: Number((ev.target as HTMLInputElement).value) }),
      }),
      el('span', { class: 'hint', text: t('menu.seedHint') }),
    );
    const difficulty = el(
      'fieldset',
      { class: 'row difficulty' },
      el('legend', { text: t('menu.difficulty') }),
      ...diffs.map((d) =>
        el(
          'label',
          { class: `pill${s.choice.difficulty === d ? ' selected' : ''}`, title: t(`menu.difficulty.${d}.hint`) },
          el('input', { type: 'radio', name: 'difficulty', value: d, 'data-k': `diff-${d}`, 'data-testid': `difficulty-${d}`, checked: s.choice.difficulty === d, onchange: () => this.s.setChoice({ difficulty: d }) }),
          t(`menu.difficulty.${d}`),
        ),
      ),
    );
    const actions = el(
      'div',
      { class: 'actions' },
      el('button', { class: 'btn primary big', 'data-k': 'start', 'data-testid': 'start', disabled: !s.choice.scenarioKey, onclick: () => this.s.newGame(), text: t('menu.start') }),
      s.resumable || s.saveNotice ? el('button', { class: 'btn ghost', 'data-k': 'discard', onclick: () => this.s.discardSave(), text: t('menu.discardSave') }) : null,
    );
    rerender(
      this.form,
      el('h1', { text: t('menu.heading') }),
      notice,
      resume,
      scenarios,
      ...problems,
      el('div', { class: 'settings' }, seed, difficulty),
      actions,
      this.packUi ? packsPanel(this.packUi) : null,
    );
  }
}

