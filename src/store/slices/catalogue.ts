/**
 * The catalogue slice: scenarios on offer, the menu's choices, the autosave slot. An offer is held
 * in full only once a game needs it (a bundled scenario is fetched then), so the menu and the
 * classroom screens never hold a scenario's confidential notes.
 */
import { loadSave, worldOf } from '../../sim/index';
import { checkSaveHeader } from '../../sim/save';
import { clearAutosave, readAutosave } from '../autosave';
import { dataFile, fetchScenario, isHeld, type CatalogueEntry, type CatalogueProblem, type ScenarioEntry } from '../scenarios';
import type { CatalogueSlice, SliceContext, StoreState } from './types';

/** The largest seed the menu offers (the engine takes any safe integer; the form keeps it short). */
export const MAX_SEED = 2 ** 31 - 1;

/** A fresh seed from the page's cryptographic generator (outside the engine, which has no randomness of its own). */
export function cryptoSeed(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]! % MAX_SEED;
}

/** The menu's list and the scenarios held in full, from one list of offers. */
const listed = (offers: CatalogueEntry[]): Pick<StoreState, 'offers' | 'catalogue'> => ({ offers, catalogue: offers.filter(isHeld) });

export function checkSaveOf(ctx: Pick<SliceContext, 'set' | 'get' | 'deps'>): () => void {
  const { set, get, deps } = ctx;
  return () => {
    const r = readAutosave(deps.storage);
    if (r.kind === 'none') return set({ resumable: null, saveNotice: null });
    if (r.kind === 'corrupt') return set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: { key: 'save.corrupt' } } });
    const rec = r.record;
    const entry = get().offers.find((e) => e.key === rec.scenarioKey);
    if (!entry) {
      if (rec.packId) {
        // The pack may still be loading; decide once the library has answered.
        if (!get().packsLoaded) return set({ resumable: null, saveNotice: null });
        return set({ resumable: null, saveNotice: { key: 'menu.saveOfRemovedPack', params: { pack: rec.packTitle ?? rec.packId } } });
      }
      return set({ resumable: null, saveNotice: { key: 'menu.saveScenarioMissing', params: { id: rec.scenarioId } } });
    }
    if (!isHeld(entry)) {
      // Not fetched yet: check what the save says of itself; the replay is checked on resuming.
      const header = checkSaveHeader(rec.save, entry.card);
      if (!header.ok) return set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: header.reason } });
      return set({ resumable: { scenarioKey: rec.scenarioKey, title: entry.card.title, turn: rec.turn }, saveNotice: null });
    }
    const loaded = loadSave(rec.save, entry.scenario);
    if (!loaded.ok) return set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: loaded.reason } });
    set({ resumable: { scenarioKey: rec.scenarioKey, title: entry.scenario.title, turn: worldOf(loaded.game).turn }, saveNotice: null });
  };
}

export function catalogueSlice(ctx: SliceContext): CatalogueSlice {
  const { set, get, deps, checkSave } = ctx;
  const draw = deps.drawSeed ?? cryptoSeed;
  /** Fetches under way, by key: a second Start while one runs waits for the same fetch. */
  const fetching = new Map<string, Promise<ScenarioEntry | null>>();
  const withProblem = (file: string, problem?: CatalogueProblem) => [...get().catalogueProblems.filter((p) => p.file !== file), ...(problem ? [problem] : [])];

  const fetchHeld = async (entry: CatalogueEntry): Promise<ScenarioEntry | null> => {
    set({ loading: entry.key });
    const r = await fetchScenario(entry, deps.fetchJson);
    if (get().loading === entry.key) set({ loading: null });
    if (!r.ok) {
      set({ catalogueProblems: withProblem(r.problem.file, r.problem) });
      return null;
    }
    const held: ScenarioEntry = { ...entry, scenario: r.scenario };
    set({ ...listed(get().offers.map((e) => (e.key === entry.key ? held : e))), catalogueProblems: withProblem(dataFile(entry)) });
    return held;
  };

  return {
    screen: 'menu',
    ...listed(deps.bundled.entries),
    catalogueProblems: deps.bundled.problems,
    loading: null,
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
      // An offer already fetched stays held while it is the same scenario version.
      const held = new Map(get().catalogue.map((e) => [e.key, e]));
      const offers = entries.map((e) => {
        const h = held.get(e.key);
        return !isHeld(e) && h && h.card.version === e.card.version ? { ...e, scenario: h.scenario } : e;
      });
      set({ ...listed(offers), catalogueProblems: problems });
      checkSave();
    },

    ensureScenario(key) {
      const entry = get().offers.find((e) => e.key === key);
      if (!entry) return Promise.resolve(null);
      if (isHeld(entry)) return Promise.resolve(entry);
      let pending = fetching.get(key);
      if (!pending) {
        pending = fetchHeld(entry).finally(() => fetching.delete(key));
        fetching.set(key, pending);
      }
      return pending;
    },

    async startGame() {
      const key = get().choice.scenarioKey;
      if (!key || !(await get().ensureScenario(key))) return false;
      // The trainee may have chosen another case or left the menu while it was fetched.
      if (get().choice.scenarioKey !== key || get().screen !== 'menu') return false;
      return get().newGame();
    },

    async resumeGame() {
      const saved = get().resumable;
      if (saved && !(await get().ensureScenario(saved.scenarioKey))) return false;
      if (get().screen !== 'menu') return false;
      return get().resume();
    },

    setPackEntries(entries) {
      const bundled = get().offers.filter((e) => e.source === 'bundled');
      const offers = [...bundled, ...entries];
      const choice = get().choice;
      const keep = offers.some((e) => e.key === choice.scenarioKey);
      set({ ...listed(offers), packsLoaded: true, choice: keep ? choice : { ...choice, scenarioKey: offers[0]?.key ?? null } });
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
