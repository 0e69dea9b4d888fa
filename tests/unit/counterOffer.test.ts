/**
 * Counter-offers (src/sim/commands/respond.ts): a delegation held by a person rejects a formula or
 * a package with the terms it would take instead. The terms are bounded and checked like a
 * package's, recorded on the proposal and in the log, shown to the mediator and to that delegation
 * alone, and settle nothing by themselves.
 */
import { describe, expect, it } from 'vitest';
import { loadSave, stateHash, toSave, viewFor, type Game } from '../../src/sim';
import { as, calmMini, expectRefused, lastProposal, newGame, run, toAgenda, w, FULL_AGENDA } from '../fixtures/engine';

const s = calmMini();
const gov = (body: object) => as('party:gov', { type: 'respond', ...body });

/** Negotiation with the government's delegation held by a person, who accepts the agenda and the gesture asked of it. */
function toNegotiationWithGov(agenda = FULL_AGENDA): Game {
  let g = toAgenda(newGame(s, { humanRoles: ['party:gov'] }));
  g = run(g, { type: 'proposeAgenda', issues: agenda });
  g = run(g, gov({ proposal: lastProposal(g).id, accept: true }));
  g = run(g, { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' });
  g = run(g, gov({ proposal: lastProposal(g).id, accept: true }), { type: 'endTurn' });
  g = run(g, { type: 'requestCbm', party: 'union', cbm: 'ceasefire' }, { type: 'proposeNextPhase' }, { type: 'endTurn' });
  expect(w(g).phase).toBe('negotiation');
  return g;
}

const atNegotiation = toNegotiationWithGov();
const withPackage = run(atNegotiation, { type: 'proposePackage', terms: { autonomy: 70, security: 40, revenue: 50, amnesty: 60 } });
const pkg = lastProposal(withPackage);
const COUNTER = { autonomy: 55.4, security: 62 };

describe('a delegation answers a package with a counter-offer', () => {
  it('the package waits for the person holding the seat', () => {
    expect(pkg).toMatchObject({ kind: 'package', status: 'pending', responses: { gov: 'pending' } });
  });

  it('records the rounded terms on the proposal and in the log, as a rejection', () => {
    const g = run(withPackage, gov({ proposal: pkg.id, accept: false, counter: COUNTER }));
    const prop = lastProposal(g);
    expect(prop.responses.gov).toBe('reject');
    expect(prop.status).toBe('rejected');
    expect(prop.counters).toEqual({ gov: { autonomy: 55, security: 62 } });
    expect(prop.reasons.gov).toMatchObject({ key: 'response.counter' });
    expect(String(prop.reasons.gov!.params!.terms)).toContain('62');
    const entry = w(g).log.findLast((e) => e.kind === 'response' && e.party === 'gov');
    expect(entry).toMatchObject({ kind: 'response', proposal: pkg.id, accept: false, counter: { autonomy: 55, security: 62 } });
    const move = w(g).log.findLast((e) => e.kind === 'move');
    expect(move).toMatchObject({ role: 'party:gov', result: { key: 'seat.counter' } });
    // The older game is untouched (the proposal was copied before the answer).
    expect(lastProposal(withPackage).counters).toBeUndefined();
  });

  it('the mediator sees it; the other delegation does not, nor does a faction or the observer', () => {
    const g = run(withPackage, gov({ proposal: pkg.id, accept: false, counter: COUNTER }));
    expect(viewFor(g, 'mediator').proposals.at(-1)!.counters).toEqual({ gov: { autonomy: 55, security: 62 } });
    expect(viewFor(g, 'party:gov').proposals.at(-1)!.counters).toEqual({ gov: { autonomy: 55, security: 62 } });
    for (const role of ['party:union', 'faction:cabinet', 'observer'] as const) {
      const v = viewFor(g, role);
      expect(JSON.stringify(v.proposals), role).not.toContain('counter');
      expect(JSON.stringify(v.log), role).not.toContain('"counter"');
    }
  });

  it('the mediator can table the counter-offer as a new package', () => {
    let g = run(withPackage, gov({ proposal: pkg.id, accept: false, counter: { autonomy: 60, security: 65, revenue: 45, amnesty: 65 } }));
    g = run(g, { type: 'endTurn' });
    const terms = lastProposal(g).counters!.gov!;
    const tabled = run(g, { type: 'proposePackage', terms });
    expect(lastProposal(tabled)).toMatchObject({ kind: 'package', terms, responses: { gov: 'pending' } });
  });

  it('replays to the same state from a save', () => {
    const g = run(withPackage, gov({ proposal: pkg.id, accept: false, counter: COUNTER }));
    const again = loadSave(JSON.stringify(toSave(g)), s);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(stateHash(again.game)).toBe(stateHash(g));
    expect(lastProposal(again.game).counters).toEqual({ gov: { autonomy: 55, security: 62 } });
  });
});

describe('what a counter-offer may be', () => {
  it('is refused beside an acceptance', () => {
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: true, counter: COUNTER }), 'refuse.counter.withAccept');
  });
  it('must name at least one issue, each known and on the agenda', () => {
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: {} }), 'refuse.counter.empty');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { borders: 50 } }), 'refuse.unknownIssue');
    const narrow = toAgenda(newGame(s, { humanRoles: ['party:gov'] }));
    let g = run(narrow, { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty'] });
    // An agenda is not terms: it cannot be countered with terms.
    expectRefused(g, gov({ proposal: lastProposal(g).id, accept: false, counter: { autonomy: 50 } }), 'refuse.counter.kind');
    g = run(g, gov({ proposal: lastProposal(g).id, accept: true }));
    expect(w(g).agenda).toEqual(['autonomy', 'security', 'amnesty']);
  });
  it('keeps to the scale, to ids and to twelve issues (refused at the front door)', () => {
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { autonomy: 101 } }), 'refuse.invalid');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { autonomy: -1 } }), 'refuse.invalid');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { autonomy: Number.NaN } }), 'refuse.invalid');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { autonomy: '50' } }), 'refuse.invalid');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: { 'Not An Id': 50 } }), 'refuse.invalid');
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: [50] }), 'refuse.invalid');
    const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`issue${i}`, 50]));
    expectRefused(withPackage, gov({ proposal: pkg.id, accept: false, counter: many }), 'refuse.invalid');
  });
  it('is not for an issue off the agenda', () => {
    const g = toNegotiationWithGov(['autonomy', 'security', 'amnesty']);
    const formula = run(g, { type: 'proposeFormula', issue: 'autonomy', value: 70 });
    const id = lastProposal(formula).id;
    expectRefused(formula, gov({ proposal: id, accept: false, counter: { autonomy: 55, revenue: 40 } }), 'refuse.notOnAgenda');
    // A formula on one issue may be countered on several agenda issues (a trade across them).
    const countered = run(formula, gov({ proposal: id, accept: false, counter: { autonomy: 55, amnesty: 70 } }));
    expect(lastProposal(countered).counters).toEqual({ gov: { autonomy: 55, amnesty: 70 } });
  });
  it('comes only from a delegation: a faction, an outside power or the mediator may not send one', () => {
    const g = newGame(s, { humanRoles: ['party:gov', 'faction:rangers', 'external:bloc'] });
    const body = { type: 'respond', proposal: 1, accept: false, counter: { autonomy: 50 } };
    expectRefused(g, as('faction:rangers', body), 'refuse.role.notAllowed');
    expectRefused(g, as('external:bloc', body), 'refuse.role.notAllowed');
    expectRefused(g, as('mediator', body), 'refuse.role.notAllowed');
  });
});
