/** Small pure helpers shared by the rules. */

export const clamp = (v: number, lo = 0, hi = 100): number => (v < lo ? lo : v > hi ? hi : v);
export const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Deep copy of plain JSON-like data. Rules mutate a draft copy, never the snapshot they were given. */
export function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneData(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value as Record<string, unknown>) out[k] = cloneData((value as Record<string, unknown>)[k]);
  return out as T;
}

export const otherIds = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

/** An own key of a record: ids from commands must never reach Object.prototype's members. */
export const has = (record: object, key: unknown): boolean => typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);
