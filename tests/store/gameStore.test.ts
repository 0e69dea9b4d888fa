/** The store: the one bridge. Intents reach the engine, refusals change nothing, saves resume exactly. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGameStore } from '../../src/store/gameStore';
import { AUTOSAVE_KEY, memoryStorage } from '../../src/store/autosave';
import { parseBundled } from '../../src/store/scenarioBundle';
import { stateHash } from '../../src/sim/index';

const dir = join(__dirname, '../../scenarios');
const sources = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
);
const bundled = parseBundled(sources);

function fresh(storage = memoryStorage()) {
  return { storage, store: createGameStore({ storage, bundled }) };
}

describe('game store', () => {
  it('lists the bundled scenarios, tutorial first', () => {
    const { store } = fresh();
    expect(store.getState().catalogue[0]?.scenario.id).toBe('tutorial');
    expect(store.getState().catalogueProblems).toEqual([]);
  });

  it('plays through the engine, refuses with the engine reason and changes nothing', () => {
    const { store } = fresh();
    const s = store.getState();
    s.setChoice({ scenarioKey: 'bundled:tutorial', seed: 5 });
    expect(s.newGame()).toBe(true);
    expect(store.getState().screen).toBe('briefing');
    store.getState().readBriefing();
    expect(store.getState().screen).toBe('table');
    const hash = store.getState().hash;
    const reason = store.getState().command({ type: 'jointSession' });
    expect(reason?.key).toMatch(/^refuse\./);
    expect(store.getState().refusal).toEqual(reason);
    expect(store.getState().hash).toBe(hash);
    expect(store.getState().command({ type: 'caucus', party: 'gov' })).toBeNull();
    expect(store.getState().lastMove?.result?.key).toMatch(/^move\.caucus/);
    expect(store.getState().hash).not.toBe(hash);
    for (let i = 0; i < 4; i++) store.getState().command({ type: 'endTurn' });
    expect(store.getState().view?.turn).toBe(5);
    // Events land in the inbox until acknowledged.
    const n = store.getState().inbox.length;
    if (n > 0) {
      store.getState().dismissNews();
      expect(store.getState().inbox.length).toBe(n - 1);
    }
  });

  it('autosaves after every move and resumes to the same state hash', () => {
    const { store, storage } = fresh();
    store.getState().setChoice({ scenarioKey: 'bundled:tutorial', seed: 9, difficulty: 'hard' });
    store.getState().newGame();
    store.getState().skipBriefing();
    store.getState().command({ type: 'caucus', party: 'union' });
    store.getState().command({ type: 'endTurn' });
    store.getState().command({ type: 'caucus', party: 'gov' });
    const hash = store.getState().hash;
    expect(storage.getItem(AUTOSAVE_KEY)).toContain('"saveVersion"');

    const again = createGameStore({ storage, bundled });
    expect(again.getState().resumable?.turn).toBe(2);
    expect(again.getState().resume()).toBe(true);
    expect(again.getState().screen).toBe('table');
    expect(stateHash(again.getState().game!)).toBe(hash);
    expect(again.getState().choice.difficulty).toBe('hard');
  });

  it('a corrupt, newer or foreign save shows a message and never blocks a new game', () => {
    const cases: [string, RegExp][] = [
      ['{oops', /save\.corrupt/],
      [
        JSON.stringify({
          scenarioKey: 'bundled:tutorial',
          scenarioId: 'tutorial',
          save: { saveVersion: 7, scenario: { id: 'tutorial', version: '1.0.0' }, seed: 1, commands: [] },
        }),
        /save\.newer/,
      ],
      [
        JSON.stringify({
          scenarioKey: 'bundled:tutorial',
          scenarioId: 'tutorial',
          save: { saveVersion: 1, scenario: { id: 'tutorial', version: '0.0.1' }, seed: 1, commands: [] },
        }),
        /save\.scenarioVersion/,
      ],
      [JSON.stringify({ scenarioKey: 'bundled:gone', scenarioId: 'gone', save: { saveVersion: 1 } }), /menu\.saveScenarioMissing/],
      [
        JSON.stringify({
          scenarioKey: 'bundled:tutorial',
          scenarioId: 'tutorial',
          save: { saveVersion: 1, scenario: { id: 'tutorial', version: '1.0.0' }, seed: 1, commands: [{ type: 'caucus', role: 'mediator', party: 'nobody' }] },
        }),
        /save\.replayFailed/,
      ],
    ];
    for (const [text, expected] of cases) {
      const storage = memoryStorage();
      storage.setItem(AUTOSAVE_KEY, text);
      const store = createGameStore({ storage, bundled });
      const notice = store.getState().saveNotice;
      expect(notice, text).not.toBeNull();
      expect(`${notice!.key} ${notice!.reason?.key ?? ''}`).toMatch(expected);
      expect(store.getState().resumable).toBeNull();
      expect(store.getState().resume()).toBe(false);
      expect(store.getState().newGame()).toBe(true);
      expect(store.getState().screen).toBe('briefing');
    }
  });

  it('reports a broken bundled scenario instead of crashing', () => {
    const r = parseBundled({ 'bad.yaml': 'id: [unclosed', ...sources });
    expect(r.problems[0]?.file).toBe('bad.yaml');
    expect(r.entries.length).toBe(Object.keys(sources).length);
  });

  it('computes a debrief and plays again with the same settings', async () => {
    const { store } = fresh();
    store.getState().setChoice({ scenarioKey: 'bundled:tutorial', seed: 4 });
    store.getState().newGame();
    for (let i = 0; i < 40 && !store.getState().view?.over; i++) store.getState().command({ type: 'endTurn' });
    expect(store.getState().view?.over).toBe(true);
    await store.getState().toDebrief();
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().debrief?.outcome).toBe('collapsed');
    store.getState().playAgain();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().game?.commands.length).toBe(0);
    expect(store.getState().choice.seed).toBe(4);
  });
});
