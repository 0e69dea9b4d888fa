/**
 * Phase exit criteria (rules/criteria.ts): the statechart's quick test (criteriaMet) agrees with
 * the list the table shows (criteriaFor) for every phase, at every step of real games.
 */
import { describe, expect, it } from 'vitest';
import { playGame, POLICIES } from '../../src/sim/bots';
import { worldOf } from '../../src/sim/game';
import { criteriaFor, criteriaMet } from '../../src/sim/rules/criteria';
import type { ProcessPhase, World } from '../../src/sim/types';
import { shipped } from '../fixtures/engine';

const PHASES: ProcessPhase[] = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring', 'suspended', 'concluded', 'collapsed'];

describe.each(['tutorial', 'venezuela-2019'] as const)('on %s', (name) => {
  const s = shipped(name);
  it.each(POLICIES)('%s games: criteriaMet is criteriaFor, all met', (policy) => {
    for (const seed of [1, 2, 3]) {
      const w = worldOf(playGame(s, { policy, seed }).game);
      // Rebuild the world turn by turn from the series: each turn's meters, phase and agenda.
      const worlds: World[] = [
        w,
        ...w.series.map((r) => ({
          ...w,
          phase: r.phase,
          parties: Object.fromEntries(Object.entries(w.parties).map(([id, p]) => [id, { ...p, ...r.parties[id] }])),
        })),
      ];
      for (const x of worlds) for (const phase of PHASES) expect(criteriaMet(s, x, phase), phase).toBe(criteriaFor(s, x, phase).every((c) => c.met));
    }
  });
  it('edge cases: stalling facades, walk-outs, signatures, no agenda', () => {
    const w = worldOf(playGame(s, { policy: 'by-the-book', seed: 4 }).game);
    const [a, b] = Object.keys(w.parties);
    const variants: World[] = [
      { ...w, agenda: null },
      { ...w, agenda: [] },
      { ...w, talkFormat: 'direct', signatures: { [a!]: true, [b!]: true } },
      { ...w, talkFormat: 'direct', signatures: { [a!]: true } },
      { ...w, talkFormat: 'pendular', signatures: { [a!]: true, [b!]: true } },
      { ...w, parties: { ...w.parties, [a!]: { ...w.parties[a!]!, seat: 'walkedOut' } } },
      { ...w, parties: { ...w.parties, [a!]: { ...w.parties[a!]!, intent: 'stalling', commitment: 10, trustInMediator: 99 } } },
      { ...w, parties: { ...w.parties, [a!]: { ...w.parties[a!]!, commitment: NaN } } },
      { ...w, complianceTurns: s.thresholds.monitoringTurns },
    ];
    for (const x of variants) for (const phase of PHASES) expect(criteriaMet(s, x, phase), phase).toBe(criteriaFor(s, x, phase).every((c) => c.met));
  });
});
