/**
 * What every scene shares: the store, subscriptions that end with the scene, overlay panels that
 * are removed with it, and keyboard shortcuts that do not fire while typing in a form field.
 */
import Phaser from 'phaser';
import type { GameStore, GameState, GameActions } from '../store/gameStore';
import { clearOverlay } from './overlay';

export type S = GameState & GameActions;

export abstract class BaseScene extends Phaser.Scene {
  protected readonly store: GameStore;
  private unsubs: (() => void)[] = [];

  constructor(key: string, store: GameStore) {
    super(key);
    this.store = store;
  }

  protected get s(): S {
    return this.store.getState();
  }

  /** Build the scene; called from create() by subclasses through `setup`. */
  protected setup(): void {
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    clearOverlay();
    (window as unknown as { __thirdSideScene?: string }).__thirdSideScene = this.scene.key;
  }

  /** Run fn whenever the store changes (until the scene shuts down). */
  protected watch(fn: (s: S, prev: S) => void): void {
    this.unsubs.push(this.store.subscribe(fn));
  }

  /** A keyboard shortcut (ignored while the focus is in a text field or a dialog grabs it). */
  protected hotkeys(map: Record<string, (ev: KeyboardEvent) => unknown>): void {
    const handler = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') && (t as HTMLInputElement).type !== 'checkbox' && (t as HTMLInputElement).type !== 'radio') return;
      const fn = map[ev.key] ?? map[ev.key.toLowerCase()];
      // A handler that returns false did not handle the key: leave it to the browser.
      if (fn && fn(ev) !== false) ev.preventDefault();
    };
    document.addEventListener('keydown', handler);
    this.unsubs.push(() => document.removeEventListener('keydown', handler));
  }

  private teardown(): void {
    for (const u of this.unsubs.splice(0)) u();
    clearOverlay();
  }
}
