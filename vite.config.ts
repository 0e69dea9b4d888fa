/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const BUNDLED_MODULE = 'virtual:bundled-scenarios';
/** Where the dev server answers for a scenario's data (a build emits hashed assets instead). */
const DEV_PREFIX = '/@bundled-scenarios/';

/**
 * The bundled scenarios, checked at build time (src/store/scenarioBundle.ts): `virtual:bundled-scenarios`
 * is the catalogue index, and each scenario is a JSON asset the page fetches when a game needs it. A
 * broken scenario file fails the build, naming the file. The checker is the project's own loader,
 * loaded through tsx on first use, so plain Vite and Vitest runs never load it.
 */
export function bundledScenarios(dir: string): Plugin {
  let serve = false;
  const devData = new Map<string, string>();
  return {
    name: 'third-side:bundled-scenarios',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    // Filters keep the bundler from calling these hooks for every other module.
    resolveId: { filter: { id: new RegExp(`^${BUNDLED_MODULE}$`) }, handler: () => `\0${BUNDLED_MODULE}` },
    load: {
      filter: { id: new RegExp(`^\0${BUNDLED_MODULE}$`) },
      async handler() {
        const { compileBundled }: typeof import('./src/store/scenarioBundle') = await tsImport('./src/store/scenarioBundle.ts', import.meta.url);
        const r = compileBundled(dir);
        if (!r.ok) return this.error(r.message);
        for (const f of r.files) this.addWatchFile(f);
        const index = r.scenarios.map(({ entry, json }) => {
          if (serve) {
            devData.set(entry.card.id, json);
            return { ...entry, url: `${DEV_PREFIX}${entry.card.id}.json` };
          }
          // Vite's placeholder for an emitted asset: replaced by its URL under the page's base.
          return { ...entry, url: `__VITE_ASSET__${this.emitFile({ type: 'asset', name: `${entry.card.id}.json`, source: json })}__` };
        });
        return `export const bundledIndex = ${JSON.stringify(index)};\n`;
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const id = (req.url ?? '').startsWith(DEV_PREFIX) ? (req.url ?? '').slice(DEV_PREFIX.length).replace(/\.json$/, '') : null;
        if (id === null) return next();
        const json = devData.get(id);
        res.statusCode = json ? 200 : 404;
        res.setHeader('Content-Type', 'application/json');
        res.end(json ?? JSON.stringify({ error: `no bundled scenario ${id.slice(0, 60)}` }));
      });
    },
  };
}

// index.html lives in src/ so the top level stays as specified; build goes to dist/.
export default defineConfig(({ mode }) => ({
  root: 'src',
  publicDir: '../public',
  base: './',
  plugins: [bundledScenarios(fileURLToPath(new URL('./scenarios', import.meta.url)))],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1400, // Phaser alone is ~1.3 MB
  },
  define: {
    // The test-only window hook exists only in builds made with --mode test.
    __TEST_HOOKS__: JSON.stringify(mode === 'test'),
  },
  test: {
    root: '.',
    include: [
      'tests/unit/**/*.test.ts',
      'tests/property/**/*.test.ts',
      'tests/model/**/*.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/scenario/**/*.test.ts',
      'tests/pack/**/*.test.ts',
      'tests/store/**/*.test.ts',
      'tests/server/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'threads',
  },
}));
