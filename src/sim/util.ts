/** Small pure helpers shared by the rules. */

export const clamp = (v: number, lo = 0, hi = 100): number => (v < lo ? lo : v > hi ? hi : v);
export const otherIds = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

/** An own key of a record: ids from commands must never reach Object.prototype's members. */
export const has = (record: object, key: unknown): boolean => typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);
