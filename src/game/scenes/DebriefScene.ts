/**
 * Debrief: the outcome and score, line charts over turns of each party's trust, commitment,
 * cohesion and BATNA (Phaser graphics), the phase timeline, then the sins with evidence turns and
 * a better move, the hallmarks earned and, for a historical case, what really happened (DOM panel).
 * P plays the same case again; M goes back to the menu.
 */
import Phaser from 'phaser';
import { BaseScene } from '../base';
import { C, H, METER_COLORS, partyColor } from '../theme';
import { el, panel } from '../overlay';
import { label, para } from '../draw';
import { fmt, t } from '../../i18n/index';
import type { GameStore } from '../../store/gameStore';
import { SCORE_WEIGHTS, type Debrief } from '../../sim/debrief/index';

const PHASE_COLORS: Record<string, number> = {
  exploratory: 0x56738f,
  agenda: 0x4fa3e0,
  negotiation: 0x9ad17f,
  agreements: 0xffd166,
  monitoring: 0x5cc28b,
  suspended: 0xe06c75,
  collapsed: 0x8b2b33,
  concluded: 0x2f9e66,
};

export class DebriefScene extends BaseScene {
  private layer!: Phaser.GameObjects.Container;

  constructor(store: GameStore) {
    super('Debrief', store);
  }

  create(): void {
    this.setup();
    const d = this.s.debrief;
    const s = this.s.scenario;
    if (!d || !s) return;
        this.layer = this.add.container(0, 0);
    const g = this.add.graphics();
    this.layer.add(g);

    // Outcome banner.
    const good = d.outcome === 'durable';
    const mid = d.outcome === 'notImplemented' || d.outcome === 'partial';
    const color = good ? C.good : mid ? C.warn : C.bad;
    g.fillStyle(color).fillRoundedRect(16, 12, 744, 74, 12);
    label(this, this.layer, 32, 18, t('ui.debrief.heading').toUpperCase() + ' · ' + s.title, 14, C.bgDeep, { bold: true, maxW: 520 });
    para(this, this.layer, 32, 38, fmt({ key: `debrief.outcome.${d.outcome}` }), 18, 520, C.bgDeep, { bold: true });
    label(this, this.layer, 744, 18, t('ui.debrief.score', { score: Math.round(d.score) }), 26, C.bgDeep, { bold: true, origin: [1, 0] });
    para(this, this.layer, 744, 52, t('ui.debrief.reached', { phase: t(`phase.${d.phaseReached}`), turns: d.turnsPlayed }) + (d.finished ? '' : ` · ${t('ui.debrief.unfinished')}`), 12, 190, C.bgDeep, { origin: [1, 0], align: 'right' });

    // Four charts, 2×2.
    const metrics: (keyof typeof METER_COLORS)[] = ['trustInMediator', 'commitment', 'cohesion', 'batna'];
    const cw = 366;
    const ch = 180;
    const sinTurns = new Set(d.sins.filter((x) => x.committed).flatMap((x) => x.evidenceTurns));
    metrics.forEach((m, i) => {
      const x = 16 + (i % 2) * (cw + 12);
      const y = 96 + Math.floor(i / 2) * (ch + 10);
      this.chart(g, d, m, x, y, cw, ch, sinTurns);
    });
    // Legend (parties).
    const ly = 96 + 2 * (ch + 10) + 4;
    s.parties.forEach((p, i) => {
      g.fillStyle(partyColor(i)).fillRect(16 + i * 170, ly + 6, 18, 4);
      label(this, this.layer, 40 + i * 170, ly - 2, p.short ?? p.name, 14, C.text, { maxW: 120 });
    });
    label(this, this.layer, 760, ly - 2, t('ui.debrief.legend'), 12, C.dim, { origin: [1, 0], maxW: 400 });
    this.timeline(g, d, 16, ly + 22, 744, 56);
    this.parts(g, d, 16, ly + 86, 744, H - (ly + 86) - 12);

    // Text-heavy findings: DOM panel.
    const side = panel(776, 12, 488, 620, 'panel debrief');
    side.setAttribute('tabindex', '0');
    side.setAttribute('data-testid', 'debrief-text');
    this.findings(side, d);

    const bar = panel(776, 644, 488, 64, 'panel bar');
    const again = el('button', { class: 'btn primary big', 'data-testid': 'play-again', onclick: () => this.s.playAgain(), text: t('ui.debrief.playAgain') });
    const menu = el('button', { class: 'btn ghost', 'data-testid': 'to-menu', onclick: () => this.s.toMenu(), text: t('ui.debrief.menu') });
    bar.append(again, menu);
    this.hotkeys({ p: () => this.s.playAgain(), m: () => this.s.toMenu() });
    again.focus();
  }

  private chart(g: Phaser.GameObjects.Graphics, d: Debrief, metric: string, x: number, y: number, w: number, h: number, sinTurns: Set<number>): void {
    g.fillStyle(C.panel).fillRoundedRect(x, y, w, h, 8);
    g.lineStyle(1, C.line).strokeRoundedRect(x, y, w, h, 8);
    label(this, this.layer, x + 10, y + 6, t(`meter.${metric}`).toUpperCase(), 13, METER_COLORS[metric] ?? C.dim, { bold: true });
    const px = x + 34;
    const py = y + 28;
    const pw = w - 46;
    const ph = h - 50;
    const turns = d.series.turns;
    // Axes and gridlines at 0, 50, 100.
    for (const v of [0, 50, 100]) {
      const gy = py + ph - (ph * v) / 100;
      g.lineStyle(1, C.line, v === 50 ? 0.6 : 1).lineBetween(px, gy, px + pw, gy);
      label(this, this.layer, px - 6, gy, String(v), 11, C.dim, { origin: [1, 0.5] });
    }
    const n = turns.length;
    const xAt = (i: number) => px + (n <= 1 ? pw / 2 : (pw * i) / (n - 1));
    // Sin evidence markers on the time axis.
    turns.forEach((turn, i) => {
      if (sinTurns.has(turn)) g.fillStyle(C.bad).fillCircle(xAt(i), py + ph + 6, 3);
    });
    if (n > 0) {
      label(this, this.layer, px, py + ph + 8, t('ui.turnShort', { turn: turns[0] }), 11, C.dim);
      label(this, this.layer, px + pw, py + ph + 8, t('ui.turnShort', { turn: turns[n - 1] }), 11, C.dim, { origin: [1, 0] });
    }
    Object.keys(d.series.parties).forEach((pid, k) => {
      const series = (d.series.parties[pid] as unknown as Record<string, (number | null)[]>)[metric] ?? [];
      g.lineStyle(2.5, partyColor(k), 1);
      let started = false;
      g.beginPath();
      series.forEach((val, i) => {
        if (val === null || val === undefined) {
          started = false;
          return;
        }
        const vx = xAt(i);
        const vy = py + ph - (ph * Math.max(0, Math.min(100, val))) / 100;
        if (!started) {
          g.moveTo(vx, vy);
          started = true;
        } else g.lineTo(vx, vy);
      });
      g.strokePath();
      const last = [...series].reverse().find((v) => v !== null && v !== undefined);
      if (last !== undefined && last !== null) {
        const i = series.lastIndexOf(last);
        g.fillStyle(partyColor(k)).fillCircle(xAt(i), py + ph - (ph * Math.max(0, Math.min(100, last))) / 100, 4);
      }
    });
  }

  private timeline(g: Phaser.GameObjects.Graphics, d: Debrief, x: number, y: number, w: number, h: number): void {
    g.fillStyle(C.panel).fillRoundedRect(x, y, w, h, 8);
    label(this, this.layer, x + 10, y + 4, t('ui.debrief.timeline').toUpperCase(), 12, C.dim, { bold: true });
    // One segment per stretch of turns in the same phase.
    const tl = d.timeline.filter((seg, i, all) => i === 0 || all[i - 1]!.phase !== seg.phase);
    if (tl.length === 0) return;
    const first = tl[0]!.turn;
    const last = Math.max(d.turnsPlayed, tl[tl.length - 1]!.turn);
    const span = Math.max(1, last - first + 1);
    const bx = x + 10;
    const bw = w - 20;
    const by = y + 22;
    const bh = 16;
    tl.forEach((seg, i) => {
      const end = i + 1 < tl.length ? tl[i + 1]!.turn : last + 1;
      const sx = bx + (bw * (seg.turn - first)) / span;
      const ex = bx + (bw * (end - first)) / span;
      g.fillStyle(PHASE_COLORS[seg.phase] ?? C.dim).fillRect(sx, by, Math.max(2, ex - sx - 1), bh);
      if (ex - sx > 44) label(this, this.layer, sx + 4, by + 1, t(`phase.short.${seg.phase}`), 11, C.bgDeep, { bold: true, maxW: ex - sx - 6 });
    });
    label(this, this.layer, bx, by + bh + 2, t('ui.turnShort', { turn: first }), 11, C.dim);
    label(this, this.layer, bx + bw, by + bh + 2, t('ui.turnShort', { turn: last }), 11, C.dim, { origin: [1, 0] });
  }

  /** How the score was made: one bar per part, out of its weight. */
  private parts(g: Phaser.GameObjects.Graphics, d: Debrief, x: number, y: number, w: number, h: number): void {
    g.fillStyle(C.panel).fillRoundedRect(x, y, w, h, 8);
    label(this, this.layer, x + 10, y + 4, t('ui.debrief.parts').toUpperCase(), 12, C.dim, { bold: true });
    const keys = ['phase', 'agreement', 'durability', 'hallmarks', 'sins'] as const;
    const colW = (w - 20) / keys.length;
    keys.forEach((k, i) => {
      const max = SCORE_WEIGHTS[k];
      const val = d.scoreParts[k];
      const cx = x + 10 + i * colW;
      label(this, this.layer, cx, y + 24, t(`ui.debrief.part.${k}`), 13, C.text, { maxW: colW - 8 });
      g.fillStyle(C.bgDeep).fillRoundedRect(cx, y + 46, colW - 14, 10, 5);
      if (val > 0) g.fillStyle(C.accent).fillRoundedRect(cx, y + 46, Math.max(10, ((colW - 14) * val) / max), 10, 5);
      label(this, this.layer, cx, y + 60, `${Math.round(val)} / ${max}`, 12, C.dim);
    });
  }

  private findings(root: HTMLElement, d: Debrief): void {
    const s = this.s.scenario;
    if (d.agreement) {
      root.append(el('p', { class: 'hint', text: t('ui.debrief.agreement', { quality: Math.round(d.agreement.quality * 100), balance: Math.round(d.agreement.balance * 100) }) }));
    } else root.append(el('p', { class: 'hint', text: t('ui.debrief.noAgreement') }));
    root.append(el('h2', { text: t('ui.debrief.sins') }));
    const sins = [...d.sins].sort((a, b) => Number(b.committed) - Number(a.committed));
    for (const sin of sins) {
      const sec = el(
        'section',
        { class: `sin ${sin.committed ? 'committed' : 'avoided'}`, 'data-testid': `sin-${sin.id}` },
        el('h3', {}, el('span', { class: 'badge', text: sin.committed ? t('ui.debrief.sinCommitted') : t('ui.debrief.sinAvoided') }), ' ', fmt({ key: `debrief.sin.${sin.id}.name` })),
      );
      if (sin.committed) {
        if (sin.evidenceTurns.length) sec.append(el('p', { class: 'turns', text: t('ui.debrief.evidenceTurns', { turns: sin.evidenceTurns.join(', ') }) }));
        sec.append(el('ul', {}, ...sin.evidence.slice(0, 5).map((m) => el('li', { text: fmt(m, s) }))));
        sec.append(el('p', { class: 'better', text: t('ui.debrief.better', { text: fmt(sin.better, s) }) }));
      }
      root.append(sec);
    }
    root.append(el('h2', { text: t('ui.debrief.hallmarks') }));
    for (const h of d.hallmarks) {
      root.append(
        el(
          'section',
          { class: `hallmark ${h.earned ? 'earned' : 'missed'}`, 'data-testid': `hallmark-${h.id}` },
          el('h3', {}, el('span', { class: 'badge', text: h.earned ? t('ui.debrief.earned') : t('ui.debrief.missed') }), ' ', fmt({ key: `debrief.hallmark.${h.id}.name` })),
          el('p', { text: fmt(h.evidence, s) }),
        ),
      );
    }
    if (d.history) {
      const hst = d.history;
      root.append(
        el('h2', { text: t('ui.debrief.history') }),
        el('p', { class: 'history-cmp', text: fmt({ key: `debrief.history.${hst.phaseReached.comparison}` }) }),
        el(
          'div',
          { class: 'cards two' },
          el('section', { class: 'card' }, el('p', { text: t('ui.debrief.historyRun', { outcome: t(`ui.debrief.outcomeShort.${hst.outcome.run}`), phase: t(`phase.${hst.phaseReached.run}`) }) })),
          el('section', { class: 'card' }, el('p', { text: t('ui.debrief.historyReal', { outcome: t(`ui.debrief.outcomeShort.${hst.outcome.history}`), phase: t(`phase.${hst.phaseReached.history}`) }) })),
        ),
        el('p', { text: hst.summary }),
        el('ul', {}, ...hst.keyMoments.map((k) => el('li', { text: t('ui.debrief.keyMoment', { turn: k.turn, label: k.label, phase: k.runPhase ? t(`phase.${k.runPhase}`) : '—' }) }))),
      );
    }
  }
}
