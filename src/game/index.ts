/**
 * The Phaser game: WebGL, 1280×720 scaled to fit the window, one scene per job. The store's
 * `screen` decides which scene runs; scenes never switch on their own.
 */
import Phaser from 'phaser';
import type { GameStore, Screen } from '../store/gameStore';
import { BootScene } from './scenes/BootScene';
import { MenuScene } from './scenes/MenuScene';
import { BriefingScene } from './scenes/BriefingScene';
import { TableScene } from './scenes/TableScene';
import { DebriefScene } from './scenes/DebriefScene';
import { overlayRoot, syncOverlay } from './overlay';
import { C, H, W } from './theme';
import type { PackUi } from './packsUi';

const SCENE_OF: Record<Screen, string> = { menu: 'Menu', briefing: 'Briefing', table: 'Table', debrief: 'Debrief' };

export function startGame(store: GameStore, parent: string, packUi: PackUi | null = null): Phaser.Game {
  overlayRoot();
  let booted = false;
  const go = (screen: Screen) => {
    if (!booted) return;
    const key = SCENE_OF[screen];
    for (const sc of game.scene.getScenes(true)) if (sc.scene.key !== key) game.scene.stop(sc.scene.key);
    game.scene.start(key);
  };
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    width: W,
    height: H,
    backgroundColor: C.bg,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    input: { keyboard: false },
    render: { antialias: true },
    scene: [
      new BootScene(store, () => {
        booted = true;
        go(store.getState().screen);
      }),
      new MenuScene(store, packUi),
      new BriefingScene(store),
      new TableScene(store),
      new DebriefScene(store),
    ],
  });
  store.subscribe((s, p) => {
    if (s.screen !== p.screen) go(s.screen);
  });
  const sync = () => game.canvas && syncOverlay(game.canvas);
  game.events.once(Phaser.Core.Events.READY, () => {
    sync();
    game.scale.on(Phaser.Scale.Events.RESIZE, sync);
  });
  // FIT settles the canvas size shortly after a window resize; follow it.
  window.addEventListener('resize', () => {
    requestAnimationFrame(sync);
    setTimeout(sync, 120);
  });
  return game;
}

/** An empty Phaser scene at the same size: the benchmark's baseline. */
export function startEmptyGame(parent: string): Phaser.Game {
  class Empty extends Phaser.Scene {
    constructor() {
      super('Empty');
    }
    create() {
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('third-side:empty-interactive'));
    }
  }
  return new Phaser.Game({ type: Phaser.WEBGL, parent, width: W, height: H, backgroundColor: C.bg, banner: false, scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH }, scene: [Empty] });
}
