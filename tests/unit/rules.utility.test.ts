/**
 * How parties value proposals (rules/utility.ts, rules/proposals.ts): interests behind positions,
 * red lines, and the acceptance score a trainee moves with trust, BATNA, incentives, direct talks,
 * a venue near the principals — and that a stalling party discounts everything.
 */
import { describe, expect, it } from 'vitest';
import { acceptanceScore, ACCEPT_THRESHOLD, brokenRedLines, issueUtility, respectsRedLine, termsValue } from '../../src/sim/rules/utility';
import { decide } from '../../src/sim/rules/proposals';
import type { IssuePosition, Proposal, World } from '../../src/sim/types';
import { as, calmMini, entriesOf, expectRefused, inject, lastProposal, mini, newGame, nudge, party, run, toAgenda, toNegotiation, w } from '../fixtures/engine';

const pos = (ideal: number, reservation: number, weight = 5): IssuePosition => ({ public: ideal, ideal, reservation, weight });

describe('issue utility: interests, not positions', () => {
  it('is 1 at the ideal point, 0 at the red line, linear between', () => {
    const p = pos(30, 60); // wants low values, cannot go above 60
    expect(issueUtility(p, 30)).toBe(1);
    expect(issueUtility(p, 60)).toBeCloseTo(0, 12);
    expect(issueUtility(p, 45)).toBeCloseTo(0.5, 9);
    const q = pos(70, 40); // wants high values, cannot go below 40
    expect(issueUtility(q, 70)).toBe(1);
    expect(issueUtility(q, 40)).toBeCloseTo(0, 12);
    expect(issueUtility(q, 55)).toBeCloseTo(0.5, 9);
  });

  it('is capped at 1 beyond the ideal: getting more than one wants is worth no more', () => {
    expect(issueUtility(pos(30, 60), 0)).toBe(1);
    expect(issueUtility(pos(70, 40), 100)).toBe(1);
  });

  it('is negative past the red line, and the red line is respected exactly up to it', () => {
    const p = pos(30, 60);
    expect(issueUtility(p, 61)).toBeLessThan(0);
    expect(respectsRedLine(p, 60)).toBe(true);
    expect(respectsRedLine(p, 61)).toBe(false);
    const q = pos(70, 40);
    expect(respectsRedLine(q, 40)).toBe(true);
    expect(respectsRedLine(q, 39)).toBe(false);
  });

  it('handles a position whose ideal is its red line (no room at all)', () => {
    const p = pos(50, 50);
    expect(issueUtility(p, 50)).toBe(1);
    expect(respectsRedLine(p, 50)).toBe(true);
  });

  it('weights issues by what the party cares about, so packages can trade across issues', () => {
    const s = mini();
    // gov: security weight 8 (ideal 75, red line 40); autonomy weight 3 (ideal 25, red line 60).
    const goodOnSecurity = termsValue(s, 'gov', { security: 75, autonomy: 60 });
    const goodOnAutonomy = termsValue(s, 'gov', { security: 40, autonomy: 25 });
    expect(goodOnSecurity).toBeCloseTo(8 / 11, 9);
    expect(goodOnAutonomy).toBeCloseTo(3 / 11, 9);
    // The union weighs the same issues the other way round: a trade makes both better off.
    expect(termsValue(s, 'union', { security: 65, autonomy: 70 })).toBeGreaterThan(termsValue(s, 'union', { security: 30, autonomy: 40 }));
  });

  it('names the issues whose red line a set of terms breaks, for the party that has it', () => {
    const s = mini();
    expect(brokenRedLines(s, 'gov', { revenue: 65, security: 50 })).toEqual(['revenue']);
    expect(brokenRedLines(s, 'union', { revenue: 65, security: 50 })).toEqual([]);
    expect(brokenRedLines(s, 'union', { revenue: 25, autonomy: 30 })).toEqual(['revenue', 'autonomy']);
  });
});

describe('acceptance score: what moves a party to say yes', () => {
  const s = mini();
  const base = w(newGame(s));
  const terms = { revenue: 48 };
  const score = (edit: (w: World) => void, partyId = 'gov') => {
    const copy = structuredClone(base);
    edit(copy);
    return acceptanceScore(s, copy, partyId, terms);
  };
  const at0 = score(() => {});

  it('starts from the value of the terms, seen through trust and against the BATNA (+4 while the talks are confidential)', () => {
    const g = base.parties.gov!;
    expect(base.visibility).toBe('confidential');
    expect(at0).toBeCloseTo(100 * termsValue(s, 'gov', terms) + (g.trustInMediator - 50) * 0.4 - (g.batna - 50) * 0.8 + 4, 9);
  });
  it('rises with trust in the mediator (0.4 a point)', () => expect(score((x) => (x.parties.gov!.trustInMediator += 10)) - at0).toBeCloseTo(4, 9));
  it('falls as the BATNA rises (0.8 a point)', () => expect(score((x) => (x.parties.gov!.batna += 10)) - at0).toBeCloseTo(-8, 9));
  it('rises with an incentive from outside', () => expect(score((x) => (x.parties.gov!.incentive = 10)) - at0).toBeCloseTo(10, 9));
  it('rises in direct talks (+5)', () => expect(score((x) => (x.talkFormat = 'direct')) - at0).toBeCloseTo(5, 9));
  it('rises at a venue near the principals (+5), not at any other venue', () => {
    expect(score((x) => (x.venue = 'portadra')) - at0).toBeCloseTo(5, 9);
    expect(score((x) => (x.venue = 'geneva')) - at0).toBeCloseTo(0, 9);
  });
  it('falls by 15 for a party that is only stalling', () => expect(score((x) => (x.parties.gov!.intent = 'stalling')) - at0).toBeCloseTo(-15, 9));

  it('accepts a package at a lower score than a single formula (35 vs 40): trading creates value', () => {
    expect(ACCEPT_THRESHOLD.formula).toBe(40);
    expect(ACCEPT_THRESHOLD.package).toBe(35);
    // Find the trust at which gov's score for these terms sits between the two thresholds.
    const copy = structuredClone(base);
    const t = acceptanceScore(s, copy, 'gov', terms);
    copy.parties.gov!.trustInMediator += (37.5 - t) / 0.4;
    expect(acceptanceScore(s, copy, 'gov', terms)).toBeCloseTo(37.5, 6);
    const prop = (kind: Proposal['kind']): Proposal => ({ id: 1, turn: 1, phase: 'negotiation', kind, terms, responses: {}, reasons: {}, status: 'pending' });
    expect(decide(s, copy, prop('formula'), 'gov')).toMatchObject({ accept: false, reason: { key: 'response.notEnough' } });
    expect(decide(s, copy, prop('package'), 'gov')).toMatchObject({ accept: true });
  });

  it('never accepts terms past a red line, whatever trust and incentives say', () => {
    const copy = structuredClone(base);
    copy.parties.gov!.trustInMediator = 100;
    copy.parties.gov!.incentive = 20;
    copy.talkFormat = 'direct';
    const prop: Proposal = { id: 1, turn: 1, phase: 'negotiation', kind: 'formula', terms: { revenue: 61 }, responses: {}, reasons: {}, status: 'pending' };
    expect(decide(s, copy, prop, 'gov')).toEqual({ accept: false, reason: { key: 'response.redLine', params: { issues: 'Copper revenue', ids: 'revenue' } } });
  });
});

describe('formulas through the engine: the same proposal flips with what the mediator did', () => {
  // After the scripted path, gov values revenue at 49 just under the formula threshold (≈ 39.5,
  // confidentiality's +4 included), the union well over it. Each test changes one thing and
  // proposes the same formula.
  const s = calmMini();
  const start = toNegotiation(newGame(s));
  const formula = { type: 'proposeFormula' as const, issue: 'revenue', value: 49 };
  const govAnswer = (g: ReturnType<typeof run>) => {
    const { game } = entriesOf(g, formula);
    const prop = lastProposal(game);
    expect(prop.kind).toBe('formula');
    expect(prop.responses.union).toBe('accept');
    return { answer: prop.responses.gov, reason: prop.reasons.gov!.key, game };
  };

  it('is refused as it stands, with "not enough" as the reason', () => {
    expect(govAnswer(start)).toMatchObject({ answer: 'reject', reason: 'response.notEnough' });
    const after = govAnswer(start).game;
    expect(w(after).issues.revenue!.formula).toMatchObject({ value: 49, acceptedBy: ['union'] });
  });
  it('is accepted once the party trusts the mediator more', () => {
    expect(govAnswer(nudge(start, 'gov', { trustInMediator: 10 }))).toMatchObject({ answer: 'accept', reason: 'response.accept' });
  });
  it('is accepted once the party has less to fall back on (lower BATNA)', () => {
    expect(govAnswer(nudge(start, 'gov', { batna: -10 }))).toMatchObject({ answer: 'accept' });
    // … and refused by a comfortable party even with a little more trust.
    expect(govAnswer(nudge(nudge(start, 'gov', { batna: 10 }), 'gov', { trustInMediator: 10 }))).toMatchObject({ answer: 'reject' });
  });
  it('is accepted with a conditional incentive from an outside power that pressures the party', () => {
    const g = run(start, { type: 'engageExternal', actor: 'bloc', ask: 'incentive' });
    expect(party(g, 'gov').incentive).toBe(10); // the Bloc pressures gov (support < 0)
    expect(party(g, 'union').incentive).toBe(0); // … and has no reason to pay the union, which it backs
    expect(govAnswer(g)).toMatchObject({ answer: 'accept' });
  });
  it('is accepted in direct talks', () => {
    // Mutual trust after the scripted path is below the threshold (45) on gov's side: the
    // instructor lifts it there so that a joint session turns the talks direct.
    const short = 45 - party(start, 'gov').trustIn.union!;
    expect(short).toBeGreaterThan(0);
    const g = run(inject(start, { kind: 'meters', party: 'gov', trustIn: { union: short } }), { type: 'jointSession' });
    expect(w(g).talkFormat).toBe('direct');
    expect(govAnswer(g)).toMatchObject({ answer: 'accept' });
  });
  it('is accepted at a venue near the principals, not at another venue', () => {
    const near = run(inject(start, { kind: 'venueOffer', venue: 'portadra' }), { type: 'changeVenue', venue: 'portadra' }, { type: 'endTurn' });
    expect(govAnswer(near)).toMatchObject({ answer: 'accept' });
    const far = run(start, { type: 'changeVenue', venue: 'geneva' }, { type: 'endTurn' });
    expect(govAnswer(far)).toMatchObject({ answer: 'reject' });
  });
  it('a stalling party refuses what a sincere one in its place accepts', () => {
    const sincere = toNegotiation(newGame(calmMini()));
    const stalling = toNegotiation(newGame(calmMini((x) => (x.parties[0]!.intent = 'stalling'))));
    const f = { type: 'proposeFormula' as const, issue: 'revenue', value: 45 };
    expect(lastProposal(run(sincere, f)).responses.gov).toBe('accept');
    expect(lastProposal(run(stalling, f)).responses.gov).toBe('reject');
  });
  it('a formula past a red line is refused with the issue named', () => {
    const g = run(nudge(start, 'gov', { trustInMediator: 50 }), { type: 'proposeFormula', issue: 'revenue', value: 61 });
    expect(lastProposal(g).reasons.gov).toEqual({ key: 'response.redLine', params: { issues: 'Copper revenue', ids: 'revenue' } });
    expect(lastProposal(g).status).toBe('rejected');
  });
  it('an agreed formula is recorded as accepted by all, and builds commitment and mutual trust', () => {
    const before = start;
    const g = run(before, { type: 'proposeFormula', issue: 'revenue', value: 45 });
    expect(w(g).issues.revenue!.formula).toMatchObject({ value: 45, acceptedBy: ['gov', 'union'] });
    expect(party(g, 'gov').commitment).toBeCloseTo(party(before, 'gov').commitment + 3, 9);
    expect(party(g, 'gov').trustIn.union).toBe(party(before, 'gov').trustIn.union! + 3);
  });
  it('formulas are for agenda issues, within 0..100, in the negotiation phase', () => {
    const g = run(
      toAgenda(newGame(calmMini())),
      { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty'] },
      { type: 'proposeNextPhase' },
      { type: 'endTurn' },
    );
    expect(w(g).phase).toBe('negotiation');
    expectRefused(g, { type: 'proposeFormula', issue: 'revenue', value: 45 }, 'refuse.notOnAgenda');
    expectRefused(g, { type: 'proposeFormula', issue: 'autonomy', value: 101 }, 'refuse.invalid');
    expectRefused(g, { type: 'proposeFormula', issue: 'autonomy', value: Number.NaN }, 'refuse.invalid');
    expectRefused(g, { type: 'proposePackage', terms: { autonomy: 50 } }, 'refuse.package.small');
    expectRefused(g, { type: 'proposePackage', terms: { autonomy: 50, revenue: 40 } }, 'refuse.notOnAgenda');
  });
});

describe('agenda: each party needs its core issues, and no issue it refuses unless reframed', () => {
  const s = calmMini();
  const atAgenda = run(newGame(s), { type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'union' }, { type: 'endTurn' }, { type: 'proposeNextPhase' });
  const answer = (g: ReturnType<typeof run>, issues: string[]) => lastProposal(run(g, { type: 'proposeAgenda', issues }));

  it('a party refuses an agenda missing one of its core issues, naming it', () => {
    const p = answer(atAgenda, ['autonomy', 'security']); // the union's amnesty is missing
    expect(p.responses.union).toBe('reject');
    expect(p.reasons.union).toMatchObject({ key: 'response.agenda.missingCore', params: { ids: 'amnesty' } });
    expect(p.status).toBe('rejected');
    expect(w(run(atAgenda, { type: 'proposeAgenda', issues: ['autonomy', 'security'] })).agenda).toBeNull();
  });
  it('a party refuses an agenda holding an issue it will not discuss, until the issue is reframed', () => {
    const p = answer(atAgenda, ['autonomy', 'security', 'amnesty']);
    expect(p.responses.gov).toBe('reject');
    expect(p.reasons.gov).toMatchObject({ key: 'response.agenda.refusedIssue', params: { ids: 'amnesty' } });
    const reframed = run(atAgenda, { type: 'reframe', issue: 'amnesty' });
    const q = answer(reframed, ['autonomy', 'security', 'amnesty']);
    expect(q.status).toBe('accepted');
    expect(w(run(reframed, { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty'] })).agenda).toEqual(['autonomy', 'security', 'amnesty']);
  });
  it('a party that does not trust the mediator enough refuses even a good agenda', () => {
    const g = nudge(run(atAgenda, { type: 'reframe', issue: 'amnesty' }), 'union', { trustInMediator: -10 }); // 48 → 38 < 40
    const p = answer(g, ['autonomy', 'security', 'amnesty']);
    expect(p.responses.gov).toBe('accept');
    expect(p.reasons.union).toEqual({ key: 'response.agenda.distrust' });
  });
  it('the phase does not advance without an accepted agenda; it does with one', () => {
    const refused = run(atAgenda, { type: 'proposeNextPhase' });
    expect(w(refused).phase).toBe('agenda');
    expect(w(refused).log.at(-1)).toMatchObject({ kind: 'move', result: { key: 'move.proposeNextPhase.refused' } });
    // Pushing before the parties are ready costs standing (haste).
    expect(party(refused, 'gov').trustInMediator).toBe(party(atAgenda, 'gov').trustInMediator - 2);
    const g = run(
      atAgenda,
      { type: 'reframe', issue: 'amnesty' },
      { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty'] },
      { type: 'endTurn' },
      { type: 'proposeNextPhase' },
    );
    expect(w(g).phase).toBe('negotiation');
  });
  it('reframing softens public positions a quarter of the way toward the ideal and reveals weights', () => {
    const g = run(atAgenda, { type: 'reframe', issue: 'amnesty' });
    // gov: public 0 → ideal 40: 10; union: public 100 → ideal 80: 95.
    expect(w(g).issues.amnesty!.publicPos).toEqual({ gov: 10, union: 95 });
    expect(w(g).knowledge.interests.gov!.amnesty).toMatchObject({ weight: 3 });
    expect(w(g).knowledge.interests.union!.amnesty).toMatchObject({ weight: 5 });
    expect(w(g).knowledge.interests.gov!.amnesty!.reservation).toBeUndefined();
  });
  it('an agenda must be a non-empty list of distinct known issues', () => {
    expectRefused(atAgenda, { type: 'proposeAgenda', issues: [] }, 'refuse.agenda.empty');
    expectRefused(atAgenda, { type: 'proposeAgenda', issues: ['autonomy', 'autonomy'] }, 'refuse.agenda.duplicate');
    expectRefused(atAgenda, { type: 'proposeAgenda', issues: ['autonomy', 'oil'] }, 'refuse.unknownIssue');
  });
  it('the engine answers for every seat no human holds, and logs each answer', () => {
    const g = run(atAgenda, as('mediator', { type: 'proposeAgenda', issues: ['autonomy', 'security'] }));
    const responses = w(g).log.filter((e) => e.kind === 'response');
    expect(responses.map((e) => e.kind === 'response' && e.party).sort()).toEqual(['gov', 'union']);
  });
});
