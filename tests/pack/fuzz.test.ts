/**
 * Hostile or broken input never crashes the loader: arbitrary text, arbitrary JSON values, and
 * random damage to a valid pack always come back as a value or as a list of readable problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadPack, type Pack } from '../../src/scenario/pack';
import { firstJsonError } from '../../src/scenario/jsonSyntax';
import type { LoadResult } from '../../src/scenario/load';
import { fixture } from './helpers';

const validYaml = fixture('valid-pack.yaml');
const validData = JSON.parse(fixture('valid-pack.json')) as unknown;

/** The contract every load keeps, whatever it was given. */
function wellFormed(r: LoadResult<Pack>): void {
  if (r.ok) {
    expect(r.value.scenarios.length).toBeGreaterThan(0);
    for (const w of r.warnings) expect(w.severity).toBe('warning');
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
  for (const p of r.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(Array.isArray(p.path)).toBe(true);
    if (p.line !== undefined) expect(p.line).toBeGreaterThan(0);
  }
}

const load = (text: string, name?: string) => {
  let r: LoadResult<Pack> | undefined;
  expect(() => (r = loadPack(text, name))).not.toThrow();
  wellFormed(r!);
  return r!;
};

/** Every path into a JSON value, parents before children. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

type Mutation = { at: number; op: 'delete' | 'replace' | 'blank' | 'duplicate'; value: unknown };

function mutate(data: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(data);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      root = m.op === 'replace' ? m.value : root;
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], root);
    const key = path[path.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'replace') parent[key] = m.value;
    else if (m.op === 'blank') parent[key] = typeof parent[key] === 'string' ? '  \n ' : '';
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    else parent[`${String(key)}2`] = structuredClone(parent[key]);
  }
  return root;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'blank', 'duplicate') as fc.Arbitrary<Mutation['op']>,
  value: fc.jsonValue({ maxDepth: 3 }),
});

describe('fuzzed input never crashes the loader', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(undefined, 'p.yaml', 'p.json'), (text, name) => {
        load(text, name);
      }),
      { numRuns: 250 },
    );
  });

  it('strings made of YAML punctuation', () => {
    const punct = fc.constantFrom('[', ']', '{', '}', ':', '-', ' ', '\n', '"', "'", '&a', '*a', '!!', '#', '|', '>', '?', ',', 'x', '<<');
    fc.assert(
      fc.property(fc.array(punct, { maxLength: 300 }), (parts) => {
        load(parts.join(''));
      }),
      { numRuns: 250 },
    );
  });

  it('arbitrary JSON values, as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        load(JSON.stringify(value) ?? 'null', 'p.json');
        load(stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it('a valid pack with random fields deleted or replaced', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const data = mutate(validData, mutations);
        load(JSON.stringify(data, null, 2) ?? 'null', 'p.json');
        load(stringify(data));
      }),
      { numRuns: 80 },
    );
  });

  it('a valid YAML pack with characters inserted or removed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }), (edits) => {
        let text = validYaml;
        for (const [at, remove, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        load(text);
      }),
      { numRuns: 100 },
    );
  });

  it('anchors and aliases cannot multiply a document', () => {
    const laughs = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    expect(load(laughs).ok).toBe(false);
  });
});

describe('the strict JSON check agrees with JSON.parse', () => {
  const parses = (s: string) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  it('on valid JSON and on damaged JSON', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '/', 'a', '0', '-', '\\', '\n'),
        (text, at, remove, insert) => {
          expect(firstJsonError(text)).toBeUndefined();
          const i = at % (text.length + 1);
          const damaged = text.slice(0, i) + insert + text.slice(i + remove);
          expect(firstJsonError(damaged) === undefined).toBe(parses(damaged));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
