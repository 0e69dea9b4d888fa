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
    for (const k of ['Boot', ...Object.values(SCENE_OF)]) if (k !== key && game.scene.isActive(k)) game.scene.stop(k);
    if (game.scene.isActive('Boot') || game.scene.getScene('Boot')?.sys.settings.status !== Phaser.Scenes.SHUTDOWN) game.scene.stop('Boot');
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
    wake();
    if (s.screen !== p.screen) go(s.screen);
  });

  // A turn-based table needs no redraw while nothing moves: the loop sleeps when idle (no tween,
  // no store change, no input for a moment) and wakes on the next change. `?continuous` keeps it
  // running every frame (the benchmark reports both).
  const continuous = new URLSearchParams(location.search).has('continuous');
  let lastActivity = performance.now();
  const wake = () => {
    lastActivity = performance.now();
    if (!continuous && game.loop && !game.loop.running && document.visibilityState === 'visible') game.loop.wake(true);
  };
  for (const ev of ['keydown', 'pointerdown', 'wheel', 'focusin']) document.addEventListener(ev, wake, { passive: true });
  game.events.on(Phaser.Core.Events.POST_STEP, () => {
    if (continuous) return;
    const now = performance.now();
    const busy = game.scene.getScenes(true).some((sc) => sc.tweens.getTweens().length > 0);
    if (busy) lastActivity = now;
    else if (now - lastActivity > 600) game.loop.sleep();
  });
  const sync = () => game.canvas && syncOverlay(game.canvas);
  game.events.once(Phaser.Core.Events.READY, () => {
    sync();
    game.scale.on(Phaser.Scale.Events.RESIZE, sync);
  });
  // FIT settles the canvas size shortly after a window resize; follow it.
  window.addEventListener('resize', () => {
    wake();
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
