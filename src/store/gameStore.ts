/**
 * The one bridge between the engine and the scenes (zustand vanilla store). The engine publishes
 * into it (the Game, the mediator's View, the legal moves, the news still to show); scenes
 * subscribe and draw; every intent goes through an action here that calls the engine with role
 * 'mediator'. No rule lives here: legality, effects and reasons all come from src/sim.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  applyCommand,
  availableMoves,
  createGame,
  isOver,
  loadSave,
  stateHash,
  toSave,
  viewFor,
  whyRefused,
  worldOf,
  type Difficulty,
  type Game,
  type LogEntry,
  type MediatorCommand,
  type MoveOption,
  type Msg,
  type View,
} from '../sim/index';
import { computeDebrief, type Debrief } from '../sim/debrief/index';
import type { Scenario } from '../scenario/schema';
import { clearAutosave, readAutosave, writeAutosave, type KeyValueStorage } from './autosave';
import type { CatalogueProblem, ScenarioEntry } from './scenarios';

export type Screen = 'menu' | 'briefing' | 'table' | 'debrief';

/** A message for the menu: an engine Msg (save.*) or a UI key with params. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** An engine reason to show inside the notice (e.g. why a save failed). */
  reason?: Msg;
}

export interface Resumable {
  scenarioKey: string;
  title: string;
  turn: number;
}

export interface LastMove {
  command: MediatorCommand;
  result: Msg | null;
  /** Everything the move logged: its result, the parties' answers, events it set off. */
  entries: LogEntry[];
}

export interface GameState {
  screen: Screen;
  /** Scenarios on offer: bundled first, then those from imported packs. */
  catalogue: ScenarioEntry[];
  catalogueProblems: CatalogueProblem[];
  packsLoaded: boolean;
  /** The menu's choices. */
  choice: { scenarioKey: string | null; seed: number; difficulty: Difficulty };
  /** The game in play. */
  game: Game | null;
  scenarioKey: string | null;
  scenario: Scenario | null;
  view: View | null;
  moves: MoveOption[];
  /** Events and phase changes not yet acknowledged by the trainee (shown one by one, unmissable). */
  inbox: LogEntry[];
  /** Every event so far, newest last (the feed). */
  feed: LogEntry[];
  lastMove: LastMove | null;
  refusal: Msg | null;
  resumable: Resumable | null;
  saveNotice: Notice | null;
  debrief: Debrief | null;
  hash: string | null;
  /** Bumped on every change of game state, so scenes can redraw cheaply. */
  version: number;
}

export interface GameActions {
  setChoice(choice: Partial<GameState['choice']>): void;
  setCatalogue(entries: ScenarioEntry[], problems?: CatalogueProblem[]): void;
  /** Replace the pack scenarios (after the library loaded or changed); rechecks the autosave. */
  setPackEntries(entries: ScenarioEntry[]): void;
  newGame(): boolean;
  resume(): boolean;
  discardSave(): void;
  readBriefing(): void;
  skipBriefing(): void;
  /** Send a mediator move to the engine. Returns the refusal, or null when it was made. */
  command(cmd: MediatorCommand): Msg | null;
  /** What the engine would say to this move now (null = legal); changes nothing. */
  preview(cmd: MediatorCommand): Msg | null;
  dismissNews(): void;
  clearRefusal(): void;
  /** Show an engine reason for a move the trainee cannot make (nothing is sent). */
  showRefusal(reason: Msg): void;
  toDebrief(): void;
  playAgain(): void;
  toMenu(): void;
}

export type GameStore = StoreApi<GameState & GameActions>;

export interface StoreDeps {
  storage: KeyValueStorage;
  bundled: { entries: ScenarioEntry[]; problems: CatalogueProblem[] };
}

const NEWS_KINDS = new Set<LogEntry['kind']>(['event', 'phase']);

export function createGameStore(deps: StoreDeps): GameStore {
  const { storage } = deps;

  const store = createStore<GameState & GameActions>()((set, get) => {
    const entryOf = (key: string | null): ScenarioEntry | undefined => get().catalogue.find((e) => e.key === key);

    /** Publish a game into the store: view, legal moves, hash; autosave it. */
    const publish = (game: Game, extra: Partial<GameState> = {}) => {
      const view = viewFor(game, 'mediator');
      const moves = view.over ? [] : availableMoves(game);
      const hash = stateHash(game);
      set((s) => ({ game, view, moves, hash, version: s.version + 1, ...extra }));
      autosave();
    };

    const autosave = () => {
      const { game, scenarioKey, scenario } = get();
      if (!game || !scenarioKey || !scenario) return;
      const entry = entryOf(scenarioKey);
      writeAutosave(storage, {
        scenarioKey,
        scenarioId: scenario.id,
        title: scenario.title,
        turn: worldOf(game).turn,
        ...(entry?.packId ? { packId: entry.packId } : {}),
        ...(entry?.packTitle ? { packTitle: entry.packTitle } : {}),
        save: toSave(game),
      });
    };

    /** Look at the autosave slot: offer it, or say why it cannot be resumed. Never throws. */
    const checkSave = () => {
      const r = readAutosave(storage);
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

    const start = (entry: ScenarioEntry, game: Game, screen: Screen) => {
      set({
        screen,
        scenarioKey: entry.key,
        scenario: entry.scenario,
        inbox: [],
        feed: worldOf(game).log.filter((e) => e.kind === 'event'),
        lastMove: null,
        refusal: null,
        debrief: null,
        resumable: null,
        saveNotice: null,
      });
      publish(game);
    };

    return {
      screen: 'menu',
      catalogue: deps.bundled.entries,
      catalogueProblems: deps.bundled.problems,
      packsLoaded: false,
      choice: { scenarioKey: deps.bundled.entries[0]?.key ?? null, seed: 1, difficulty: 'standard' },
      game: null,
      scenarioKey: null,
      scenario: null,
      view: null,
      moves: [],
      inbox: [],
      feed: [],
      lastMove: null,
      refusal: null,
      resumable: null,
      saveNotice: null,
      debrief: null,
      hash: null,
      version: 0,

      setChoice(choice) {
        const next = { ...get().choice, ...choice };
        if (!Number.isFinite(next.seed)) next.seed = 1;
        next.seed = Math.max(0, Math.min(2 ** 31 - 1, Math.trunc(next.seed)));
        set({ choice: next });
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

      newGame() {
        const { choice } = get();
        const entry = entryOf(choice.scenarioKey);
        if (!entry) return false;
        const game = createGame(entry.scenario, { seed: choice.seed, difficulty: choice.difficulty });
        start(entry, game, 'briefing');
        return true;
      },

      resume() {
        const r = readAutosave(storage);
        if (r.kind !== 'ok') {
          checkSave();
          return false;
        }
        const entry = entryOf(r.record.scenarioKey);
        if (!entry) {
          checkSave();
          return false;
        }
        const loaded = loadSave(r.record.save, entry.scenario);
        if (!loaded.ok) {
          set({ resumable: null, saveNotice: { key: 'menu.saveProblem', reason: loaded.reason } });
          return false;
        }
        const w = worldOf(loaded.game);
        set({ choice: { scenarioKey: entry.key, seed: w.options.seed, difficulty: w.options.difficulty } });
        const screen: Screen = isOver(loaded.game) ? 'table' : loaded.game.commands.length === 0 ? 'briefing' : 'table';
        start(entry, loaded.game, screen);
        return true;
      },

      discardSave() {
        clearAutosave(storage);
        set({ resumable: null, saveNotice: null });
      },

      readBriefing() {
        const { game } = get();
        if (!game) return;
        if (!worldOf(game).knowledge.briefing) get().command({ type: 'readBriefing' });
        set({ screen: 'table' });
      },

      skipBriefing() {
        if (!get().game) return;
        set({ screen: 'table' });
      },

      command(cmd) {
        const { game } = get();
        if (!game) return { key: 'refuse.noTarget' };
        const r = applyCommand(game, { ...cmd, role: 'mediator' } as Parameters<typeof applyCommand>[1]);
        if (!r.ok) {
          set((s) => ({ refusal: r.reason, version: s.version + 1 }));
          return r.reason;
        }
        const own = r.entries.find((e) => e.kind === 'move' && e.role === 'mediator');
        const news = r.entries.filter((e) => NEWS_KINDS.has(e.kind));
        const events = r.entries.filter((e) => e.kind === 'event');
        publish(r.game, {
          refusal: null,
          lastMove: cmd.type === 'readBriefing' ? get().lastMove : { command: cmd, result: own && own.kind === 'move' ? own.result : null, entries: r.entries },
          inbox: [...get().inbox, ...news],
          feed: [...get().feed, ...events],
        });
        return null;
      },

      preview(cmd) {
        const { game } = get();
        if (!game) return { key: 'refuse.noTarget' };
        return whyRefused(game, { ...cmd, role: 'mediator' } as Parameters<typeof whyRefused>[1]);
      },

      dismissNews() {
        set((s) => ({ inbox: s.inbox.slice(1), version: s.version + 1 }));
      },

      clearRefusal() {
        set({ refusal: null });
      },

      showRefusal(reason) {
        set((s) => ({ refusal: reason, version: s.version + 1 }));
      },

      toDebrief() {
        const { game, scenario } = get();
        if (!game || !scenario) return;
        set({ screen: 'debrief', debrief: computeDebrief(scenario, worldOf(game)), inbox: [] });
      },

      playAgain() {
        const { scenarioKey, game } = get();
        if (scenarioKey && game) {
          const w = worldOf(game);
          set({ choice: { scenarioKey, seed: w.options.seed, difficulty: w.options.difficulty } });
        }
        get().newGame();
      },

      toMenu() {
        set({ screen: 'menu', inbox: [], refusal: null });
        checkSave();
      },
    };
  });

  // The bundled scenarios are known at once; packs answer later (setPackEntries).
  store.getState().setCatalogue(deps.bundled.entries, deps.bundled.problems);
  return store;
}
