/** The `meters` effect lets an author move a party's trust in another party, not only its own meters. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { applyCommand, createGame, worldOf } from '../../src/sim/game';

const tutorial = (() => {
  const r = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'));
  if (!r.ok) throw new Error('tutorial does not load');
  return r.value;
})();

describe('meters effect', () => {
  it('shifts trust in another party and reports the change', () => {
    const g = createGame(tutorial, { seed: 1 });
    const before = worldOf(g).parties.gov!.trustIn.union!;
    const r = applyCommand(g, { role: 'instructor', type: 'inject', effect: { kind: 'meters', party: 'gov', trustIn: { union: -12 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(worldOf(r.game).parties.gov!.trustIn.union).toBe(Math.max(0, before - 12));
    const event = r.entries.find((e) => e.kind === 'event');
    expect(event && event.kind === 'event' && event.changes).toContainEqual({ target: 'gov', meter: 'trustIn:union', delta: -Math.min(12, before) });
  });

  it('refuses a trust change toward a party that does not exist', () => {
    const g = createGame(tutorial, { seed: 1 });
    const r = applyCommand(g, { role: 'instructor', type: 'inject', effect: { kind: 'meters', party: 'gov', trustIn: { nobody: 5 } } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.key).toBe('refuse.effect.unknownTarget');
  });
});
