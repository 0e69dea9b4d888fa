/**
 * The principles of the model, round 2 (DESIGN.md §4; src/sim/docs/MECHANICS.md, "Principles of the
 * model (round 2)"; the numbers in src/sim/rules/numbers.ts): one describe per principle, each rule
 * pinned to its documented numbers on the calm fixture (tests/fixtures/mini.yaml). The numbers are
 * written out, not imported, so that a retuned constant has to be a deliberate change here too.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, type Game } from '../../src/sim/game';
import type { Effect, World } from '../../src/sim/types';
import { acceptanceScore, positionOf } from '../../src/sim/rules/utility';
import { closeTurn } from '../../src/sim/rules/turn';
import { createWorld } from '../../src/sim/world';
import {
  calmMini,
  endTurns,
  entriesOf,
  expectRefused,
  FULL_AGENDA,
  GOOD_PACKAGE,
  inject,
  lastProposal,
  mini,
  newGame,
  nudge,
  party,
  run,
  toAgenda,
  toNegotiation,
  w,
} from '../fixtures/engine';

const s = calmMini();
const stalling = (id: 'gov' | 'union' = 'gov') => calmMini((x) => (x.parties.find((p) => p.id === id)!.intent = 'stalling'));
/** A sanctions shock by the Northern Trade Bloc (it backs the union, pressures gov). */
const sanctions = (magnitude: number, target = 'gov', actor = 'bloc'): Effect => ({ kind: 'sanctions', actor, sanction: 'new', target, magnitude });
const cbm = (party: string, kind: 'humanitarianChannel' | 'prisonerRelease' | 'releaseForeigners' | 'ceasefire'): Effect => ({ kind: 'cbm', party, cbm: kind });
/** Set a party's trust in the mediator to exactly `to` (fixture start: 44 for both). */
const trusting = (g: Game, id: string, to: number) => nudge(g, id, { trustInMediator: to - party(g, id).trustInMediator });

describe('No pump: every move has a cost, a limit or a diminishing return', () => {
  it('a second caucus with the same party in a turn gives half its gains, a third and later nothing', () => {
    const g0 = newGame(s);
    const c1 = run(g0, { type: 'caucus', party: 'union' });
    expect(party(c1, 'union')).toMatchObject({ trustInMediator: 44 + 4, commitment: 47 + 5 }); // exploratory: +4 trust, +5 commitment
    expect(party(c1, 'union').trustIn.gov).toBe(35 + 3); // the relay
    const c2 = run(c1, { type: 'caucus', party: 'union' });
    expect(party(c2, 'union')).toMatchObject({ trustInMediator: 48 + 2, commitment: 52 + 2.5 });
    expect(party(c2, 'union').trustIn.gov).toBe(38); // no relay from a repeat
    const c3 = run(c2, { type: 'caucus', party: 'union' });
    expect(party(c3, 'union')).toMatchObject({ trustInMediator: 50, commitment: 54.5 });
    expect(party(c3, 'union').trustIn.gov).toBe(38);
    // Another party's caucus in the same turn is a first caucus of its own.
    const other = run(c2, { type: 'caucus', party: 'gov' });
    expect(party(other, 'gov')).toMatchObject({ trustInMediator: 48, commitment: 51 });
    // Next turn the same door opens fully again.
    const next = run(c1, { type: 'endTurn' });
    const again = run(next, { type: 'caucus', party: 'union' });
    expect(party(again, 'union').trustInMediator).toBe(party(next, 'union').trustInMediator + 4);
    expect(party(again, 'union').commitment).toBeCloseTo(party(next, 'union').commitment + 5, 9);
  });

  it('shuttling to a party that walked out: a second visit the same turn is halved, a third is nothing, and only the first is a reason to return', () => {
    const out = inject(newGame(s), { kind: 'walkOut', party: 'gov' });
    const v1 = run(out, { type: 'caucus', party: 'gov' });
    expect(party(v1, 'gov')).toMatchObject({ commitment: 46 + 8, trustInMediator: 44 + 2, returnReasons: 1 });
    const v2 = run(v1, { type: 'caucus', party: 'gov' });
    expect(party(v2, 'gov')).toMatchObject({ commitment: 54 + 4, trustInMediator: 46 + 1, returnReasons: 1 });
    const v3 = run(v2, { type: 'caucus', party: 'gov' });
    expect(party(v3, 'gov')).toMatchObject({ commitment: 58, trustInMediator: 47, returnReasons: 1 });
  });

  it('one gesture request a turn, whatever the answer and whoever is asked', () => {
    const granted = run(trusting(newGame(s), 'gov', 45), { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' });
    expect(lastProposal(granted).status).toBe('accepted');
    const reason = expectRefused(granted, { type: 'requestCbm', party: 'union', cbm: 'prisonerRelease' }, 'refuse.limit');
    expect(reason.params).toMatchObject({ command: 'requestCbm', limit: 1 });
    expectRefused(granted, { type: 'requestCbm', party: 'gov', cbm: 'humanitarianChannel' }, 'refuse.limit');
    // A request the party refused (trust 44 < 45) was still this turn's request.
    const refused = run(newGame(s), { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' });
    expect(lastProposal(refused).status).toBe('rejected');
    expectRefused(refused, { type: 'requestCbm', party: 'union', cbm: 'prisonerRelease' }, 'refuse.limit');
    // The next turn brings the next request.
    const next = run(granted, { type: 'endTurn' }, { type: 'requestCbm', party: 'union', cbm: 'prisonerRelease' });
    expect(lastProposal(next)).toMatchObject({ kind: 'cbm', cbm: { party: 'union' } });
  });

  it('a faction already handled the right way gains nothing from the same handling again', () => {
    const g0 = newGame(mini()); // generals: gov's greedy spoiler, socialized the right way
    const once = run(g0, { type: 'engageSpoiler', faction: 'generals', approach: 'socialize' });
    expect(w(once).factions.generals).toMatchObject({ managed: true, satisfaction: 50 + 15 });
    expect(party(once, 'gov').cohesion).toBe(65 + 5);
    const { game: twice, entries } = entriesOf(once, { type: 'engageSpoiler', faction: 'generals', approach: 'socialize' });
    expect(entries[0]).toMatchObject({ result: { key: 'move.engageSpoiler.already', params: { faction: 'generals' } }, cost: 1 });
    expect(w(twice).factions.generals).toMatchObject({ managed: true, satisfaction: 65, included: true });
    expect(party(twice, 'gov').cohesion).toBe(70);
    expect(w(twice).factions.generals!.strikes).toBe(0);
  });

  it('backing moves a power +10, halved for each earlier ask (+10, +5, +2.5 …), even across turns', () => {
    let g = newGame(s); // estra: disposition 10
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      g = run(g, { type: 'engageExternal', actor: 'estra', ask: 'backing' });
      seen.push(w(g).externals.estra!.disposition);
    }
    expect(seen).toEqual([20, 25, 27.5]);
    expect(w(g).externals.estra!.backings).toBe(3);
    g = run(g, { type: 'endTurn' }); // drifts 2 back toward 10
    expect(w(g).externals.estra!.disposition).toBe(25.5);
    g = run(g, { type: 'engageExternal', actor: 'estra', ask: 'backing' });
    expect(w(g).externals.estra!.disposition).toBe(25.5 + 1.25);
  });

  it('a venue change takes the whole turn: only before any other move that turn', () => {
    const g0 = newGame(s);
    const moved = run(g0, { type: 'changeVenue', venue: 'geneva' });
    expect(w(moved)).toMatchObject({ venue: 'geneva', ap: 0 });
    const busy = run(g0, { type: 'caucus', party: 'gov' });
    expectRefused(busy, { type: 'changeVenue', venue: 'geneva' }, 'refuse.venue.wholeTurn');
    expect(w(run(busy, { type: 'endTurn' }, { type: 'changeVenue', venue: 'geneva' })).venue).toBe('geneva');
  });
});

describe('Every meter can fall', () => {
  it("recent gestures are forgotten: a party's gesture fatigue halves at each turn's close", () => {
    let g = inject(newGame(s), cbm('gov', 'prisonerRelease'));
    expect(party(g, 'gov').gestureFatigue).toBe(1);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov').gestureFatigue).toBe(0.5);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov').gestureFatigue).toBe(0.25);
  });

  it('incentives fade ×0.85 a turn (kept to a tenth) unless renewed, and never pass 20', () => {
    let g = run(newGame(s), { type: 'engageExternal', actor: 'bloc', ask: 'incentive' });
    expect(party(g, 'gov').incentive).toBe(10);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov').incentive).toBe(8.5);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov').incentive).toBe(7.2); // 7.225
    g = run(g, { type: 'engageExternal', actor: 'bloc', ask: 'incentive' });
    expect(party(g, 'gov').incentive).toBe(17.2);
    g = run(g, { type: 'engageExternal', actor: 'bloc', ask: 'incentive' });
    expect(party(g, 'gov').incentive).toBe(20);
  });

  it("outside powers' dispositions drift 2 a turn back to the scenario's", () => {
    let g = run(newGame(s), { type: 'engageExternal', actor: 'estra', ask: 'backing' });
    expect(w(g).externals.estra!.disposition).toBe(20);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      g = run(g, { type: 'endTurn' });
      seen.push(w(g).externals.estra!.disposition);
    }
    expect(seen).toEqual([18, 16, 14, 12, 10, 10]);
  });

  it("a staller's gestures fade from the others' trust: −1 a turn while its gesture fatigue is above 0.25", () => {
    const trace = (scenario: ReturnType<typeof calmMini>) => {
      let g = inject(newGame(scenario), cbm('gov', 'prisonerRelease'));
      const seen = [party(g, 'union').trustIn.gov];
      for (let i = 0; i < 3; i++) {
        g = run(g, { type: 'endTurn' });
        seen.push(party(g, 'union').trustIn.gov);
      }
      return seen;
    };
    // Fatigue 1 → 0.5 → 0.25: two turns of fading, then it holds.
    expect(trace(stalling())).toEqual([41, 40, 39, 39]);
    expect(trace(s)).toEqual([41, 41, 41, 41]);
  });

  it('conditional incentives go only to the parties the power pressures (its support < 0)', () => {
    const g = run(newGame(s), { type: 'engageExternal', actor: 'bloc', ask: 'incentive' }); // bloc: gov −10, union +10
    expect(party(g, 'gov').incentive).toBe(10);
    expect(party(g, 'union').incentive).toBe(0);
    const e = run(newGame(s), { type: 'engageExternal', actor: 'estra', ask: 'incentive' }); // estra: gov −20, union +40
    expect(party(e, 'gov').incentive).toBe(10);
    expect(party(e, 'union').incentive).toBe(0);
  });

  it('a power with no one to pressure, or no goodwill (disposition < 0), refuses an incentive', () => {
    const friendly = calmMini((x) => (x.externals.find((e) => e.id === 'estra')!.support = { union: 40, gov: 0 }));
    const { game, entries } = entriesOf(newGame(friendly), { type: 'engageExternal', actor: 'estra', ask: 'incentive' });
    expect(entries[0]).toMatchObject({ result: { key: 'move.engageExternal.refused' } });
    expect([party(game, 'gov').incentive, party(game, 'union').incentive]).toEqual([0, 0]);
    const cool = calmMini((x) => (x.externals.find((e) => e.id === 'bloc')!.disposition = -1));
    const { game: g2, entries: e2 } = entriesOf(newGame(cool), { type: 'engageExternal', actor: 'bloc', ask: 'incentive' });
    expect(e2[0]).toMatchObject({ result: { key: 'move.engageExternal.refused' } });
    expect(party(g2, 'gov').incentive).toBe(0);
  });
});

describe('Gestures are evidence, not currency', () => {
  it("a gesture raises the others' trust by 6 × its cost and their commitment by 3", () => {
    const cost = { humanitarianChannel: 1, prisonerRelease: 1, releaseForeigners: 2, ceasefire: 3 } as const;
    for (const [kind, c] of Object.entries(cost)) {
      const g = inject(newGame(s), cbm('gov', kind as keyof typeof cost));
      expect(party(g, 'union').trustIn.gov, kind).toBe(35 + 6 * c);
      expect(party(g, 'union').commitment, kind).toBe(47 + 3);
      expect(party(g, 'gov').gestures, kind).toBe(1);
    }
  });

  it("repeated gestures earn less: both divided by 1 + the party's gesture fatigue", () => {
    let g = inject(newGame(s), cbm('gov', 'prisonerRelease'));
    g = inject(g, cbm('gov', 'prisonerRelease')); // fatigue 1: ÷2
    expect(party(g, 'union').trustIn.gov).toBe(35 + 6 + 3);
    expect(party(g, 'union').commitment).toBe(47 + 3 + 1.5);
    expect(party(g, 'gov').gestureFatigue).toBe(2);
    g = run(g, { type: 'endTurn' }); // fatigue 2 → 1
    const before = party(g, 'union');
    g = inject(g, cbm('gov', 'ceasefire'));
    expect(party(g, 'union').trustIn.gov).toBe(before.trustIn.gov! + 18 / 2);
    expect(party(g, 'union').commitment).toBeCloseTo(before.commitment + 3 / 2, 9);
  });

  it("a sincere party's costly grant needs more trust: 45 + 5 × (cost − 1), and commitment ≥ 40", () => {
    const need = { humanitarianChannel: 45, prisonerRelease: 45, releaseForeigners: 50, ceasefire: 55 } as const;
    for (const [kind, trust] of Object.entries(need)) {
      const request = { type: 'requestCbm', party: 'gov', cbm: kind as keyof typeof need } as const;
      const short = lastProposal(run(trusting(newGame(s), 'gov', trust - 1), request));
      expect(short.status, `${kind} at ${trust - 1}`).toBe('rejected');
      expect(short.reasons.gov!.key, kind).toBe(trust > 45 ? 'response.cbm.costly' : 'response.cbm.refused');
      const enough = lastProposal(run(trusting(newGame(s), 'gov', trust), request));
      expect(enough.status, `${kind} at ${trust}`).toBe('accepted');
      const uncommitted = nudge(trusting(newGame(s), 'gov', trust), 'gov', { commitment: 39 - 46 });
      expect(lastProposal(run(uncommitted, request)).status, `${kind} at commitment 39`).toBe('rejected');
    }
  });

  it('a staller grants a cheap request at trust ≥ 35 and refuses any costly one, however it trusts the mediator: the test of sincerity', () => {
    const st = stalling();
    const ask = (trust: number, kind: 'prisonerRelease' | 'releaseForeigners' | 'ceasefire') =>
      run(trusting(newGame(st), 'gov', trust), { type: 'requestCbm', party: 'gov', cbm: kind });
    expect(lastProposal(ask(35, 'prisonerRelease')).status).toBe('accepted');
    expect(lastProposal(ask(34, 'prisonerRelease'))).toMatchObject({ status: 'rejected', reasons: { gov: { key: 'response.cbm.refused' } } });
    for (const kind of ['releaseForeigners', 'ceasefire'] as const) {
      const g = ask(90, kind);
      expect(lastProposal(g), kind).toMatchObject({ status: 'rejected', reasons: { gov: { key: 'response.cbm.costly' } } });
      expect(party(g, 'union').trustIn.gov).toBe(35);
      // A sincere party as trusting grants it.
      expect(lastProposal(run(trusting(newGame(s), 'gov', 90), { type: 'requestCbm', party: 'gov', cbm: kind })).status, kind).toBe('accepted');
    }
  });
});

describe('Shocks act through the parties’ politics', () => {
  it("the target's BATNA −m/4, commitment −m unprepared, cohesion −0.3m, hardliners −m/2, and distrust of the sanctioner's friends −m/2", () => {
    const g0 = nudge(newGame(s), 'gov', { commitment: 40 }); // 86: it stays
    const g = inject(g0, sanctions(20));
    expect(party(g, 'gov')).toMatchObject({ batna: 50.5 - 5, commitment: 86 - 20, cohesion: 65 - 6, seat: 'atTable' });
    expect(w(g).factions.generals!.satisfaction).toBe(50 - 10); // hardline
    expect(w(g).factions.cabinet!.satisfaction).toBe(55); // moderate
    expect(party(g, 'gov').trustIn.union).toBe(35 - 10); // the Bloc backs the union
    expect(party(g, 'union')).toMatchObject({ commitment: 47, cohesion: 60, trustIn: { gov: 35 } });
  });

  it("the target's other patrons offset it: each raises its support by m/4", () => {
    const g0 = newGame(s);
    const g = inject(g0, sanctions(12, 'union', 'rogue')); // the union's patrons: Estra (40), the Bloc (10)
    expect(w(g).externals.estra!.support.union).toBe(43);
    expect(w(g).externals.bloc!.support.union).toBe(13);
    expect(w(g).externals.league!.support.union).toBe(0); // not a patron
    expect(w(g).externals.rogue!.support.union).toBeUndefined(); // the sanctioner does not offset itself
    // BATNA: 35 + 0.15 × (43 + 13) − 12/4 = 40.4 (42.5 before).
    expect(party(g0, 'union').batna).toBe(42.5);
    expect(party(g, 'union').batna).toBeCloseTo(40.4, 6);
  });

  it('face saved: a caucus with the target this turn or the last turns −m into −0.6m', () => {
    const drop = (g: Game) => party(g, 'gov').commitment - party(inject(g, sanctions(10)), 'gov').commitment;
    const met = run(newGame(s), { type: 'caucus', party: 'gov' });
    expect(drop(met)).toBeCloseTo(6, 9);
    expect(drop(run(met, { type: 'endTurn' }))).toBeCloseTo(6, 9);
    expect(drop(endTurns(met, 2))).toBeCloseTo(10, 9);
    expect(drop(run(newGame(s), { type: 'caucus', party: 'union' }))).toBeCloseTo(10, 9); // the other side's caucus saves no face
    expect(drop(newGame(s))).toBeCloseTo(10, 9);
  });

  it('at a venue near the principals the loss of face is ×0.8 (×0.48 with a recent caucus)', () => {
    const near = run(inject(newGame(s), { kind: 'venueOffer', venue: 'portadra' }), { type: 'changeVenue', venue: 'portadra' }, { type: 'endTurn' });
    const drop = (g: Game) => party(g, 'gov').commitment - party(inject(g, sanctions(10)), 'gov').commitment;
    expect(drop(near)).toBeCloseTo(8, 9);
    expect(drop(run(near, { type: 'caucus', party: 'gov' }))).toBeCloseTo(4.8, 9);
    const far = run(newGame(s), { type: 'changeVenue', venue: 'geneva' }, { type: 'endTurn' });
    expect(drop(far)).toBeCloseTo(10, 9);
  });

  it('an unprepared shock (magnitude ≥ 10) hands a stalling target its pretext, however committed; a sincere one stays', () => {
    const hit = (scenario: ReturnType<typeof calmMini>, m = 10) => inject(nudge(newGame(scenario), 'gov', { commitment: 40 }), sanctions(m));
    const st = hit(stalling());
    expect(party(st, 'gov')).toMatchObject({ seat: 'walkedOut', pretext: true, commitment: 76 });
    expect(w(st).phase).toBe('suspended');
    const sincere = hit(s);
    expect(party(sincere, 'gov')).toMatchObject({ seat: 'atTable', pretext: false, commitment: 76 });
    // A token listing (magnitude 9) is no pretext: the staller stays.
    expect(party(hit(stalling(), 9), 'gov')).toMatchObject({ seat: 'atTable', pretext: false, commitment: 77 });
  });

  it('prepared for (restraint obtained from the sanctioner in advance), the shock is only pressure: no pretext', () => {
    let g = nudge(newGame(stalling()), 'gov', { commitment: 40 });
    // Restraint is a chance roll: ask until the sanctioner agrees (each ask costs a point, so end turns between).
    for (let i = 0; i < 12 && !w(g).externals.bloc!.restraint; i++) {
      const r = applyCommand(g, { type: 'engageExternal', actor: 'bloc', ask: 'restraint', role: 'mediator' });
      g = r.ok ? r.game : g;
      if (!w(g).externals.bloc!.restraint) g = run(g, { type: 'endTurn' });
    }
    expect(w(g).externals.bloc!.restraint).toBe(true);
    g = inject(g, sanctions(10));
    expect(party(g, 'gov')).toMatchObject({ seat: 'atTable', pretext: false });
  });
});

describe('Walking out has a way back that the mediator must build', () => {
  it('no return without a reason, however committed; a shuttle caucus is a reason', () => {
    let g = nudge(inject(newGame(s), { kind: 'walkOut', party: 'gov' }), 'gov', { commitment: 50 }); // 96
    g = endTurns(g, 2);
    expect(party(g, 'gov').seat).toBe('walkedOut');
    expect(w(g).phase).toBe('suspended');
    g = run(g, { type: 'caucus', party: 'gov' });
    expect(party(g, 'gov').returnReasons).toBe(1);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov')).toMatchObject({ seat: 'atTable', returnReasons: 0 });
    expect(w(g).phase).toBe('exploratory');
    expect(w(g).log.some((e) => e.kind === 'event' && e.result.key === 'event.party.returns')).toBe(true);
  });

  it('a gesture by the other side is a reason', () => {
    let g = inject(newGame(s), { kind: 'walkOut', party: 'gov' });
    g = run(trusting(g, 'union', 45), { type: 'requestCbm', party: 'union', cbm: 'prisonerRelease' });
    expect(lastProposal(g).status).toBe('accepted');
    expect(party(g, 'gov').returnReasons).toBe(1);
    g = run(g, { type: 'endTurn' });
    expect(party(g, 'gov').seat).toBe('atTable');
  });

  it('a push from its patron (backing asked of a power that supports it) is a reason; backing from another power is not', () => {
    const out = inject(newGame(s), { kind: 'walkOut', party: 'union' });
    const pushed = run(out, { type: 'engageExternal', actor: 'estra', ask: 'backing' }); // estra supports the union (+40)
    expect(party(pushed, 'union').returnReasons).toBe(1);
    expect(party(run(pushed, { type: 'endTurn' }), 'union').seat).toBe('atTable');
    const neutral = run(out, { type: 'engageExternal', actor: 'league', ask: 'backing' }); // support 0
    expect(party(neutral, 'union').returnReasons).toBe(0);
    expect(party(run(neutral, { type: 'endTurn' }), 'union').seat).toBe('walkedOut');
    // Estra pressures gov: its backing is no reason for gov to come back.
    const govOut = run(inject(newGame(s), { kind: 'walkOut', party: 'gov' }), { type: 'engageExternal', actor: 'estra', ask: 'backing' });
    expect(party(govOut, 'gov').returnReasons).toBe(0);
  });

  it('after a pretext it takes three reasons (one shuttle a turn counts)', () => {
    let g = inject(nudge(newGame(stalling()), 'gov', { commitment: 40 }), sanctions(10));
    expect(party(g, 'gov')).toMatchObject({ seat: 'walkedOut', pretext: true });
    g = run(g, { type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'gov' }, { type: 'endTurn' });
    expect(party(g, 'gov')).toMatchObject({ seat: 'walkedOut', returnReasons: 1 });
    g = run(g, { type: 'caucus', party: 'gov' }, { type: 'endTurn' });
    expect(party(g, 'gov')).toMatchObject({ seat: 'walkedOut', returnReasons: 2 });
    g = run(g, { type: 'caucus', party: 'gov' }, { type: 'endTurn' });
    expect(party(g, 'gov')).toMatchObject({ seat: 'atTable', returnReasons: 0, pretext: false });
    expect(w(g).phase).toBe('exploratory');
  });
});

describe('Stalling has consequences', () => {
  it("each turn of negotiation with no accepted proposal, a staller's sincere counterparts lose 1 cohesion and 1 commitment", () => {
    const g0 = toNegotiation(newGame(stalling()));
    expect(w(g0).phase).toBe('negotiation');
    const u = party(g0, 'union');
    const g = run(g0, { type: 'endTurn' });
    expect(party(g, 'union').cohesion).toBe(u.cohesion - 1);
    expect(party(g, 'union').commitment).toBeCloseTo(u.commitment - 1 + (55 - u.batna) * 0.06, 9); // with ripeness
    expect(party(g, 'gov').cohesion).toBe(party(g0, 'gov').cohesion); // the staller pays nothing
    // The same turn with a sincere government costs the union nothing.
    const sincere = toNegotiation(newGame(s));
    expect(party(run(sincere, { type: 'endTurn' }), 'union').cohesion).toBe(party(sincere, 'union').cohesion);
  });

  it('a turn with an accepted formula takes no toll; nor does a turn outside negotiation (agenda, agreements)', () => {
    const g0 = toNegotiation(newGame(stalling()));
    const agreed = run(g0, { type: 'proposeFormula', issue: 'revenue', value: 40 });
    expect(lastProposal(agreed).status).toBe('accepted');
    expect(party(run(agreed, { type: 'endTurn' }), 'union').cohesion).toBe(party(agreed, 'union').cohesion);
    const atAgenda = toAgenda(newGame(stalling()));
    expect(party(run(atAgenda, { type: 'endTurn' }), 'union').cohesion).toBe(party(atAgenda, 'union').cohesion);
    // A package the staller accepts (it trusts the mediator more), then on to the agreements phase.
    let g = run(nudge(g0, 'gov', { trustInMediator: 40 }), { type: 'proposePackage', terms: GOOD_PACKAGE }, { type: 'endTurn' }, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('agreements');
    const before = party(g, 'union').cohesion;
    g = run(g, { type: 'endTurn' }); // nothing agreed this turn
    expect(w(g).phase).toBe('agreements');
    expect(party(g, 'union').cohesion).toBe(before);
  });

  it("a stalling signatory's compliance is 10 lower", () => {
    // The same world (same seed, same dice) in monitoring, but for the government's intent.
    const closed = (scenario: ReturnType<typeof calmMini>): World => {
      const world = createWorld(scenario, { seed: 7, difficulty: 'standard', humanRoles: [] });
      world.phase = 'monitoring';
      closeTurn(scenario, world);
      return world;
    };
    const sincere = closed(s);
    const st = closed(stalling());
    expect(st.compliance.gov).toBe(sincere.compliance.gov! - 10);
    expect(st.compliance.union).toBe(sincere.compliance.union);
  });
});

describe('Confidentiality buys flexibility', () => {
  it('acceptance scores +4 while the talks are confidential, 0 once acknowledged, −4 once leaked', () => {
    const base = w(toNegotiation(newGame(s)));
    expect(base.visibility).toBe('confidential');
    const terms = { revenue: 48 };
    const at = (visibility: World['visibility']) => acceptanceScore(s, { ...structuredClone(base), visibility }, 'gov', terms);
    expect(at('confidential') - at('acknowledged')).toBeCloseTo(4, 9);
    expect(at('leaked') - at('acknowledged')).toBeCloseTo(-4, 9);
  });

  it('the same formula passes in confidence and fails once the talks are public', () => {
    const start = toNegotiation(newGame(s));
    const formula = { type: 'proposeFormula', issue: 'revenue', value: 48 } as const;
    expect(lastProposal(run(start, formula)).responses.gov).toBe('accept');
    const publicTalks = run(start, { type: 'publicStatement', tone: 'sober' }, formula); // +1 trust, but no longer confidential
    expect(w(publicTalks).visibility).toBe('acknowledged');
    expect(lastProposal(publicTalks).reasons.gov).toEqual({ key: 'response.notEnough' });
  });
});

describe("Interests can be reconstructed: red lines widen within the issue's flex", () => {
  const reservation = (g: Game, issue: string, id: string) => positionOf(s, issue, id, w(g))!.reservation;

  it('reframing widens every red line on the issue by a third of its flex (default 10 → 3), away from each ideal', () => {
    const g = run(newGame(s), { type: 'reframe', issue: 'security' });
    expect(w(g).issues.security!.give).toBe(3);
    expect(reservation(g, 'security', 'gov')).toBe(40 - 3); // ideal 75: the line moves down
    expect(reservation(g, 'security', 'union')).toBe(65 + 3); // ideal 30: the line moves up
    expect(reservation(g, 'revenue', 'gov')).toBe(60); // other issues keep theirs
    // Reframing reveals weights, not red lines.
    expect(w(g).knowledge.interests.gov!.security).toEqual({ weight: 8 });
  });

  it('a technical commission widens by two thirds (7), after a reframe up to the flex (3 + 6.67 → 10), and reveals the widened lines', () => {
    const g0 = toNegotiation(newGame(s)); // amnesty was reframed on the way: give 3
    expect(w(g0).issues.amnesty!.give).toBe(3);
    const g = run(g0, { type: 'technicalCommission', issue: 'amnesty' });
    expect(w(g).issues.amnesty!.give).toBe(10);
    expect(w(g).knowledge.interests.gov!.amnesty).toMatchObject({ reservation: 70 + 10 });
    expect(w(g).knowledge.interests.union!.amnesty).toMatchObject({ reservation: 50 - 10 });
    const fresh = run(g0, { type: 'technicalCommission', issue: 'revenue' });
    expect(w(fresh).issues.revenue!.give).toBe(7);
    expect(w(fresh).knowledge.interests.gov!.revenue).toMatchObject({ reservation: 60 + 7 });
  });

  it('never more than the flex the scenario sets', () => {
    const set = (flex: number) =>
      calmMini((x) => {
        x.issues.find((i) => i.id === 'revenue')!.flex = flex;
      });
    const both = (scenario: ReturnType<typeof calmMini>) =>
      run(toNegotiation(newGame(scenario)), { type: 'reframe', issue: 'revenue' }, { type: 'technicalCommission', issue: 'revenue' });
    expect(w(both(set(0))).issues.revenue!.give).toBe(0);
    expect(w(both(set(0))).knowledge.interests.gov!.revenue).toMatchObject({ reservation: 60 });
    // 1.5: the reframe gives round(0.5) = 1, the commission round(1 + 1) = 2, held to 1.5.
    expect(w(both(set(1.5))).issues.revenue!.give).toBe(1.5);
    expect(w(both(set(30))).issues.revenue!.give).toBe(30);
  });

  it('proposals are judged against the widened red lines', () => {
    const start = toNegotiation(newGame(s));
    const past = { type: 'proposeFormula', issue: 'revenue', value: 62 } as const; // past gov's red line (60)
    expect(lastProposal(run(start, past)).reasons.gov).toMatchObject({ key: 'response.redLine', params: { ids: 'revenue' } });
    const widened = run(start, { type: 'technicalCommission', issue: 'revenue' }, past); // gov's line now 67
    expect(lastProposal(widened).reasons.gov).toEqual({ key: 'response.notEnough' });
  });
});

describe('Guarantees widen zones of agreement, within the flex', () => {
  // The Coastal League vouches (leverage: guarantees; support 0 for both); core issues: security (gov), autonomy and amnesty (union).
  const guarantee = { type: 'engageExternal', actor: 'league', ask: 'guarantee' } as const;
  const line = (g: Game, issue: string, id: string, scenario = s) => positionOf(scenario, issue, id, w(g))!.reservation;

  it("widens each reassured party's red lines on its core issues by a third of the flex (3), away from its ideal; other issues keep theirs", () => {
    const g = run(newGame(s), guarantee);
    expect(line(g, 'security', 'gov')).toBe(40 - 3); // gov's core issue; ideal 75
    expect(line(g, 'autonomy', 'union')).toBe(40 - 3); // union's core issues; ideals 70 and 80
    expect(line(g, 'amnesty', 'union')).toBe(50 - 3);
    expect(line(g, 'security', 'union')).toBe(65); // not the union's core issue
    expect(line(g, 'revenue', 'gov')).toBe(60); // nobody's core issue
    expect(w(g).issues.security!.give).toBe(0); // the widening is the reassured party's, not everyone's
  });

  it('a power reassures only the parties it does not work against (support ≥ −10)', () => {
    const partial = calmMini((x) => (x.externals.find((e) => e.id === 'league')!.support = { gov: -20, union: 0 }));
    const g = run(newGame(partial), guarantee);
    expect(line(g, 'security', 'gov', partial)).toBe(40);
    expect(line(g, 'autonomy', 'union', partial)).toBe(37);
    // A support shift at the turn's close takes the reassurance away with it.
    const shifted = run(inject(run(newGame(s), guarantee), { kind: 'supportShift', actor: 'league', party: 'gov', delta: -25 }), { type: 'endTurn' });
    expect(line(shifted, 'security', 'gov')).toBe(40);
    expect(line(shifted, 'autonomy', 'union')).toBe(37);
  });

  it('no pump: a second guarantor or a second ask adds nothing, and with reframing and a commission the line never passes the flex', () => {
    const twoGuarantors = calmMini((x) => (x.externals.find((e) => e.id === 'bloc')!.leverage = ['sanctions', 'money', 'guarantees']));
    const g = run(newGame(twoGuarantors), guarantee, guarantee, { type: 'engageExternal', actor: 'bloc', ask: 'guarantee' });
    expect(line(g, 'autonomy', 'union', twoGuarantors)).toBe(37);
    const full = run(toNegotiation(newGame(s)), { type: 'technicalCommission', issue: 'amnesty' }, guarantee); // give 10 already
    expect(line(full, 'amnesty', 'union')).toBe(50 - 10); // the flex (10), no more
  });

  it('a red line the mediator knows moves with the guarantee, and proposals are judged against it', () => {
    const studied = run(toNegotiation(newGame(s)), { type: 'technicalCommission', issue: 'security' }, { type: 'endTurn' }); // gov's line 40 → 33
    const g = run(studied, guarantee);
    expect(w(g).knowledge.interests.gov!.security).toMatchObject({ reservation: 30 });
    expect(w(studied).knowledge.interests.gov!.security).toMatchObject({ reservation: 33 }); // the earlier game is untouched
    const past = { type: 'proposeFormula', issue: 'security', value: 31 } as const; // past gov's line without the guarantee
    expect(lastProposal(run(studied, past)).reasons.gov).toMatchObject({ key: 'response.redLine', params: { ids: 'security' } });
    expect(lastProposal(run(g, past)).reasons.gov).not.toMatchObject({ key: 'response.redLine' });
  });

  it('a power without guarantees or mediation to offer cannot give one', () => {
    const g = run(newGame(s), { type: 'engageExternal', actor: 'estra', ask: 'guarantee' });
    expect(w(g).log.at(-1)).toMatchObject({ result: { key: 'move.engageExternal.refused', params: { why: 'noLeverage' } } });
    expect(line(g, 'autonomy', 'union')).toBe(40);
  });
});

describe('Shuttle diplomacy carries intentions', () => {
  it("a caucus (the first with that party in a turn, trust ≥ 35) raises the party's trust in the others by 3", () => {
    const g = run(newGame(s), { type: 'caucus', party: 'gov' });
    expect(party(g, 'gov').trustIn.union).toBe(35 + 3);
    expect(party(g, 'union').trustIn.gov).toBe(35); // only the party met
    expect(party(run(g, { type: 'caucus', party: 'gov' }), 'gov').trustIn.union).toBe(38); // not again this turn
    // At exactly 35 after the caucus it relays; below, the party is guarded and relays nothing.
    expect(party(run(trusting(newGame(s), 'gov', 31), { type: 'caucus', party: 'gov' }), 'gov').trustIn.union).toBe(38);
    expect(party(run(trusting(newGame(s), 'gov', 30), { type: 'caucus', party: 'gov' }), 'gov').trustIn.union).toBe(35);
  });
});

describe('A refusal says more to a trusted mediator', () => {
  const start = toNegotiation(newGame(s)); // gov: trust 48
  const refusal = (trust: number) => lastProposal(run(trusting(start, 'gov', trust), { type: 'proposeFormula', issue: 'revenue', value: 52 })).reasons.gov;

  it('below 50 the party only says the terms are not enough', () => {
    expect(refusal(48)).toEqual({ key: 'response.notEnough' });
    expect(refusal(49)).toEqual({ key: 'response.notEnough' });
  });
  it('at 50 it names the issue that holds it back', () => {
    expect(refusal(50)).toEqual({ key: 'response.notEnough.issue', params: { issue: 'revenue' } });
    expect(refusal(64)).toEqual({ key: 'response.notEnough.issue', params: { issue: 'revenue' } });
  });
  it('at 65 it also says roughly how far short the terms fall', () => {
    // Score at trust 65: 36.3 against the formula threshold 40 → about 4 short.
    expect(refusal(65)).toEqual({ key: 'response.notEnough.distance', params: { issue: 'revenue', short: 4 } });
  });
  it('in a package, the issue named is the one furthest from what the party can live with', () => {
    // gov gets its ideal on three issues and its red line on security (weight 8); with a BATNA of 100 it refuses.
    const g = nudge(trusting(start, 'gov', 50), 'gov', { batna: 100 - party(start, 'gov').batna });
    const p = lastProposal(run(g, { type: 'proposePackage', terms: { autonomy: 25, security: 40, revenue: 30, amnesty: 40 } }));
    expect(p.reasons.gov).toEqual({ key: 'response.notEnough.issue', params: { issue: 'security' } });
  });
});

describe('Success unites', () => {
  it('an agreed agenda raises each party’s cohesion by 2', () => {
    const g0 = toAgenda(newGame(s));
    const g = run(g0, { type: 'proposeAgenda', issues: FULL_AGENDA });
    expect(lastProposal(g).status).toBe('accepted');
    expect([party(g, 'gov').cohesion, party(g, 'union').cohesion]).toEqual([party(g0, 'gov').cohesion + 2, party(g0, 'union').cohesion + 2]);
  });
  it('an agreed formula by 2, a package by 4; a refused proposal by nothing', () => {
    const g0 = toNegotiation(newGame(s));
    const cohesion = (g: Game) => [party(g, 'gov').cohesion, party(g, 'union').cohesion];
    const [gov, union] = cohesion(g0);
    const formula = run(g0, { type: 'proposeFormula', issue: 'revenue', value: 45 });
    expect(lastProposal(formula).status).toBe('accepted');
    expect(cohesion(formula)).toEqual([gov! + 2, union! + 2]);
    const pkg = run(g0, { type: 'proposePackage', terms: GOOD_PACKAGE });
    expect(lastProposal(pkg).status).toBe('accepted');
    expect(cohesion(pkg)).toEqual([gov! + 4, union! + 4]);
    const refused = run(g0, { type: 'proposeFormula', issue: 'revenue', value: 55 });
    expect(lastProposal(refused).status).toBe('rejected');
    expect(cohesion(refused)).toEqual([gov, union]);
  });
});
