/** The in-game pack library (IndexedDB through fake-indexeddb): import, reject, list, remove, saves. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStore } from 'idb-keyval';
import { stringify, parse } from 'yaml';
import { PackLibrary } from '../../src/store/packLibrary';
import { createGameStore } from '../../src/store/gameStore';
import { memoryStorage } from '../../src/store/autosave';
import { parseBundled } from '../../src/store/scenarioBundle';
import { stateHash } from '../../src/sim/index';

const tutorial = parse(readFileSync(join(__dirname, '../../scenarios/tutorial.yaml'), 'utf8'));
let n = 0;
const freshLibrary = () => new PackLibrary(createStore(`third-side-test-${++n}`, 'packs'));

function packText(id: string, scenarioIds: string[], version = '1.0.0'): string {
  return stringify({
    pack: { id, title: `Pack ${id}`, version },
    scenarios: scenarioIds.map((sid) => ({ ...tutorial, id: sid, title: `${tutorial.title} (${sid})` })),
  });
}

describe('pack library', () => {
  it('imports a valid pack and offers its scenarios', async () => {
    const lib = freshLibrary();
    const r = await lib.import(packText('course', ['arden-a', 'arden-b']), 'course.yaml');
    expect(r.ok).toBe(true);
    const list = await lib.list();
    expect(list.map((p) => p.id)).toEqual(['course']);
    const { entries, broken } = await lib.entries();
    expect(broken).toEqual([]);
    expect(entries.map((e) => e.key)).toEqual(['pack:course:arden-a', 'pack:course:arden-b']);
  });

  it('refuses an invalid pack with located problems and stores nothing', async () => {
    const lib = freshLibrary();
    const bad = packText('broken', ['x']).replace('turnLimit: 18', 'turnLimit: "many"');
    const r = await lib.import(bad, 'broken.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.join('\n')).toMatch(/broken\.yaml:\d+:\d+ error: scenarios\[0\]\.turnLimit/);
    }
    const syntax = await lib.import('pack: [oops', 'oops.yaml');
    expect(syntax.ok).toBe(false);
    expect(await lib.list()).toEqual([]);
  });

  it('replaces a pack on re-import and removes it without touching others', async () => {
    const lib = freshLibrary();
    await lib.import(packText('one', ['s-one']), 'one.yaml');
    await lib.import(packText('two', ['s-two']), 'two.yaml');
    const again = await lib.import(packText('one', ['s-one'], '1.1.0'), 'one.yaml');
    expect(again.ok && again.replaced).toBe(true);
    await lib.remove('one');
    const { entries } = await lib.entries();
    expect(entries.map((e) => e.key)).toEqual(['pack:two:s-two']);
  });

  it('a save of a removed pack says so; a save of another pack still resumes', async () => {
    const lib = freshLibrary();
    await lib.import(packText('one', ['s-one']), 'one.yaml');
    await lib.import(packText('two', ['s-two']), 'two.yaml');
    const bundled = parseBundled({});
    const storage = memoryStorage();

    const play = async (key: string) => {
      const store = createGameStore({ storage, bundled });
      store.getState().setPackEntries((await lib.entries()).entries);
      store.getState().setChoice({ scenarioKey: key, seed: 2 });
      expect(store.getState().newGame()).toBe(true);
      store.getState().command({ type: 'caucus', party: 'gov' });
      store.getState().command({ type: 'endTurn' });
      return stateHash(store.getState().game!);
    };

    // A save of pack two survives removing pack one.
    const hash = await play('pack:two:s-two');
    await lib.remove('one');
    let store = createGameStore({ storage, bundled });
    store.getState().setPackEntries((await lib.entries()).entries);
    expect(store.getState().resume()).toBe(true);
    expect(stateHash(store.getState().game!)).toBe(hash);

    // Removing pack two: its save is reported, never crashes, and a new game is still possible.
    await lib.remove('two');
    await lib.import(packText('three', ['s-three']), 'three.yaml');
    store = createGameStore({ storage, bundled });
    expect(store.getState().saveNotice).toBeNull(); // packs not loaded yet: no verdict
    store.getState().setPackEntries((await lib.entries()).entries);
    expect(store.getState().saveNotice?.key).toBe('menu.saveOfRemovedPack');
    expect(store.getState().saveNotice?.params?.pack).toBe('Pack two');
    expect(store.getState().resume()).toBe(false);
    store.getState().setChoice({ scenarioKey: 'pack:three:s-three' });
    expect(store.getState().newGame()).toBe(true);
  });
});
