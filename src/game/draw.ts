/** Small drawing helpers shared by the table and the debrief (Phaser graphics and text only). */
import Phaser from 'phaser';
import { C, ts } from './theme';

/** Text that never runs wider than maxW: shortened with an ellipsis when it would. */
export function label(scene: Phaser.Scene, parent: Phaser.GameObjects.Container, x: number, y: number, text: string, size: number, color: number = C.text, opts: { bold?: boolean; maxW?: number; origin?: [number, number]; italic?: boolean } = {}): Phaser.GameObjects.Text {
  const o = scene.add.text(x, y, text, { ...ts(size, color, { bold: opts.bold, italic: opts.italic }), resolution: 2 } as Phaser.Types.GameObjects.Text.TextStyle);
  if (opts.origin) o.setOrigin(opts.origin[0], opts.origin[1]);
  if (opts.maxW && o.width > opts.maxW) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      o.setText(text.slice(0, mid).trimEnd() + '…');
      if (o.width <= opts.maxW) lo = mid;
      else hi = mid - 1;
    }
    o.setText(text.slice(0, lo).trimEnd() + '…');
  }
  parent.add(o);
  return o;
}

/** Wrapped text block. */
export function para(scene: Phaser.Scene, parent: Phaser.GameObjects.Container, x: number, y: number, text: string, size: number, width: number, color: number = C.text, opts: { bold?: boolean; italic?: boolean; origin?: [number, number]; align?: string } = {}): Phaser.GameObjects.Text {
  const o = scene.add.text(x, y, text, { ...ts(size, color, { wrap: width, bold: opts.bold, italic: opts.italic, align: opts.align }), resolution: 2, lineSpacing: 3 } as Phaser.Types.GameObjects.Text.TextStyle);
  if (opts.origin) o.setOrigin(opts.origin[0], opts.origin[1]);
  parent.add(o);
  return o;
}

/** A horizontal meter 0..100 with its value. */
export function meter(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, value: number, color: number, opts: { mark?: number } = {}): void {
  const v = Math.max(0, Math.min(100, value));
  g.fillStyle(C.bgDeep).fillRoundedRect(x, y, w, h, h / 2);
  if (v > 0) g.fillStyle(color).fillRoundedRect(x, y, Math.max(h, (w * v) / 100), h, h / 2);
  if (opts.mark !== undefined) {
    const mx = x + (w * Math.max(0, Math.min(100, opts.mark))) / 100;
    g.lineStyle(2, C.accent, 1).lineBetween(mx, y - 3, mx, y + h + 3);
  }
}

/** A pill-shaped tag; returns its width. */
export function tag(scene: Phaser.Scene, parent: Phaser.GameObjects.Container, g: Phaser.GameObjects.Graphics, x: number, y: number, text: string, color: number, size = 12, filled = false): number {
  const o = scene.add.text(x + 7, y + 2, text, { ...ts(size, filled ? C.bgDeep : color, { bold: true }), resolution: 2 } as Phaser.Types.GameObjects.Text.TextStyle);
  const w = o.width + 14;
  const h = o.height + 4;
  if (filled) g.fillStyle(color).fillRoundedRect(x, y, w, h, h / 2);
  else g.lineStyle(1.5, color, 1).strokeRoundedRect(x, y, w, h, h / 2);
  parent.add(o);
  return w;
}
