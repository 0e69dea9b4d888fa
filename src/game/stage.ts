/**
 * The stage: what is drawn rather than written — the table seen from above (each delegation's
 * factions as seats in its colour, the mediator at the head, the outside powers around the room)
 * and the five-phase track. No text: every fact drawn here is also DOM text on the board. Loaded
 * lazily with Phaser when the table first shows. The loop sleeps while nothing changes.
 */
import Phaser from 'phaser';
import type { GameStore } from '../store/gameStore';
import type { View } from '../sim/index';
import { C, partyColor } from './theme';

const PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];

class StageScene extends Phaser.Scene {
  private g!: Phaser.GameObjects.Graphics;
  private pulse!: Phaser.GameObjects.Arc;
  private lastPhaseX = -1;
  constructor(
    private readonly store: GameStore,
    private readonly onFirstFrame: () => void,
  ) {
    super('Stage');
  }

  create(): void {
    this.g = this.add.graphics();
    this.pulse = this.add.circle(0, 0, 12).setStrokeStyle(3, C.accent, 0.9).setVisible(false);
    this.draw();
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.draw());
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.onFirstFrame());
  }

  draw(): void {
    const v = this.store.getState().view;
    const g = this.g;
    if (!v || !g) return;
    const w = this.scale.width;
    const h = this.scale.height;
    g.clear();
    this.drawTrack(g, v, w);
    this.drawRoom(g, v, w, h);
  }

  private drawTrack(g: Phaser.GameObjects.Graphics, v: View, w: number): void {
    const current = v.phase === 'suspended' ? v.resumePhase : v.phase;
    const idx = PHASES.indexOf(current ?? '');
    const done = v.phase === 'concluded' ? 5 : idx;
    const y = 18;
    const x0 = w * 0.1;
    const step = (w * 0.8) / 4;
    PHASES.forEach((_, i) => {
      const x = x0 + i * step;
      if (i < 4) g.lineStyle(4, i < done ? C.good : C.line).lineBetween(x + 12, y, x + step - 12, y);
      const isCur = i === idx && v.phase !== 'concluded' && v.phase !== 'collapsed';
      if (i < done) g.fillStyle(C.good).fillCircle(x, y, 9);
      else if (isCur) g.fillStyle(v.phase === 'suspended' ? C.bad : C.accent).fillCircle(x, y, 11);
      else g.fillStyle(C.bgDeep).fillCircle(x, y, 9).lineStyle(2, C.line).strokeCircle(x, y, 9);
      if (isCur) {
        this.pulse.setPosition(x, y).setVisible(true);
        if (this.lastPhaseX !== x) {
          this.lastPhaseX = x;
          this.tweens.killTweensOf(this.pulse);
          this.pulse.setScale(1).setAlpha(1);
          this.tweens.add({ targets: this.pulse, scale: 1.8, alpha: 0, duration: 900, repeat: 0, onComplete: () => this.pulse.setScale(1.2).setAlpha(0.7) });
        }
      }
    });
    if (idx < 0 || v.phase === 'concluded' || v.phase === 'collapsed') this.pulse.setVisible(false);
  }

  private drawRoom(g: Phaser.GameObjects.Graphics, v: View, w: number, h: number): void {
    const top = 40;
    const cy = top + (h - top) / 2;
    const cx = w / 2;
    const tw = Math.min(w * 0.62, 640);
    const th = Math.max(30, (h - top) * 0.42);
    const collapsed = v.phase === 'collapsed';
    g.fillStyle(C.tableRim).fillRoundedRect(cx - tw / 2 - 6, cy - th / 2 - 6, tw + 12, th + 12, th / 2);
    g.fillStyle(collapsed ? 0x3a2a2a : C.table).fillRoundedRect(cx - tw / 2, cy - th / 2, tw, th, th / 2 - 4);
    // The mediator at the head of the table.
    g.fillStyle(C.accent).fillCircle(cx - tw / 2 - 22, cy, 10);
    // Delegations: one side each (two parties face each other; more share the sides).
    const n = v.parties.length;
    v.parties.forEach((p, i) => {
      const side = i % 2 === 0 ? -1 : 1;
      const slot = Math.floor(i / 2);
      const slots = Math.ceil(n / 2);
      const span = tw / slots;
      const x0 = cx - tw / 2 + slot * span + span * 0.15;
      const y = cy + side * (th / 2 + 16);
      const seats = Math.max(1, p.factions.length);
      const gap = (span * 0.7) / seats;
      const color = partyColor(i);
      const away = p.seat === 'walkedOut';
      p.factions.forEach((f, k) => {
        const x = x0 + gap * (k + 0.5);
        const alpha = away ? 0.25 : f.included ? 1 : 0.45;
        g.fillStyle(color, alpha).fillCircle(x, y, 9);
        if (f.stance === 'hardline') g.lineStyle(2, C.bad, alpha).strokeCircle(x, y, 11);
      });
      if (p.signed) g.fillStyle(C.good).fillRect(x0, cy + side * (th / 2 - 10) - 3, span * 0.7, 6);
      if (p.seat === 'wavering') g.lineStyle(2, C.warn).strokeRect(x0 - 4, y - 14, span * 0.7 + 8, 28);
    });
    // Outside powers along the walls, green when well disposed, red when not.
    const m = v.externals.length;
    v.externals.forEach((e, i) => {
      const x = cx + tw / 2 + 26 + (i % 2) * 18;
      const y = top + 8 + ((h - top - 16) * (i + 0.5)) / Math.max(1, m);
      const d = Math.max(-100, Math.min(100, e.disposition));
      g.fillStyle(d >= 0 ? C.good : C.bad, 0.35 + Math.abs(d) / 160).fillRect(x - 6, y - 6, 12, 12);
      if (e.restraint || e.guarantee) g.lineStyle(2, C.accent).strokeRect(x - 9, y - 9, 18, 18);
    });
  }
}

/** Mount the drawing in its grid cell; returns how to remove it. */
export function mountStage(parent: HTMLElement, store: GameStore, onFirstFrame: () => void): () => void {
  const scene = new StageScene(store, onFirstFrame);
  const continuous = new URLSearchParams(location.search).has('continuous');
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    backgroundColor: C.bg,
    banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 640, height: parent.clientHeight || 160 },
    input: { keyboard: false, mouse: false, touch: false },
    render: { antialias: true },
    scene: [scene],
  });
  let lastActivity = performance.now();
  const wake = () => {
    lastActivity = performance.now();
    if (!continuous && game.loop && !game.loop.running && document.visibilityState === 'visible') game.loop.wake(true);
  };
  game.events.on(Phaser.Core.Events.POST_STEP, () => {
    if (continuous) return;
    const now = performance.now();
    if (scene.tweens?.getTweens().length) lastActivity = now;
    else if (now - lastActivity > 600) game.loop.sleep();
  });
  const unsub = store.subscribe((a, b) => {
    if (a.version === b.version) return;
    wake();
    if (scene.sys?.isActive()) scene.draw();
  });
  const onResize = () => wake();
  window.addEventListener('resize', onResize);
  return () => {
    unsub();
    window.removeEventListener('resize', onResize);
    game.destroy(true);
  };
}
