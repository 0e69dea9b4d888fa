/** Small drawing helpers shared by the table and the debrief (Phaser graphics and text only). */
import Phaser from 'phaser';
import { C, FONT, ts } from './theme';

type Style = Phaser.Types.GameObjects.Text.TextStyle;

/**
 * Reuses Text objects from one redraw to the next (in call order), so a redraw only re-renders
 * the texts that changed: text textures are the costly part of a redraw.
 */
export class TextPool {
  private items: Phaser.GameObjects.Text[] = [];
  private styles = new WeakMap<Phaser.GameObjects.Text, string>();
  private used = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly parent: Phaser.GameObjects.Container,
  ) {}

  begin(): void {
    this.used = 0;
  }

  get(x: number, y: number, text: string, style: Style): Phaser.GameObjects.Text {
    const key = JSON.stringify(style);
    let o = this.items[this.used];
    if (!o) {
      o = this.scene.add.text(x, y, text, style);
      this.styles.set(o, key);
      this.parent.add(o);
      this.items.push(o);
    } else {
      if (this.styles.get(o) !== key) {
        o.setStyle(style);
        this.styles.set(o, key);
      }
      o.setText(text).setPosition(x, y).setVisible(true);
    }
    o.setOrigin(0, 0);
    this.used++;
    return o;
  }

  /** Hide what this redraw did not use. */
  end(): void {
    for (let i = this.used; i < this.items.length; i++) this.items[i]!.setVisible(false);
  }
}

export type TextParent = Phaser.GameObjects.Container | TextPool;

function makeText(scene: Phaser.Scene, parent: TextParent, x: number, y: number, text: string, style: Style): Phaser.GameObjects.Text {
  if (parent instanceof TextPool) return parent.get(x, y, text, style);
  const o = scene.add.text(x, y, text, style);
  parent.add(o);
  return o;
}

let measureCtx: CanvasRenderingContext2D | null = null;
const fitCache = new Map<string, string>();

/** Shorten text with an ellipsis to fit maxW pixels (measured with a 2D canvas, cached). */
export function fitText(text: string, size: number, bold: boolean, maxW: number): string {
  const key = `${size}|${bold}|${maxW}|${text}`;
  const hit = fitCache.get(key);
  if (hit !== undefined) return hit;
  measureCtx ??= document.createElement('canvas').getContext('2d');
  let out = text;
  if (measureCtx) {
    measureCtx.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
    const width = (s: string) => measureCtx!.measureText(s).width;
    if (width(text) > maxW) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (width(text.slice(0, mid).trimEnd() + '…') <= maxW) lo = mid;
        else hi = mid - 1;
      }
      out = text.slice(0, lo).trimEnd() + '…';
    }
  }
  if (fitCache.size > 4000) fitCache.clear();
  fitCache.set(key, out);
  return out;
}

/** Text that never runs wider than maxW: shortened with an ellipsis when it would. */
export function label(scene: Phaser.Scene, parent: TextParent, x: number, y: number, text: string, size: number, color: number = C.text, opts: { bold?: boolean; maxW?: number; origin?: [number, number]; italic?: boolean } = {}): Phaser.GameObjects.Text {
  const shown = opts.maxW ? fitText(text, size, !!opts.bold, opts.maxW) : text;
  const o = makeText(scene, parent, x, y, shown, { ...ts(size, color, { bold: opts.bold, italic: opts.italic }), resolution: 2 } as Style);
  if (opts.origin) o.setOrigin(opts.origin[0], opts.origin[1]);
  return o;
}

/** Wrapped text block. */
export function para(scene: Phaser.Scene, parent: TextParent, x: number, y: number, text: string, size: number, width: number, color: number = C.text, opts: { bold?: boolean; italic?: boolean; origin?: [number, number]; align?: string } = {}): Phaser.GameObjects.Text {
  const o = makeText(scene, parent, x, y, text, { ...ts(size, color, { wrap: width, bold: opts.bold, italic: opts.italic, align: opts.align }), resolution: 2, lineSpacing: 3 } as Style);
  if (opts.origin) o.setOrigin(opts.origin[0], opts.origin[1]);
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
export function tag(scene: Phaser.Scene, parent: TextParent, g: Phaser.GameObjects.Graphics, x: number, y: number, text: string, color: number, size = 12, filled = false): number {
  const o = makeText(scene, parent, x + 7, y + 2, text, { ...ts(size, filled ? C.bgDeep : color, { bold: true }), resolution: 2 } as Style);
  const w = o.width + 14;
  const h = o.height + 4;
  if (filled) g.fillStyle(color).fillRoundedRect(x, y, w, h, h / 2);
  else g.lineStyle(1.5, color, 1).strokeRoundedRect(x, y, w, h, h / 2);
  return w;
}
