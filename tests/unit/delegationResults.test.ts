/**
 * Each delegation's result against its own interests (the class debrief): which deal is judged
 * (signed, agreed, last tabled, none), each issue against the party's ideal and red line, the value
 * against its BATNA, and a deal that crosses one party's red line named as such for that party only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { playGame } from '../../src/sim/bots/play';
import { computeDebrief, createGame, delegationResults, worldOf, type World } from '../../src/sim/index';
import type { Scenario } from '../../src/scenario/schema';

function tutorial(): Scenario {
  const r = loadScenario(readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.value;
}

const s = tutorial();
/** A fresh world to set the end of a process on (the helper reads only the world's data). */
const freshWorld = (): World => structuredClone(worldOf(createGame(s, { seed: 3 }))) as World;

/** Every party accepted these formulas, and (optionally) signed them. */
function agree(w: World, terms: Record<string, number>, signed: boolean): void {
  for (const [issue, value] of Object.entries(terms)) w.issues[issue]!.formula = { value, acceptedBy: ['gov', 'union'], proposedTurn: 5 };
  for (const p of ['gov', 'union']) w.signatures[p] = signed;
}

describe('delegation results', () => {
  it('a signed deal that crosses the Union red line on autonomy: named for the Union only, with its value below the ideal', () => {
    const w = freshWorld();
    agree(w, { autonomy: 20, security: 60, revenue: 45, amnesty: 60 }, true);
    const r = delegationResults(s, w);
    expect(r.basis).toBe('signed');
    expect(r.terms).toEqual({ autonomy: 20, security: 60, revenue: 45, amnesty: 60 });
    const gov = r.parties.find((p) => p.party === 'gov')!;
    const union = r.parties.find((p) => p.party === 'union')!;
    // The Union's red line on autonomy is 40 (ideal 70): 20 is past it.
    expect(union.redLinesCrossed).toEqual(['autonomy']);
    const auto = union.issues.find((i) => i.issue === 'autonomy')!;
    expect(auto).toMatchObject({ value: 20, ideal: 70, redLine: 40, weight: 8, crossed: true });
    expect(auto.utility).toBeCloseTo(-2 / 3, 5);
    // The government gets more autonomy restraint than it wanted (its ideal 25): no red line crossed.
    expect(gov.redLinesCrossed).toEqual([]);
    // gov: autonomy 1 (w3), security 20/35 (w8), revenue 0.5 (w4), amnesty 1/3 (w3) → 10.571 / 18.
    expect(gov.value).toBeCloseTo(58.7, 1);
    expect(gov.margin).toBeCloseTo(gov.value! - gov.batna, 5);
    expect(union.value!).toBeLessThan(gov.value!);
    expect(gov.signed && union.signed).toBe(true);
    expect(gov.uncovered).toEqual([]);
  });

  it('terms accepted by all but not signed are judged as agreed; issues they leave open are listed', () => {
    const w = freshWorld();
    agree(w, { security: 60 }, false);
    const r = delegationResults(s, w);
    expect(r.basis).toBe('agreed');
    const union = r.parties.find((p) => p.party === 'union')!;
    expect(union.uncovered).toEqual(['autonomy', 'revenue', 'amnesty']);
    // Security 60 is inside the Union's red line (65, ideal 30): utility (60-65)/(30-65).
    expect(union.value).toBeCloseTo((100 * 5) / 35, 1);
    expect(union.redLinesCrossed).toEqual([]);
    expect(union.signed).toBe(false);
  });

  it('with nothing agreed, the last tabled package is judged, with each party answer', () => {
    const w = freshWorld();
    const base = { turn: 4, phase: 'negotiation' as const, reasons: {}, status: 'rejected' as const };
    w.proposals.push({ ...base, id: 1, kind: 'formula', terms: { autonomy: 50 }, responses: { gov: 'accept', union: 'reject' } });
    w.proposals.push({ ...base, id: 2, kind: 'package', terms: { autonomy: 80, amnesty: 90 }, responses: { gov: 'reject', union: 'accept' } });
    w.proposals.push({ ...base, id: 3, kind: 'cbm', cbm: { party: 'gov', cbm: 'prisonerRelease' }, responses: { gov: 'accept' } });
    const r = delegationResults(s, w);
    expect(r).toMatchObject({ basis: 'tabled', proposal: 2, terms: { autonomy: 80, amnesty: 90 } });
    const gov = r.parties.find((p) => p.party === 'gov')!;
    expect(gov.answer).toBe('reject');
    // Autonomy 80 is past the government's red line (60, ideal 25), amnesty 90 past its 70.
    expect(gov.redLinesCrossed).toEqual(['autonomy', 'amnesty']);
    expect(gov.value!).toBeLessThan(0);
    expect(r.parties.find((p) => p.party === 'union')!.answer).toBe('accept');
  });

  it('no terms at all: no value, only the BATNA', () => {
    const r = delegationResults(s, freshWorld());
    expect(r.basis).toBe('none');
    for (const p of r.parties) {
      expect(p.value).toBeNull();
      expect(p.margin).toBeNull();
      expect(p.issues).toEqual([]);
      expect(p.batna).toBeGreaterThan(0);
    }
  });

  it('agrees with the engine debrief party values on played games', () => {
    let compared = 0;
    for (const seed of [1, 2, 3, 4]) {
      const world = worldOf(playGame(s, { policy: 'by-the-book', seed }).game);
      const d = computeDebrief(s, world);
      const r = delegationResults(s, world);
      if (!d.agreement) continue;
      expect(['signed', 'agreed']).toContain(r.basis);
      for (const p of r.parties) expect(p.value! / 100).toBeCloseTo(d.agreement.partyValues[p.party]!, 2);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
