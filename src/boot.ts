/**
 * Start the page: the store (bundled scenarios, browser autosave, pack library) and the DOM app
 * over it; in test builds only, a read-only hook for browser tests.
 */
import { createGameStore } from './store/gameStore';
import { browserStorage } from './store/autosave';
import { fetchBundled, fileOf, parseBundled } from './store/scenarios';
import { startApp } from './game/app';
import { stateHash } from './sim/index';
import { PackLibrary } from './store/packLibrary';
import { createPackUi } from './game/packsUi';

export async function boot(params: URLSearchParams, root: HTMLElement): Promise<void> {
  const sources = await fetchBundled();
  // Deep link used by the benchmark: straight to the table of a bundled scenario. Only its file is
  // read first; the rest of the catalogue is read once the table is up.
  const auto = params.get('autostart');
  const first = auto ? fileOf(sources, auto) : undefined;
  const store = createGameStore({ storage: browserStorage(), bundled: parseBundled(first ? { [first]: sources[first]! } : sources) });
  if (first) {
    const rest = () => {
      const all = parseBundled(sources);
      store.getState().setCatalogue([...all.entries, ...store.getState().catalogue.filter((e) => e.source === 'pack')], all.problems);
    };
    const later = () => (performance.getEntriesByName('third-side:table-interactive').length ? setTimeout(rest, 50) : setTimeout(later, 50));
    later();
  }
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
  startApp(store, root, createPackUi(store, library));
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
