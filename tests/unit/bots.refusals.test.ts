/**
 * By-the-book reads a refusal (issue 9, "bots as a ladder"): terms a party refused are not tabled
 * again unchanged until its trust in the mediator has grown, and the historical 2017–18 pack,
 * where re-tabling the same package every turn used to run the talks out, shows the difference.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { playGame, runSummary } from '../../src/sim/bots';
import { applyCommand, createGame, worldOf } from '../../src/sim/game';
import type { Scenario } from '../../src/sim/types';
import { loadPack } from '../../src/scenario/pack';
import { shipped } from '../fixtures/engine';

const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

function santoDomingo(): Scenario {
  const file = 'scenarios/historical/venezuela-2017-18-dominican-republic.yaml';
  const r = loadPack(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.value.scenarios[0]!;
}

/**
 * Replays a by-the-book game command by command: each time it tables the terms just refused, how
 * much the refusers' trust in the mediator has grown since they said no (the least of them).
 */
function repeats(s: Scenario, seed: number): number[] {
  const played = playGame(s, { seed, policy: 'by-the-book' }).game;
  let g = createGame(s, { seed });
  let refused: { terms: Record<string, number>; trust: Record<string, number> } | null = null;
  const out: number[] = [];
  for (const cmd of played.commands) {
    const before = worldOf(g);
    if ((cmd.type === 'proposePackage' || cmd.type === 'proposeFormula') && refused) {
      const terms = cmd.type === 'proposePackage' ? cmd.terms : { [cmd.issue]: cmd.value };
      if (same(terms, refused.terms)) out.push(Math.min(...Object.entries(refused.trust).map(([p, t]) => before.parties[p]!.trustInMediator - t)));
    }
    const r = applyCommand(g, cmd);
    if (!r.ok) throw new Error(`seed ${seed}: a bot command was refused on replay`);
    g = r.game;
    const w = worldOf(g);
    const last = w.proposals.at(-1);
    if (last && last !== before.proposals.at(-1) && (last.kind === 'package' || last.kind === 'formula') && last.terms) {
      const trust: Record<string, number> = {};
      for (const [p, answer] of Object.entries(last.responses)) if (answer === 'reject') trust[p] = w.parties[p]!.trustInMediator;
      refused = last.status === 'rejected' ? { terms: last.terms, trust } : null;
    }
  }
  return out;
}

describe('by-the-book after a refusal', () => {
  it.each([
    ['venezuela-2019', shipped('venezuela-2019')],
    ['venezuela-2017-18', santoDomingo()],
  ] as const)('on %s, never tables the refused terms again while the refusers trust it no more than then', (_name, s) => {
    for (let seed = 1; seed <= 20; seed++) for (const grew of repeats(s, seed)) expect(grew, `seed ${seed}`).toBeGreaterThanOrEqual(3);
  });

  it('signs clearly more Santo Domingo games without the snap election than with it', () => {
    const s = santoDomingo();
    const signed = (without: string[]) =>
      Array.from({ length: 30 }, (_, k) => runSummary(playGame(s, { seed: k + 1, policy: 'by-the-book', withoutInjects: without }).game, 'by-the-book')).filter(
        (r) => r.phaseReached === 'monitoring',
      ).length;
    expect(signed(['early-election-call'])).toBeGreaterThanOrEqual(signed([]) + 4);
  });
});
