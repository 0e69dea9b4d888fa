/**
 * The default store: one SQLite file (better-sqlite3, synchronous). WAL journal; `append` commits
 * before it returns, so an event is in the file before it takes effect and survives the process
 * being killed (SIGKILL). By default the commit is not fsynced (synchronous=NORMAL): better-sqlite3
 * blocks the event loop, and an fsync per event would stall every room of the process on a busy
 * disk. `CLASSROOM_DB_SYNC=full` fsyncs every event (survives power loss too, at that cost).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExercisePatch, ExerciseRow, StoredEvent, Store } from './types';
import { fromRow, insertExercise, SCHEMA_SQL, type Row } from './rows';

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private db: Database.Database;
  private appendT: Database.Transaction<(exerciseId: string, ev: StoredEvent, patch: ExercisePatch | undefined) => void>;

  constructor(
    readonly file: string,
    sync: 'normal' | 'full' = process.env.CLASSROOM_DB_SYNC === 'full' ? 'full' : 'normal',
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.appendT = this.db.transaction(this.appendTx);
  }

  async init(): Promise<void> {
    this.db.exec(SCHEMA_SQL);
  }

  async createExercise(e: ExerciseRow): Promise<void> {
    const { sql, values } = insertExercise(e, () => '?');
    this.db.prepare(sql).run(...values);
  }

  async getExercise(id: string): Promise<ExerciseRow | null> {
    const r = this.db.prepare('SELECT * FROM exercises WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  async findOpenByCode(code: string): Promise<ExerciseRow | null> {
    const r = this.db.prepare("SELECT * FROM exercises WHERE code = ? AND status <> 'ended' ORDER BY created_at DESC LIMIT 1").get(code) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  async listOpen(host?: string): Promise<ExerciseRow[]> {
    const rows = (
      host === undefined
        ? this.db.prepare("SELECT * FROM exercises WHERE status <> 'ended' ORDER BY created_at").all()
        : this.db.prepare("SELECT * FROM exercises WHERE status <> 'ended' AND host = ? ORDER BY created_at").all(host)
    ) as Row[];
    return rows.map(fromRow);
  }

  private appendTx = (exerciseId: string, ev: StoredEvent, patch: ExercisePatch | undefined): void => {
    const cur = this.db.prepare('SELECT last_seq FROM exercises WHERE id = ?').get(exerciseId) as { last_seq: number } | undefined;
    if (!cur) throw new Error(`no exercise ${exerciseId}`);
    if (ev.seq !== Number(cur.last_seq) + 1) throw new Error(`event ${ev.seq} out of order (last ${cur.last_seq})`);
    this.db.prepare('INSERT INTO events (exercise_id, seq, at, kind, payload) VALUES (?, ?, ?, ?, ?)').run(exerciseId, ev.seq, ev.at, ev.kind, ev.payload);
    this.db
      .prepare(
        'UPDATE exercises SET last_seq = ?, updated_at = ?, status = COALESCE(?, status), state_hash = COALESCE(?, state_hash), host = COALESCE(?, host) WHERE id = ?',
      )
      .run(ev.seq, ev.at, patch?.status ?? null, patch?.stateHash ?? null, patch?.host ?? null, exerciseId);
  };

  async append(exerciseId: string, ev: StoredEvent, patch?: ExercisePatch): Promise<void> {
    this.appendT.immediate(exerciseId, ev, patch);
  }

  async updateExercise(id: string, patch: ExercisePatch): Promise<void> {
    this.db
      .prepare('UPDATE exercises SET updated_at = ?, status = COALESCE(?, status), state_hash = COALESCE(?, state_hash), host = COALESCE(?, host) WHERE id = ?')
      .run(Date.now(), patch.status ?? null, patch.stateHash ?? null, patch.host ?? null, id);
  }

  async events(exerciseId: string): Promise<StoredEvent[]> {
    const rows = this.db.prepare('SELECT seq, at, kind, payload FROM events WHERE exercise_id = ? ORDER BY seq').all(exerciseId) as StoredEvent[];
    return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), kind: r.kind, payload: r.payload }));
  }

  async meta(key: string, make: () => string): Promise<string> {
    this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, make());
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
