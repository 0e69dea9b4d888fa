/**
 * The flagship must teach what 2019 taught: sound practice gets further than random play, and the
 * 6 August secondary sanctions can derail a process that was on track (the government walks out).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { playGame, runSummary, type PolicyId } from '../../src/sim/bots';

const scenario = (() => {
  const r = loadScenario(readFileSync('scenarios/venezuela-2019.yaml', 'utf8'));
  if (!r.ok) throw new Error('flagship does not load');
  return r.value;
})();
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const agreed = (phase: string) => phase === 'monitoring';

function runs(policy: PolicyId, without: string[] = []) {
  return SEEDS.map((seed) => runSummary(playGame(scenario, { seed, policy, withoutInjects: without }).game, policy));
}

describe('Venezuela 2019 flagship', () => {
  const book = runs('by-the-book');

  it('rewards skill: by-the-book reaches a signed agreement clearly more often than random play', () => {
    const random = runs('random');
    const rate = (xs: { phaseReached: string }[]) => xs.filter((x) => agreed(x.phaseReached)).length / xs.length;
    expect(rate(book)).toBeGreaterThanOrEqual(rate(random) + 0.05);
    // By-the-book also gets through the agenda far more often.
    const pastAgenda = (xs: { phaseReached: string }[]) => xs.filter((x) => !['exploratory', 'agenda'].includes(x.phaseReached)).length;
    expect(pastAgenda(book)).toBeGreaterThan(pastAgenda(random) + 20);
  });

  it('the 6 August secondary sanctions can derail a process that was on track', () => {
    const shock = scenario.injects.find((i) => i.id === 'secondary-sanctions');
    expect(shock?.effect).toMatchObject({ kind: 'sanctions', sanction: 'secondary', actor: 'us', target: 'gov' });
    const t = shock!.turn!;
    const derailed = (xs: { timeline: string[] }[]) =>
      xs.filter((x) => ['negotiation', 'agreements'].includes(x.timeline[t - 2] ?? '') && ['suspended', 'collapsed'].includes(x.timeline[t - 1] ?? '')).length;
    const without = runs('by-the-book', ['secondary-sanctions']);
    expect(derailed(book)).toBeGreaterThan(0);
    expect(derailed(without)).toBe(0);
    // Every derailed run had the shock fire that very turn.
    expect(book.every((x) => x.injects.includes('secondary-sanctions'))).toBe(true);
  });
});
