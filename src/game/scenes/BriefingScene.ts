/**
 * Briefing: shared background, the parties (public positions, principals, delegations), the
 * outside powers, the issues, what earlier talks tried, and the mediator's confidential note.
 * "Read" sends readBriefing; "Skip" goes to the table without it (the engine's ignorance sin).
 */
import { BaseScene } from '../base';
import { C, H, W, hex, partyColor, ts } from '../theme';
import { el, panel } from '../overlay';
import { t } from '../../i18n/index';
import type { GameStore } from '../../store/gameStore';

export class BriefingScene extends BaseScene {
  constructor(store: GameStore) {
    super('Briefing', store);
  }

  create(): void {
    this.setup();
    const s = this.s.scenario;
    if (!s) return;
    const g = this.add.graphics();
    // A dossier folder behind the text.
    g.fillStyle(0x3a2f22).fillRoundedRect(40, 70, W - 80, H - 100, 14);
    g.fillStyle(0x4a3b2a).fillRoundedRect(40, 56, 220, 40, 10);
    this.add.text(56, 64, t('briefing.heading').toUpperCase(), ts(16, C.accent, { bold: true }));
    this.add.text(290, 18, s.title, ts(24, C.text, { bold: true }));
    this.add.text(W - 48, 24, t('briefing.intro', { period: s.period, turnLength: s.turnLength, turns: s.turnLimit, ap: s.actionPoints }), ts(14, C.dim)).setOrigin(1, 0);
    if (this.textures.exists('emblem')) this.add.image(W - 40, H - 40, 'emblem').setDisplaySize(48, 48).setAlpha(0.8);

    const doc = panel(56, 104, W - 112, H - 212, 'panel briefing');
    doc.setAttribute('tabindex', '0');
    doc.setAttribute('role', 'document');
    doc.setAttribute('aria-label', t('briefing.heading'));
    doc.setAttribute('data-testid', 'briefing-text');
    const para = (text: string) => text.split(/\n\s*\n/).map((x) => el('p', { text: x.trim() }));
    const note = s.briefing.confidential['mediator'];
    doc.append(
      el('h2', { text: t('briefing.background') }),
      ...para(s.briefing.background),
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
      el('ul', {}, ...s.issues.map((i) => el('li', {}, el('strong', { text: `${i.name}. ` }), `${i.description} `, el('span', { class: 'hint', text: t('briefing.scale', { low: i.low, high: i.high }) })))),
      el('h2', { text: t('briefing.externals') }),
      el('ul', {}, ...s.externals.map((e) => el('li', {}, el('strong', { text: `${e.name} ` }), el('span', { class: 'hint', text: `(${t(`table.kind.${e.kind}`)}) ` }), e.description ?? ''))),
      ...(s.briefing.earlierTalks.length
        ? [
            el('h2', { text: t('briefing.earlierTalks') }),
            ...s.briefing.earlierTalks.map((x) => el('section', { class: 'talk' }, el('h3', { text: `${x.title} — ${x.period}` }), el('p', { text: x.summary }), el('p', { class: 'lesson', text: t('briefing.lesson', { text: x.lesson }) }))),
          ]
        : []),
      ...(note ? [el('h2', { text: t('briefing.confidential') }), el('p', { class: 'confidential', text: note })] : []),
    );

    const bar = panel(56, H - 96, W - 112, 72, 'panel bar');
    const read = el('button', { class: 'btn primary big', 'data-testid': 'briefing-read', onclick: () => this.s.readBriefing(), text: `${t('briefing.read')} (R)` });
    const skip = el('button', { class: 'btn ghost', 'data-testid': 'briefing-skip', onclick: () => this.s.skipBriefing(), text: `${t('briefing.skip')} (S)` });
    bar.append(read, skip, el('span', { class: 'hint warn-text', text: t('briefing.skipWarn') }));
    this.hotkeys({ r: () => this.s.readBriefing(), s: () => this.s.skipBriefing() });
    read.focus();
  }
}
