// ESLint flat config for the whole tree: src, tests, vite.config.ts (run by `npm run lint`, which
// `npm test` runs).
//
// Why here and not ./eslint.config.js: the top level of the repo is fixed (package.json,
// tsconfig.json, vite.config.ts, public/, src/, scenarios/, tests/, README.md, .ci/ and dotfiles),
// and ESLint has no dotfile name for a flat config. .ci/ already holds what checks a clean clone,
// so the config lives beside `.ci/run` and the lint script passes it with `--config`. With
// `--config`, ESLint resolves the `files`/`ignores` globs below from the working directory; every
// object is given the repo root as its `basePath`, so the globs mean the same wherever ESLint runs.
//
// Rules: @eslint/js recommended + typescript-eslint recommended (syntax only, not type-checked, so
// the lint stays fast; the type checks are `npm run typecheck`), plus the import boundaries and the
// engine's determinism bans below.
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

// --- Import boundaries ------------------------------------------------------------------------
// no-restricted-imports sees the import string, not the file it resolves to: '../game' is src/game
// from src/sim/x.ts but the engine's own src/sim/game.ts from src/sim/rules/x.ts. So the patterns
// are written per depth: a file k directories below src/ reaches src/<name> as ('../' × k)<name>.
const MAX_DEPTH = 8; // directories below src/ (src/sim/debrief/sins/ is 3 today)

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A regex for an import, from a file k directories below src/, of src/<name> or anything in it. */
const reachSrc = (k, name) => (k === 0 ? `^\\./${esc(name)}(/|$)` : `^(\\.\\./){${k}}${esc(name)}(/|$)`);
/** Import patterns: src/<name> (each of names) is out of bounds for a file k directories below src/. */
const srcBans = (k, names, why) =>
  names.map((name) => ({ regex: reachSrc(k, name), caseSensitive: true, message: `src/${name} is out of bounds here: ${why}` }));

const SERVER_BAN = 'nothing outside src/server imports the classroom server (it builds on src/sim, not the other way round).';

// Packages the engine may not import: the browser/UI stack, the server stack, and every Node module
// (src/sim runs unchanged in the page, in Node, in worker threads and on the server).
const NODE_ONLY = ['better-sqlite3', 'pg', 'esbuild', 'tsx', 'vite', 'vitest', 'fake-indexeddb', 'jose'];
const UI_ONLY = ['phaser', 'zustand', 'i18next', 'idb-keyval'];
const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))];
const simPackageBans = [
  { regex: '^node:', caseSensitive: true, message: 'src/sim imports no Node module: the engine runs in the browser too.' },
  { regex: `^(${nodeBuiltins.map(esc).join('|')})(/|$)`, caseSensitive: true, message: 'src/sim imports no Node module: the engine runs in the browser too.' },
  { regex: '^@colyseus/', caseSensitive: true, message: 'src/sim knows nothing of the classroom server; the server runs the engine.' },
  { regex: `^(${NODE_ONLY.map(esc).join('|')})(/|$)`, caseSensitive: true, message: 'src/sim imports no Node-only package.' },
  {
    regex: `^(${UI_ONLY.map(esc).join('|')})(/|$)`,
    caseSensitive: true,
    message: 'src/sim imports no UI, store or i18n package: the view reads the engine, never the reverse.',
  },
];

// What src/scenario may import from src/sim: the engine's public API only. (An entry `name` allows
// src/sim/name.ts or src/sim/name/index.ts.)
const SCENARIO_MAY_IMPORT_FROM_SIM = ['index', 'vocabulary', 'commands'];

/** The no-restricted-imports patterns for a file in src/<area>/ at depth k (k ≥ 1; area '' = anywhere else). */
function importBans(area, k) {
  const server = area === 'server' ? [] : srcBans(k, ['server'], SERVER_BAN);
  switch (area) {
    case 'sim':
      return [
        ...srcBans(k, ['store', 'game', 'cli', 'seat'], 'the engine is pure; the store, the page, the CLI and the seats build on it.'),
        ...server,
        ...simPackageBans,
      ];
    case 'scenario':
      // The pack validator may use the engine's public API (src/sim/index.ts), not its internals.
      return [
        {
          regex: `^(\\.\\./){${k}}sim/(?!(${SCENARIO_MAY_IMPORT_FROM_SIM.map(esc).join('|')})(\\.[jt]s|/index(\\.[jt]s)?)?$)`,
          caseSensitive: true,
          message: 'src/scenario may use the engine only through src/sim/index.ts, not its internals.',
        },
        ...server,
      ];
    case 'store':
      return [...srcBans(k, ['game'], 'the store is the bridge to the view; the page (src/game) reads the store, not the reverse.'), ...server];
    default:
      return server;
  }
}

const boundaryConfigs = [];
// src/*.ts and every file below src/ outside the named areas: no server imports.
for (let k = 0; k <= MAX_DEPTH; k++) {
  boundaryConfigs.push({
    name: `boundaries/src-depth-${k}`,
    files: [`src/${'*/'.repeat(k)}*.ts`],
    ignores: ['src/sim/**', 'src/scenario/**', 'src/store/**', 'src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: importBans('', k) }] },
  });
}
for (const area of ['sim', 'scenario', 'store']) {
  for (let k = 1; k <= MAX_DEPTH; k++) {
    boundaryConfigs.push({
      name: `boundaries/${area}-depth-${k}`,
      files: [`src/${area}/${'*/'.repeat(k - 1)}*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: importBans(area, k) }] },
    });
  }
}

// --- The whole config ---------------------------------------------------------------------------
const configs = [
  {
    name: 'third-side/ignores',
    // What .gitignore ignores (build output, test reports); node_modules and .git are ignored by default.
    ignores: ['dist/', 'test-results/', 'playwright-report/', 'tests/artifacts/', 'reports/', '.vite/'],
  },
  { name: 'third-side/linter-options', linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'third-side/tuning',
    rules: {
      // The codebase marks deliberately unused names with a leading underscore (`const { role: _role,
      // ...rest } = cmd` to drop a field); the rule's default would flag exactly those.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    name: 'third-side/tests',
    files: ['tests/**/*.ts'],
    rules: {
      // Tests reach into parsed JSON by arbitrary paths and feed the engine and the loader malformed,
      // hostile values on purpose; `any` is the honest type there. Source code keeps the rule.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    name: 'third-side/node-scripts',
    // Plain JS config files (this one) run under Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  ...boundaryConfigs,
  {
    name: 'third-side/sim-determinism',
    // The engine is deterministic: one seeded PRNG whose state lives in the world, no clock. (Its
    // tsconfig already refuses DOM and Node globals; these are the ES globals it must not use.)
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'src/sim has no clock: time is the turn counter.' },
        { name: 'performance', message: 'src/sim has no clock: time is the turn counter.' },
        { name: 'globalThis', message: 'src/sim reaches no global object (it would get around the bans on clocks and randomness).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/sim draws only from the seeded PRNG in the world (src/sim/rng.ts).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'src/sim uses static imports only (a dynamic import() gets around the import boundaries).' },
      ],
    },
  },
];

export default configs.map((config) => ({ ...config, basePath: root }));
