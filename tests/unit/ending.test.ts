/**
 * Why a game ended is decided once, by the engine (src/sim/rules/ending.ts), and every reader says
 * the same: the view's `ending`, the table's end line (seat endReason), the debrief's ending and
 * the authoring trace's category.
 */
import { describe, expect, it } from 'vitest';
import { playGame, type PolicyId } from '../../src/sim/bots';
import { computeDebrief, createGame, endCause, viewFor, worldOf, type EndCause } from '../../src/sim/index';
import { endReason } from '../../src/seat/index';
import { endingKind, endingOf } from '../../src/scenario/trace';
import { shipped } from '../fixtures/engine';

const TABLE_KEY: Record<EndCause, string> = {
  concluded: 'end.concluded',
  violations: 'end.broken',
  allWalkedOut: 'end.allWalkedOut',
  turnLimit: 'end.expired',
  suspendedTooLong: 'end.suspendedTooLong',
  exhausted: 'end.exhausted',
};
const TRACE: Record<EndCause, string> = {
  concluded: 'concluded',
  violations: 'violations',
  allWalkedOut: 'all-walked-out',
  turnLimit: 'turn-limit',
  suspendedTooLong: 'suspended-too-long',
  exhausted: 'other',
};

describe('one end cause for every reader', () => {
  it('played games: the view, the table, the debrief and the trace agree on why each ended', () => {
    const seen = new Map<EndCause, number>();
    for (const name of ['tutorial', 'venezuela-2019'] as const) {
      const s = shipped(name);
      for (const policy of ['random', 'greedy', 'by-the-book'] as PolicyId[])
        for (let seed = 1; seed <= 12; seed++) {
          const g = playGame(s, { seed, policy }).game;
          const w = worldOf(g);
          const cause = endCause(s, w);
          expect(cause, `${name} ${policy} ${seed}`).not.toBeNull();
          seen.set(cause!, (seen.get(cause!) ?? 0) + 1);
          for (const role of ['mediator', 'observer'] as const) expect(viewFor(g, role).ending).toBe(cause);
          expect(endReason(viewFor(g, 'mediator'), s)?.key).toBe(TABLE_KEY[cause!]);
          expect(endingKind(s, w)).toBe(TRACE[cause!]);
          const d = computeDebrief(s, w);
          if (cause === 'concluded') expect(d.ending.id).toBe('concluded');
          else if (d.phaseReached === 'monitoring') expect(d.ending.id).toBe('broken');
          else if (cause === 'turnLimit') expect(d.ending.id).toBe('timedOut');
          else expect(d.ending.id).toBe('walkedOut');
          // The trace's line starts from the same rule.
          if (cause === 'turnLimit') expect(endingOf(g)).toMatch(/turn limit/);
          if (cause === 'allWalkedOut') expect(endingOf(g)).toMatch(/every party walked out/);
          if (cause === 'suspendedTooLong') expect(endingOf(g)).toMatch(/more than suspendedMaxTurns/);
        }
    }
    // The sample covers several causes, so the agreement above is not about one case only.
    expect(seen.size, JSON.stringify([...seen])).toBeGreaterThanOrEqual(3);
  });

  it('a game still going has no cause, in the view or at the table', () => {
    const s = shipped('tutorial');
    const v = viewFor(createGame(s, { seed: 1 }), 'mediator');
    expect(v.over).toBe(false);
    expect(v.ending).toBeNull();
    expect(endReason(v, s)).toBeNull();
    expect(computeDebrief(s, worldOf(createGame(s, { seed: 1 }))).ending.id).toBe('inProgress');
  });
});
