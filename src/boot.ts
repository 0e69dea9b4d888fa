/**
 * Start the page: the store (bundled scenarios, browser autosave, pack library) and the DOM app
 * over it; in test builds only, a read-only hook for browser tests.
 */
import { createGameStore } from './store/gameStore';
import { browserStorage } from './store/autosave';
import { bundledIndex } from 'virtual:bundled-scenarios';
import { startApp } from './game/app';
import { stateHash } from './sim/index';
import { PackLibrary } from './store/packLibrary';
import { createPackUi } from './game/packsUi';
import { keptSeat } from './game/screens/classroom/rejoin';

export async function boot(params: URLSearchParams, root: HTMLElement): Promise<void> {
  // The bundled scenarios' index (checked at build time); a scenario's data is fetched when a game needs it.
  const store = createGameStore({ storage: browserStorage(), bundled: { entries: bundledIndex, problems: [] } });
  // Deep link used by the benchmark: straight to the table of a bundled scenario.
  const auto = params.get('autostart');
  if (auto) {
    store.getState().setChoice({ scenarioKey: `bundled:${auto}`, seed: Number(params.get('seed') ?? 1) || 1 });
    if (await store.getState().startGame()) store.getState().skipBriefing();
  }
  let library: PackLibrary | null = null;
  try {
    if (typeof indexedDB !== 'undefined') library = new PackLibrary();
  } catch {
    library = null;
  }
  if (!library) store.getState().setPackEntries([]);
  startApp(store, root, createPackUi(store, library));
  // A join address (the console's QR code): straight to the classroom, the code filled in; a tab
  // reloaded in a class goes straight back to its seat.
  if (params.has('join') || keptSeat()) store.getState().toClassroom();
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
      coach: () => store.getState().coach,
      branchedAt: () => store.getState().branchedAt,
      seed: () => store.getState().game?.world.options.seed ?? null,
    };
  }
}
