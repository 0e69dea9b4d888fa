/**
 * The engine's fast path, in one place. A `Game` is immutable at the API, but copying the world
 * and rebuilding XState's snapshot on every statechart action made games several times slower.
 * So each line of games (a `createGame` and every game that grows from it) shares one Runner:
 *  - a live XState actor per line, filed under the newest game's command list; applying a command to
 *    an older game forks a new actor from that game's snapshot and world, so branching stays exact;
 *  - the copy-on-write scope: inside one command the world is copied once and then changed in
 *    place; inside `asOneChange` (linear bot play, which keeps no earlier games) once per game;
 *  - caches keyed by the immutable things they describe (a scenario, a log).
 * Nothing here lives at module level: two games never share mutable state unless one grew from
 * the other.
 */
import { createActor, type Actor } from 'xstate';
import type { Command, World } from './types';
import type { processMachine, ProcessContext } from './machine';
import { copyWorld } from './world';

export type ProcessActor = Actor<typeof processMachine>;

export class Runner {
  private readonly actors = new WeakMap<readonly Command[], ProcessActor>();
  private readonly caches = new WeakMap<object, Map<string, unknown>>();
  /** What the current scope may change in place; null outside any scope. */
  private owned: WeakSet<object> | null = null;

  constructor(private readonly machine: typeof processMachine) {}

  /**
   * Run `fn` as one change: the first draft copies, later drafts in the scope change that copy.
   * Nested scopes share the outer one. Worlds from before the scope are never changed.
   */
  asOneChange<T>(fn: () => T): T {
    if (this.owned) return fn();
    this.owned = new WeakSet();
    try {
      return fn();
    } finally {
      this.owned = null;
    }
  }

  /** This scope's own copy of the world (a copy the first time, the same object after). */
  draft(w: World): World {
    if (this.owned?.has(w)) return w;
    const copy = copyWorld(w);
    this.owned?.add(copy);
    return copy;
  }

  /** A list to append to under the same discipline (a game's command list grows by one per command). */
  draftList<T>(list: readonly T[]): T[] {
    if (this.owned?.has(list)) return list as T[];
    const copy = list.slice();
    this.owned?.add(copy);
    return copy;
  }

  /** Will a draft of this change it in place (so a failure cannot be undone by dropping the copy)? */
  ownsNow(x: object): boolean {
    return this.owned?.has(x) ?? false;
  }

  /** A started actor whose actions draft its context's world through this runner. */
  start(context: ProcessContext, snapshot?: unknown): ProcessActor {
    const actor = createActor(this.machine, snapshot ? { snapshot: snapshot as never, input: context } : { input: context });
    // An exception inside an action puts the actor in its error state; the front door reports it.
    // Without an error listener XState would rethrow it later on its own, ending a Node process.
    actor.subscribe({ error: () => undefined });
    return actor.start();
  }

  actorFor(commands: readonly Command[]): ProcessActor | undefined {
    return this.actors.get(commands);
  }

  file(commands: readonly Command[], actor: ProcessActor): void {
    this.actors.set(commands, actor);
  }

  forget(commands: readonly Command[]): void {
    this.actors.delete(commands);
  }

  /** A value derived from an immutable key (a scenario, a log), built once per runner. */
  cached<T>(key: object, name: string, build: () => T): T {
    let m = this.caches.get(key);
    if (!m) this.caches.set(key, (m = new Map()));
    if (m.has(name)) return m.get(name) as T;
    const v = build();
    m.set(name, v);
    return v;
  }
}
