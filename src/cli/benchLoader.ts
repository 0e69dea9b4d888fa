/**
 * `npm run bench:loader`: the pack loader on adversarial shapes (many keys, duplicate keys, deep
 * block and flow nesting, collection keys, alias fans and bombs, long lines, floods of problems,
 * invisible text), each at 1×, 2×, 4× and 8× its base size. For each it prints the text's size,
 * the load time, the time against 1× (linear growth reads as about 2, 4, 8) and the size of the
 * printed problems. Prints figures; asserts nothing (tests/pack/adversarial.test.ts asserts bounds).
 * Options: --scales 1,2,4,8 --shape <name> (repeatable) --runs N (best of N per size; by default
 * quick loads are repeated up to 5 times or 250 ms) --budget S (seconds before larger sizes are skipped, 55).
 *
 * The shapes are exported for the tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadPack } from '../scenario/pack';
import { formatProblem } from '../scenario/load';

export interface Shape {
  name: string;
  /** What it attacks. */
  about: string;
  /** The text at scale k (1 = base size). */
  make(k: number): string;
  /** File name handed to the loader (".json" turns on the strict JSON check). */
  fileName?: string;
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

const tutorial = (): string => readFileSync(fileURLToPath(new URL('../../scenarios/tutorial.yaml', import.meta.url)), 'utf8');

/** The tutorial with every one-line name, title, synopsis, summary… made of `invisible` only. */
export function invisibleTutorial(invisible: string): string {
  const text = JSON.stringify(invisible);
  return tutorial()
    .split('\n')
    .map((l) =>
      l.replace(/^(\s*(?:- )?(?:name|title|synopsis|principal|delegation|publicStance|description|summary|label|lesson|period): )(?![>|]).+$/, `$1${text}`),
    )
    .join('\n');
}

export const SHAPES: Shape[] = [
  {
    name: 'many-keys',
    about: 'a mapping of 5,000·k keys (40,000 at 8×, ~550 KB)',
    make: (k) => lines(5000 * k, (i) => `k${String(i).padStart(5, '0')}: v${i}`),
  },
  {
    name: 'many-keys-json',
    about: 'a .json object of 2,500·k keys',
    fileName: 'keys.json',
    make: (k) => `{${lines(2500 * k, (i) => `"k${String(i).padStart(5, '0')}": ${i}`).replace(/\n/g, ',\n')}}`,
  },
  { name: 'duplicate-keys', about: 'one key written 2,500·k times', make: (k) => lines(2500 * k, () => 'same: value') },
  { name: 'deep-block', about: '"- " nested 625·k levels (5,000 at 8×)', make: (k) => `${'- '.repeat(625 * k)}x` },
  { name: 'deep-flow', about: '"[" nested 5,000·k levels', make: (k) => '['.repeat(5000 * k) },
  { name: 'explicit-keys-deep', about: '"? " nested 450·k levels (the 902-byte file at 1×)', make: (k) => `${'? '.repeat(450 * k)}x` },
  { name: 'explicit-keys-wide', about: '500·k mappings used as keys with "? "', make: (k) => lines(500 * k, (i) => `? ? k${i}\n  : v\n: v`) },
  { name: 'flow-keys', about: '500·k lists and mappings used as keys in flow mappings', make: (k) => lines(500 * k, (i) => `- {[a${i}]: b, {c${i}: d}: e}`) },
  {
    name: 'alias-fan',
    about: 'one 10-item anchor repeated by 2,500·k aliases',
    make: (k) => `a: &a [x, x, x, x, x, x, x, x, x, x]\nb:\n${lines(2500 * k, () => '  - *a')}`,
  },
  {
    name: 'alias-bomb',
    about: '"billion laughs": 10·k levels of nine aliases each',
    make: (k) =>
      [
        'l0: &l0 [x, x, x, x, x, x, x, x, x]',
        ...Array.from({ length: 10 * k }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`),
      ].join('\n'),
  },
  { name: 'anchors-distinct', about: '1,250·k anchors, each used once', make: (k) => lines(1250 * k, (i) => `- &a${i} x${i}\n- *a${i}`) },
  { name: 'long-line', about: 'one scalar of 200,000·k characters', make: (k) => `title: ${'x'.repeat(200_000 * k)}` },
  { name: 'long-flow-line', about: 'one line holding a list of 12,500·k numbers', make: (k) => `[${'1, '.repeat(12_500 * k)}1]` },
  {
    name: 'many-problems',
    about: 'a party trusting 2,500·k others "high" (a problem each)',
    make: (k) => `parties:\n  - id: p\n    trustIn:\n${lines(2500 * k, (i) => `      p${i}: high`)}`,
  },
  {
    name: 'invisible-text',
    about: 'the tutorial with every text made of 40·k zero-width characters',
    make: (k) => invisibleTutorial('\u200b\u200c\u200d\u2060\ufeff'.repeat(8 * k)),
  },
];

/** V8's collector, when exposed (main() does it), to run between loads. */
let collectGarbage: (() => void) | undefined;

export interface Measure {
  chars: number;
  ms: number;
  ok: boolean;
  problems: number;
  /** Characters of the problems as printed. */
  outputChars: number;
  first: string;
}

/** Load one text and measure it; never throws (a throw is reported as the first problem). */
export function measure(shape: Shape, k: number, runs?: number): Measure {
  const text = shape.make(k);
  let best = Infinity;
  let r: ReturnType<typeof loadPack> | undefined;
  let threw: string | undefined;
  // Best of `runs`; by default, repeat quick loads (up to 5 times or 250 ms) to steady the figure.
  const started = performance.now();
  for (let i = 0; runs ? i < runs : i === 0 || (i < 5 && performance.now() - started < 250); i++) {
    collectGarbage?.(); // start each load with a clean heap: less noise from the last one's garbage
    const t0 = performance.now();
    try {
      r = loadPack(text, shape.fileName ?? `${shape.name}.yaml`);
    } catch (e) {
      threw = String((e as Error)?.message ?? e);
    }
    best = Math.min(best, performance.now() - t0);
  }
  const list = r ? (r.ok ? r.warnings : r.problems) : [];
  const printed = list.map((p) => formatProblem(p, shape.fileName ?? `${shape.name}.yaml`));
  return {
    chars: text.length,
    ms: best,
    ok: r?.ok ?? false,
    problems: list.length,
    outputChars: printed.reduce((n, l) => n + l.length + 1, 0),
    first: threw ? `THREW: ${threw}` : (printed[0] ?? '(none)'),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: { scales: { type: 'string' }, shape: { type: 'string', multiple: true }, runs: { type: 'string' }, budget: { type: 'string' } },
  });
  const scales = (values.scales ?? '1,2,4,8')
    .split(',')
    .map(Number)
    .filter((x) => x > 0);
  const runs = values.runs ? Math.max(1, Number(values.runs)) : undefined;
  const budgetMs = Number(values.budget ?? 55) * 1000;
  const shapes = values.shape?.length ? SHAPES.filter((s) => values.shape!.includes(s.name)) : SHAPES;
  setFlagsFromString('--expose-gc');
  collectGarbage = runInNewContext('gc') as () => void;
  const started = performance.now();
  // Warm the loader up (JIT) so the first shape's 1× is not mostly compilation.
  for (let i = 0; i < 3; i++) loadPack(tutorial(), 'tutorial.yaml');

  console.log(`Loader on adversarial shapes: time per size, and time against 1× (linear: ≈ the size ratio). Node ${process.version}.`);
  console.log('');
  const pad = (s: string, n: number) => s.padEnd(n);
  const lpad = (s: string, n: number) => s.padStart(n);
  console.log(`${pad('shape', 20)}${scales.map((k) => lpad(`${k}×`, 24)).join('')}   output`);
  let skipped = false;
  for (const shape of shapes) {
    const cells: string[] = [];
    let base: Measure | undefined;
    let out = '';
    // One unmeasured load at the smallest size first, so the figures are not mostly compilation.
    measure(shape, scales[0]!, 1);
    for (const k of scales) {
      if (performance.now() - started > budgetMs) {
        cells.push(lpad('(skipped)', 24));
        skipped = true;
        continue;
      }
      const m = measure(shape, k, runs);
      base ??= m;
      const kb = m.chars >= 10_000 ? `${(m.chars / 1000).toFixed(0)} KB` : `${m.chars} B`;
      const ratio = k === scales[0] ? '' : ` ×${(m.ms / Math.max(base.ms, 0.01)).toFixed(1)}`;
      cells.push(lpad(`${kb} ${m.ms.toFixed(0)} ms${ratio}`, 24));
      out = `${m.ok ? 'ok' : 'refused'}, ${m.problems} lines, ${(m.outputChars / 1000).toFixed(1)} KB`;
      if (m.first.startsWith('THREW')) out += ` ${m.first}`;
    }
    console.log(`${pad(shape.name, 20)}${cells.join('')}   ${out}`);
  }
  console.log('');
  for (const shape of shapes) console.log(`  ${pad(shape.name, 20)}${shape.about}`);
  console.log('');
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s${skipped ? ` (some sizes skipped to stay within ${budgetMs / 1000} s)` : ''}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
