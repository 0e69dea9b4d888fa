/**
 * `npm run pack -- balance`: the statistics and flags on synthetic games, the ablation ordering,
 * the reports' escaping, the command line's errors, and one small run through the worker pool.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, playJob, playRecord, type GameRecord, type Outcome } from '../../src/cli/pack/balanceGames';
import {
  ablationIsClear,
  ablationRow,
  balanceFlags,
  compareHistory,
  distribution,
  frequencies,
  percentile,
  policyStats,
  sortAblation,
  turnStats,
  type AblationRow,
  type PolicyStats,
} from '../../src/cli/pack/balanceStats';
import { esc, mdText, renderHtml, renderMarkdown } from '../../src/cli/pack/balanceReport';
import { parseBalanceArgs, runBalance } from '../../src/cli/pack/balance';
import { ablationSeedsFor, analyseScenarios, batchSize, type Runner, type ScenarioAnalysis } from '../../src/cli/pack/balanceRun';
import { loadScenarioFile } from '../../src/cli/simFiles';
import type { PhaseId, ProcessPhase } from '../../src/sim/types';
import { edit, fixture } from './helpers';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tutorial = join(repo, 'scenarios/tutorial.yaml');
const dir = mkdtempSync(join(tmpdir(), 'third-side-balance-'));

const PHASE_PATH: PhaseId[] = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];

/** A synthetic game: furthest phase and outcome, the rest plausible. */
function game(phaseReached: PhaseId, outcome: Outcome, extra: Partial<GameRecord> = {}): GameRecord {
  const upTo = PHASE_PATH.slice(0, PHASE_PATH.indexOf(phaseReached) + 1) as ProcessPhase[];
  const end: ProcessPhase = outcome === 'durable' ? 'concluded' : outcome === 'collapsed' ? 'collapsed' : outcome === 'suspended' ? 'suspended' : upTo.at(-1)!;
  const signed = phaseReached === 'monitoring';
  const ending = outcome === 'durable' ? 'concluded' : end === 'collapsed' ? 'turn-limit' : 'running';
  return {
    phaseReached,
    outcome,
    turns: 10,
    score: 50,
    sins: [],
    injects: [],
    timeline: [...upTo, end],
    walkOuts: [],
    ending,
    stalledIn: signed ? '' : phaseReached,
    unmet: [],
    effects: [],
    ...extra,
  };
}
const many = (n: number, g: GameRecord): GameRecord[] => Array.from({ length: n }, () => ({ ...g }));

describe('statistics', () => {
  it('percentile is nearest-rank', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 5)).toBe(1);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(hundred, 5), percentile(hundred, 50), percentile(hundred, 95)]).toEqual([5, 50, 95]);
  });

  it('distribution gives every key a share, absent ones 0', () => {
    const d = distribution(['a', 'b', 'a', 'a'], ['a', 'b', 'c'] as const);
    expect(d).toEqual({ a: 0.75, b: 0.25, c: 0 });
    expect(distribution([], ['a'] as const)).toEqual({ a: 0 });
  });

  it('turn statistics and histogram', () => {
    const t = turnStats([12, 10, 10, 20, 14]);
    expect(t).toMatchObject({ median: 12, p5: 10, p95: 20, min: 10, max: 20 });
    expect(t.histogram[10]).toBe(2);
    expect(t.histogram.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('frequencies count a sin once per game, most frequent first', () => {
    expect(frequencies([['haste', 'haste', 'ignorance'], ['haste'], []])).toEqual([
      { id: 'haste', share: 2 / 3 },
      { id: 'ignorance', share: 1 / 3 },
    ]);
  });

  it('policy statistics: outcomes, phase reach (cumulative), agreement, sins, turn-by-turn shape', () => {
    const records = [
      ...many(2, game('monitoring', 'durable', { sins: ['arrogance'], turns: 18 })),
      game('monitoring', 'notImplemented', { turns: 16 }),
      game('agreements', 'partial', { sins: ['haste'] }),
      ...many(4, game('exploratory', 'collapsed', { sins: ['haste', 'ignorance'], turns: 6 })),
      ...many(2, game('negotiation', 'suspended')),
    ];
    const s = policyStats('greedy', records);
    expect(s.games).toBe(10);
    expect(s.outcomes).toEqual({ durable: 0.2, notImplemented: 0.1, partial: 0.1, suspended: 0.2, collapsed: 0.4 });
    expect(s.phaseReach.exploratory).toBe(1);
    expect(s.phaseReach.agenda).toBeCloseTo(0.6);
    expect(s.phaseReach.negotiation).toBeCloseTo(0.6);
    expect(s.phaseReach.agreements).toBeCloseTo(0.4);
    expect(s.phaseReach.monitoring).toBeCloseTo(0.3);
    expect(s.agreement).toBeCloseTo(0.3);
    expect(s.collapse).toBeCloseTo(0.4);
    expect(s.sins[0]).toEqual({ id: 'haste', share: 0.5 });
    expect(s.turns.median).toBe(10);
    // Turn 1 everyone explores; at the end, the last phases of each game.
    expect(s.byTurn[0]!.exploratory).toBe(1);
    expect(s.byTurn.at(-1)!.concluded).toBeCloseTo(0.2);
    expect(s.byTurn.at(-1)!.collapsed).toBeCloseTo(0.4);
    for (const t of s.byTurn) expect(Object.values(t).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('batches survive the trip between threads unchanged', () => {
    const records = [
      game('agreements', 'partial', { sins: ['haste', 'arrogance'], injects: ['a', 'b-c'], score: 41.5, turns: 17 }),
      game('exploratory', 'collapsed'),
    ];
    expect(decodeBatch(encodeBatch(records))).toEqual(records);
  });
});

const statsOf = (policy: 'random' | 'greedy' | 'by-the-book', records: GameRecord[]): PolicyStats => policyStats(policy, records);

describe('flags', () => {
  const collapsed = game('exploratory', 'collapsed');
  const durable = game('monitoring', 'durable');

  it('a balanced scenario has no flags (at 200+ games)', () => {
    const flags = balanceFlags({
      random: statsOf('random', [...many(190, collapsed), ...many(10, durable)]),
      'by-the-book': statsOf('by-the-book', [...many(120, durable), ...many(80, collapsed)]),
    });
    expect(flags).toEqual([]);
  });

  it('unwinnable: by-the-book almost never signs and mostly never reaches agreements', () => {
    const flags = balanceFlags({
      random: statsOf('random', many(200, collapsed)),
      'by-the-book': statsOf('by-the-book', [...many(2, durable), ...many(150, collapsed), ...many(48, game('agreements', 'partial'))]),
    });
    expect(flags.map((f) => f.id)).toContain('unwinnable');
    expect(flags.find((f) => f.id === 'unwinnable')!.severity).toBe('problem');
    expect(flags.find((f) => f.id === 'unwinnable')!.message).not.toMatch(/history/);
  });

  it('an unwinnable historical scenario says whether history failed the same way', () => {
    const records = [...many(150, game('negotiation', 'collapsed')), ...many(50, game('agenda', 'collapsed'))];
    const h = compareHistory({ phaseReached: 'negotiation', outcome: 'collapsed' }, records);
    const flag = balanceFlags({ random: statsOf('random', many(200, collapsed)), 'by-the-book': statsOf('by-the-book', records) }, h).find(
      (f) => f.id === 'unwinnable',
    )!;
    expect(flag.message).toMatch(
      /as in history: the real process reached negotiation and ended collapsed, and by-the-book play ends the same way in 75\.0% of games/,
    );
  });

  it('hard-to-close instead when by-the-book reaches agreements but does not sign', () => {
    const ids = balanceFlags({
      random: statsOf('random', many(200, collapsed)),
      'by-the-book': statsOf('by-the-book', [...many(150, game('agreements', 'partial')), ...many(50, collapsed)]),
    }).map((f) => f.id);
    expect(ids).toContain('hard-to-close');
    expect(ids).not.toContain('unwinnable');
  });

  it('trivially won: random signs over 30%, or by-the-book is durable over 95% without a collapse', () => {
    const byRandom = balanceFlags({
      random: statsOf('random', [...many(70, durable), ...many(130, collapsed)]),
      'by-the-book': statsOf('by-the-book', [...many(180, durable), ...many(20, collapsed)]),
    });
    expect(byRandom.map((f) => f.id)).toEqual(['trivially-won']);
    const byBook = balanceFlags({ random: statsOf('random', many(200, collapsed)), 'by-the-book': statsOf('by-the-book', many(200, durable)) });
    expect(byBook.map((f) => f.id)).toEqual(['trivially-won']);
    // One collapse is enough to show something is at stake.
    const oneCollapse = balanceFlags({
      random: statsOf('random', many(200, collapsed)),
      'by-the-book': statsOf('by-the-book', [...many(199, durable), collapsed]),
    });
    expect(oneCollapse).toEqual([]);
  });

  it('skill does not matter: by-the-book no better than random, in agreements or in phases', () => {
    const same = [...many(100, game('negotiation', 'collapsed')), ...many(100, game('agreements', 'partial'))];
    const ids = balanceFlags({ random: statsOf('random', same), 'by-the-book': statsOf('by-the-book', [...same.slice(0, 190), ...many(10, durable)]) }).map(
      (f) => f.id,
    );
    expect(ids).toContain('skill-does-not-matter');
    // Getting clearly further (even without signing) shows skill matters.
    const further = balanceFlags({
      random: statsOf('random', many(200, collapsed)),
      'by-the-book': statsOf('by-the-book', many(200, game('agreements', 'partial'))),
    }).map((f) => f.id);
    expect(further).not.toContain('skill-does-not-matter');
  });

  it('history: compares the real process with by-the-book play, flags a history out of reach', () => {
    const records = [...many(3, game('negotiation', 'collapsed')), ...many(5, game('agreements', 'partial')), ...many(2, durable)];
    const h = compareHistory({ phaseReached: 'negotiation', outcome: 'collapsed' }, records);
    expect(h).toMatchObject({ reachedAtLeast: 1, samePhase: 0.3, sameOutcome: 0.3, same: 0.3, modalPhase: 'agreements', modalOutcome: 'partial' });
    const far = compareHistory({ phaseReached: 'monitoring', outcome: 'notImplemented' }, many(200, game('agenda', 'collapsed')));
    const ids = balanceFlags({ 'by-the-book': statsOf('by-the-book', many(200, game('agenda', 'collapsed'))) }, far).map((f) => f.id);
    expect(ids).toContain('history-out-of-reach');
  });

  it('few runs are noted, not judged', () => {
    const flags = balanceFlags({
      random: statsOf('random', many(20, collapsed)),
      'by-the-book': statsOf('by-the-book', [...many(12, durable), ...many(8, collapsed)]),
    });
    expect(flags).toEqual([expect.objectContaining({ id: 'few-runs', severity: 'note' })]);
  });
});

describe('ablation', () => {
  it('pairs seeds: deltas are without − with, with a paired 95% margin', () => {
    const base = [...many(6, durable()), ...many(4, game('exploratory', 'collapsed'))].map((g) => ({ ...g, injects: ['strike'] }));
    const without = [...many(9, durable()), game('exploratory', 'collapsed')];
    const r = ablationRow('strike', base, without);
    expect(r).toMatchObject({ inject: 'strike', seeds: 10, fired: 1, agreementWith: 0.6, agreementWithout: 0.9, collapseWith: 0.4, collapseWithout: 0.1 });
    expect(r.agreementDelta).toBeCloseTo(0.3);
    expect(r.collapseDelta).toBeCloseTo(-0.3);
    expect(r.agreementMargin).toBeGreaterThan(0);
    expect(ablationRow('x', base, base)).toMatchObject({ agreementDelta: 0, collapseDelta: 0, agreementMargin: 0 });
    expect(() => ablationRow('x', base, without.slice(1))).toThrow(/baseline/);
    function durable() {
      return game('monitoring', 'durable');
    }
  });

  it('orders by the larger absolute change, then the sum, then the id', () => {
    const row = (inject: string, a: number, c: number): AblationRow => ({
      inject,
      seeds: 100,
      fired: 1,
      agreementWith: 0.5,
      agreementWithout: 0.5 + a,
      agreementDelta: a,
      walkOutWith: 0,
      walkOutWithout: 0,
      causedWalkOuts: 0,
      causedBy: [],
      meters: [],
      collapseWith: 0.2,
      collapseWithout: 0.2 + c,
      collapseDelta: c,
      agreementMargin: 0.05,
      collapseMargin: 0.05,
    });
    const sorted = sortAblation([
      row('small', 0.02, 0),
      row('helps', 0.3, -0.1),
      row('hurts', -0.4, 0.1),
      row('tie-b', 0.1, 0),
      row('tie-a', 0.1, 0),
      row('both', 0.1, 0.1),
    ]);
    expect(sorted.map((r) => r.inject)).toEqual(['hurts', 'helps', 'both', 'tie-a', 'tie-b', 'small']);
    expect(ablationIsClear(sorted[0]!)).toBe(true);
    expect(ablationIsClear(sorted.at(-1)!)).toBe(false);
  });

  it('the analyzer may skip seeds where an inject never fired: such a game is the same without it', () => {
    // The engine guarantee the ablation relies on (src/cli/pack/balanceRun.ts).
    const s = loadScenarioFile(tutorial);
    const conditional = s.injects.find((i) => i.condition)!;
    const seed = [1, 2, 3, 4, 5].find((k) => !playRecord(s, 'random', k, 'standard', []).injects.includes(conditional.id));
    expect(seed).toBeDefined();
    expect(playRecord(s, 'random', seed!, 'standard', [conditional.id])).toEqual(playRecord(s, 'random', seed!, 'standard', []));
  });
});

describe('orchestration (in-process runner)', () => {
  const s = loadScenarioFile(tutorial);
  const inProcess = (): Runner & { jobs: number } => {
    const r = { size: 2, jobs: 0, run: async (job: Parameters<Runner['run']>[0]) => (r.jobs++, playJob([s], { ...job, id: r.jobs })) };
    return r;
  };

  it('plays every policy on the same seeds and ablates every scheduled inject, paired with the baseline', async () => {
    const runner = inProcess();
    const progress: [number, number][] = [];
    const { analyses, totals } = await analyseScenarios(runner, [s], { runs: 4, seed: 11, difficulty: 'standard', ablation: 2, exploitRuns: 0 }, (d, t) =>
      progress.push([d, t]),
    );
    const a = analyses[0]!;
    expect(a.policies.map((p) => [p.policy, p.games])).toEqual([
      ['random', 4],
      ['greedy', 4],
      ['by-the-book', 4],
      ['expert', 4],
    ]);
    expect(a.ablation.map((r) => r.inject).sort()).toEqual(s.injects.map((i) => i.id).sort());
    for (const r of a.ablation) expect(r.seeds).toBe(2);
    expect(totals).toEqual({ games: 16, ablationGames: a.ablationGames, exploitGames: 0 });
    expect(progress.at(-1)).toEqual([16 + a.ablationGames, 16 + a.ablationGames]);
    // The baseline of the ablation is by-the-book's first seeds, played the same in the main run.
    const first2 = [11, 12].map((k) => playRecord(s, 'by-the-book', k, 'standard', []));
    const agreement = first2.filter((g) => g.phaseReached === 'monitoring').length / 2;
    for (const r of a.ablation) expect(r.agreementWith).toBeCloseTo(agreement);
  });

  it('an engine failure rejects with its message', async () => {
    const failing: Runner = { size: 1, run: () => Promise.reject(new Error('the engine failed on tutorial, random, seed 3: boom')) };
    await expect(analyseScenarios(failing, [s], { runs: 4, seed: 1, difficulty: 'standard', ablation: 2 })).rejects.toThrow(/seed 3: boom/);
  });

  it('the ablation sample: 200 seeds by default, fewer for many injects, as told otherwise', () => {
    expect(ablationSeedsFor('auto', 1000, 8, 3)).toBe(200);
    expect(ablationSeedsFor('auto', 1000, 80, 3)).toBe(37);
    expect(ablationSeedsFor('auto', 20, 5, 3)).toBe(12);
    expect(ablationSeedsFor('auto', 1000, 0, 3)).toBe(0);
    expect(ablationSeedsFor(500, 1000, 80, 3)).toBe(500);
    expect(ablationSeedsFor(500, 100, 8, 3)).toBe(100);
  });

  it('batches are small enough to share the tail between workers', () => {
    expect(batchSize(10_000, 2)).toBe(50);
    expect(batchSize(60, 2)).toBe(4);
  });
});

describe('reports', () => {
  const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
  const analysis: ScenarioAnalysis = {
    scenario: {
      id: 'evil',
      title: `Title ${hostile}`,
      turnLimit: 12,
      injects: [{ id: 'raid', turn: 2, conditional: false, synopsis: `Raid ${hostile}`, contingencies: ['raid-again'] }],
    },
    runs: 3,
    seed: 1,
    difficulty: 'standard',
    ablationSeeds: 3,
    policies: [
      policyStats('random', [
        game('exploratory', 'collapsed', { injects: ['raid'] }),
        game('agenda', 'collapsed', { injects: ['raid', 'raid-again'], sins: ['haste'] }),
        game('exploratory', 'suspended'),
      ]),
      policyStats('by-the-book', [
        game('monitoring', 'durable', { injects: ['raid'], turns: 14 }),
        game('agreements', 'partial', { injects: ['raid'] }),
        game('monitoring', 'notImplemented', { turns: 16 }),
      ]),
    ],
    ablation: [
      {
        inject: 'raid',
        seeds: 3,
        fired: 1,
        agreementWith: 2 / 3,
        agreementWithout: 1,
        agreementDelta: 1 / 3,
        collapseWith: 0,
        collapseWithout: 0,
        collapseDelta: 0,
        agreementMargin: 0.65,
        collapseMargin: 0,
        walkOutWith: 0,
        walkOutWithout: 0,
        causedWalkOuts: 0,
        causedBy: [],
        meters: [],
      },
    ],
    ablationGames: 3,
    history: {
      history: { phaseReached: 'negotiation', outcome: 'collapsed' },
      reachedAtLeast: 2 / 3,
      samePhase: 0,
      sameOutcome: 0,
      same: 0,
      modalPhase: 'monitoring',
      modalOutcome: 'durable',
      summary: `History ${hostile}`,
      keyMoments: [{ turn: 3, label: `Moment ${hostile}` }],
    },
    exploitSeeds: 0,
    exploits: [],
    flags: [{ id: 'few-runs', severity: 'note', message: 'only 3 games' }],
  };
  const ctx = { file: `packs/${hostile}.yaml`, pack: { id: 'evil-pack', title: hostile, version: '1.0' }, generated: '2026-01-01T00:00:00Z' };

  it('HTML escapes every text from the pack and loads nothing', () => {
    const html = renderHtml(analysis, ctx);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Title &lt;script&gt;');
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(html).not.toMatch(/<[^>]*\s(src|href|on\w+)=/i);
    expect(html).not.toMatch(/@import|url\(/);
    // The charts are there, drawn inline.
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('by-the-book');
  });

  it('Markdown carries no raw HTML either', () => {
    const md = renderMarkdown(analysis, ctx);
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('## Injects that most change outcomes');
    expect(md).toContain('## History');
  });

  it('escape helpers', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(mdText('a | b\n*c*')).toBe('a \\| b \\*c\\*');
    expect(mdText('back\\slash <b>')).toBe('back\\\\slash &lt;b&gt;');
  });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('pack balance command line', () => {
  it('parses options and refuses bad ones', () => {
    expect(parseBalanceArgs(['x.yaml'])).toMatchObject({
      file: 'x.yaml',
      runs: 1000,
      seed: 1,
      out: 'reports',
      ablation: 'auto',
      difficulty: 'standard',
      engine: 'auto',
    });
    expect(parseBalanceArgs(['x.yaml#s2', '--runs', '50', '--ablation', '80'])).toMatchObject({ file: 'x.yaml', pick: 's2', runs: 50, ablation: 50 });
    expect(parseBalanceArgs(['--help'])).toBe('help');
    for (const bad of [
      [],
      ['a', 'b'],
      ['x', '--runs', 'many'],
      ['x', '--runs', '0'],
      ['x', '--frobnicate'],
      ['x', '--difficulty', 'brutal'],
      ['x', '--engine', 'wasm'],
      ['x#'],
    ]) {
      expect(() => parseBalanceArgs(bad), bad.join(' ')).toThrow();
    }
  });

  it('bad options exit 2 with a message, not a trace', async () => {
    const c = capture();
    expect(await runBalance([tutorial, '--runs', 'lots'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--runs must be a whole number/);
    expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('a missing file exits 1', async () => {
    const c = capture();
    expect(await runBalance([join(dir, 'nope.yaml')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/cannot find .*nope\.yaml/);
  });

  it('an invalid pack exits 1 and shows the validate output', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, edit(fixture('valid-pack.yaml'), 'turnLimit: 16', 'turnLimit: sixteen'));
    const c = capture();
    expect(await runBalance([bad], c.io)).toBe(1);
    expect(c.out.join('\n')).toMatch(/bad\.yaml:\d+:16 error: scenarios\[0\]\.turnLimit/);
    expect(c.err.join('\n')).toMatch(/not a valid pack/);
  });

  it('an unknown scenario id exits 2 and lists the ids', async () => {
    const c = capture();
    expect(await runBalance([`${tutorial}#nope`], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/no scenario "nope"; it has: tutorial/);
  });
});

describe('pack balance end to end (worker pool)', () => {
  it('plays the tutorial 20 times per policy and writes both reports', async () => {
    const out = join(dir, 'reports');
    const c = capture();
    const t0 = performance.now();
    const code = await runBalance([tutorial, '--runs', '20', '--ablation', '10', '--exploits', '4', '--out', out], {
      ...c.io,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const seconds = (performance.now() - t0) / 1000;
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const md = join(out, 'tutorial-tutorial.balance.md');
    const html = join(out, 'tutorial-tutorial.balance.html');
    expect(existsSync(md) && existsSync(html)).toBe(true);
    for (const text of [readFileSync(md, 'utf8'), readFileSync(html, 'utf8')]) {
      for (const policy of ['random', 'greedy', 'by-the-book', 'expert']) expect(text).toContain(policy);
      expect(text).toContain('Exploit checks');
      expect(text).toContain('customs-raid');
    }
    expect(readFileSync(md, 'utf8')).toContain('20 games per policy, seeds 1–20');
    const stdout = c.out.join('\n');
    expect(stdout).toContain(md);
    expect(stdout).toMatch(/exploit checks \(\d+ degenerate strategies, 4 seeds each\)|EXPLOIT: /);
    expect(stdout).toMatch(/Timing: 80 games \+ \d+ ablation games \+ \d+ exploit games in [\d.]+ s → \d+ games\/s on \d+ workers?/);
    expect(seconds).toBeLessThan(20);
  });
});
