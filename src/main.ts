/**
 * Entry point: build the store (bundled scenarios, browser autosave, pack library), start the
 * Phaser game over it, and — in test builds only — expose a read-only hook for browser tests.
 */
import './game/ui.css';
import { createGameStore } from './store/gameStore';
import { browserStorage } from './store/autosave';
import { bundledSources, parseBundled } from './store/scenarios';
import { startEmptyGame, startGame } from './game/index';
import { stateHash } from './sim/index';
import { PackLibrary } from './store/packLibrary';
import { createPackUi } from './game/packsUi';

const params = new URLSearchParams(location.search);

if (params.get('bench') === 'empty') {
  startEmptyGame('game');
} else {
  const store = createGameStore({ storage: browserStorage(), bundled: parseBundled(bundledSources()) });
  // Deep link used by the benchmark: straight to the table of a bundled scenario.
  const auto = params.get('autostart');
  if (auto) {
    store.getState().setChoice({ scenarioKey: `bundled:${auto}`, seed: Number(params.get('seed') ?? 1) || 1 });
    if (store.getState().newGame()) store.getState().skipBriefing();
  }
  let library: PackLibrary | null = null;
  try {
    if (typeof indexedDB !== 'undefined') library = new PackLibrary();
  } catch {
    library = null;
  }
  if (!library) store.getState().setPackEntries([]);
  startGame(store, 'game', createPackUi(store, library));
  if (__TEST_HOOKS__) {
    (window as unknown as Record<string, unknown>).__thirdSide = {
      hash: () => {
        const g = store.getState().game;
        return g ? stateHash(g) : null;
      },
      view: () => store.getState().view,
      screen: () => store.getState().screen,
      scene: () => (window as unknown as { __thirdSideScene?: string }).__thirdSideScene ?? null,
      inbox: () => store.getState().inbox.length,
      commands: () => store.getState().game?.commands.length ?? 0,
    };
  }
}
