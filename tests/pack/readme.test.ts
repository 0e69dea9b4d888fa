/**
 * The authoring guide stays true: its example packs validate, and every field and option the
 * schema accepts is explained in it (so a new field cannot ship undocumented).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadPack, packSchema } from '../../src/scenario/pack';
import { formatProblem } from '../../src/scenario/load';
import { defOf } from '../../src/scenario/suggest';

const readme = readFileSync(fileURLToPath(new URL('../../scenarios/README.md', import.meta.url)), 'utf8');

/** YAML blocks of the guide that are whole pack files (they start with $schema), dedented. */
function examplePacks(): string[] {
  const blocks = [...readme.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)];
  return blocks
    .map(([, indent, body]) =>
      body!
        .split('\n')
        .map((l) => l.slice(indent!.length))
        .join('\n'),
    )
    .filter((b) => b.startsWith('$schema:') && b.trim().includes('\n'));
}

/** Every field name and every option value reachable from a schema. */
function vocabulary(schema: z.ZodType, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  for (const [k, v] of Object.entries(def.shape ?? {})) {
    out.add(k);
    vocabulary(v, out, seen);
  }
  for (const v of Object.values(def.entries ?? {})) out.add(v);
  for (const v of def.values ?? []) if (typeof v === 'string') out.add(v);
  for (const next of [def.element, def.innerType, def.valueType, ...(def.options ?? [])]) if (next) vocabulary(next, out, seen);
  return out;
}

describe('scenarios/README.md', () => {
  it('has a smallest pack and a worked example, and both validate', () => {
    const packs = examplePacks();
    expect(packs.length).toBeGreaterThanOrEqual(2);
    for (const text of packs) {
      const r = loadPack(text, 'README.md');
      expect(r.ok ? [] : r.problems.map((p) => formatProblem(p))).toEqual([]);
    }
  });

  it('its worked example validates without a single warning', () => {
    const worked = examplePacks().find((t) => t.includes('injects:'))!;
    const r = loadPack(worked, 'README.md');
    expect(r.ok && r.warnings.map((p) => formatProblem(p))).toEqual([]);
  });

  it('explains every field and option of the format', () => {
    const missing = [...vocabulary(packSchema)].filter((word) => !readme.includes(`\`${word}\``));
    expect(missing).toEqual([]);
  });
});
