/**
 * "Did you mean …?" for misspelt field names: find the object schema at a data path and the known
 * key closest to what the author typed. Reads zod's schema definitions, never the data.
 */
import type { z } from 'zod';

/** The parts of zod's internal schema definition the tooling reads. */
export interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}
export const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a data path can lead to (several inside unions). */
function objectsAt(schema: z.ZodType, path: (string | number)[], depth = 0): Def[] {
  if (depth > 40) return [];
  const def = defOf(schema);
  if (def.innerType) return objectsAt(def.innerType, path, depth + 1);
  if (def.type === 'pipe' && def.in) return objectsAt(def.in, path, depth + 1);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => objectsAt(o, path, depth + 1));
  if (path.length === 0) return def.type === 'object' ? [def] : [];
  const [key, ...rest] = path;
  if (def.type === 'object' && def.shape && typeof key === 'string' && Object.hasOwn(def.shape, key)) return objectsAt(def.shape[key]!, rest, depth + 1);
  if (def.type === 'array' && def.element && typeof key === 'number') return objectsAt(def.element, rest, depth + 1);
  if (def.type === 'record' && def.valueType) return objectsAt(def.valueType, rest, depth + 1);
  return [];
}

/** Field names the schema allows at this path. */
export function knownKeysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((d) => Object.keys(d.shape ?? {})))];
}

/** The known key nearest to `typed` (edit distance, case-insensitive), if near enough to be a slip. */
export function closestKey(typed: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(typed.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity; // field names are short; skip the absurd
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
