/**
 * The process statechart through the engine's front door (game.ts, machine.ts): refusals that
 * change nothing, suspension and return through the history state, the ways a process ends,
 * a stalling party's facade, and the instructor's injects.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, isOver, regions, stateHash, viewFor, whyRefused } from '../../src/sim';
import type { Command, InjectDef, MediatorCommand } from '../../src/sim/types';
import {
  as,
  calmMini,
  endTurns,
  expectRefused,
  inject,
  newGame,
  nudge,
  party,
  run,
  toAgenda,
  toAgreements,
  toMonitoring,
  toNegotiation,
  GOOD_PACKAGE,
  w,
} from '../fixtures/engine';

const s = calmMini();

describe('illegal moves are refused with a reason and change nothing', () => {
  const g0 = newGame(s);
  it('wrong phase', () => {
    expectRefused(g0, { type: 'proposeFormula', issue: 'revenue', value: 45 }, 'refuse.phase');
    expectRefused(g0, { type: 'proposeAgenda', issues: ['autonomy'] }, 'refuse.phase');
    expectRefused(g0, { type: 'proposePackage', terms: { autonomy: 1, revenue: 2 } }, 'refuse.phase');
    expectRefused(g0, { type: 'technicalCommission', issue: 'revenue' }, 'refuse.phase');
    const monitoring = toMonitoring(newGame(s));
    expectRefused(monitoring, { type: 'proposeNextPhase' }, 'refuse.nextPhase.monitoring');
    expectRefused(monitoring, { type: 'reframe', issue: 'revenue' }, 'refuse.phase');
  });
  it('unknown target', () => {
    expectRefused(g0, { type: 'caucus', party: 'nobody' }, 'refuse.unknownParty');
    expectRefused(g0, { type: 'requestCbm', party: 'nobody', cbm: 'ceasefire' }, 'refuse.unknownParty');
    expectRefused(g0, { type: 'engageExternal', actor: 'mars', ask: 'backing' }, 'refuse.unknownActor');
    expectRefused(g0, { type: 'engageSpoiler', faction: 'ghosts', approach: 'induce' }, 'refuse.unknownFaction');
    expectRefused(g0, { type: 'reframe', issue: 'weather' }, 'refuse.unknownIssue');
    expectRefused(g0, { type: 'requestCbm', party: 'gov', cbm: 'parade' as never }, 'refuse.invalid');
    expectRefused(g0, { type: 'engageExternal', actor: 'bloc', ask: 'money' as never }, 'refuse.invalid');
    expectRefused(g0, { type: 'engageSpoiler', faction: 'rangers', approach: 'bribe' as never }, 'refuse.invalid');
  });
  it('not enough action points', () => {
    const spent = run(g0, { type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'union' }, { type: 'caucus', party: 'gov' });
    expect(w(spent).ap).toBe(0);
    const reason = expectRefused(spent, { type: 'caucus', party: 'union' }, 'refuse.ap');
    expect(reason.params).toEqual({ need: 1, have: 0 });
    // Free moves remain possible; the turn can always be ended.
    expect(w(run(spent, { type: 'readBriefing' })).knowledge.briefing).toBe(true);
    expect(w(run(spent, { type: 'endTurn' })).ap).toBe(3);
    const one = run(toAgenda(newGame(s)), { type: 'caucus', party: 'gov' });
    expect(w(one).ap).toBe(1);
    expectRefused(one, { type: 'jointSession' }, 'refuse.ap');
  });
  it('game over: every command is refused, from every role', () => {
    const over = endTurns(newGame(s), s.turnLimit);
    expect(isOver(over)).toBe(true);
    expectRefused(over, { type: 'endTurn' }, 'refuse.over');
    expectRefused(over, { type: 'caucus', party: 'gov' }, 'refuse.over');
    expectRefused(over, as('instructor', { type: 'inject', effect: { kind: 'news' } }), 'refuse.over');
  });
  it('malformed commands: not an object, no type, wrong field types', () => {
    for (const junk of [null, undefined, 42, 'endTurn', [], {}, { role: 'mediator' }, { type: 7, role: 'mediator' }]) {
      const r = applyCommand(g0, junk as unknown as Command);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.key).toMatch(/^refuse\./);
      expect(r.game).toBe(g0);
    }
    expect(whyRefused(g0, null as unknown as Command)?.key).toBe('refuse.malformed');
    expect(whyRefused(g0, { type: 'proposePackage', terms: 5, role: 'mediator' } as unknown as Command)?.key).toMatch(/^refuse\./);
    expect(whyRefused(toAgenda(newGame(s)), { type: 'proposeAgenda', issues: 'autonomy', role: 'mediator' } as unknown as Command)?.key).toBe('refuse.invalid');
  });
  it('a refused command is not added to the command log; an accepted one is', () => {
    const r = applyCommand(g0, { type: 'caucus', party: 'nobody', role: 'mediator' } as Command);
    expect(r.game.commands).toHaveLength(0);
    const ok = applyCommand(g0, { type: 'caucus', party: 'gov', role: 'mediator' });
    expect(ok.ok && ok.game.commands).toEqual([{ type: 'caucus', party: 'gov', role: 'mediator' }]);
    // The original game is untouched: games are values.
    expect(g0.commands).toHaveLength(0);
    expect(party(g0, 'gov').trustInMediator).toBe(44);
  });
});

describe('phases advance only when their exit criteria hold', () => {
  it('exploratory → agenda needs every party committed and trusting enough', () => {
    const g0 = newGame(s);
    const early = run(g0, { type: 'proposeNextPhase' });
    expect(w(early).phase).toBe('exploratory');
    const half = run(g0, { type: 'caucus', party: 'gov' }, { type: 'proposeNextPhase' });
    expect(w(half).phase).toBe('exploratory');
    expect(
      viewFor(half, 'mediator')
        .criteria.filter((c) => !c.met)
        .map((c) => c.msg.params?.party),
    ).toEqual(['Arden Union', 'Arden Union']);
    expect(w(toAgenda(g0)).phaseEntered.agenda).toBe(2);
  });
  it('negotiation → agreements needs a formula accepted by all on every agenda item', () => {
    let g = toNegotiation(newGame(s));
    g = run(g, { type: 'proposeFormula', issue: 'revenue', value: 45 }, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('negotiation');
    g = run(g, { type: 'endTurn' }, { type: 'proposePackage', terms: GOOD_PACKAGE }, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('agreements');
  });
  it('agreements → monitoring needs every signature, and signatures need direct talks', () => {
    let g = toAgreements(newGame(s));
    g = run(g, { type: 'proposeNextPhase' }); // still pendular
    expect(w(g).phase).toBe('agreements');
    expect(w(g).proposals.at(-1)!.reasons).toEqual({ gov: { key: 'response.signing.notDirect' }, union: { key: 'response.signing.notDirect' } });
    g = run(g, { type: 'endTurn' }, { type: 'jointSession' }, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('monitoring');
    expect(w(g).signatures).toEqual({ gov: true, union: true });
  });
  it('a divided party cannot sign (cohesion below the signing need)', () => {
    let g = run(toAgreements(newGame(s)), { type: 'jointSession' }, { type: 'endTurn' });
    expect(party(g, 'union').cohesion).toBe(60 + 2 + 4); // success unites: the agenda (+2) and the package (+4)
    g = nudge(g, 'union', { cohesion: -21 }); // 66 → 45 < 50
    g = run(g, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('agreements');
    expect(w(g).proposals.at(-1)!.reasons.union).toEqual({ key: 'response.signing.cohesion' });
    expect(w(g).signatures).toEqual({ gov: true, union: false });
  });
  it('near the principals, a less cohesive party can still sign (need −10)', () => {
    let g = run(toAgreements(newGame(s)), { type: 'jointSession' }, { type: 'endTurn' });
    g = run(inject(g, { kind: 'venueOffer', venue: 'portadra' }), { type: 'changeVenue', venue: 'portadra' }, { type: 'endTurn' });
    expect(party(g, 'union').cohesion).toBe(66);
    g = nudge(g, 'union', { cohesion: -21 }); // 45 ≥ 50 − 10, though < 50
    g = run(g, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('monitoring');
  });
});

describe('suspension: a walk-out suspends the process; the return resumes the phase it left', () => {
  it('returns to the agenda phase, not to the start (history state)', () => {
    const atAgenda = toAgenda(newGame(s));
    let g = inject(atAgenda, { kind: 'walkOut', party: 'union' });
    expect(w(g).phase).toBe('suspended');
    expect(regions(g).phase).toBe('suspended');
    expect(w(g).resumePhase).toBe('agenda');
    expect(viewFor(g, 'mediator').resumePhase).toBe('agenda');
    // Proposals wait; talking to the one who left does not.
    expectRefused(g, { type: 'proposeAgenda', issues: ['autonomy'] }, 'refuse.suspended');
    expectRefused(g, { type: 'proposeNextPhase' }, 'refuse.suspended');
    expectRefused(g, { type: 'jointSession' }, 'refuse.suspended');
    expectRefused(g, { type: 'requestCbm', party: 'union', cbm: 'ceasefire' }, 'refuse.walkedOut');
    g = run(g, { type: 'caucus', party: 'union' }, { type: 'endTurn' }); // commitment ≥ 35: it comes back
    expect(party(g, 'union').seat).toBe('atTable');
    expect(w(g).phase).toBe('agenda');
    expect(regions(g).phase).toBe('agenda');
    expect(w(g).resumePhase).toBeNull();
    const phases = w(g)
      .log.filter((e) => e.kind === 'phase')
      .map((e) => e.kind === 'phase' && `${e.from}>${e.to}`);
    expect(phases).toEqual(['exploratory>agenda', 'agenda>suspended', 'suspended>agenda']);
  });
  it('keeps the work done: the agenda and formulas survive a suspension in negotiation', () => {
    let g = run(toNegotiation(newGame(s)), { type: 'proposeFormula', issue: 'revenue', value: 45 });
    g = inject(g, { kind: 'walkOut', party: 'gov' });
    expect(w(g).resumePhase).toBe('negotiation');
    g = run(g, { type: 'caucus', party: 'gov' }, { type: 'endTurn' }); // a shuttle visit: its reason to return
    expect(w(g).phase).toBe('negotiation');
    expect(w(g).agenda).toHaveLength(4);
    expect(w(g).issues.revenue!.formula).toMatchObject({ value: 45, acceptedBy: ['gov', 'union'] });
  });
  it('a party with too little commitment stays away; suspended longer than allowed → collapsed', () => {
    let g = nudge(inject(newGame(s), { kind: 'walkOut', party: 'gov' }), 'gov', { commitment: -20 }); // 26
    // A shuttle visit gives it a reason to return (+8 commitment), but 34 < 35 is too little.
    g = run(g, { type: 'caucus', party: 'gov' });
    expect(party(g, 'gov')).toMatchObject({ commitment: 34, returnReasons: 1 });
    g = endTurns(g, s.thresholds.suspendedMaxTurns);
    expect(party(g, 'gov').seat).toBe('walkedOut');
    expect(w(g).phase).toBe('suspended');
    expect(w(g).suspendedTurns).toBe(s.thresholds.suspendedMaxTurns);
    g = run(g, { type: 'endTurn' });
    expect(w(g).phase).toBe('collapsed');
    expect(regions(g).phase).toBe('collapsed');
    expect(isOver(g)).toBe(true);
  });
  it('everyone walked out → collapsed at once', () => {
    const g = inject(inject(newGame(s), { kind: 'walkOut', party: 'gov' }), { kind: 'walkOut', party: 'union' });
    expect(w(g).phase).toBe('collapsed');
  });
});

describe('how a process ends', () => {
  it('the turn limit without a signed agreement → collapsed', () => {
    let g = endTurns(newGame(s), s.turnLimit - 1);
    expect(w(g).phase).toBe('exploratory');
    expect(w(g).turn).toBe(s.turnLimit);
    g = run(g, { type: 'endTurn' });
    expect(w(g).phase).toBe('collapsed');
    expect(w(g).expired).toBe(true);
    expect(w(g).series).toHaveLength(s.turnLimit);
    expect(w(g).series.at(-1)!.phase).toBe('collapsed');
  });
  const secure = (g: ReturnType<typeof run>) => run(g, { type: 'designVerification' }, { type: 'engageExternal', actor: 'league', ask: 'guarantee' });
  it('compliance held for monitoringTurns turns → concluded', () => {
    let g = secure(toMonitoring(newGame(s)));
    g = endTurns(g, s.thresholds.monitoringTurns - 1);
    expect(w(g).phase).toBe('monitoring');
    expect(w(g).complianceTurns).toBe(s.thresholds.monitoringTurns - 1);
    g = run(g, { type: 'endTurn' });
    expect(w(g).phase).toBe('concluded');
    expect(regions(g).phase).toBe('concluded');
    expect(isOver(g)).toBe(true);
    expect(Object.values(w(g).compliance).every((c) => c >= s.thresholds.complianceFloor)).toBe(true);
  });
  it('monitoring continues past the turn limit', () => {
    let g = endTurns(newGame(s), s.turnLimit - 6); // sign at the last turn
    g = secure(toMonitoring(g));
    expect(w(g).turn).toBe(s.turnLimit);
    g = endTurns(g, s.thresholds.monitoringTurns);
    expect(w(g).turn).toBeGreaterThan(s.turnLimit);
    expect(w(g).phase).toBe('concluded');
  });
  it('three violations → the agreement collapses', () => {
    let g = toMonitoring(newGame(s));
    for (const p of ['gov', 'union']) g = nudge(g, p, { cohesion: -50, commitment: -40 });
    g = endTurns(g, 2);
    expect(w(g).violations).toBe(2);
    expect(w(g).phase).toBe('monitoring');
    g = run(g, { type: 'endTurn' });
    expect(w(g).violations).toBe(3);
    expect(w(g).phase).toBe('collapsed');
    expect(w(g).log.filter((e) => e.kind === 'event' && e.result.key === 'event.violation')).toHaveLength(3);
  });
});

describe('a stalling party keeps up appearances', () => {
  const stalling = calmMini((x) => (x.parties[0]!.intent = 'stalling'));
  it('shows commitment ≥ 55 to the mediator and the other side, its true commitment to itself', () => {
    const g = newGame(stalling);
    expect(party(g, 'gov').commitment).toBe(46);
    expect(viewFor(g, 'mediator').parties.find((p) => p.id === 'gov')!.commitment).toBe(55);
    expect(viewFor(g, 'party:union').parties.find((p) => p.id === 'gov')!.commitment).toBe(55);
    expect(viewFor(g, 'observer').parties.find((p) => p.id === 'gov')!.commitment).toBe(55);
    expect(viewFor(g, 'party:gov').parties.find((p) => p.id === 'gov')!.commitment).toBe(46);
    expect(viewFor(g, 'instructor').parties.find((p) => p.id === 'gov')!.commitment).toBe(46);
    expect(viewFor(g, 'mediator').parties.find((p) => p.id === 'gov')!.intent).toBe('unknown');
    expect(viewFor(g, 'party:gov').parties.find((p) => p.id === 'gov')!.intent).toBe('stalling');
    // … and above 55 it shows the truth.
    const keen = nudge(g, 'gov', { commitment: 20 });
    expect(viewFor(keen, 'mediator').parties.find((p) => p.id === 'gov')!.commitment).toBe(66);
  });
  it('goes along with the early steps on the commitment it shows', () => {
    const g = run(newGame(stalling), { type: 'caucus', party: 'union' }, { type: 'caucus', party: 'gov' });
    expect(party(g, 'gov').commitment).toBe(51);
    const low = nudge(newGame(stalling), 'gov', { commitment: -10 }); // true 36, shown 55
    const g2 = run(low, { type: 'caucus', party: 'union' }, { type: 'caucus', party: 'gov' }, { type: 'proposeNextPhase' });
    expect(party(g2, 'gov').commitment).toBe(41);
    expect(w(g2).phase).toBe('agenda');
  });
  it('signs only when truly committed', () => {
    let g = toNegotiation(newGame(stalling));
    g = nudge(g, 'gov', { trustInMediator: 25 }); // outweighs its −15 discount
    g = run(g, { type: 'proposePackage', terms: GOOD_PACKAGE }, { type: 'endTurn' }, { type: 'proposeNextPhase' });
    expect(w(g).phase).toBe('agreements');
    g = run(g, { type: 'jointSession' }, { type: 'endTurn' });
    g = nudge(g, 'gov', { commitment: 50 - party(g, 'gov').commitment }); // true 50: below the signing need of 55
    expect(viewFor(g, 'mediator').parties.find((p) => p.id === 'gov')!.commitment).toBe(55);
    const refused = run(g, { type: 'proposeNextPhase' });
    expect(w(refused).phase).toBe('agreements');
    expect(w(refused).proposals.at(-1)!.reasons.gov).toEqual({ key: 'response.signing.commitment' });
    expect(w(refused).signatures.gov).toBe(false);
    const committed = run(nudge(g, 'gov', { commitment: 6 }), { type: 'proposeNextPhase' });
    expect(w(committed).signatures.gov).toBe(true);
    expect(w(committed).phase).toBe('monitoring');
  });
});

describe('the instructor injects events live', () => {
  it('fires a scenario inject by id, marking it fired so the schedule does not repeat it', () => {
    const g0 = newGame(s);
    const g = run(g0, as('instructor', { type: 'inject', inject: 'tariffs' }));
    expect(w(g).firedInjects).toEqual(['tariffs']);
    expect(party(g, 'gov').commitment).toBe(32);
    expect(party(g, 'gov').seat).toBe('walkedOut');
    expect(w(g).log.find((e) => e.kind === 'event')).toMatchObject({
      kind: 'event',
      source: 'instructor',
      id: 'tariffs',
      synopsis: 'The Bloc imposes tariffs on Kestrian exports.',
    });
    expect(w(g).log.at(-1)).toMatchObject({ kind: 'phase', from: 'exploratory', to: 'suspended' });
    expect(viewFor(g, 'instructor').injects!.find((i) => i.id === 'tariffs')!.fired).toBe(true);
    // Its condition is made to hold; by its scheduled turn it has already fired, so it does not again.
    const due = (first: ReturnType<typeof run>) => endTurns(nudge(nudge(first, 'gov', { cohesion: -50 }), 'gov', { cohesion: -15 }), 17);
    const count = (x: ReturnType<typeof run>) => w(x).log.filter((e) => e.kind === 'event' && e.id === 'tariffs').length;
    const fired = due(run(nudge(g0, 'gov', { commitment: 30 }), as('instructor', { type: 'inject', inject: 'tariffs' })));
    expect(count(fired)).toBe(1);
    const scheduled = due(nudge(g0, 'gov', { commitment: 30 }));
    expect(count(scheduled)).toBe(1);
    expect(w(scheduled).log.find((e) => e.kind === 'event' && e.id === 'tariffs')).toMatchObject({ source: 'inject', turn: 17 });
  });
  it('sends an ad-hoc effect with a synopsis', () => {
    const g = run(
      newGame(s),
      as('instructor', { type: 'inject', effect: { kind: 'deadline', label: 'Budget vote', party: 'gov', pressure: 9 }, synopsis: 'The budget vote looms.' }),
    );
    expect(party(g, 'gov').commitment).toBe(55);
    expect(party(g, 'union').commitment).toBe(47);
    expect(w(g).log.at(-1)).toMatchObject({ kind: 'event', source: 'instructor', synopsis: 'The budget vote looms.', result: { key: 'event.deadline' } });
    const all = run(newGame(s), as('instructor', { type: 'inject', effect: { kind: 'deadline', label: 'Summit', pressure: 5 } }));
    expect([party(all, 'gov').commitment, party(all, 'union').commitment]).toEqual([51, 52]);
  });
  it('refuses an unknown inject, an invalid effect or one that names nothing real', () => {
    const g0 = newGame(s);
    expectRefused(g0, as('instructor', { type: 'inject', inject: 'meteor' }), 'refuse.unknownInject');
    expectRefused(g0, as('instructor', { type: 'inject', effect: { kind: 'meteor' } }), 'refuse.invalid');
    expectRefused(g0, as('instructor', { type: 'inject' }), 'refuse.invalid');
    expectRefused(g0, as('instructor', { type: 'inject', effect: { kind: 'meters', party: 'gov', commitment: 500 } }), 'refuse.invalid');
    expectRefused(g0, as('instructor', { type: 'inject', effect: { kind: 'meters', party: 'nobody', commitment: 5 } }), 'refuse.effect.unknownTarget');
    expectRefused(
      g0,
      as('instructor', { type: 'inject', effect: { kind: 'sanctions', actor: 'mars', sanction: 'new', target: 'gov', magnitude: 10 } }),
      'refuse.effect.unknownTarget',
    );
  });
});

describe('MSEL: an expected response that does not come sets off the contingency', () => {
  const raid: InjectDef = {
    id: 'raid',
    turn: 2,
    synopsis: 'A Ranger unit raids a customs post.',
    effect: { kind: 'news' },
    target: 'rangers',
    expectedResponse: { move: 'engageSpoiler', target: 'rangers', withinTurns: 2, description: 'Deal with the Rangers.' },
    contingency: [{ id: 'raid-walkout', synopsis: 'The Rangers call a walk-out.', effect: { kind: 'meters', party: 'union', commitment: -5 } }],
  };
  const msel = calmMini((x) => x.injects.push(raid));
  const fired = (g: ReturnType<typeof run>) => w(g).firedInjects;
  it('fires the contingency when the window closes without the expected move', () => {
    let g = endTurns(newGame(msel), 2); // raid fires at the end of turn 2; awaited until turn 4
    expect(fired(g)).toEqual(['raid']);
    expect(w(g).awaiting).toEqual({ raid: 4 });
    g = endTurns(g, 1);
    expect(fired(g)).toEqual(['raid']);
    g = endTurns(g, 1);
    expect(fired(g)).toEqual(['raid', 'raid-walkout']);
    expect(w(g).log.find((e) => e.kind === 'event' && e.id === 'raid-walkout')).toMatchObject({ source: 'contingency', turn: 4 });
  });
  it('does not fire it when the trainee responds in time, to the right target', () => {
    let g = endTurns(newGame(msel), 2);
    g = run(g, { type: 'engageSpoiler', faction: 'rangers', approach: 'induce' });
    g = endTurns(g, 4);
    expect(fired(g)).toEqual(['raid']);
    expect(w(g).awaiting).toEqual({});
    // The same move aimed elsewhere is not the expected response.
    let h = endTurns(newGame(msel), 2);
    h = run(h, { type: 'engageSpoiler', faction: 'generals', approach: 'socialize' });
    h = endTurns(h, 2);
    expect(fired(h)).toEqual(['raid', 'raid-walkout']);
  });
});

describe('state hash', () => {
  it('changes with every accepted command and only then', () => {
    const g0 = newGame(s);
    const g1 = run(g0, { type: 'caucus', party: 'gov' });
    expect(stateHash(g1)).not.toBe(stateHash(g0));
    expect(stateHash(newGame(s))).toBe(stateHash(g0));
    expect(stateHash(newGame(s, { seed: 2 }))).not.toBe(stateHash(g0));
  });
});

describe('games are values: later commands never change an earlier game', () => {
  it('an older game keeps its world and state after its successor moves on, and branches from it replay the same', () => {
    const [first, second] = s.parties.map((p) => p.id) as [string, string];
    const g0 = newGame(s);
    const hash0 = stateHash(g0);
    const g1 = run(g0, { type: 'caucus', party: first });
    const hash1 = stateHash(g1);
    const later: MediatorCommand[] = [{ type: 'endTurn' }, { type: 'caucus', party: second }, { type: 'endTurn' }];
    // The live actor moves on with g1's successors...
    const g = run(g1, ...later);
    expect(w(g).turn).toBeGreaterThan(w(g1).turn);
    // ...and neither g0 nor g1 saw any of it.
    expect(stateHash(g0)).toBe(hash0);
    expect(stateHash(g1)).toBe(hash1);
    // A branch from g1 (a fresh actor from g1's snapshot and world) ends where the first path did.
    expect(stateHash(run(g1, ...later))).toBe(stateHash(g));
    expect(stateHash(g1)).toBe(hash1);
  });
});
