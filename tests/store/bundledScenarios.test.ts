/**
 * The bundled scenarios as the page gets them: checked at build time into a catalogue index (no
 * confidential text) and one JSON file each, fetched only when a solo game starts or resumes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBundled, parseBundled, readBundledSources } from '../../src/store/scenarioBundle';
import type { CatalogueEntry } from '../../src/store/scenarios';
import { createGameStore } from '../../src/store/gameStore';
import { AUTOSAVE_KEY, memoryStorage } from '../../src/store/autosave';
import { build } from 'vite';
import { build as esbuild } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { bundledScenarios } from '../../vite.config';
import { createGame, applyCommand, stateHash, type Command } from '../../src/sim/index';

const dir = join(__dirname, '../../scenarios');
const compiled = compileBundled(dir);
if (!compiled.ok) throw new Error(compiled.message);
const full = parseBundled(readBundledSources(dir));

/** The build's index with made-up URLs, and a fetch that counts what it was asked for. */
function served(overrides: Record<string, unknown> = {}) {
  if (!compiled.ok) throw new Error('unreachable');
  const data = new Map<string, unknown>();
  const index: CatalogueEntry[] = compiled.scenarios.map(({ entry, json }) => {
    const url = `test://${entry.card.id}.json`;
    data.set(url, JSON.parse(json));
    return { ...entry, url };
  });
  const asked: string[] = [];
  const fetchJson = async (url: string) => {
    asked.push(url);
    if (url in overrides) return overrides[url];
    if (!data.has(url)) throw new Error('HTTP 404');
    return structuredClone(data.get(url));
  };
  return { index, asked, fetchJson };
}

function storeOver(storage = memoryStorage(), overrides: Record<string, unknown> = {}) {
  const s = served(overrides);
  const store = createGameStore({ storage, bundled: { entries: s.index, problems: [] }, fetchJson: s.fetchJson, drawSeed: () => 7 });
  return { store, ...s };
}

describe('bundled scenarios compiled at build time', () => {
  it('index every bundled scenario, tutorial first, with no scenario text beyond the card', () => {
    if (!compiled.ok) return;
    expect(compiled.scenarios.map((c) => c.entry.card.id)).toEqual(full.entries.map((e) => e.scenario.id));
    expect(compiled.scenarios[0]!.entry.card.id).toBe('tutorial');
    for (const { entry } of compiled.scenarios) {
      expect(entry).not.toHaveProperty('scenario');
      const scenario = full.entries.find((e) => e.key === entry.key)!.scenario;
      const text = JSON.stringify(entry);
      // No briefing, no confidential note of any role, no party's position reaches the index.
      for (const note of Object.values(scenario.briefing.confidential)) expect(text).not.toContain(note.slice(0, 60));
      expect(text).not.toContain(scenario.briefing.background.slice(0, 60));
      expect(entry.card).toEqual({
        id: scenario.id,
        version: scenario.version,
        title: scenario.title,
        period: scenario.period,
        summary: scenario.summary,
        parties: scenario.parties.length,
        turnLimit: scenario.turnLimit,
      });
    }
    // What the menu shows of the tutorial: its learning objectives.
    expect(compiled.scenarios[0]!.entry.about.learningObjectives.length).toBeGreaterThan(0);
  });

  it('ship each scenario as JSON that plays exactly as the YAML does', () => {
    if (!compiled.ok) return;
    for (const { entry, json } of compiled.scenarios) {
      const fromYaml = full.entries.find((e) => e.key === entry.key)!.scenario;
      const fromJson = JSON.parse(json);
      expect(fromJson).toEqual(fromYaml);
      const moves: Command[] = [
        { type: 'caucus', role: 'mediator', party: fromYaml.parties[0]!.id } as Command,
        { type: 'endTurn', role: 'mediator' } as Command,
      ];
      const play = (s: typeof fromYaml) => {
        let g = createGame(s, { seed: 3, difficulty: 'standard' });
        for (const m of moves) {
          const r = applyCommand(g, m);
          if (r.ok) g = r.game;
        }
        return stateHash(g);
      };
      expect(play(fromJson)).toBe(play(fromYaml));
    }
  });

  it('fail the build naming the broken file and the place of each problem', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'third-side-bundle-'));
    try {
      mkdirSync(join(tmp, 'historical'));
      writeFileSync(join(tmp, 'historical', 'broken-talks.yaml'), 'id: broken\ntitle: Broken\nturnLimit: many\n');
      writeFileSync(join(tmp, 'unclosed.yaml'), 'id: [unclosed\n');
      const r = compileBundled(tmp);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.message).toMatch(/ {2}historical\/broken-talks\.yaml:\n/);
      expect(r.message).toMatch(/broken-talks\.yaml:3:12 error: turnLimit: .* expected number/);
      expect(r.message).toMatch(/unclosed\.yaml:\d+:\d+ error/);
      expect(compileBundled(join(tmp, 'none')).ok).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the build (the plugin in vite.config.ts)', () => {
  /** Build a one-line page that imports the index, with the scenarios of `scenarios`. */
  const buildWith = async (scenarios: string) => {
    const app = mkdtempSync(join(tmpdir(), 'third-side-app-'));
    writeFileSync(
      join(app, 'index.html'),
      '<script type="module">import { bundledIndex } from "virtual:bundled-scenarios"; console.log(bundledIndex);</script>',
    );
    try {
      await build({ root: app, configFile: false, logLevel: 'silent', plugins: [bundledScenarios(scenarios)], build: { outDir: join(app, 'dist') } });
      const assets = join(app, 'dist', 'assets');
      const files = readdirSync(assets);
      return {
        ok: true as const,
        files,
        js: files
          .filter((f) => f.endsWith('.js'))
          .map((f) => readFileSync(join(assets, f), 'utf8'))
          .join('\n'),
      };
    } catch (e) {
      return { ok: false as const, message: String((e as Error).message) };
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  };

  it('emits one JSON asset per scenario and an index pointing at them, and fails naming a broken file', { timeout: 120_000 }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'third-side-scenarios-'));
    try {
      copyFileSync(join(dir, 'tutorial.yaml'), join(tmp, 'tutorial.yaml'));
      const good = await buildWith(tmp);
      expect(good.ok).toBe(true);
      if (!good.ok) return;
      const data = good.files.filter((f) => f.endsWith('.json'));
      expect(data).toEqual([expect.stringMatching(/^tutorial-[\w-]+\.json$/)]);
      expect(good.js).toContain(data[0]);
      expect(good.js).not.toContain('__VITE_ASSET__');
      expect(good.js).not.toContain('Rangers are a limited spoiler');

      mkdirSync(join(tmp, 'historical'));
      writeFileSync(join(tmp, 'historical', 'broken-talks.yaml'), 'id: broken\ntitle: Broken\nturnLimit: many\n');
      const bad = await buildWith(tmp);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.message).toMatch(/broken-talks\.yaml:3:12 error: turnLimit/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/** The source files a module loads at once (its static imports, followed): not what it may import() later. */
async function loadedAtOnce(entry: string): Promise<string[]> {
  const r = await esbuild({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = r.metafile.outputs;
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of Object.keys(outputs[out]!.inputs)) inputs.add(i);
    for (const imp of outputs[out]!.imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(Object.keys(outputs).find((o) => outputs[o]!.entryPoint)!);
  return [...inputs];
}

describe('what the page loads at once carries no YAML parser', () => {
  it.each(['src/scenario/packData.ts', 'src/store/scenarios.ts', 'src/store/slices/catalogue.ts', 'src/store/packLibrary.ts', 'src/store/gameStore.ts'])(
    '%s',
    { timeout: 60_000 },
    async (entry) => {
      const inputs = await loadedAtOnce(join(__dirname, '../..', entry));
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.filter((i) => /node_modules\/yaml\/|src\/scenario\/(load|pack|yamlData|nesting)\.ts$/.test(i))).toEqual([]);
    },
  );

  it('(the check sees the parser where it is: the pack loader the worker runs)', async () => {
    const inputs = await loadedAtOnce(join(__dirname, '../../src/store/packWorker.ts'));
    expect(inputs.some((i) => /node_modules\/yaml\//.test(i))).toBe(true);
  });
});

describe('the page holds a bundled scenario only once a game needs it', () => {
  it('lists every case from the index and fetches nothing for the menu', () => {
    const { store, asked } = storeOver();
    expect(store.getState().offers.map((e) => e.card.id)).toEqual(full.entries.map((e) => e.scenario.id));
    expect(store.getState().catalogue).toEqual([]);
    expect(asked).toEqual([]);
    // Without its data no game can start: newGame alone refuses.
    expect(store.getState().newGame()).toBe(false);
  });

  it('fetches the chosen case once on Start, then plays it', async () => {
    const { store, asked } = storeOver();
    store.getState().setChoice({ scenarioKey: 'bundled:tutorial', seed: 5 });
    const [a, b] = await Promise.all([store.getState().startGame(), store.getState().startGame()]);
    expect(a || b).toBe(true);
    expect(asked).toEqual(['test://tutorial.json']);
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().catalogue.map((e) => e.key)).toEqual(['bundled:tutorial']);
    expect(store.getState().loading).toBeNull();
    store.getState().readBriefing();
    expect(store.getState().command({ type: 'caucus', party: 'gov' })).toBeNull();
  });

  it('offers a save from what it says of itself, and fetches its case only on Resume', async () => {
    const storage = memoryStorage();
    const first = storeOver(storage);
    first.store.getState().setChoice({ scenarioKey: 'bundled:tutorial', seed: 9 });
    await first.store.getState().startGame();
    first.store.getState().skipBriefing();
    first.store.getState().command({ type: 'caucus', party: 'union' });
    first.store.getState().command({ type: 'endTurn' });
    const hash = first.store.getState().hash;

    const again = storeOver(storage);
    expect(again.store.getState().resumable).toMatchObject({ scenarioKey: 'bundled:tutorial', turn: 2 });
    expect(again.asked).toEqual([]);
    expect(await again.store.getState().resumeGame()).toBe(true);
    expect(again.asked).toEqual(['test://tutorial.json']);
    expect(again.store.getState().hash).toBe(hash);
  });

  it('says at once why a save cannot be resumed when its header says so, without fetching', () => {
    const storage = memoryStorage();
    const save = (s: object) =>
      storage.setItem(AUTOSAVE_KEY, JSON.stringify({ scenarioKey: 'bundled:tutorial', scenarioId: 'tutorial', title: 'x', turn: 3, save: s }));
    save({ saveVersion: 99, scenario: { id: 'tutorial', version: '1' }, seed: 1, commands: [] });
    const newer = storeOver(storage);
    expect(newer.store.getState().saveNotice?.reason?.key).toBe('save.newer');
    save({ saveVersion: 1, scenario: { id: 'tutorial', version: '0.0.1' }, seed: 1, commands: [] });
    const older = storeOver(storage);
    expect(older.store.getState().saveNotice?.reason?.key).toBe('save.scenarioVersion');
    expect([...newer.asked, ...older.asked]).toEqual([]);
  });

  it('reports a case whose data cannot be fetched, is damaged or is not the one named, and stays on the menu', async () => {
    if (!compiled.ok) return;
    const other = JSON.parse(compiled.scenarios.find((c) => c.entry.card.id === 'venezuela-2019')!.json);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ 'test://tutorial.json': Symbol('missing') }, /tutorial\.json error: could not be fetched: HTTP 404/],
      [{ 'test://tutorial.json': { id: 'tutorial' } }, /tutorial\.json error: the data is damaged: /],
      [{ 'test://tutorial.json': other }, /tutorial\.json error: holds venezuela-2019 \S+, not tutorial /],
    ];
    for (const [overrides, expected] of cases) {
      const missing = typeof overrides['test://tutorial.json'] === 'symbol';
      const { store } = storeOver(memoryStorage(), missing ? {} : overrides);
      // A missing file: the entry points at a URL the server does not have.
      if (missing) store.getState().setCatalogue(store.getState().offers.map((e) => (e.card.id === 'tutorial' ? { ...e, url: 'test://gone.json' } : e)));
      store.getState().setChoice({ scenarioKey: 'bundled:tutorial' });
      expect(await store.getState().startGame()).toBe(false);
      expect(store.getState().screen).toBe('menu');
      const problems = store.getState().catalogueProblems;
      expect(problems.map((p) => p.file)).toEqual(['tutorial.json']);
      expect(problems[0]!.problems.join('\n')).toMatch(expected);
      // Another case still starts.
      store.getState().setChoice({ scenarioKey: 'bundled:venezuela-2019' });
      expect(await store.getState().startGame()).toBe(true);
    }
  });
});
