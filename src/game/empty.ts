/** An empty Phaser scene at 1280×720 (FIT): the benchmark's baseline (`?bench=empty`). */
import Phaser from 'phaser';
import { C } from './theme';

export function startEmptyGame(parent: HTMLElement): Phaser.Game {
  class Empty extends Phaser.Scene {
    constructor() {
      super('Empty');
    }
    create() {
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('third-side:empty-interactive'));
    }
  }
  return new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    width: 1280,
    height: 720,
    backgroundColor: C.bg,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [Empty],
  });
}
