/**
 * Where exercises live: an append-only event log per exercise plus one row per exercise. The log is
 * the truth — a room is rebuilt by replaying it — and every event is written before it takes effect.
 * SQLite (default, one machine) and PostgreSQL (`DATABASE_URL`) implement the same interface.
 */
import type { ExerciseStatus } from '../../seat/wire';

export interface ExerciseRow {
  id: string;
  code: string;
  /** The shipped scenario's id, or the uploaded pack's scenario id. */
  scenarioId: string;
  /** The uploaded pack text (null for shipped scenarios). */
  packText: string | null;
  /** The validated scenario the engine runs, as JSON: a restart replays against exactly this. */
  scenarioJson: string;
  seed: number;
  /** Creation options (difficulty, seat plan, mediator bot, clock…) as JSON. */
  optionsJson: string;
  status: ExerciseStatus;
  /** sha256 of the instructor token (hex). */
  instructorHash: string;
  /** The server process that hosts the room (SERVER_ID): it rebuilds the room on restart. */
  host: string;
  createdAt: number;
  updatedAt: number;
  /** The engine's state hash after the last accepted command ('' before the first). */
  stateHash: string;
  /** Sequence number of the last event. */
  lastSeq: number;
}

/** `refused`: a seat's message the room refused, kept for the instructor's feed (no effect on the game). */
export type EventKind = 'start' | 'command' | 'seat' | 'chat' | 'pause' | 'resume' | 'clock' | 'end' | 'refused';

export interface StoredEvent {
  seq: number;
  at: number;
  kind: EventKind;
  /** JSON text. */
  payload: string;
}

export interface ExercisePatch {
  status?: ExerciseStatus;
  stateHash?: string;
  host?: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  init(): Promise<void>;
  createExercise(row: ExerciseRow): Promise<void>;
  getExercise(id: string): Promise<ExerciseRow | null>;
  /** The open (not ended) exercise with this join code. */
  findOpenByCode(code: string): Promise<ExerciseRow | null>;
  /** Open exercises, optionally only those a given host holds. */
  listOpen(host?: string): Promise<ExerciseRow[]>;
  /**
   * Append one event (seq must be lastSeq + 1: a duplicate seq fails) and update the exercise row in
   * the same transaction. Resolves once the event is durable.
   */
  append(exerciseId: string, event: StoredEvent, patch?: ExercisePatch): Promise<void>;
  updateExercise(id: string, patch: ExercisePatch): Promise<void>;
  events(exerciseId: string): Promise<StoredEvent[]>;
  /** A value kept across restarts (the seat-token secret), created with `make` the first time. */
  meta(key: string, make: () => string): Promise<string>;
  close(): Promise<void>;
}
