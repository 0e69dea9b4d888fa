/**
 * The one bridge between the engine and the page (zustand vanilla store), in three slices
 * (slices/): catalogue (what can be played, the menu's choices, the autosave), seat (the seat in
 * play — src/seat — and what it shows) and news (events to acknowledge, the feed, the coach).
 * Screens subscribe and draw; every intent is an action that goes through the seat.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioEntry } from './scenarios';
import { writeAutosave } from './autosave';
import { catalogueSlice, checkSaveOf } from './slices/catalogue';
import { seatSlice } from './slices/seat';
import { newsSlice } from './slices/news';
import type { SliceContext, StoreDeps, StoreState } from './slices/types';

export type { Screen, Notice, Resumable, LastMove, GameState, GameActions, StoreDeps, CoachState, StoreState } from './slices/types';
export { cryptoSeed, MAX_SEED } from './slices/catalogue';

export type GameStore = StoreApi<StoreState>;

export function createGameStore(deps: StoreDeps): GameStore {
  const store = createStore<StoreState>()((set, get) => {
    const entryOf = (key: string | null): ScenarioEntry | undefined => get().catalogue.find((e) => e.key === key);
    const autosave = () => {
      const { seat, scenarioKey, scenario, coach } = get();
      if (!seat || !scenarioKey || !scenario) return;
      const entry = entryOf(scenarioKey);
      writeAutosave(deps.storage, {
        scenarioKey,
        scenarioId: scenario.id,
        title: scenario.title,
        turn: seat.view().turn,
        ...(entry?.packId ? { packId: entry.packId } : {}),
        ...(entry?.packTitle ? { packTitle: entry.packTitle } : {}),
        save: seat.save(),
        coach,
      });
    };
    const partial: Omit<SliceContext, 'checkSave'> = { set, get, deps, entryOf, autosave };
    const ctx: SliceContext = { ...partial, checkSave: checkSaveOf(partial) };
    return { ...catalogueSlice(ctx), ...seatSlice(ctx), ...newsSlice(ctx) };
  });
  // The bundled scenarios are known at once; packs answer later (setPackEntries).
  store.getState().setCatalogue(deps.bundled.entries, deps.bundled.problems);
  return store;
}
