/**
 * The PostgreSQL store (`DATABASE_URL`): the same tables as SQLite, for several server processes
 * sharing exercises. `append` commits before it resolves, so an event is durable before it takes effect.
 */
import pg from 'pg';
import { fromRow, insertExercise, SCHEMA_SQL } from './rows';
import type { ExercisePatch, ExerciseRow, StoredEvent, Store } from './types';

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 8 });
    // An idle client's error (server restart) must not end the process.
    this.pool.on('error', (e) => console.error(`classroom: postgres: ${e.message}`));
  }

  async init(): Promise<void> {
    // Several processes may start at once: serialise the schema creation.
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(4711)');
      await c.query(SCHEMA_SQL);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async createExercise(e: ExerciseRow): Promise<void> {
    const { sql, values } = insertExercise(e, (i) => `$${i}`);
    await this.pool.query(sql, values);
  }

  async getExercise(id: string): Promise<ExerciseRow | null> {
    const r = await this.pool.query('SELECT * FROM exercises WHERE id = $1', [id]);
    return r.rows[0] ? fromRow(r.rows[0]) : null;
  }

  async findOpenByCode(code: string): Promise<ExerciseRow | null> {
    const r = await this.pool.query("SELECT * FROM exercises WHERE code = $1 AND status <> 'ended' ORDER BY created_at DESC LIMIT 1", [code]);
    return r.rows[0] ? fromRow(r.rows[0]) : null;
  }

  async listOpen(host?: string): Promise<ExerciseRow[]> {
    const r =
      host === undefined
        ? await this.pool.query("SELECT * FROM exercises WHERE status <> 'ended' ORDER BY created_at")
        : await this.pool.query("SELECT * FROM exercises WHERE status <> 'ended' AND host = $1 ORDER BY created_at", [host]);
    return r.rows.map(fromRow);
  }

  async append(exerciseId: string, ev: StoredEvent, patch?: ExercisePatch): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const cur = await c.query('SELECT last_seq FROM exercises WHERE id = $1 FOR UPDATE', [exerciseId]);
      if (!cur.rows[0]) throw new Error(`no exercise ${exerciseId}`);
      if (ev.seq !== Number(cur.rows[0].last_seq) + 1) throw new Error(`event ${ev.seq} out of order (last ${cur.rows[0].last_seq})`);
      await c.query('INSERT INTO events (exercise_id, seq, at, kind, payload) VALUES ($1, $2, $3, $4, $5)', [exerciseId, ev.seq, ev.at, ev.kind, ev.payload]);
      await c.query(
        'UPDATE exercises SET last_seq = $1, updated_at = $2, status = COALESCE($3, status), state_hash = COALESCE($4, state_hash), host = COALESCE($5, host) WHERE id = $6',
        [ev.seq, ev.at, patch?.status ?? null, patch?.stateHash ?? null, patch?.host ?? null, exerciseId],
      );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async updateExercise(id: string, patch: ExercisePatch): Promise<void> {
    await this.pool.query(
      'UPDATE exercises SET updated_at = $1, status = COALESCE($2, status), state_hash = COALESCE($3, state_hash), host = COALESCE($4, host) WHERE id = $5',
      [Date.now(), patch.status ?? null, patch.stateHash ?? null, patch.host ?? null, id],
    );
  }

  async events(exerciseId: string): Promise<StoredEvent[]> {
    const r = await this.pool.query('SELECT seq, at, kind, payload FROM events WHERE exercise_id = $1 ORDER BY seq', [exerciseId]);
    return r.rows.map((x) => ({ seq: Number(x.seq), at: Number(x.at), kind: x.kind, payload: x.payload }));
  }

  async meta(key: string, make: () => string): Promise<string> {
    await this.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, make()]);
    const r = await this.pool.query('SELECT value FROM meta WHERE key = $1', [key]);
    return r.rows[0].value as string;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
