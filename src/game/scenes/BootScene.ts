/** Boot and preload: the emblem (own SVG, served from public/), a progress bar, then the menu. */
import Phaser from 'phaser';
import { BaseScene } from '../base';
import { C, H, W, ts } from '../theme';
import { t } from '../../i18n/index';
import type { GameStore } from '../../store/gameStore';

export class BootScene extends BaseScene {
  private onReady: () => void;
  constructor(store: GameStore, onReady: () => void) {
    super('Boot', store);
    this.onReady = onReady;
  }

  preload(): void {
    const bar = this.add.graphics();
    const label = this.add.text(W / 2, H / 2 + 40, t('ui.loading'), ts(18, C.dim)).setOrigin(0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar.clear();
      bar.fillStyle(C.line).fillRoundedRect(W / 2 - 200, H / 2, 400, 12, 6);
      bar.fillStyle(C.accent).fillRoundedRect(W / 2 - 200, H / 2, Math.max(12, 400 * p), 12, 6);
    });
    this.load.once(Phaser.Loader.Events.COMPLETE, () => label.destroy());
    this.load.svg('emblem', 'art/emblem.svg', { width: 256, height: 256 });
  }

  create(): void {
    this.setup();
    this.onReady();
  }
}
