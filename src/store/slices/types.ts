/**
 * The store's shape, slice by slice. One zustand vanilla store holds three slices:
 * - catalogue: the scenarios on offer, the menu's choices (scenario, seed, difficulty), the autosave;
 * - seat: the seat in play (src/seat), its view and moves, the last move, refusals, the debrief;
 * - news: events not yet acknowledged (the inbox), the feed, and the tutorial's coach notes.
 * Screens read the slices; every intent is an action here that goes through the seat.
 */
import type { Difficulty, Game, LogEntry, MediatorCommand, MoveOption, Msg, View } from '../../sim/index';
import type { Debrief } from '../../sim/debrief/index';
import type { Scenario } from '../../scenario/schema';
import type { LocalSeat } from '../../seat/index';
import type { RemoteSeat } from '../../seat/remote';
import type { KeyValueStorage } from '../autosave';
import type { CatalogueEntry, CatalogueProblem, ScenarioEntry } from '../scenarios';

export type Screen = 'menu' | 'briefing' | 'table' | 'debrief' | 'classroom';

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

export interface CatalogueSlice {
  screen: Screen;
  /** Scenarios on offer, as the menu lists them: bundled first, then those from imported packs. */
  offers: CatalogueEntry[];
  /** The offers whose full scenario the page holds (packs; bundled ones once fetched for a solo game). */
  catalogue: ScenarioEntry[];
  catalogueProblems: CatalogueProblem[];
  /** The key of the scenario being fetched, while it is. */
  loading: string | null;
  packsLoaded: boolean;
  /** The menu's choices; the seed is drawn afresh (outside the engine) for every new game. */
  choice: { scenarioKey: string | null; seed: number; difficulty: Difficulty };
  resumable: Resumable | null;
  saveNotice: Notice | null;
  setChoice(choice: Partial<CatalogueSlice['choice']>): void;
  /** Draw a fresh seed for the next game (crypto.getRandomValues in the page). */
  newSeed(): void;
  setCatalogue(entries: CatalogueEntry[], problems?: CatalogueProblem[]): void;
  /** Hold an offer's full scenario, fetching a bundled one the first time; null (and a catalogue problem) when it cannot be had. */
  ensureScenario(key: string): Promise<ScenarioEntry | null>;
  /** The menu's Start: fetch the chosen scenario if need be, then a new game. */
  startGame(): Promise<boolean>;
  /** The menu's Resume: fetch the saved game's scenario if need be, then resume it. */
  resumeGame(): Promise<boolean>;
  /** Replace the pack scenarios (after the library loaded or changed); rechecks the autosave. */
  setPackEntries(entries: ScenarioEntry[]): void;
  discardSave(): void;
  toMenu(): void;
  /** The classroom: join a class or run one (screens/classroom.ts). */
  toClassroom(): void;
}

export interface SeatSlice {
  /** The seat in play (a local one: the engine runs in the page). */
  seat: LocalSeat | null;
  /** The game in play (the local seat's). */
  game: Game | null;
  scenarioKey: string | null;
  scenario: Scenario | null;
  view: View | null;
  moves: MoveOption[];
  lastMove: LastMove | null;
  refusal: Msg | null;
  debrief: Debrief | null;
  hash: string | null;
  /** The turn this game was branched from (replay from turn N), if it was. */
  branchedAt: number | null;
  /** Bumped on every change of game state, so screens can redraw cheaply. */
  version: number;
  /** A classroom seat at the mediator's table (the engine runs on the server); null in solo play. */
  remote: RemoteSeat | null;
  /** Sit at the table through a classroom seat: the same table screen, fed by the server's views. */
  playRemote(seat: RemoteSeat, scenario: Scenario | null): void;
  /** Leave the classroom seat's table (back to the classroom screen). */
  leaveRemote(): void;
  newGame(): boolean;
  resume(): boolean;
  readBriefing(): void;
  skipBriefing(): void;
  /** Send a mediator move through the seat. Returns the refusal, or null when it was made. */
  command(cmd: MediatorCommand): Msg | null;
  /** What the engine would say to this move now (null = legal); changes nothing. */
  preview(cmd: MediatorCommand): Msg | null;
  clearRefusal(): void;
  /** Show an engine reason for a move the trainee cannot make (nothing is sent). */
  showRefusal(reason: Msg): void;
  /** Compute the debrief (its code loads on first use) and show it. */
  toDebrief(): Promise<void>;
  playAgain(): void;
  /** Branch the game at the start of an earlier turn and play on from there. */
  replayFrom(turn: number): boolean;
}

export interface CoachState {
  /** Coach notes already shown (ids), in order. */
  seen: string[];
  /** The trainee turned the coach off for this game. */
  off: boolean;
}

export interface NewsSlice {
  /** Events and phase changes not yet acknowledged by the trainee (shown one by one, unmissable). */
  inbox: LogEntry[];
  /** Every event so far, newest last (the feed). */
  feed: LogEntry[];
  /** The tutorial's coach: which notes were shown; kept in the save. */
  coach: CoachState;
  dismissNews(): void;
  coachSeen(id: string): void;
  coachOff(): void;
}

export type GameState = Omit<CatalogueSlice, keyof SliceActions<CatalogueSlice>> &
  Omit<SeatSlice, keyof SliceActions<SeatSlice>> &
  Omit<NewsSlice, keyof SliceActions<NewsSlice>>;
export type GameActions = SliceActions<CatalogueSlice> & SliceActions<SeatSlice> & SliceActions<NewsSlice>;
export type StoreState = CatalogueSlice & SeatSlice & NewsSlice;

type FnKeys<T> = { [K in keyof T]: T[K] extends (...a: never[]) => unknown ? K : never }[keyof T];
type SliceActions<T> = Pick<T, FnKeys<T>>;

export interface StoreDeps {
  storage: KeyValueStorage;
  /** The bundled offers: the build's index (data fetched on demand) or, in tests and tools, checked entries. */
  bundled: { entries: CatalogueEntry[]; problems: CatalogueProblem[] };
  /** How a bundled scenario's data is fetched (default: fetch its URL as JSON). */
  fetchJson?: (url: string) => Promise<unknown>;
  /** A fresh seed (default: crypto.getRandomValues). Tests pass their own. */
  drawSeed?: () => number;
}

/** What a slice creator gets: zustand's set/get over the whole store, the deps, and shared helpers. */
export interface SliceContext {
  set: (partial: Partial<StoreState> | ((s: StoreState) => Partial<StoreState>)) => void;
  get: () => StoreState;
  deps: StoreDeps;
  /** Look at the autosave slot: offer it, or say why it cannot be resumed. Never throws. */
  checkSave(): void;
  entryOf(key: string | null): ScenarioEntry | undefined;
  /** Write the game in play (and the coach's progress) to the autosave slot; nothing when no game. */
  autosave(): void;
}
