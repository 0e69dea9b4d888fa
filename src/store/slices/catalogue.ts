/** The catalogue slice: scenarios on offer, the menu's choices, the autosave slot. */
import { loadSave, worldOf } from '../../sim/index';
import { clearAutosave, readAutosave } from '../autosave';
import type { CatalogueSlice, SliceContext } from './types';

/** The largest seed the menu offers (the engine takes any safe integer; the form keeps it short). */
export const MAX_SEED = 2 ** 31 - 1;

/** A fresh seed from the page's cryptographic generator (outside the engine, which has no randomness of its own). */
export function cryptoSeed(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]! % MAX_SEED;
}

export function checkSaveOf(ctx: Pick<SliceContext, 'set' | 'get' | 'deps' | 'entryOf'>): () => void {
  const { set, get, deps, entryOf } = ctx;
  return () => {
    const r = readAutosave(deps.storage);
    if (r.kind === 'none') return set({ resumable: null, saveNotice: null });
    if (r.kind === 'corrupt') return set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: { key: 'save.corrupt' } } });
    const rec = r.record;
    const entry = entryOf(rec.scenarioKey);
    if (!entry) {
      if (rec.packId) {
        // The pack may still be loading; decide once the library has answered.
        if (!get().packsLoaded) return set({ resumable: null, saveNotice: null });
        return set({ resumable: null, saveNotice: { key: 'menu.saveOfRemovedPack', params: { pack: rec.packTitle ?? rec.packId } } });
      }
      return set({ resumable: null, saveNotice: { key: 'menu.saveScenarioMissing', params: { id: rec.scenarioId } } });
    }
    const loaded = loadSave(rec.save, entry.scenario);
    if (!loaded.ok) return set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: loaded.reason } });
    set({ resumable: { scenarioKey: rec.scenarioKey, title: entry.scenario.title, turn: worldOf(loaded.game).turn }, saveNotice: null });
  };
}

export function catalogueSlice(ctx: SliceContext): CatalogueSlice {
  const { set, get, deps, checkSave } = ctx;
  const draw = deps.drawSeed ?? cryptoSeed;
  return {
    screen: 'menu',
    catalogue: deps.bundled.entries,
    catalogueProblems: deps.bundled.problems,
    packsLoaded: false,
    choice: { scenarioKey: deps.bundled.entries[0]?.key ?? null, seed: draw(), difficulty: 'standard' },
    resumable: null,
    saveNotice: null,

    setChoice(choice) {
      const next = { ...get().choice, ...choice };
      if (!Number.isFinite(next.seed)) next.seed = 1;
      next.seed = Math.max(0, Math.min(MAX_SEED, Math.trunc(next.seed)));
      set({ choice: next });
    },

    newSeed() {
      set({ choice: { ...get().choice, seed: draw() } });
    },

    setCatalogue(entries, problems = []) {
      set({ catalogue: entries, catalogueProblems: problems });
      checkSave();
    },

    setPackEntries(entries) {
      const bundled = get().catalogue.filter((e) => e.source === 'bundled');
      const catalogue = [...bundled, ...entries];
      const choice = get().choice;
      const keep = catalogue.some((e) => e.key === choice.scenarioKey);
      set({ catalogue, packsLoaded: true, choice: keep ? choice : { ...choice, scenarioKey: catalogue[0]?.key ?? null } });
      if (get().screen === 'menu') checkSave();
    },

    discardSave() {
      clearAutosave(deps.storage);
      set({ resumable: null, saveNotice: null });
    },

    toMenu() {
      // A new game from the menu gets new dice unless the trainee types a seed.
      set({ screen: 'menu', inbox: [], refusal: null, choice: { ...get().choice, seed: draw() } });
      checkSave();
    },
    toClassroom() {
      set({ screen: 'classroom', inbox: [], refusal: null });
    },
  };
}
