/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// index.html lives in src/ so the top level stays as specified; build goes to dist/.
export default defineConfig(({ mode }) => ({
  root: 'src',
  publicDir: '../public',
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2600, // Phaser alone is ~1.3 MB; the bundled scenario texts add the rest
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
