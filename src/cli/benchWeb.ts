/**
 * npm run bench:web — the front end in a real browser.
 *
 * Builds the production bundle, serves it locally (vite preview), and in headless chromium
 * measures, for the table (flagship scenario) and for an empty Phaser scene in the same run:
 *   - time from navigation to the first rendered, interactive frame;
 *   - frame time (median, p95) over 10 s with the render loop running every frame;
 *   - for the table, also frame time with the idle-sleeping loop the game uses by default.
 * Then the gzipped size of the game's JS beside the gzipped size of Phaser's own minified build,
 * and the scenario data each page fetched: none for the menu (it lists cases from the build's
 * catalogue index), one scenario's JSON for the table.
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_SECONDS (default 10), BENCH_SCENARIO.
 */
import { build, preview } from 'vite';
import { chromium, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SCENARIO = process.env.BENCH_SCENARIO ?? 'venezuela-2019';
const ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Frames {
  median: number;
  p95: number;
  frames: number;
}

async function frameTimes(page: Page, seconds: number): Promise<Frames> {
  // Plain-text page script: tsx's name helpers must not leak into the page.
  const script = `(async (ms) => {
    const deltas = [];
    await new Promise((done) => {
      const start = performance.now();
      let last = start;
      const tick = (t) => {
        deltas.push(t - last);
        last = t;
        if (t - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    });
    deltas.sort((a, b) => a - b);
    const at = (q) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? 0;
    return { median: at(0.5), p95: at(0.95), frames: deltas.length };
  })(${seconds * 1000})`;
  return page.evaluate(script) as Promise<Frames>;
}

async function firstFrame(page: Page, url: string, mark: string): Promise<number> {
  await page.goto(url);
  // Polled with plain evaluate: waitForFunction compiles its text with eval, which the page's CSP forbids.
  const probe = `(performance.getEntriesByName(${JSON.stringify(mark)})[0] || { startTime: -1 }).startTime`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const at = (await page.evaluate(probe)) as number;
    if (at >= 0) return at;
    if (Date.now() > deadline) throw new Error(`no ${mark} within 60 s`);
    await page.waitForTimeout(10);
  }
}

/** What a page loads on its first screen (what its navigation fetched): JS gzipped, and scenario data (JSON assets) gzipped. */
async function loadOfPage(page: Page, url: string, dir: string): Promise<{ js: number; data: number; dataFiles: string[] }> {
  const js = new Set<string>();
  const data = new Set<string>();
  const onResponse = (r: { url(): string }) => {
    const u = new URL(r.url());
    const name = u.pathname.split('/').pop()!;
    if (u.pathname.endsWith('.js')) js.add(name);
    else if (/\.(json|ya?ml)$/.test(u.pathname)) data.add(name);
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.waitForTimeout(1500);
  page.off('response', onResponse);
  const gz = (files: Set<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return { js: gz(js), data: gz(data), dataFiles: [...data] };
}

function gzipSizeOfDir(dir: string, only?: RegExp): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js') || (only && !only.test(f))) continue;
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'third-side-bench-'));
  try {
    console.log('building the production bundle…');
    await build({
      root: join(root, 'src'),
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const server = await preview({
      root: join(root, 'src'),
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    const addr = server.httpServer.address() as AddressInfo;
    const base = `http://127.0.0.1:${addr.port}/`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      console.log(`measuring the table (${SCENARIO}) and an empty Phaser scene, ${SECONDS} s each…`);
      const tableFirst = await firstFrame(page, `${base}?autostart=${SCENARIO}&continuous`, 'third-side:table-interactive');
      await page.waitForTimeout(500);
      const tableFrames = await frameTimes(page, SECONDS);
      await firstFrame(page, `${base}?autostart=${SCENARIO}`, 'third-side:table-interactive');
      await page.waitForTimeout(1500);
      const idleFrames = await frameTimes(page, SECONDS);
      const emptyFirst = await firstFrame(page, `${base}?bench=empty`, 'third-side:empty-interactive');
      await page.waitForTimeout(500);
      const emptyFrames = await frameTimes(page, SECONDS);
      // First frames again, alternating, to even out a noisy machine: the median of three each.
      const tableRuns = [tableFirst];
      const emptyRuns = [emptyFirst];
      for (let i = 0; i < 2; i++) {
        tableRuns.push(await firstFrame(page, `${base}?autostart=${SCENARIO}`, 'third-side:table-interactive'));
        emptyRuns.push(await firstFrame(page, `${base}?bench=empty`, 'third-side:empty-interactive'));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const menu = await loadOfPage(page, base, join(outDir, 'assets'));
      const table = await loadOfPage(page, `${base}?autostart=${SCENARIO}`, join(outDir, 'assets'));
      const menuJs = menu.js;
      const tableJs = table.js;

      const js = gzipSizeOfDir(join(outDir, 'assets'));
      const phaserMin = readFileSync(join(root, 'node_modules/phaser/dist/phaser.min.js'));
      const phaserGz = gzipSync(phaserMin, { level: 9 }).length;

      const rows: [string, string, string, string][] = [
        ['', 'first interactive frame', 'frame time median', 'frame time p95'],
        [`table (${SCENARIO}), render every frame`, ms(med(tableRuns)), ms(tableFrames.median), ms(tableFrames.p95)],
        ['table, idle-sleeping loop (default)', '', ms(idleFrames.median), ms(idleFrames.p95)],
        ['empty Phaser scene', ms(med(emptyRuns)), ms(emptyFrames.median), ms(emptyFrames.p95)],
      ];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      console.log('');
      for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  │  '));
      console.log('');
      console.log(`game JS (all chunks): ${kb(js.raw)} raw, ${kb(js.gz)} gzipped`);
      console.log(`Phaser's own phaser.min.js: ${kb(phaserMin.length)} raw, ${kb(phaserGz)} gzipped`);
      // The pack worker, and the same loader for a page without workers: loaded only to read an imported pack.
      const worker = gzipSizeOfDir(join(outDir, 'assets'), /^pack(Worker)?-/);
      console.log(`  of which the pack loader (worker, and its in-page fallback; loaded only to read an imported pack): ${kb(worker.gz)} gzipped`);
      console.log(`JS the menu loads: ${kb(menuJs)} gzipped (no Phaser: it loads when the table first shows)`);
      console.log(`JS the table loads up to its first frame: ${kb(tableJs)} gzipped`);
      console.log(`scenario data the menu fetched: ${menu.dataFiles.length} files (${kb(menu.data)} gzipped)`);
      console.log(`scenario data the table fetched: ${table.dataFiles.join(', ') || 'none'} (${kb(table.data)} gzipped)`);
      if (menu.dataFiles.length > 0) {
        console.error('the menu fetched scenario data: it should list cases from the catalogue index alone');
        process.exitCode = 1;
      }
      const budget = phaserGz + 150 * 1024;
      const ratios: [string, number, number][] = [
        ['table first interactive frame / empty scene', med(tableRuns) / med(emptyRuns), 2],
        ['table idle frame p95 / empty scene p95', idleFrames.p95 / emptyFrames.p95, 1.2],
        ['table frame p95 (every frame) / empty scene p95', tableFrames.p95 / emptyFrames.p95, 1.2],
        ['table JS gzipped / (Phaser gzipped + 150 KiB)', tableJs / budget, 1],
        ['all chunks but the pack loader / (Phaser + 150 KiB)', (js.gz - worker.gz) / budget, 1],
        ['all chunks / (Phaser gzipped + 150 KiB)', js.gz / budget, 1],
      ];
      console.log('');
      console.log('ratios (target in brackets):');
      for (const [name, r, target] of ratios) console.log(`  ${name.padEnd(50)} ${r.toFixed(2)}  [≤ ${target}]  ${r <= target ? 'ok' : 'OVER'}`);
      console.log(`chromium headless (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}, SwiftShader WebGL), 1280×720`);
      if (errors.length) {
        console.error('page errors:', errors);
        process.exitCode = 1;
      }
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
