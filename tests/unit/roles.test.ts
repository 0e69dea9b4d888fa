/**
 * Roles and seats (roles.ts, rules/seats.ts, view.ts): every command names its sender; the engine
 * refuses what a role may not send, lets humans hold party, faction and outside-power seats in
 * classroom play, and shows each role only what it may know.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, viewFor } from '../../src/sim';
import type { Command, Role } from '../../src/sim/types';
import { as, calmMini, entriesOf, expectRefused, lastProposal, newGame, party, run, toAgenda, w } from '../fixtures/engine';

const s = calmMini();

describe('who may send what', () => {
  const g0 = newGame(s);
  it('an observer may send nothing', () => {
    for (const body of [
      { type: 'endTurn' },
      { type: 'caucus', party: 'gov' },
      { type: 'inject', effect: { kind: 'news' } },
      { type: 'respond', proposal: 1, accept: true },
    ]) {
      expectRefused(g0, as('observer', body), 'refuse.role.observer');
    }
  });
  it('a seat the engine holds is refused, with the role named', () => {
    const r = expectRefused(g0, as('party:gov', { type: 'gesture', cbm: 'ceasefire' }), 'refuse.role.engineSeat');
    expect(r.params).toEqual({ role: 'party:gov' });
    expectRefused(g0, as('party:union', { type: 'walkOut' }), 'refuse.role.engineSeat');
    expectRefused(g0, as('faction:rangers', { type: 'spoilerAction', action: 'leak' }), 'refuse.role.engineSeat');
    expectRefused(
      g0,
      as('external:bloc', { type: 'externalAction', effect: { kind: 'sanctions', actor: 'bloc', sanction: 'new', target: 'gov', magnitude: 10 } }),
      'refuse.role.engineSeat',
    );
  });
  it('unknown or malformed roles are refused', () => {
    for (const role of ['party:nobody', 'faction:nobody', 'external:nobody', 'king', 'Party:gov', 'party:', '', 'party:gov:extra']) {
      expectRefused(g0, as(role as Role, { type: 'endTurn' }), 'refuse.role.unknown');
    }
    const noRole = applyCommand(g0, { type: 'endTurn' } as Command);
    expect(noRole.ok || noRole.reason).toEqual({ key: 'refuse.role.unknown', params: { role: 'undefined' } });
  });
  it('each role sends only its own kind of command', () => {
    const human = newGame(s, { humanRoles: ['party:gov', 'faction:rangers', 'external:bloc'] });
    expectRefused(human, as('mediator', { type: 'inject', effect: { kind: 'news' } }), 'refuse.role.notAllowed');
    expectRefused(human, as('mediator', { type: 'respond', proposal: 1, accept: true }), 'refuse.role.notAllowed');
    expectRefused(human, as('instructor', { type: 'caucus', party: 'gov' }), 'refuse.role.notAllowed');
    expectRefused(human, as('instructor', { type: 'endTurn' }), 'refuse.role.notAllowed');
    expectRefused(human, as('party:gov', { type: 'caucus', party: 'union' }), 'refuse.role.notAllowed');
    expectRefused(human, as('party:gov', { type: 'endTurn' }), 'refuse.role.notAllowed');
    expectRefused(human, as('party:gov', { type: 'inject', effect: { kind: 'news' } }), 'refuse.role.notAllowed');
    expectRefused(human, as('party:gov', { type: 'spoilerAction', action: 'leak' }), 'refuse.role.notAllowed');
    expectRefused(human, as('faction:rangers', { type: 'gesture', cbm: 'ceasefire' }), 'refuse.role.notAllowed');
    expectRefused(human, as('external:bloc', { type: 'walkOut' }), 'refuse.role.notAllowed');
    expectRefused(human, as('mediator', { type: 'launchMissiles' }), 'refuse.unknownCommand');
  });
});

describe('a party seat held by a human answers proposals itself', () => {
  const human = ['party:gov'] as Role[];
  const atAgenda = toAgenda(newGame(s, { humanRoles: human }));
  const agenda = { type: 'proposeAgenda' as const, issues: ['autonomy', 'security', 'amnesty'] };

  it('a proposal stays pending until the human answers; the engine answers for the other seat', () => {
    const { game, entries } = entriesOf(atAgenda, agenda);
    expect(entries.find((e) => e.kind === 'move')).toMatchObject({ result: { key: 'move.proposal.pending', params: { proposal: 1 } } });
    expect(lastProposal(game)).toMatchObject({ status: 'pending', responses: { gov: 'pending', union: 'accept' } });
    expect(w(game).agenda).toBeNull();
    const answered = run(game, as('party:gov', { type: 'respond', proposal: 1, accept: true }));
    expect(lastProposal(answered)).toMatchObject({ status: 'accepted', responses: { gov: 'accept', union: 'accept' } });
    expect(w(answered).agenda).toEqual(agenda.issues);
    expectRefused(answered, as('party:gov', { type: 'respond', proposal: 1, accept: false }), 'refuse.notPending');
    // The older game is untouched by the answer (proposals are copied before they change).
    expect(lastProposal(game).status).toBe('pending');
  });
  it('a human may refuse what the engine would accept', () => {
    const game = run(atAgenda, agenda, as('party:gov', { type: 'respond', proposal: 1, accept: false }));
    expect(lastProposal(game)).toMatchObject({ status: 'rejected', reasons: { gov: { key: 'response.humanReject' } } });
    expect(w(game).agenda).toBeNull();
  });
  it('answers must name a pending proposal and say yes or no', () => {
    const game = run(atAgenda, agenda);
    expectRefused(game, as('party:gov', { type: 'respond', proposal: 99, accept: true }), 'refuse.unknownProposal');
    expectRefused(game, as('party:gov', { type: 'respond', proposal: 1, accept: 'yes' }), 'refuse.invalid');
    expectRefused(game, as('party:gov', { type: 'respond', proposal: 1 }), 'refuse.invalid');
  });
  it('the engine-held party may not answer through the human channel', () => {
    const game = run(atAgenda, agenda);
    expectRefused(game, as('party:union', { type: 'respond', proposal: 1, accept: true }), 'refuse.role.engineSeat');
  });
  it('a party may not respond for another, even when naming it', () => {
    const both = toAgenda(newGame(s, { humanRoles: ['party:gov', 'party:union'] }));
    let game = run(both, agenda);
    expect(lastProposal(game).responses).toEqual({ gov: 'pending', union: 'pending' });
    // Naming another party is an undeclared field: refused outright, never read as the sender.
    expectRefused(game, as('party:union', { type: 'respond', proposal: 1, accept: true, party: 'gov' }), 'refuse.invalid');
    game = run(game, as('party:union', { type: 'respond', proposal: 1, accept: true }));
    expect(lastProposal(game).responses).toEqual({ gov: 'pending', union: 'accept' });
    expectRefused(game, as('party:union', { type: 'respond', proposal: 1, accept: true }), 'refuse.notPending');
    game = run(game, as('party:gov', { type: 'respond', proposal: 1, accept: true }));
    expect(lastProposal(game).status).toBe('accepted');
  });
  it('a requested gesture waits for the human party alone', () => {
    const g = run(newGame(s, { humanRoles: human }), { type: 'requestCbm', party: 'gov', cbm: 'ceasefire' });
    expect(lastProposal(g)).toMatchObject({ kind: 'cbm', responses: { gov: 'pending' }, status: 'pending' });
    const granted = run(g, as('party:gov', { type: 'respond', proposal: 1, accept: true }));
    expect(party(granted, 'union').trustIn.gov).toBe(35 + 18); // a ceasefire: 6 × cost 3
  });
  it('a human party makes gestures, walks out and comes back when it chooses', () => {
    let g = newGame(s, { humanRoles: human });
    g = run(g, as('party:gov', { type: 'gesture', cbm: 'releaseForeigners' }));
    expect(party(g, 'union').trustIn.gov).toBe(35 + 12); // 6 × cost 2
    expect(party(g, 'gov').gestures).toBe(1);
    g = run(g, as('party:gov', { type: 'walkOut' }));
    expect(w(g).phase).toBe('suspended');
    expectRefused(g, as('party:gov', { type: 'walkOut' }), 'refuse.alreadyDone');
    g = run(g, { type: 'endTurn' }); // commitment 46 ≥ 35, but a human seat decides for itself
    expect(party(g, 'gov').seat).toBe('walkedOut');
    g = run(g, as('party:gov', { type: 'returnToTable' }));
    expect(party(g, 'gov').seat).toBe('atTable');
    expect(w(g).phase).toBe('exploratory');
    expectRefused(g, as('party:gov', { type: 'returnToTable' }), 'refuse.notWalkedOut');
    expectRefused(g, as('party:gov', { type: 'gesture', cbm: 'parade' }), 'refuse.invalid');
  });
});

describe('faction and outside-power seats', () => {
  const g0 = newGame(s, { humanRoles: ['faction:rangers', 'external:bloc'] });
  it('a human faction strikes when it chooses', () => {
    const g = run(g0, as('faction:rangers', { type: 'spoilerAction', action: 'denunciation' }));
    expect(w(g).factions.rangers!.strikes).toBe(1);
    expect(party(g, 'union').cohesion).toBe(50);
    expectRefused(g0, as('faction:rangers', { type: 'spoilerAction', action: 'bombing' }), 'refuse.invalid');
  });
  it('a human outside power acts only in its own name', () => {
    const g = run(g0, as('external:bloc', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'bloc', party: 'union', delta: 20 } }));
    expect(w(g).externals.bloc!.support.union).toBe(30);
    expectRefused(
      g0,
      as('external:bloc', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'estra', party: 'union', delta: 20 } }),
      'refuse.effect.notOwn',
    );
    expectRefused(g0, as('external:bloc', { type: 'externalAction', effect: { kind: 'leak' } }), 'refuse.invalid');
    expectRefused(
      g0,
      as('external:bloc', { type: 'externalAction', effect: { kind: 'sanctions', actor: 'bloc', sanction: 'new', target: 'nobody', magnitude: 10 } }),
      'refuse.unknownParty',
    );
  });
});

describe('views: each role sees what it may know', () => {
  const g = run(newGame(s), { type: 'caucus', party: 'union' });
  it('a party sees its own hidden interests, and none of the other party’s', () => {
    const v = viewFor(g, 'party:gov');
    for (const issue of v.issues) {
      const def = s.issues.find((i) => i.id === issue.id)!;
      expect(issue.known.gov).toEqual({ ideal: def.positions.gov!.ideal, weight: def.positions.gov!.weight, reservation: def.positions.gov!.reservation });
      expect(issue.known.union).toBeUndefined();
    }
    expect(v.truth).toBeUndefined();
    expect(v.injects).toBeUndefined();
    expect(v.parties.find((p) => p.id === 'union')!.intent).toBe('unknown');
    // Its own factions' types are not revealed to a party either (only the faction and the instructor know).
    expect(v.parties.flatMap((p) => p.factions).every((f) => f.spoiler === 'unknown')).toBe(true);
  });
  it('the mediator sees only what it has learned', () => {
    const v = viewFor(g, 'mediator');
    expect(v.issues.find((i) => i.id === 'autonomy')!.known).toEqual({ union: { ideal: 70, weight: 8 } });
    expect(v.issues.filter((i) => i.id !== 'autonomy').every((i) => Object.keys(i.known).length === 0)).toBe(true);
    expect(v.truth).toBeUndefined();
  });
  it('a faction knows its own spoiler type', () => {
    const v = viewFor(g, 'faction:zealots');
    const fs = v.parties.flatMap((p) => p.factions);
    expect(fs.find((f) => f.id === 'zealots')!.spoiler).toBe('none'); // calm fixture: every type none
    expect(viewFor(newGame(calmMini((x) => (x.parties[1]!.factions[2]!.spoiler = 'total'))), 'faction:zealots').parties[1]!.factions[2]!.spoiler).toBe('total');
    expect(viewFor(newGame(calmMini((x) => (x.parties[1]!.factions[2]!.spoiler = 'total'))), 'faction:rangers').parties[1]!.factions[2]!.spoiler).toBe(
      'unknown',
    );
  });
  it('an observer sees no hidden value at all', () => {
    const v = viewFor(g, 'observer');
    expect(v.issues.every((i) => Object.keys(i.known).length === 0)).toBe(true);
    expect(v.proposals).toEqual([]);
    expect(JSON.stringify(v)).not.toContain('"truth"');
  });
  it('only the instructor sees the inject list and the whole truth', () => {
    const v = viewFor(g, 'instructor');
    expect(v.injects!.map((i) => i.id)).toEqual(['tariffs', 'league-offer']);
    expect(v.truth).toBe(w(g));
    for (const role of ['mediator', 'observer', 'party:gov', 'faction:rangers', 'external:bloc'] as Role[]) {
      const json = JSON.stringify(viewFor(g, role));
      expect(json, role).not.toContain('"injects"');
      expect(json, role).not.toContain('"truth"');
    }
  });
  it("a delegation hears the other side's answers only through the mediator", () => {
    const both = ['party:gov', 'party:union'] as Role[];
    let game = run(toAgenda(newGame(s, { humanRoles: both })), { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty'] });
    game = run(game, as('party:union', { type: 'respond', proposal: 1, accept: false }));
    const gov = viewFor(game, 'party:gov');
    expect(gov.log.filter((e) => e.kind === 'response')).toEqual([]);
    expect(gov.proposals[0]!.reasons).toEqual({});
    expect(viewFor(game, 'party:union').proposals[0]!.reasons).toEqual({ union: { key: 'response.humanReject' } });
    expect(viewFor(game, 'mediator').log.filter((e) => e.kind === 'response')).toHaveLength(1);
  });
});
