/**
 * The guide's worked example plays (issue 12, item 1): "The Harbour Talks" in scenarios/README.md,
 * which the guide tells authors to copy, is checked with the balance analyzer's own game records,
 * statistics and flags: sound mediation signs in a fair share of games, careless play almost never,
 * and no balance flag fires. The validator's fixture is the same pack.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playRecord } from '../../src/cli/pack/balanceGames';
import { balanceFlags, policyStats, type PolicyStats } from '../../src/cli/pack/balanceStats';
import { loadPack } from '../../src/scenario/pack';
import type { PolicyId } from '../../src/sim/bots';
import { fixture } from './helpers';

const readme = readFileSync(fileURLToPath(new URL('../../scenarios/README.md', import.meta.url)), 'utf8');

/** The YAML block of §3 "A worked example". */
function workedExample(): string {
  const section = readme.slice(readme.indexOf('## 3. A worked example'), readme.indexOf('## 4.'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no YAML block in §3 of scenarios/README.md');
  return block[1]!;
}

const SEEDS = 40;

describe('the worked example of scenarios/README.md', () => {
  const text = workedExample();
  const r = loadPack(text, 'README.md');
  if (!r.ok) throw new Error('the worked example does not validate');
  const s = r.value.scenarios[0]!;

  it('is the pack the validator tests use (tests/pack/fixtures/valid-pack.yaml)', () => {
    const body = (t: string) => parse(t) as Record<string, unknown>;
    const { $schema: _a, ...guide } = body(text);
    const { $schema: _b, ...fixtureData } = body(fixture('valid-pack.yaml'));
    expect(fixtureData).toEqual(guide);
  });

  it('is won by sound mediation in a fair share of games, by careless play almost never, and raises no balance flag', () => {
    const stats: Partial<Record<PolicyId, PolicyStats>> = {};
    for (const policy of ['random', 'greedy', 'by-the-book'] as const) {
      const records = Array.from({ length: SEEDS }, (_, i) => playRecord(s, policy, i + 1, 'standard', []));
      stats[policy] = policyStats(policy, records);
    }
    const btb = stats['by-the-book']!;
    expect(btb.agreement, 'by-the-book agreement rate').toBeGreaterThanOrEqual(0.3);
    expect(btb.phaseReach.negotiation).toBeGreaterThanOrEqual(0.9);
    expect(stats.random!.agreement).toBeLessThanOrEqual(0.1);
    expect(stats.greedy!.agreement).toBeLessThanOrEqual(0.1);
    // No turn-1 walk-outs any more: by-the-book always gets past exploratory.
    expect(btb.phaseReach.agenda).toBeGreaterThanOrEqual(0.9);
    const flags = balanceFlags(stats).filter((f) => f.severity !== 'note');
    expect(flags.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
  });
});
