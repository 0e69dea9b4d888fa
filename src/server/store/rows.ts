/**
 * What both stores share: the tables (one SQL text both SQLite and PostgreSQL accept), how a row
 * becomes an ExerciseRow, and the exercise insert with the driver's placeholder style.
 */
import type { ExerciseRow } from './types';

export interface Row {
  id: string;
  code: string;
  scenario_id: string;
  pack_text: string | null;
  scenario_json: string;
  seed: number;
  options_json: string;
  status: string;
  instructor_hash: string;
  host: string;
  created_at: number;
  updated_at: number;
  state_hash: string;
  last_seq: number;
}

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS exercises (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  pack_text TEXT,
  scenario_json TEXT NOT NULL,
  seed BIGINT NOT NULL,
  options_json TEXT NOT NULL,
  status TEXT NOT NULL,
  instructor_hash TEXT NOT NULL,
  host TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  state_hash TEXT NOT NULL,
  last_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS exercises_code ON exercises (code, status);
CREATE TABLE IF NOT EXISTS events (
  exercise_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (exercise_id, seq)
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export function fromRow(r: Row): ExerciseRow {
  return {
    id: r.id,
    code: r.code,
    scenarioId: r.scenario_id,
    packText: r.pack_text,
    scenarioJson: r.scenario_json,
    seed: Number(r.seed),
    optionsJson: r.options_json,
    status: r.status as ExerciseRow['status'],
    instructorHash: r.instructor_hash,
    host: r.host,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    stateHash: r.state_hash,
    lastSeq: Number(r.last_seq),
  };
}

const EXERCISE_COLUMNS =
  'id, code, scenario_id, pack_text, scenario_json, seed, options_json, status, instructor_hash, host, created_at, updated_at, state_hash, last_seq';

/** The INSERT of a new exercise; `slot(i)` is the driver's placeholder for the i-th value (1-based). */
export function insertExercise(e: ExerciseRow, slot: (i: number) => string): { sql: string; values: unknown[] } {
  const values = [
    e.id,
    e.code,
    e.scenarioId,
    e.packText,
    e.scenarioJson,
    e.seed,
    e.optionsJson,
    e.status,
    e.instructorHash,
    e.host,
    e.createdAt,
    e.updatedAt,
    e.stateHash,
    e.lastSeq,
  ];
  return { sql: `INSERT INTO exercises (${EXERCISE_COLUMNS}) VALUES (${values.map((_, i) => slot(i + 1)).join(', ')})`, values };
}
