/**
 * The loader on adversarial shapes: many keys, duplicate keys, deep block and flow nesting,
 * collection keys, alias fans and bombs, long lines, floods of problems and text that shows
 * nothing. Each finishes well inside a generous time limit, never throws, and answers with located
 * problems whose printed form stays small. (`npm run bench:loader` prints how the time grows.)
 */
import { describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/scenario/pack';
import { formatProblem, MAX_PROBLEMS, MAX_PROBLEM_TEXT, type LoadResult } from '../../src/scenario/load';
import { MAX_BLOCK_DEPTH, MAX_FLOW_DEPTH, MAX_TOKENS } from '../../src/scenario/nesting';
import { SHAPES, invisibleTutorial } from '../../src/cli/benchLoader';
import { edit, fixture, lineOf, problemAt, problemsOf } from './helpers';

const yaml = fixture('valid-pack.yaml');

/** Generous: the loads here take well under a second on an idle machine. */
const LIMIT_MS = 5_000;
/** All problems of one load, as printed, stay under this many characters. */
const MAX_OUTPUT = 20_000;

function timed(text: string, fileName = 'p.yaml'): { r: LoadResult<Pack>; ms: number; printed: string[] } {
  const t0 = performance.now();
  let r: LoadResult<Pack> | undefined;
  expect(() => (r = loadPack(text, fileName))).not.toThrow();
  const ms = performance.now() - t0;
  const printed = problemsOf(r!).map((p) => formatProblem(p, fileName));
  return { r: r!, ms, printed };
}

/** Refused, quickly, with a located first problem and bounded output. */
function refusedQuickly(text: string, fileName = 'p.yaml') {
  const out = timed(text, fileName);
  expect(out.ms).toBeLessThan(LIMIT_MS);
  expect(out.r.ok).toBe(false);
  bounded(out.r, out.printed);
  const first = problemsOf(out.r)[0]!;
  expect(first.line, formatProblem(first)).toBeGreaterThan(0);
  return { ...out, first };
}

function bounded(r: LoadResult<Pack>, printed: string[]) {
  expect(printed.join('\n').length).toBeLessThan(MAX_OUTPUT);
  expect(printed.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  for (const p of problemsOf(r)) {
    expect(p.message.length).toBeLessThanOrEqual(MAX_PROBLEM_TEXT);
    expect(p.hint?.length ?? 0).toBeLessThanOrEqual(MAX_PROBLEM_TEXT);
    expect(p.expected?.length ?? 0).toBeLessThanOrEqual(MAX_PROBLEM_TEXT);
  }
  for (const line of printed) expect(line.length).toBeLessThan(1_500);
}

describe('many keys', () => {
  it('a mapping of 40,000 keys (~550 KB) is read in linear time, with its stray keys counted, not listed', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `k${String(i).padStart(5, '0')}: v${i}`).join('\n');
    expect(text.length).toBeGreaterThan(500_000);
    const { r, printed } = refusedQuickly(text);
    const unknown = problemsOf(r).find((p) => p.message.startsWith('unknown fields'))!;
    expect(unknown.message).toBe('unknown fields "k00000", "k00001", "k00002", "k00003", "k00004" and 39995 more');
    expect(unknown.line).toBe(1);
    expect(printed.join('\n').length).toBeLessThan(5_000);
  });

  it('the same as a JSON object in a .json file', () => {
    const text = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}": ${i}`).join(',\n')}}`;
    refusedQuickly(text, 'p.json');
  });

  it('40,000 copies of one key: each duplicate is an error, the list is cut short and counted', () => {
    const text = Array.from({ length: 40_000 }, () => 'same: value').join('\n');
    const { r, first, printed } = refusedQuickly(text);
    expect(first).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/the key "same" appears twice/) });
    expect(printed.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(problemsOf(r).some((p) => /more syntax errors|more problems/.test(p.message))).toBe(true);
  });

  it('a duplicated key inside a pack is located on its second line', () => {
    const bad = edit(yaml, '        short: Gov\n', '        short: Gov\n        short: Again\n');
    const p = problemsOf(loadPack(bad))[0]!;
    expect(p).toMatchObject({ line: lineOf(bad, 'short: Again'), severity: 'error', message: expect.stringMatching(/"short" appears twice/) });
  });

  it('keys that only look different to YAML (1 and "1") collide as fields and are refused', () => {
    const { first } = refusedQuickly('1: a\n"1": b');
    expect(first).toMatchObject({ line: 2, message: expect.stringMatching(/"1" appears twice/) });
  });
});

describe('deep nesting is refused with a located error, never a stack overflow', () => {
  it('5,000 levels of "- " on one line', () => {
    const { first } = refusedQuickly(`${'- '.repeat(5_000)}x`);
    expect(first).toMatchObject({ line: 1, column: 2 * MAX_BLOCK_DEPTH + 1, message: expect.stringMatching(/nested too deeply/) });
    expect(first.message).not.toMatch(/call stack/i);
  });

  it('5,000 levels of "? " (explicit keys), and 1,000 levels of "- " a line each', () => {
    expect(refusedQuickly(`${'? '.repeat(5_000)}x`).first.message).toMatch(/nested too deeply/);
    const stairs = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n');
    expect(refusedQuickly(stairs).first).toMatchObject({ line: MAX_BLOCK_DEPTH + 1, message: expect.stringMatching(/nested too deeply/) });
  });

  it('mappings nested by indentation, one level a line', () => {
    const depth = 200;
    const text = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n') + ' x';
    const { first } = refusedQuickly(text);
    expect(first).toMatchObject({ line: MAX_BLOCK_DEPTH + 1, message: expect.stringMatching(/nested too deeply/) });
  });

  it('lists nested by indentation with a few compact levels a line', () => {
    const text = `${Array.from({ length: 100 }, (_, i) => `${' '.repeat(6 * i)}- - -`).join('\n')} x`;
    expect(refusedQuickly(text).first.message).toMatch(/nested too deeply/);
  });

  it('5,000 levels of flow brackets, of flow mappings, and of both kinds mixed', () => {
    const brackets = refusedQuickly(`scenarios: ${'['.repeat(5_000)}`).first;
    expect(brackets).toMatchObject({ line: 1, column: 'scenarios: '.length + MAX_FLOW_DEPTH + 1, message: expect.stringMatching(/nested too deeply/) });
    expect(refusedQuickly('{a: '.repeat(5_000)).first.message).toMatch(/nested too deeply/);
    expect(refusedQuickly('- ['.repeat(5_000)).first.message).toMatch(/nested too deeply/);
  });

  it('2 MB of "[" is refused as fast as a small file', () => {
    const { ms } = refusedQuickly('['.repeat(1_990_000));
    expect(ms).toBeLessThan(LIMIT_MS / 5);
  });

  it('a pack at the depth a pack uses still loads', () => {
    expect(loadPack(yaml).ok).toBe(true);
  });
});

describe('collection keys are refused, located', () => {
  it('the 902-byte file of nested explicit "? " keys', () => {
    const text = `${'? '.repeat(450)}x`;
    expect(text.length).toBe(901);
    const { printed, ms } = refusedQuickly(text);
    expect(ms).toBeLessThan(LIMIT_MS / 5);
    expect(printed.join('\n').length).toBeLessThan(1_000);
  });

  it('a mapping used as a key with "? "', () => {
    const { first } = refusedQuickly('? ? a\n  : b\n: c');
    expect(first).toMatchObject({ line: 1, column: 3, message: expect.stringMatching(/a mapping is used as a key/) });
  });

  it('a list used as a key with "? "', () => {
    const { first } = refusedQuickly('ok: 1\n? - a\n  - b\n: c');
    expect(first).toMatchObject({ line: 2, column: 3, message: expect.stringMatching(/a list is used as a key/) });
  });

  it('flow keys: {[a]: b}, [a]: b and {a: b}: c', () => {
    expect(refusedQuickly('{[a]: b}').first).toMatchObject({ line: 1, column: 2, message: expect.stringMatching(/a list is used as a key/) });
    expect(refusedQuickly('x: 1\n[a]: b').first).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/a list is used as a key/) });
    expect(refusedQuickly('{a: b}: c').first).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/a mapping is used as a key/) });
  });

  it('an alias of a collection used as a key', () => {
    const { first } = refusedQuickly('a: &x [1]\n*x : 2');
    expect(first).toMatchObject({ line: 2, message: expect.stringMatching(/a list is used as a key/) });
  });

  it('inside a pack, at the line of the key', () => {
    const bad = edit(yaml, '    thresholds:\n', '    ? [monitoringTurns]\n    : 3\n    thresholds:\n');
    const { first } = refusedQuickly(bad);
    expect(first.line).toBe(lineOf(bad, '? [monitoringTurns]'));
  });

  it('thousands of them: bounded output', () => {
    refusedQuickly(Array.from({ length: 4_000 }, (_, i) => `- {[a${i}]: b, {c${i}: d}: e}`).join('\n'));
    refusedQuickly(Array.from({ length: 4_000 }, (_, i) => `? ? k${i}\n  : v\n: v`).join('\n'));
  });
});

describe('anchors and aliases', () => {
  it('"billion laughs" is refused at the alias that goes too far', () => {
    const laughs = [
      'l0: &l0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`),
    ].join('\n');
    const { first } = refusedQuickly(laughs);
    expect(first.message).toMatch(/aliases repeat too much/);
    expect(first.line).toBeGreaterThan(1);
  });

  it('an alias fan: one anchor repeated 40,000 times', () => {
    const fan = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb:\n${Array.from({ length: 40_000 }, () => '  - *a').join('\n')}`;
    expect(refusedQuickly(fan).first.message).toMatch(/aliases repeat too much/);
  });

  it('20,000 anchors each used once are read in linear time', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `- &a${i} x${i}\n- *a${i}`).join('\n');
    const { r, ms } = timed(text);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(problemsOf(r)[0]!.message).toMatch(/a list/); // read fine; not a pack
  });

  it('an alias inside the collection it names, and an alias with no anchor', () => {
    expect(refusedQuickly('a: &a [1, *a]').first.message).toMatch(/points into the collection that holds it/);
    expect(refusedQuickly('a: 1\nb: *nowhere').first).toMatchObject({ line: 2, message: expect.stringMatching(/unknown alias "\*nowhere"/) });
  });

  it('a pack that reuses a value through an alias still loads, to the same value', () => {
    const meters = 'effect: { kind: meters, party: opp, commitment: -10 }';
    const written = edit(yaml, 'effect: { kind: leak, source: a newspaper }', meters);
    const aliased = edit(
      edit(yaml, meters, `effect: &opp-meters ${meters.slice('effect: '.length)}`),
      'effect: { kind: leak, source: a newspaper }',
      'effect: *opp-meters',
    );
    const a = loadPack(written);
    const b = loadPack(aliased);
    expect(problemsOf(b)).toEqual(problemsOf(a));
    expect(b.ok && a.ok && b.value).toEqual(a.ok && a.value);
    // An alias before its anchor is an error at the alias.
    const early = edit(
      edit(yaml, meters, 'effect: *opp-meters'),
      'effect: { kind: leak, source: a newspaper }',
      `effect: &opp-meters ${meters.slice('effect: '.length)}`,
    );
    expect(refusedQuickly(early).first).toMatchObject({ line: lineOf(early, 'effect: *opp-meters'), message: expect.stringMatching(/unknown alias/) });
  });
});

describe('long lines and floods of problems', () => {
  it('a 1.6 MB title is refused by its length, without quoting it', () => {
    const bad = edit(yaml, '    title: The Harbour Talks\n    period', `    title: ${'x'.repeat(1_600_000)}\n    period`);
    const { r } = refusedQuickly(bad);
    expect(problemAt(r, 'scenarios[0].title').expected).toBe('at most 160');
  });

  it('a 1.9 MB key is named by its first characters only', () => {
    const { printed } = refusedQuickly(`? ${'k'.repeat(1_900_000)}\n: v`);
    expect(printed.join('\n')).toMatch(/unknown field "k{39}…"/);
  });

  it('a 100 KB id in a reference: the message is cut to a sane length', () => {
    const bad = edit(yaml, '        core: [gov]', `        core: [${'g'.repeat(100_000)}]`);
    const { r } = refusedQuickly(bad);
    expect(problemsOf(r).every((p) => p.message.length <= MAX_PROBLEM_TEXT)).toBe(true);
  });

  it('a flow list of 100,000 numbers on one line', () => {
    refusedQuickly(`[${'1, '.repeat(100_000)}1]`);
  });

  it('two megabytes of tokens stop at the token limit, located', () => {
    const { first } = refusedQuickly(`[${'1,'.repeat(990_000)}1]`);
    expect(first.message).toMatch(/too many keys, values and separators/);
    expect(first.expected).toContain(String(MAX_TOKENS));
  });

  it('20,000 wrong values: the first problems, then one line counting the rest', () => {
    const text = `parties:\n  - id: p\n    trustIn:\n${Array.from({ length: 20_000 }, (_, i) => `      p${i}: high`).join('\n')}`;
    const { r, printed } = refusedQuickly(text);
    expect(printed.length).toBe(MAX_PROBLEMS + 1);
    expect(problemsOf(r).at(-1)!.message).toMatch(/^… and \d+ more problems$/);
  });
});

describe('text that shows nothing is refused', () => {
  const invisible: [string, string][] = [
    ['zero-width space', '\\u200B'],
    ['zero-width joiners', '\\u200B\\u200C\\u200D'],
    ['word joiner', '\\u2060'],
    ['byte-order mark', '\\uFEFF'],
    ['control characters', '\\u0001\\u0007\\u007F'],
    ['a combining mark alone', '\\u0301\\u0308'],
    ['unusual spaces', '\\u00A0\\u2003\\u3000'],
    ['bidi marks', '\\u200E\\u202E'],
    ['Hangul filler', '\\u3164'],
    ['blank Braille', '\\u2800'],
    ['spaces and zero-width mixed', ' \\u200B \\t\\uFEFF'],
  ];
  for (const [what, escaped] of invisible) {
    it(`a scenario title of ${what}`, () => {
      const bad = edit(yaml, '    title: The Harbour Talks\n    period', `    title: "${escaped}"\n    period`);
      const { r } = refusedQuickly(bad);
      const p = problemAt(r, 'scenarios[0].title');
      expect(p).toMatchObject({
        line: lineOf(bad, `title: "${escaped}"`),
        message: expect.stringMatching(/blank: it shows nothing/),
        expected: 'visible text',
      });
    });
  }

  it('names, the pack title, synopses and briefings alike', () => {
    let bad = edit(yaml, '        name: The Government', '        name: "\\u200B\\u200B"');
    bad = edit(bad, '  title: The Harbour Talks\n  version', '  title: "\\u2060"\n  version');
    bad = edit(bad, '        synopsis: The security chiefs arrest two Alliance organisers.', '        synopsis: "\\uFEFF"');
    bad = edit(bad, 'mediator: Neither side knows you have met the other.', 'mediator: "\\u200D"');
    const r = loadPack(bad);
    for (const path of ['scenarios[0].parties[0].name', 'pack.title', 'scenarios[0].injects[0].synopsis', 'scenarios[0].briefing.confidential.mediator']) {
      expect(problemAt(r, path).message).toMatch(/blank/);
    }
  });

  it('the whole tutorial written in zero-width characters', () => {
    const { r } = refusedQuickly(invisibleTutorial('\u200b\u200c'));
    expect(problemsOf(r).filter((p) => /blank/.test(p.message)).length).toBeGreaterThan(10);
  });

  it('text with something to see passes: accents, combined letters, other scripts, emoji', () => {
    for (const title of ['é', 'e\\u0301', '日本の会談', 'Ω', '\\U0001F54A\\uFE0F', '\\u200Bvisible\\u200B']) {
      const ok = edit(yaml, '    title: The Harbour Talks\n    period', `    title: "${title}"\n    period`);
      expect(problemsOf(loadPack(ok)), title).toEqual([]);
    }
  });
});

describe('every benchmark shape at its largest size', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: ${shape.about}`, () => {
      // The heaviest shapes at 4×, the rest at 8× (as `npm run bench:loader` runs them).
      const k = ['long-flow-line', 'many-keys-json', 'flow-keys', 'explicit-keys-wide'].includes(shape.name) ? 4 : 8;
      const { r, ms, printed } = timed(shape.make(k), shape.fileName ?? `${shape.name}.yaml`);
      expect(ms).toBeLessThan(LIMIT_MS);
      expect(r.ok).toBe(false);
      bounded(r, printed);
    });
  }
});
