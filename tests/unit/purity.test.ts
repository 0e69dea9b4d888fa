/**
 * The engine's purity is enforced, not grepped: src/sim compiles with the ES library only (its own
 * tsconfig), and the lint config keeps it free of the store, the page, the CLI, the server, Node
 * modules, the clock and Math.random.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const simTsconfig = join(root, 'src/sim/tsconfig.json');
const eslintConfig = join(root, '.ci/eslint.config.js');

/** Every .ts file under dir, as absolute paths. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('src/sim/tsconfig.json', () => {
  it('covers every engine file with the ES library only: no DOM, no Node or Vite types', () => {
    const read = ts.readConfigFile(simTsconfig, (p) => ts.sys.readFile(p));
    expect(read.error).toBeUndefined();
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(root, 'src/sim'), undefined, simTsconfig);
    expect(parsed.errors).toEqual([]);
    const libs = parsed.options.lib ?? [];
    expect(libs.length).toBeGreaterThan(0);
    for (const lib of libs) expect(lib).toMatch(/^lib\.es[0-9a-z.]*\.d\.ts$/);
    expect(parsed.options.types).toEqual([]);
    const compiled = new Set(parsed.fileNames.map((f) => relative(root, f)));
    for (const file of tsFiles(join(root, 'src/sim'))) expect(compiled).toContain(relative(root, file));
  });

  it('refuses document, window, process, setTimeout, require and Buffer in an engine file', { timeout: 120_000 }, () => {
    // A scratch project outside the tree (nothing is written under src/): it extends the engine's
    // tsconfig and compiles only a probe that uses host globals and a clean control file.
    const dir = mkdtempSync(join(tmpdir(), 'third-side-purity-'));
    try {
      const probe = join(dir, 'probe.ts');
      const control = join(dir, 'control.ts');
      writeFileSync(
        probe,
        [
          'export const title = document.title;',
          'export const href = window.location.href;',
          'export const env = process.env.NODE_ENV;',
          'export const timer = setTimeout(() => undefined, 1);',
          "export const fs = require('node:fs');",
          "export const bytes = Buffer.from('x');",
          '',
        ].join('\n'),
      );
      writeFileSync(control, 'export const sum = [1, 2, 3].reduce((a, b) => a + b, 0);\nexport const last = [1, 2, 3].findLast((n) => n > 1);\n');
      const tsconfig = join(dir, 'tsconfig.json');
      writeFileSync(tsconfig, JSON.stringify({ extends: simTsconfig, include: [], files: [probe, control] }, null, 2));

      const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--pretty', 'false', '-p', tsconfig], {
        cwd: dir, // tsc names files relative to its working directory
        encoding: 'utf8',
        timeout: 110_000,
      });
      expect(run.error).toBeUndefined();
      const output = `${run.stdout}${run.stderr}`;
      expect(run.status, output).not.toBe(0);
      for (const name of ['document', 'window', 'process', 'setTimeout', 'require', 'Buffer']) expect(output).toContain(`Cannot find name '${name}'`);
      // Every error is in the probe: the configuration itself is sound and plain ES code compiles.
      const errorLines = output.split('\n').filter((l) => /(^|\s)error TS\d+:/.test(l));
      expect(errorLines.length).toBeGreaterThanOrEqual(6);
      for (const line of errorLines) expect(line.startsWith('probe.ts('), line).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lint: import boundaries and determinism', () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: eslintConfig });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('reports an engine file importing the store and calling Math.random', { timeout: 60_000 }, async () => {
    const messages = await lint(
      'src/sim/x.ts',
      "import { createGameStore } from '../store/gameStore';\nexport const roll = Math.random() < 0.5 ? createGameStore : null;\n",
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: '\.\.\/store\/gameStore'/),
        expect.stringMatching(/^no-restricted-properties: 'Math\.random'/),
      ]),
    );
  });

  it('reports the clock, Node modules and the page from deeper engine files, and allows the engine its own game.ts', { timeout: 60_000 }, async () => {
    const messages = await lint(
      'src/sim/rules/x.ts',
      "import { createGame } from '../game';\nimport { readFileSync } from 'node:fs';\nimport { W } from '../../game/theme';\nexport const x = [createGame, readFileSync, W, Date.now()];\n",
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([
      expect.stringMatching(/'node:fs'/),
      expect.stringMatching(/'\.\.\/\.\.\/game\/theme'/),
    ]);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^no-restricted-globals: .*'Date'/)]));
  });

  it('keeps src/scenario to the engine’s public API and the store away from the page', { timeout: 60_000 }, async () => {
    expect(await lint('src/scenario/x.ts', "import { applyCommand } from '../sim/index';\nexport const f = applyCommand;\n")).toEqual([]);
    expect(await lint('src/scenario/x.ts', "import { applyMove } from '../sim/rules/moves';\nexport const f = applyMove;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: '\.\.\/sim\/rules\/moves'/),
    ]);
    expect(await lint('src/store/x.ts', "import { el } from '../game/overlay';\nexport const f = el;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: '\.\.\/game\/overlay'/),
    ]);
  });
});
