/**
 * A local seat: the engine runs in the page. It holds the Game, sends commands through the
 * engine's front door with the seat's role, and tells its subscribers what each command set off.
 * Views and move lists are computed once per change and cached.
 */
import {
  applyCommand,
  availableMoves,
  isOver,
  replay,
  stateHash,
  toSave,
  viewFor,
  whyRefused,
  worldOf,
  type Game,
  type MoveOption,
  type Role,
  type Save,
  type View,
} from '../sim/index';
import type { Seat, SeatUpdate } from './types';

export interface LocalSeat extends Seat {
  /** The game as it stands (local seats only: the save, the debrief and replay read it). */
  game(): Game;
  save(): Save;
  hash(): string;
  /**
   * Branch at the start of `turn`: replay this game's commands made before that turn, on the same
   * seed, and continue from there (determinism makes the branch exact). Null when it cannot.
   */
  branchAt(turn: number): LocalSeat | null;
}

export function createLocalSeat(start: Game, role: Role = 'mediator'): LocalSeat {
  let game = start;
  let view: View | null = null;
  let moves: MoveOption[] | null = null;
  const listeners = new Set<(u: SeatUpdate) => void>();
  const withRole = (cmd: Record<string, unknown>) => ({ ...cmd, role });

  const seat: LocalSeat = {
    role,
    view: () => (view ??= viewFor(game, role)),
    moves: () => (moves ??= role === 'mediator' && !isOver(game) ? availableMoves(game) : []),
    send(cmd) {
      const r = applyCommand(game, withRole(cmd));
      if (!r.ok) return r.reason;
      game = r.game;
      view = null;
      moves = null;
      const update: SeatUpdate = { command: cmd, entries: r.entries };
      for (const fn of [...listeners]) fn(update);
      return null;
    },
    preview: (cmd) => whyRefused(game, withRole(cmd)),
    subscribe(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    game: () => game,
    save: () => toSave(game),
    hash: () => stateHash(game),
    branchAt(turn) {
      const w = worldOf(game);
      const base = { seed: w.options.seed, difficulty: w.options.difficulty, humanRoles: [...w.options.humanRoles] };
      // Find how many commands were made before the turn began: replaying them in order, the world
      // reaches `turn` exactly when the command that ended turn − 1 has been applied.
      const r0 = replay(game.scenario, base, []);
      if (!r0.ok) return null;
      let g = r0.game;
      for (const c of game.commands) {
        if (worldOf(g).turn >= turn || isOver(g)) break;
        const r = applyCommand(g, c);
        if (!r.ok) return null;
        g = r.game;
      }
      return worldOf(g).turn === turn || turn <= 1 ? createLocalSeat(g, role) : null;
    },
  };
  return seat;
}
