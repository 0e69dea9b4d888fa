/**
 * The autosave slot: the engine's versioned save (toSave) plus what the menu needs to offer it
 * (which scenario, from which pack, what turn). Kept in localStorage; every read is defensive.
 */
import type { Save } from '../sim/save';

export const AUTOSAVE_KEY = 'third-side.autosave';

export interface AutosaveRecord {
  /** Which scenario entry the save belongs to (see scenarios.ts). */
  scenarioKey: string;
  scenarioId: string;
  title: string;
  turn: number;
  packId?: string;
  packTitle?: string;
  save: Save;
  /** The tutorial coach's progress (notes shown, turned off): kept with the game. */
  coach?: { seen: string[]; off: boolean };
}

/** The subset of Storage we use, so tests can pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

export function browserStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') {
      const probe = '__third_side_probe__';
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return localStorage;
    }
  } catch {
    /* private mode or disabled storage: fall through */
  }
  return memoryStorage();
}

export type ReadResult = { kind: 'none' } | { kind: 'ok'; record: AutosaveRecord; raw: unknown } | { kind: 'corrupt'; raw: string };

/** Read the slot without trusting it: shape problems come back as 'corrupt'. */
export function readAutosave(storage: KeyValueStorage): ReadResult {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', raw: text };
  }
  if (!raw || typeof raw !== 'object') return { kind: 'corrupt', raw: text };
  const r = raw as Record<string, unknown>;
  if (typeof r.scenarioKey !== 'string' || typeof r.scenarioId !== 'string' || !r.save || typeof r.save !== 'object') return { kind: 'corrupt', raw: text };
  const record: AutosaveRecord = {
    scenarioKey: r.scenarioKey,
    scenarioId: r.scenarioId,
    title: typeof r.title === 'string' ? r.title : r.scenarioId,
    turn: typeof r.turn === 'number' ? r.turn : 0,
    ...(typeof r.packId === 'string' ? { packId: r.packId } : {}),
    ...(typeof r.packTitle === 'string' ? { packTitle: r.packTitle } : {}),
    save: r.save as Save,
    ...(coachOf(r.coach) ? { coach: coachOf(r.coach)! } : {}),
  };
  return { kind: 'ok', record, raw: r.save };
}

function coachOf(raw: unknown): { seen: string[]; off: boolean } | null {
  if (!raw || typeof raw !== 'object') return null;
  const c = raw as Record<string, unknown>;
  const seen = Array.isArray(c.seen) ? c.seen.filter((x): x is string => typeof x === 'string' && x.length < 60).slice(0, 100) : [];
  return { seen, off: c.off === true };
}

export function writeAutosave(storage: KeyValueStorage, record: AutosaveRecord): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function clearAutosave(storage: KeyValueStorage): void {
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* nothing to do */
  }
}
