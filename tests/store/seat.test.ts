/** The seat interface, the store's slices, fresh seeds, branching at a turn and the coach in the save. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGameStore } from '../../src/store/gameStore';
import { AUTOSAVE_KEY, memoryStorage, readAutosave } from '../../src/store/autosave';
import { parseBundled } from '../../src/store/scenarioBundle';
import { createGame, stateHash, viewFor } from '../../src/sim/index';
import { createLocalSeat, criterionDetails, forecast, shortfall } from '../../src/seat/index';

const dir = join(__dirname, '../../scenarios');
const sources = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
);
const bundled = parseBundled(sources);
const tutorial = bundled.entries.find((e) => e.scenario.id === 'tutorial')!.scenario;

describe('local seat', () => {
  it('sends as its role, refuses with the engine reason, tells subscribers what happened', () => {
    const seat = createLocalSeat(createGame(tutorial, { seed: 2 }));
    expect(seat.role).toBe('mediator');
    const heard: string[] = [];
    seat.subscribe((u) => heard.push(`${u.command?.type}:${u.entries.length}`));
    const hash = seat.hash();
    expect(seat.send({ type: 'jointSession' })?.key).toMatch(/^refuse\./);
    expect(seat.hash()).toBe(hash);
    expect(heard).toEqual([]);
    expect(seat.preview({ type: 'caucus', party: 'gov' })).toBeNull();
    expect(seat.send({ type: 'caucus', party: 'gov' })).toBeNull();
    expect(heard[0]).toMatch(/^caucus:[1-9]/);
    expect(seat.view().ap).toBe(seat.view().apMax - 1);
    expect(seat.moves().length).toBeGreaterThan(5);
  });

  it('branches at an earlier turn to exactly the state the game had then', () => {
    const seat = createLocalSeat(createGame(tutorial, { seed: 7 }));
    seat.send({ type: 'readBriefing' });
    seat.send({ type: 'caucus', party: 'gov' });
    seat.send({ type: 'endTurn' });
    const atTurn2 = seat.hash();
    seat.send({ type: 'caucus', party: 'union' });
    seat.send({ type: 'endTurn' });
    seat.send({ type: 'studyHistory' });
    const branch = seat.branchAt(2)!;
    expect(branch.view().turn).toBe(2);
    expect(branch.hash()).toBe(atTurn2);
    expect(branch.game().commands.length).toBe(3);
    expect(seat.branchAt(1)!.game().commands.length).toBe(0);
  });

  it('explains criteria with targets and current values, warns before a move that cannot succeed', () => {
    const g = createGame(tutorial, { seed: 3 });
    const v = viewFor(g, 'mediator');
    const details = criterionDetails(v, tutorial);
    expect(details.length).toBe(v.criteria.length);
    for (const d of details) {
      expect(typeof d.current).toBe('number');
      expect(typeof d.target).toBe('number');
    }
    expect(forecast(v, tutorial, 'proposeNextPhase')?.key).toBe('forecast.nextPhase');
    const fake = {
      id: 1,
      turn: 1,
      phase: 'negotiation' as const,
      kind: 'formula' as const,
      terms: { revenue: 90 },
      responses: { gov: 'reject' as const },
      reasons: {},
      status: 'rejected' as const,
    };
    expect(shortfall(v, fake, 'gov')?.key).toMatch(/^insight\.short\./);
  });
});

describe('store slices', () => {
  it('draws a fresh seed for each new game from the menu, keeps a typed one, saves it', () => {
    let n = 100;
    const storage = memoryStorage();
    const store = createGameStore({ storage, bundled, drawSeed: () => n++ });
    expect(store.getState().choice.seed).toBe(100);
    store.getState().newGame();
    expect(store.getState().view?.turn).toBe(1);
    store.getState().skipBriefing();
    store.getState().command({ type: 'caucus', party: 'gov' });
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).save.seed).toBe(100);
    store.getState().toMenu();
    expect(store.getState().choice.seed).toBe(101);
    store.getState().setChoice({ seed: 42 });
    store.getState().newGame();
    expect(store.getState().game && JSON.parse(storage.getItem(AUTOSAVE_KEY)!).save.seed).toBe(42);
  });

  it('default seeds come from crypto and differ', () => {
    const a = createGameStore({ storage: memoryStorage(), bundled }).getState().choice.seed;
    const b = createGameStore({ storage: memoryStorage(), bundled }).getState().choice.seed;
    const c = createGameStore({ storage: memoryStorage(), bundled }).getState().choice.seed;
    expect(new Set([a, b, c]).size).toBeGreaterThan(1);
  });

  it('replays from turn N and keeps the coach progress in the save', () => {
    const storage = memoryStorage();
    const store = createGameStore({ storage, bundled });
    store.getState().setChoice({ scenarioKey: 'bundled:tutorial', seed: 5 });
    store.getState().newGame();
    store.getState().readBriefing();
    store.getState().coachSeen('briefing');
    store.getState().command({ type: 'caucus', party: 'gov' });
    store.getState().command({ type: 'endTurn' });
    const h2 = store.getState().hash;
    store.getState().command({ type: 'caucus', party: 'union' });
    store.getState().command({ type: 'endTurn' });
    expect(store.getState().replayFrom(2)).toBe(true);
    expect(store.getState().hash).toBe(h2);
    expect(store.getState().branchedAt).toBe(2);
    expect(store.getState().screen).toBe('table');
    const r = readAutosave(storage);
    expect(r.kind === 'ok' && r.record.coach?.seen).toEqual(['briefing']);
    const again = createGameStore({ storage, bundled });
    expect(again.getState().resume()).toBe(true);
    expect(again.getState().coach.seen).toEqual(['briefing']);
    expect(stateHash(again.getState().game!)).toBe(h2);
  });
});
