/** Pick the store: PostgreSQL when `DATABASE_URL` is set, else the SQLite file (`CLASSROOM_DB`, default .data/classroom.sqlite). */
import { resolve } from 'node:path';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

export type { Store, ExerciseRow, StoredEvent, EventKind, ExercisePatch } from './types';
export { SqliteStore } from './sqlite';

export const DEFAULT_DB_FILE = '.data/classroom.sqlite';

export async function openStore(env: { DATABASE_URL?: string | undefined; CLASSROOM_DB?: string | undefined } = process.env): Promise<Store> {
  let store: Store;
  if (env.DATABASE_URL) {
    const { PostgresStore } = await import('./postgres');
    store = new PostgresStore(env.DATABASE_URL);
  } else {
    store = new SqliteStore(env.CLASSROOM_DB === ':memory:' ? ':memory:' : resolve(env.CLASSROOM_DB || DEFAULT_DB_FILE));
  }
  await store.init();
  return store;
}
