/**
 * The table: what the mediator knows, at a glance. Drawn in the canvas: the five-phase track and
 * what is still missing, the delegations with factions and meters, the outside powers, the agenda
 * (public positions, discovered interests, formulas), the news feed, and each event as a modal the
 * trainee must acknowledge. The move list and its small forms are a DOM panel (movesPanel.ts).
 * Everything comes from the store's View; every intent goes back through the store.
 */
import Phaser from 'phaser';
import { BaseScene } from '../base';
import { C, H, W, METER_COLORS, partyColor } from '../theme';
import { el, panel } from '../overlay';
import { label, meter, para, tag, TextPool } from '../draw';
import { fmt, meterLabel, nameOf, signed, t } from '../../i18n/index';
import type { GameStore } from '../../store/gameStore';
import type { LogEntry, View } from '../../sim/index';
import { PHASES } from '../../scenario/schema';
import { MovesPanel } from '../movesPanel';

const TRACK = { x: 16, y: 44, w: 520, h: 100 };
const CRIT = { x: 544, y: 44, w: 380, h: 100 };
const DELEG = { x: 16, y: 152, w: 604, h: 268 };
const EXT = { x: 16, y: 428, w: 604, h: 154 };
const AGENDA = { x: 628, y: 152, w: 296, h: 430 };
const NEWS = { x: 16, y: 590, w: 908, h: 122 };
export const MOVES = { x: 932, y: 44, w: 338, h: 668 };

export class TableScene extends BaseScene {
  private layer!: Phaser.GameObjects.Container;
  private g!: Phaser.GameObjects.Graphics;
  private pool!: TextPool;
  private modal!: Phaser.GameObjects.Container;
  private pulse!: Phaser.GameObjects.Arc;
  private rt!: Phaser.GameObjects.RenderTexture;
  private drawnVersion = -1;
  private drawnInbox: unknown = null;
  private modalCount = 0;
  private pulseShown = false;
  private moves!: MovesPanel;
  private modalBox: HTMLDivElement | null = null;
  private shownModalFor: LogEntry | null | undefined = undefined;
  private firstFrame = true;

  constructor(store: GameStore) {
    super('Table', store);
  }

  create(): void {
    this.setup();
    this.firstFrame = true;
    this.shownModalFor = undefined;
        this.layer = this.add.container(0, 0);
    this.g = this.add.graphics();
    this.layer.add(this.g);
    this.pool = new TextPool(this, this.layer);
    // The static table is baked into one texture per change: one quad a frame instead of hundreds.
    this.rt = this.add.renderTexture(0, 0, W, H).setOrigin(0, 0);
    this.pulse = this.add.circle(0, 0, 18).setStrokeStyle(3, C.accent, 0.9).setVisible(false);
    this.drawnVersion = -1;
    this.drawnInbox = null;
    this.pulseShown = false;
    this.modal = this.add.container(0, 0).setDepth(10);
    this.moves = new MovesPanel(this.store, panel(MOVES.x, MOVES.y, MOVES.w, MOVES.h, 'panel moves'));
    this.redraw();
    this.watch((s, p) => {
      if (s.screen !== 'table') return;
      if (s.version !== p.version || s.inbox !== p.inbox || s.feed !== p.feed) this.redraw();
    });
    this.hotkeys({
      e: () => (this.modalOpen() || this.s.view?.over ? false : this.moves.endTurn()),
      d: () => (this.modalOpen() ? false : this.askDebrief()),
      Escape: () => this.moves.escape(),
    });
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      if (!this.firstFrame) return;
      this.firstFrame = false;
      try {
        performance.mark('third-side:table-interactive');
      } catch {
        /* marks are a nicety */
      }
    });
  }

  private modalOpen(): boolean {
    return this.s.inbox.length > 0 || (this.s.view?.over ?? false);
  }

  private askDebrief(): void {
    if (this.s.view?.over || window.confirm(t('table.debriefConfirm'))) this.s.toDebrief();
  }

  private redraw(): void {
    const v = this.s.view;
    if (!v) return;
    const st = this.s;
    if (st.version !== this.drawnVersion) {
      this.drawnVersion = st.version;
      const g = this.g;
      g.clear();
      this.pool.begin();
      this.pulse.setVisible(false);
      this.drawTop(g, v);
      this.drawTrack(g, v);
      this.drawCriteria(g, v);
      this.drawDelegations(g, v);
      this.drawExternals(g, v);
      this.drawAgenda(g, v);
      this.drawFeed(g);
      this.pool.end();
      this.layer.setVisible(true);
      this.rt.clear();
      this.rt.draw(this.layer);
      this.rt.render();
      this.layer.setVisible(false);
    }
    const modalKey = st.inbox[0] ?? (v.over ? 'over' : null);
    if (modalKey !== this.drawnInbox || this.s.inbox.length !== this.modalCount) {
      this.drawnInbox = modalKey;
      this.modalCount = this.s.inbox.length;
      this.drawModal(v);
    }
    this.moves.render(this.modalOpen());
  }

  private box(g: Phaser.GameObjects.Graphics, r: { x: number; y: number; w: number; h: number }, title?: string): void {
    g.fillStyle(C.panel, 0.96).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    g.lineStyle(1, C.line).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
    if (title) label(this, this.pool, r.x + 12, r.y + 8, title.toUpperCase(), 13, C.dim, { bold: true });
  }

  // ------------------------------------------------------------------ top bar
  private drawTop(g: Phaser.GameObjects.Graphics, v: View): void {
    g.fillStyle(C.bgDeep).fillRect(0, 0, W, 36);
    label(this, this.pool, 16, 8, v.scenario.title, 17, C.text, { bold: true, maxW: 420 });
    label(this, this.pool, 450, 9, t('ui.turnOf', { turn: v.turn, limit: v.turnLimit }), 15, C.accent, { bold: true });
    // Action points as coins.
    const apX = 590;
    label(this, this.pool, apX, 9, t('ui.apLabel'), 14, C.dim);
    for (let i = 0; i < v.apMax; i++) {
      const x = apX + 112 + i * 22;
      if (i < v.ap) g.fillStyle(C.accent).fillCircle(x, 18, 8);
      else g.lineStyle(2, C.line).strokeCircle(x, 18, 8);
    }
    let x = apX + 120 + v.apMax * 22;
    x += tag(this, this.pool, g, x, 8, t('table.format', { format: t(`format.${v.talkFormat}`) }), v.talkFormat === 'direct' ? C.good : C.dim, 13) + 8;
    const visColor = v.visibility === 'confidential' ? C.good : v.visibility === 'leaked' ? C.bad : C.warn;
    x += tag(this, this.pool, g, x, 8, t('table.visibility', { visibility: t(`visibility.${v.visibility}`) }), visColor, 13) + 8;
    const venue = v.venues.find((x) => x.id === v.venue);
    if (venue && x < W - 80) tag(this, this.pool, g, x, 8, t('table.venue', { venue: venue.name }), C.dim, 13);
  }

  // ------------------------------------------------------------------ phase track
  private drawTrack(g: Phaser.GameObjects.Graphics, v: View): void {
    this.box(g, TRACK, t('table.phases'));
    const current = v.phase === 'suspended' ? v.resumePhase : v.phase;
    const idx = PHASES.indexOf(current as (typeof PHASES)[number]);
    const done = v.phase === 'concluded' ? 5 : idx;
    const y = TRACK.y + 50;
    const x0 = TRACK.x + 56;
    const step = (TRACK.w - 112) / 4;
    PHASES.forEach((p, i) => {
      const x = x0 + i * step;
      if (i < 4) {
        g.lineStyle(4, i < done ? C.good : C.line).lineBetween(x + 16, y, x + step - 16, y);
      }
      const isCur = i === idx && v.phase !== 'concluded' && v.phase !== 'collapsed';
      if (i < done) g.fillStyle(C.good).fillCircle(x, y, 14);
      else if (isCur) g.fillStyle(C.accent).fillCircle(x, y, 16);
      else g.fillStyle(C.bgDeep).fillCircle(x, y, 14).lineStyle(2, C.line).strokeCircle(x, y, 14);
      label(this, this.pool, x, y, i < done ? '✓' : String(i + 1), 14, i < done || isCur ? C.bgDeep : C.dim, { bold: true, origin: [0.5, 0.5] });
      label(this, this.pool, x, y + 22, t(`phase.track.${p}`), 14, isCur ? C.accent : i < done ? C.good : C.dim, { bold: isCur, origin: [0.5, 0], maxW: step + 8 });
      if (isCur) {
        // Pulse a few times when the current phase changes, then rest.
        const moved = this.pulse.x !== x || !this.pulseShown;
        this.pulse.setPosition(x, y).setVisible(true);
        if (moved) {
          this.pulseShown = true;
          this.tweens.killTweensOf(this.pulse);
          this.pulse.setScale(1).setAlpha(1);
          this.tweens.add({ targets: this.pulse, scale: 1.6, alpha: 0, duration: 1200, repeat: 2, onComplete: () => this.pulse.setScale(1.25).setAlpha(0.8) });
        }
      }
    });
    // Progress and special states.
    const pct = Math.round((v.progress ?? 0) * 100);
    label(this, this.pool, TRACK.x + TRACK.w - 12, TRACK.y + 8, t('table.progress', { pct }), 13, C.dim, { origin: [1, 0] });
    if (v.phase === 'suspended' || v.phase === 'collapsed' || v.phase === 'concluded') {
      const color = v.phase === 'concluded' ? C.good : C.bad;
      const text = t(`phase.${v.phase}`).toUpperCase();
      const tw = tag(this, this.pool, g, TRACK.x + TRACK.w / 2 - 60, TRACK.y + 6, text, color, 14, true);
      void tw;
    }
  }

  private drawCriteria(g: Phaser.GameObjects.Graphics, v: View): void {
    this.box(g, CRIT, t('table.missing'));
    const unmet = v.criteria.filter((c) => !c.met);
    const met = v.criteria.filter((c) => c.met);
    const lines = [...unmet.map((c) => ({ c, ok: false })), ...met.map((c) => ({ c, ok: true }))];
    if (!v.over && v.criteria.length > 0 && unmet.length === 0) {
      label(this, this.pool, CRIT.x + 12, CRIT.y + 30, t('table.allMet'), 14, C.good, { bold: true, maxW: CRIT.w - 24 });
      return;
    }
    const max = 3;
    lines.slice(0, max).forEach(({ c, ok }, i) => {
      const y = CRIT.y + 28 + i * 21;
      label(this, this.pool, CRIT.x + 12, y, ok ? '✓' : '✗', 14, ok ? C.good : C.bad, { bold: true });
      label(this, this.pool, CRIT.x + 30, y, fmt(c.msg, this.s.scenario), 14, ok ? C.dim : C.text, { maxW: CRIT.w - 42 });
    });
    if (lines.length > max) label(this, this.pool, CRIT.x + CRIT.w - 12, CRIT.y + 8, t('news.more', { count: lines.length - max }), 12, C.dim, { origin: [1, 0] });
  }

  // ------------------------------------------------------------------ delegations
  private drawDelegations(g: Phaser.GameObjects.Graphics, v: View): void {
    const n = v.parties.length;
    const gap = 8;
    const cw = (DELEG.w - gap * (n - 1)) / n;
    v.parties.forEach((p, i) => {
      const x = DELEG.x + i * (cw + gap);
      const y = DELEG.y;
      const color = partyColor(i);
      g.fillStyle(C.panel, 0.96).fillRoundedRect(x, y, cw, DELEG.h, 10);
      g.lineStyle(p.seat === 'walkedOut' ? 3 : 1, p.seat === 'walkedOut' ? C.bad : C.line).strokeRoundedRect(x, y, cw, DELEG.h, 10);
      g.fillStyle(color).fillRoundedRect(x, y, cw, 30, { tl: 10, tr: 10, bl: 0, br: 0 });
      label(this, this.pool, x + 10, y + 6, p.short, 16, C.bgDeep, { bold: true, maxW: cw - 120 });
      const seatColor = p.seat === 'atTable' ? C.bgDeep : p.seat === 'wavering' ? 0x7a4a00 : 0x6a0f18;
      label(this, this.pool, x + cw - 10, y + 8, (p.signed ? '✎ ' + t('table.signed') + ' · ' : '') + t(`table.seat.${p.seat}`), 13, seatColor, { bold: true, origin: [1, 0] });
      label(this, this.pool, x + 10, y + 36, p.principal, 13, C.dim, { maxW: cw - 20 });
      const meters: [keyof typeof METER_COLORS, number][] = [
        ['trustInMediator', p.trustInMediator],
        ['commitment', p.commitment],
        ['cohesion', p.cohesion],
        ['batna', p.batna],
      ];
      const lw = 78;
      meters.forEach(([m, val], j) => {
        const my = y + 58 + j * 21;
        label(this, this.pool, x + 10, my, t(`meter.short.${m}`), 13, C.dim);
        meter(g, x + 10 + lw, my + 4, cw - lw - 56, 10, val, METER_COLORS[m]!);
        label(this, this.pool, x + cw - 12, my, String(val), 14, C.text, { bold: true, origin: [1, 0] });
      });
      let ty = y + 58 + 4 * 21 + 2;
      const others = Object.entries(p.trustIn)
        .map(([o, val]) => t('meter.trustIn', { party: nameOf(this.s.scenario, o) }) + ` ${val}`)
        .join(' · ');
      label(this, this.pool, x + 10, ty, others, 13, C.dim, { maxW: cw - 20 });
      ty += 18;
      if (p.intent === 'suspected') {
        label(this, this.pool, x + 10, ty, '⚠ ' + t('table.intent.suspected'), 13, C.warn, { bold: true, maxW: cw - 20 });
        ty += 18;
      }
      if (p.compliance !== undefined) {
        label(this, this.pool, x + 10, ty, `${t('meter.compliance')} ${Math.round(p.compliance)}`, 13, C.text, { maxW: cw - 20 });
        ty += 18;
      }
      g.lineStyle(1, C.line).lineBetween(x + 10, ty + 2, x + cw - 10, ty + 2);
      ty += 6;
      const rowH = Math.min(26, (y + DELEG.h - 6 - ty) / Math.max(1, p.factions.length));
      p.factions.forEach((f, k) => {
        const fy = ty + k * rowH;
        g.fillStyle(f.stance === 'hardline' ? C.bad : C.good).fillCircle(x + 16, fy + 9, 5);
        const spoil = f.spoiler === 'unknown' ? '?' : t(`table.spoiler.${f.spoiler}`);
        tag(this, this.pool, g, x + cw - 66, fy, spoil, f.spoiler === 'unknown' ? C.dim : f.spoiler === 'none' ? C.good : C.warn, 11);
        label(this, this.pool, x + 26, fy, `${f.name}`, 13, f.included ? C.text : C.dim, { maxW: cw - 132, italic: !f.included });
        meter(g, x + cw - 104, fy + 6, 32, 6, f.satisfaction, C.dim);
      });
    });
  }

  // ------------------------------------------------------------------ outside powers
  private drawExternals(g: Phaser.GameObjects.Graphics, v: View): void {
    this.box(g, EXT, t('table.outside'));
    const n = v.externals.length;
    if (n === 0) return;
    const cols = Math.min(3, n);
    const rows = Math.ceil(n / cols);
    const cw = (EXT.w - 24 - (cols - 1) * 8) / cols;
    const rh = (EXT.h - 32 - (rows - 1) * 6) / rows;
    v.externals.forEach((e, i) => {
      const x = EXT.x + 12 + (i % cols) * (cw + 8);
      const y = EXT.y + 28 + Math.floor(i / cols) * (rh + 6);
      g.fillStyle(C.panelHi).fillRoundedRect(x, y, cw, rh, 6);
      label(this, this.pool, x + 8, y + 4, e.name, 13, C.text, { bold: true, maxW: cw - 16 });
      // Disposition: −100..100 around a centre mark.
      const bx = x + 8;
      const bw = cw - 16;
      const by = y + 24;
      g.fillStyle(C.bgDeep).fillRect(bx, by, bw, 5);
      const mid = bx + bw / 2;
      const d = Math.max(-100, Math.min(100, e.disposition));
      g.fillStyle(d >= 0 ? C.good : C.bad).fillRect(Math.min(mid, mid + (d / 200) * bw), by, Math.abs((d / 200) * bw), 5);
      g.lineStyle(1, C.dim).lineBetween(mid, by - 2, mid, by + 7);
      const flags = [e.engaged ? t('table.engaged', { count: e.engaged }) : '', e.restraint ? '✓ ' + t('table.restraint') : '', e.guarantee ? '✓ ' + t('table.guarantee') : ''].filter(Boolean).join(' · ');
      const kindText = label(this, this.pool, x + 8, y + 32, t(`table.kind.${e.kind}`), 12, C.dim, { maxW: cw / 2 });
      let sx = x + 14 + kindText.width;
      v.parties.forEach((p, k) => {
        const val = e.support[p.id] ?? 0;
        if (val === 0 || sx > x + cw - 40) return;
        g.fillStyle(partyColor(k)).fillRect(sx, y + 37, 8, 8);
        const o = label(this, this.pool, sx + 11, y + 32, signed(val), 12, C.text, { bold: true });
        sx += 20 + o.width;
      });
      if (flags && rh > 60) label(this, this.pool, x + 8, y + 48, flags, 12, C.accent, { maxW: cw - 16 });
      else if (flags) g.fillStyle(C.accent).fillCircle(x + cw - 8, y + 9, 4);
    });
  }

  // ------------------------------------------------------------------ agenda
  private drawAgenda(g: Phaser.GameObjects.Graphics, v: View): void {
    this.box(g, AGENDA, t('table.agenda'));
    label(this, this.pool, AGENDA.x + AGENDA.w - 12, AGENDA.y + 8, v.agenda ? `${v.agenda.length}/${v.issues.length}` : t('table.noAgenda'), 12, v.agenda ? C.good : C.dim, { origin: [1, 0] });
    const n = v.issues.length;
    const top = AGENDA.y + 30;
    const rh = Math.min(96, (AGENDA.h - 56) / n);
    const bx = AGENDA.x + 16;
    const bw = AGENDA.w - 32;
    v.issues.forEach((iss, i) => {
      const y = top + i * rh;
      if (iss.onAgenda) g.fillStyle(C.panelHi).fillRoundedRect(AGENDA.x + 6, y - 2, AGENDA.w - 12, rh - 4, 6);
      const flags = [iss.onAgenda ? '●' : '', iss.reframed ? 'R' : '', iss.commission ? 'C' : ''].filter(Boolean).join(' ');
      label(this, this.pool, bx, y, iss.name, 13, iss.onAgenda ? C.text : C.dim, { bold: iss.onAgenda, maxW: bw - 40 });
      if (flags) label(this, this.pool, bx + bw, y, flags, 12, C.accent, { bold: true, origin: [1, 0] });
      const ly = y + Math.min(30, rh * 0.55);
      g.lineStyle(3, C.line).lineBetween(bx, ly, bx + bw, ly);
      g.lineStyle(1, C.line).lineBetween(bx, ly - 4, bx, ly + 4).lineBetween(bx + bw, ly - 4, bx + bw, ly + 4).lineBetween(bx + bw / 2, ly - 3, bx + bw / 2, ly + 3);
      if (rh >= 62) {
        label(this, this.pool, bx, ly + 15, iss.low, 11, C.dim, { maxW: bw / 2 - 6 });
        label(this, this.pool, bx + bw, ly + 15, iss.high, 11, C.dim, { maxW: bw / 2 - 6, origin: [1, 0] });
      }
      v.parties.forEach((p, k) => {
        const color = partyColor(k);
        const pos = iss.publicPos[p.id];
        if (pos !== undefined) {
          const px = bx + (bw * pos) / 100;
          g.fillStyle(color).fillTriangle(px - 6, ly - 12, px + 6, ly - 12, px, ly - 2);
        }
        const known = iss.known[p.id];
        if (known?.ideal !== undefined) {
          const ix = bx + (bw * known.ideal) / 100;
          g.lineStyle(2.5, color).strokeCircle(ix, ly + 9, 5);
        }
        if (known?.reservation !== undefined) {
          const rx = bx + (bw * known.reservation) / 100;
          g.lineStyle(3, C.bad).lineBetween(rx, ly - 7, rx, ly + 7);
          g.lineStyle(1.5, color).lineBetween(rx - 3, ly + 8, rx + 3, ly + 8);
        }
      });
      if (iss.formula) {
        const fx = bx + (bw * iss.formula.value) / 100;
        const all = iss.formula.acceptedBy.length === v.parties.length;
        g.fillStyle(all ? C.good : C.accent).fillPoints([new Phaser.Math.Vector2(fx, ly - 7), new Phaser.Math.Vector2(fx + 7, ly), new Phaser.Math.Vector2(fx, ly + 7), new Phaser.Math.Vector2(fx - 7, ly)], true);
      }
    });
    // Legend.
    const ly = AGENDA.y + AGENDA.h - 20;
    g.fillStyle(C.dim).fillTriangle(AGENDA.x + 14, ly, AGENDA.x + 24, ly, AGENDA.x + 19, ly + 8);
    label(this, this.pool, AGENDA.x + 28, ly - 3, t('table.legend.public'), 11, C.dim);
    g.lineStyle(2, C.dim).strokeCircle(AGENDA.x + 118, ly + 4, 4);
    label(this, this.pool, AGENDA.x + 126, ly - 3, t('table.legend.ideal'), 11, C.dim);
    g.lineStyle(3, C.bad).lineBetween(AGENDA.x + 216, ly - 2, AGENDA.x + 216, ly + 10);
    label(this, this.pool, AGENDA.x + 222, ly - 3, t('table.legend.red'), 11, C.dim);
  }

  // ------------------------------------------------------------------ news
  private headline(e: LogEntry): { kind: string; text: string; color: number } {
    const s = this.s.scenario;
    if (e.kind === 'phase') return { kind: t('table.phases'), text: t('news.phase', { from: t(`phase.${e.from}`), to: t(`phase.${e.to}`) }), color: C.accent };
    if (e.kind === 'event') {
      const color = e.effect.kind === 'cbm' || (e.effect.kind === 'sanctions' && e.effect.sanction === 'relief') ? C.good : e.effect.kind === 'spoiler' || e.effect.kind === 'sanctions' || e.effect.kind === 'walkOut' || e.effect.kind === 'leak' ? C.bad : C.warn;
      return { kind: t(`news.kind.${e.effect.kind}`), text: e.synopsis ? (e.effect.kind === 'news' ? e.synopsis : `${e.synopsis} — ${fmt(e.result, s)}`) : fmt(e.result, s), color };
    }
    return { kind: '', text: '', color: C.dim };
  }

  private drawFeed(g: Phaser.GameObjects.Graphics): void {
    this.box(g, NEWS, t('table.news'));
    label(this, this.pool, NEWS.x + NEWS.w - 12, NEWS.y + 8, t('table.hotkeys'), 12, C.dim, { origin: [1, 0] });
    const feed = this.s.feed.slice(-5).reverse();
        if (feed.length === 0) label(this, this.pool, NEWS.x + 12, NEWS.y + 32, t('table.noNews'), 14, C.dim);
    feed.forEach((e, i) => {
      const y = NEWS.y + 28 + i * 18;
      const h = this.headline(e);
      label(this, this.pool, NEWS.x + 12, y, t('ui.turnShort', { turn: e.turn }), 13, C.dim, { bold: true });
      const kw = tag(this, this.pool, g, NEWS.x + 48, y - 1, h.kind, h.color, 11);
      label(this, this.pool, NEWS.x + 56 + kw, y, h.text, 14, i === 0 ? C.text : C.dim, { maxW: NEWS.w - 80 - kw });
    });
  }

  /** The unmissable news: one modal per event, with what it changed. */
  private drawModal(v: View): void {
    const entry = this.s.inbox[0] ?? null;
    const over = !entry && v.over;
    this.modal.removeAll(true);
    this.modalBox?.remove();
    this.modalBox = null;
    if (!entry && !over) {
      this.shownModalFor = null;
      return;
    }
    const s = this.s.scenario;
    const g = this.add.graphics();
    this.modal.add(g);
    g.fillStyle(0x000000, 0.66).fillRect(0, 0, W, H);
    const mw = 820;
    const mx = 16 + (MOVES.x - 16 - 8 - mw) / 2;
    const my = 110;
    const card = this.add.container(0, 0);
    this.modal.add(card);
    const cg = this.add.graphics();
    card.add(cg);
    const headColor = entry ? this.headline(entry).color : v.phase === 'concluded' ? C.good : C.bad;
    const title = entry ? (entry.kind === 'phase' ? t('news.kind.news') : this.headline(entry).kind) : t(`phase.${v.phase}`);
    const body: string[] = [];
    let changes: string[] = [];
    if (entry?.kind === 'event') {
      if (entry.synopsis) body.push(entry.synopsis);
      if (!entry.synopsis || entry.effect.kind !== 'news') body.push(fmt(entry.result, s));
      changes = entry.changes.map((c) => t('news.change', { target: nameOf(s, c.target), meter: meterLabel(c.meter, s), delta: signed(c.delta) }));
    } else if (entry?.kind === 'phase') {
      body.push(t('news.phase', { from: t(`phase.${entry.from}`), to: t(`phase.${entry.to}`) }));
    } else {
      body.push(t('table.over'));
    }
    const heading = entry ? t('news.heading', { turn: entry.turn }) : t('table.over');
    const bodyText = para(this, card, mx + 28, my + 78, body.join('\n\n'), 19, mw - 56, C.text);
    let cy = my + 92 + bodyText.height;
    if (entry?.kind === 'event') {
      label(this, card, mx + 28, cy, t('news.changes').toUpperCase(), 13, C.dim, { bold: true });
      cy += 22;
      if (changes.length === 0) {
        label(this, card, mx + 28, cy, t('news.noChange'), 15, C.dim);
        cy += 22;
      }
      const shown = changes.slice(0, 8);
      shown.forEach((c, i) => {
        const col = i % 2;
        const row = Math.floor(i / 2);
        const d = entry.changes[i]!.delta;
        const good = entry.changes[i]!.meter === 'batna' ? d < 0 : d > 0;
        label(this, card, mx + 28 + col * 360, cy + row * 22, (good ? '▲ ' : '▼ ') + c, 15, good ? C.good : C.bad, { maxW: 350 });
      });
      cy += Math.ceil(shown.length / 2) * 22;
    }
    const mh = Math.max(240, cy - my + 80);
    cg.fillStyle(C.panel).fillRoundedRect(mx, my, mw, mh, 14);
    cg.lineStyle(3, headColor).strokeRoundedRect(mx, my, mw, mh, 14);
    cg.fillStyle(headColor).fillRoundedRect(mx, my, mw, 56, { tl: 14, tr: 14, bl: 0, br: 0 });
    label(this, card, mx + 28, my + 12, title.toUpperCase(), 24, C.bgDeep, { bold: true, maxW: mw - 260 });
    label(this, card, mx + mw - 24, my + 18, heading + (this.s.inbox.length > 1 ? ` · ${t('news.more', { count: this.s.inbox.length - 1 })}` : ''), 15, C.bgDeep, { bold: true, origin: [1, 0] });
    card.sendToBack(cg);
    // The way out is a real button, placed over the card, focused.
    const box = panel(mx + 28, my + mh - 60, mw - 56, 46, 'modal-actions');
    const btn = entry
      ? el('button', { class: 'btn primary big', 'data-testid': 'news-dismiss', onclick: () => this.s.dismissNews(), text: `${t('news.dismiss')} (Enter)` })
      : el('button', { class: 'btn primary big', 'data-testid': 'to-debrief', onclick: () => this.s.toDebrief(), text: `${t('table.toDebrief')} (Enter)` });
    box.append(btn);
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', `${title}: ${body.join(' ')} ${changes.join('; ')}`);
    this.modalBox = box;
    btn.focus();
    if (this.shownModalFor !== entry) {
      card.setAlpha(0).setY(24);
      this.tweens.add({ targets: card, alpha: 1, y: 0, duration: 220, ease: 'Cubic.easeOut' });
    }
    this.shownModalFor = entry;
  }
}

