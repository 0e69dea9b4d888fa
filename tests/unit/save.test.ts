/**
 * Saves (save.ts): the command log is the truth. A save survives JSON and reproduces the state
 * hash; anything wrong with it comes back as a reason the UI can show — never a throw.
 */
import { describe, expect, it } from 'vitest';
import { loadSave, SAVE_VERSION, stateHash, toSave } from '../../src/sim';
import { playGame } from '../../src/sim/bots/play';
import { as, calmMini, mini, newGame, run, shipped, toMonitoring, w } from '../fixtures/engine';

const s = calmMini();
const played = run(toMonitoring(newGame(s, { seed: 7 })), { type: 'designVerification' }, as('instructor', { type: 'inject', effect: { kind: 'news' } }));

const refusal = (input: unknown, scenario = s) => {
  let r: ReturnType<typeof loadSave> | undefined;
  expect(() => (r = loadSave(input, scenario))).not.toThrow();
  expect(r!.ok).toBe(false);
  return r!.ok ? undefined : r!.reason;
};

describe('a save round-trips', () => {
  it('toSave → JSON → loadSave reproduces the same state hash', () => {
    const save = toSave(played);
    expect(save).toMatchObject({ saveVersion: SAVE_VERSION, scenario: { id: 'mini', version: '1.0.0' }, seed: 7, difficulty: 'standard', humanRoles: [] });
    expect(save.commands).toHaveLength(played.commands.length);
    const r = loadSave(JSON.stringify(save), s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(stateHash(r.game)).toBe(stateHash(played));
    expect(r.game.commands).toEqual(played.commands);
    expect(w(r.game).phase).toBe('monitoring');
    // Already-parsed JSON works the same.
    const r2 = loadSave(JSON.parse(JSON.stringify(save)), s);
    expect(r2.ok && stateHash(r2.game)).toBe(stateHash(played));
  });
  it('keeps the seats humans held and the difficulty', () => {
    const g = run(
      newGame(s, { seed: 3, difficulty: 'hard', humanRoles: ['party:gov'] }),
      { type: 'caucus', party: 'gov' },
      { type: 'caucus', party: 'union' },
      { type: 'endTurn' },
    );
    const r = loadSave(JSON.stringify(toSave(g)), s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(w(r.game).options).toEqual({ seed: 3, difficulty: 'hard', humanRoles: ['party:gov'] });
    expect(stateHash(r.game)).toBe(stateHash(g));
  });
  it.each(['tutorial', 'venezuela-2019'] as const)('whole bot games on %s round-trip', (name) => {
    const sc = shipped(name);
    for (const policy of ['random', 'by-the-book'] as const) {
      const { game } = playGame(sc, { policy, seed: 11 });
      const r = loadSave(JSON.stringify(toSave(game)), sc);
      expect(r.ok).toBe(true);
      expect(r.ok && stateHash(r.game)).toBe(stateHash(game));
    }
  });
  it('a save without a state hash still loads (the log is the truth)', () => {
    const { stateHash: _h, ...bare } = toSave(played);
    const r = loadSave(bare, s);
    expect(r.ok && stateHash(r.game)).toBe(stateHash(played));
  });
  it('reads a pre-release save (version 0, "log" instead of "commands")', () => {
    const { commands, ...rest } = toSave(played);
    const r = loadSave({ ...rest, saveVersion: 0, log: commands }, s);
    expect(r.ok && stateHash(r.game)).toBe(stateHash(played));
  });
});

describe('a bad save is refused with a reason, never a throw', () => {
  const good = toSave(played);
  it('corrupt JSON', () => {
    for (const text of ['', '{', '{"saveVersion":1,', 'not json', '\u0000\u0001']) expect(refusal(text)).toEqual({ key: 'save.corrupt' });
  });
  it('the wrong shape', () => {
    for (const bad of [null, undefined, 0, 42, true, [], [good], {}, 'null', '"a string"', '[]', '17'])
      expect(refusal(bad), JSON.stringify(bad)).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, commands: 'all of them' })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, commands: [42] })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, commands: [{ type: 'endTurn' }] })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, seed: 'seven' })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, seed: 1.5 })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, scenario: 'mini' })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, difficulty: 'nightmare' })).toEqual({ key: 'save.corrupt' });
    expect(refusal({ ...good, saveVersion: '1' })).toEqual({ key: 'save.corrupt' });
  });
  it('a newer save version', () => {
    expect(refusal({ ...good, saveVersion: SAVE_VERSION + 1 })).toEqual({ key: 'save.newer', params: { version: SAVE_VERSION + 1 } });
    expect(refusal(JSON.stringify({ ...good, saveVersion: 99 }))).toMatchObject({ key: 'save.newer' });
  });
  it('an older save version it cannot migrate', () => {
    expect(refusal({ ...good, saveVersion: 0 })).toEqual({ key: 'save.outdated', params: { version: 0 } });
  });
  it('another scenario', () => {
    expect(refusal(good, shipped('tutorial'))).toEqual({ key: 'save.otherScenario', params: { id: 'mini' } });
  });
  it('another version of the same scenario', () => {
    const newer = mini((x) => (x.version = '1.1.0'));
    expect(refusal(good, newer)).toEqual({ key: 'save.scenarioVersion', params: { saved: '1.0.0', current: '1.1.0' } });
  });
  it('a tampered state hash', () => {
    expect(refusal({ ...good, stateHash: '0000000000000000' })).toEqual({ key: 'save.hashMismatch' });
  });
  it('a tampered seed or command log no longer matches its hash', () => {
    expect(refusal({ ...good, seed: good.seed + 1 })).toEqual({ key: 'save.hashMismatch' });
    expect(refusal({ ...good, commands: good.commands.slice(0, -1) })).toEqual({ key: 'save.hashMismatch' });
  });
  it('a command that no longer applies names its position in the log', () => {
    const commands = [...good.commands];
    commands.splice(3, 0, { type: 'proposeFormula', issue: 'revenue', value: 45, role: 'mediator' }); // still exploratory
    expect(refusal({ ...good, commands, stateHash: undefined })).toEqual({ key: 'save.replayFailed', params: { index: 4 } });
    expect(refusal({ ...good, commands: [{ type: 'endTurn', role: 'king' }] })).toEqual({ key: 'save.replayFailed', params: { index: 1 } });
    expect(refusal({ ...good, commands: [{ type: 'teleport', role: 'mediator' }] })).toEqual({ key: 'save.replayFailed', params: { index: 1 } });
    expect(refusal({ ...good, commands: [{ type: 'caucus', role: 'mediator', party: { nested: true } }] })).toEqual({
      key: 'save.replayFailed',
      params: { index: 1 },
    });
    // A seat command from a seat the save says the engine holds.
    expect(refusal({ ...good, commands: [{ type: 'walkOut', role: 'party:gov' }] })).toEqual({ key: 'save.replayFailed', params: { index: 1 } });
  });
  it('a command log past the size limit', () => {
    const commands = Array.from({ length: 20_001 }, () => ({ type: 'readBriefing', role: 'mediator' }));
    expect(refusal({ ...good, commands })).toEqual({ key: 'save.corrupt' });
  });
});
