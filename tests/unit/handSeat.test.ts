/**
 * The instructor hands a seat to the engine mid-exercise (a student left) and back to people
 * (src/sim/commands/handSeat.ts): a delegation's waiting answer is given by the engine at once, the
 * seat's own commands are then refused, the change survives a save and a replay, and nobody but the
 * instructor may make it.
 */
import { describe, expect, it } from 'vitest';
import { loadSave, stateHash, toSave } from '../../src/sim';
import { as, calmMini, expectRefused, lastProposal, newGame, run, toAgenda, w, FULL_AGENDA } from '../fixtures/engine';

const s = calmMini();
const hand = (seat: string, to: 'engine' | 'people') => as('instructor', { type: 'handSeat', seat, to });

/** The agenda put to both delegations; the government's is held by a person and has not answered. */
const waiting = run(toAgenda(newGame(s, { humanRoles: ['party:gov', 'faction:rangers'] })), { type: 'proposeAgenda', issues: FULL_AGENDA });

describe('handing a seat to the engine', () => {
  it('the proposal waiting for the delegation is answered by the engine at once', () => {
    expect(lastProposal(waiting).responses.gov).toBe('pending');
    const g = run(waiting, hand('party:gov', 'engine'));
    const prop = lastProposal(g);
    expect(prop.responses.gov).not.toBe('pending');
    expect(prop.status).not.toBe('pending');
    expect(prop.reasons.gov?.key).toMatch(/^response\./);
    // The older game is untouched (the proposal was copied before the answer).
    expect(lastProposal(waiting).responses.gov).toBe('pending');
    expect(w(g).log.findLast((e) => e.kind === 'move')).toMatchObject({ role: 'instructor', result: { key: 'seat.handSeat.engine' } });
  });

  it('the seat can no longer act; handed back, it can', () => {
    const g = run(waiting, hand('faction:rangers', 'engine'));
    expectRefused(g, as('faction:rangers', { type: 'spoilerAction', action: 'denunciation' }), 'refuse.role.engineSeat');
    const back = run(g, hand('faction:rangers', 'people'));
    run(back, as('faction:rangers', { type: 'spoilerAction', action: 'denunciation' }));
  });

  it('a seat the engine already plays, or no seat at all, is refused with its name', () => {
    expect(expectRefused(waiting, hand('party:union', 'engine'), 'refuse.handSeat.alreadyEngine').params).toMatchObject({ seat: 'party:union' });
    expectRefused(waiting, hand('party:gov', 'people'), 'refuse.handSeat.alreadyPeople');
    expectRefused(waiting, hand('party:nobody', 'engine'), 'refuse.handSeat.unknown');
    expectRefused(waiting, as('instructor', { type: 'handSeat', seat: 'mediator', to: 'engine' }), 'refuse.invalid');
  });

  it('only the instructor may hand a seat over', () => {
    for (const role of ['mediator', 'party:gov', 'faction:rangers'] as const)
      expectRefused(waiting, as(role, { type: 'handSeat', seat: 'party:gov', to: 'engine' }), 'refuse.role.notAllowed');
  });

  it('a save replays to the same state, the seat still with the engine', () => {
    const g = run(waiting, hand('party:gov', 'engine'), { type: 'endTurn' });
    const r = loadSave(JSON.stringify(toSave(g)), s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(stateHash(r.game)).toBe(stateHash(g));
    expect(w(r.game).handed).toEqual({ 'party:gov': 'engine' });
  });
});
