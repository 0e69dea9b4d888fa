/**
 * The seat slice: the seat in play and what it shows. Every change comes from the seat's
 * subscription (a local seat today; a remote one tomorrow), so the slice publishes the same way
 * whoever made the change. No rule lives here: legality, effects and reasons come from src/sim.
 */
import { createGame, isOver, loadSave, worldOf, type Game, type LogEntry, type MediatorCommand } from '../../sim/index';
import { createLocalSeat, type LocalSeat, type SeatUpdate } from '../../seat/index';
import { readAutosave } from '../autosave';
import type { ScenarioEntry } from '../scenarios';
import type { CoachState, Screen, SeatSlice, SliceContext, StoreState } from './types';

const NEWS_KINDS = new Set<LogEntry['kind']>(['event', 'phase']);
const FRESH_COACH: CoachState = { seen: [], off: false };

export function seatSlice(ctx: SliceContext): SeatSlice {
  const { set, get, deps, checkSave, entryOf } = ctx;
  let unsubscribe: (() => void) | null = null;
  let stopRemote: (() => void) | null = null;

  /** Publish the seat's state into the store and autosave it. */
  const publish = (seat: LocalSeat, extra: Partial<StoreState> = {}) => {
    const view = seat.view();
    set((s) => ({ game: seat.game(), view, moves: seat.moves(), hash: seat.hash(), version: s.version + 1, ...extra }));
    autosave();
  };

  const autosave = ctx.autosave;

  const onUpdate = (seat: LocalSeat) => (u: SeatUpdate) => {
    const cmd = u.command as MediatorCommand | null;
    const own = u.entries.find((e) => e.kind === 'move' && e.role === seat.role);
    const entries = [...u.entries];
    publish(seat, {
      refusal: null,
      lastMove: !cmd || cmd.type === 'readBriefing' ? get().lastMove : { command: cmd, result: own && own.kind === 'move' ? own.result : null, entries },
      inbox: [...get().inbox, ...entries.filter((e) => NEWS_KINDS.has(e.kind))],
      feed: [...get().feed, ...entries.filter((e) => e.kind === 'event')],
    });
  };

  const start = (entry: ScenarioEntry, game: Game, screen: Screen, extra: Partial<StoreState> = {}) => {
    unsubscribe?.();
    stopRemote?.();
    const seat = createLocalSeat(game, 'mediator');
    unsubscribe = seat.subscribe(onUpdate(seat));
    set({
      screen,
      seat,
      scenarioKey: entry.key,
      scenario: entry.scenario,
      inbox: [],
      feed: worldOf(game).log.filter((e) => e.kind === 'event'),
      lastMove: null,
      refusal: null,
      debrief: null,
      resumable: null,
      saveNotice: null,
      branchedAt: null,
      coach: FRESH_COACH,
      remote: null,
      ...extra,
    });
    publish(seat);
  };

  return {
    seat: null,
    game: null,
    scenarioKey: null,
    scenario: null,
    view: null,
    moves: [],
    lastMove: null,
    refusal: null,
    debrief: null,
    hash: null,
    branchedAt: null,
    version: 0,
    remote: null,

    playRemote(remote, scenario) {
      unsubscribe?.();
      unsubscribe = null;
      stopRemote?.();
      const publishRemote = (entries: readonly LogEntry[]) => {
        if (!remote.hasView()) return;
        set((s) => ({
          view: remote.view(),
          moves: remote.moves(),
          version: s.version + 1,
          inbox: [...s.inbox, ...entries.filter((e) => NEWS_KINDS.has(e.kind))],
          feed: [...s.feed, ...entries.filter((e) => e.kind === 'event')],
        }));
      };
      const stop = remote.subscribe((u) => publishRemote(u.entries));
      // The table shows the connection (reconnecting, back after a restart): redraw when it changes.
      let connection = remote.connection();
      let recoveries = remote.recoveries();
      const stopConnection = remote.onChange(() => {
        if (remote.connection() === connection && remote.recoveries() === recoveries) return;
        connection = remote.connection();
        recoveries = remote.recoveries();
        set((s) => ({ version: s.version + 1 }));
      });
      stopRemote = () => {
        stop();
        stopConnection();
        stopRemote = null;
      };
      set({
        screen: 'table',
        remote,
        seat: null,
        game: null,
        scenarioKey: null,
        scenario,
        inbox: [],
        feed: remote.hasView() ? remote.view().log.filter((e) => e.kind === 'event') : [],
        lastMove: null,
        refusal: null,
        debrief: null,
        branchedAt: null,
        hash: null,
        coach: { seen: [], off: true },
      });
      publishRemote([]);
    },

    leaveRemote() {
      stopRemote?.();
      set({ screen: 'classroom', remote: null, view: null, moves: [], inbox: [], refusal: null });
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
      const r = readAutosave(deps.storage);
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
      start(entry, loaded.game, screen, { coach: r.record.coach ?? FRESH_COACH });
      return true;
    },

    readBriefing() {
      const { seat } = get();
      if (!seat) return;
      if (!seat.view().knowledge.briefing) get().command({ type: 'readBriefing' });
      set({ screen: 'table' });
    },

    skipBriefing() {
      if (!get().seat) return;
      set({ screen: 'table' });
    },

    command(cmd) {
      const { remote } = get();
      if (remote) {
        // The server answers later: its refusal shows when it arrives.
        void remote.request(cmd as MediatorCommand & Record<string, unknown>).then((refusal) => {
          if (refusal && get().remote === remote) set((s) => ({ refusal, version: s.version + 1 }));
        });
        return null;
      }
      const { seat } = get();
      if (!seat) return { key: 'refuse.noTarget' };
      const refusal = seat.send(cmd as MediatorCommand & Record<string, unknown>);
      if (refusal) set((s) => ({ refusal, version: s.version + 1 }));
      return refusal;
    },

    preview(cmd) {
      if (get().remote) return null;
      const { seat } = get();
      if (!seat) return { key: 'refuse.noTarget' };
      return seat.preview(cmd as MediatorCommand & Record<string, unknown>);
    },

    clearRefusal() {
      set({ refusal: null });
    },

    showRefusal(reason) {
      set((s) => ({ refusal: reason, version: s.version + 1 }));
    },

    async toDebrief() {
      // A classroom seat's debrief comes from the server: back to the class screen, which shows it.
      if (get().remote) return get().leaveRemote();
      const { seat, scenario } = get();
      if (!seat || !scenario) return;
      // The debrief's analysis is loaded when first needed: the first screens do without it.
      const { computeDebrief } = await import('../../sim/debrief/index');
      if (get().seat !== seat) return;
      set({ screen: 'debrief', debrief: computeDebrief(scenario, worldOf(seat.game())), inbox: [] });
    },

    playAgain() {
      const { scenarioKey, seat } = get();
      if (scenarioKey && seat) {
        const w = worldOf(seat.game());
        set({ choice: { scenarioKey, seed: w.options.seed, difficulty: w.options.difficulty } });
      }
      get().newGame();
    },

    replayFrom(turn) {
      const { seat, scenarioKey, coach } = get();
      const entry = entryOf(scenarioKey);
      if (!seat || !entry) return false;
      const branch = seat.branchAt(turn);
      if (!branch) return false;
      start(entry, branch.game(), 'table', { branchedAt: turn, coach });
      return true;
    },
  };
}
