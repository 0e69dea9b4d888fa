/**
 * The historical packs (scenarios/historical/): each loads as a pack without errors, carries what
 * really happened, plays to an end under every bot mediator, and is calibrated so that its
 * decisive inject matters — by-the-book play ends near where history did, and clearly better
 * without the inject that derailed the real talks.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadPack } from '../../src/scenario/pack';
import { formatProblem } from '../../src/scenario/load';
import { PHASES, type Scenario } from '../../src/scenario/schema';
import { playGame, POLICIES, runSummary, type RunSummary } from '../../src/sim/bots';
import { isOver } from '../../src/sim/game';

const dir = fileURLToPath(new URL('../../scenarios/historical/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();

function load(file: string): Scenario {
  const result = loadPack(readFileSync(join(dir, file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load:\n${result.problems.map((p) => formatProblem(p, file)).join('\n')}`);
  expect(result.value.scenarios).toHaveLength(1);
  return result.value.scenarios[0]!;
}

const rank = (phase: string) => PHASES.indexOf(phase as (typeof PHASES)[number]);
const signed = (r: RunSummary) => rank(r.phaseReached) >= rank('monitoring');

/**
 * Per pack: the inject that derailed the real talks, and what "doing better" means for that round
 * (the 2016 deal was signed and not kept, so there it is a deal that holds).
 */
/**
 * `gain`: how many more of the 30 runs must go well without the inject. Measured with the repaired
 * by-the-book (it answers strikes, sees a shock's target at once, does not table refused terms
 * again unchanged; seeds 1–30): 2014 reaches agreements 0 → 25, 2016 holds 6 → 25, 2017–18 signs
 * 7 → 13, 2021 signs 0 → 10; each gain keeps a margin below that (README, "What each kind of
 * player reaches (measured)").
 */
const DECISIVE: Record<string, { inject: string; better: (r: RunSummary) => boolean; gain: number }> = {
  'venezuela-2014-unasur-vatican.yaml': { inject: 'jacobson-testimony', better: (r) => rank(r.phaseReached) >= rank('agreements'), gain: 15 },
  'venezuela-2016-vatican.yaml': { inject: 'no-follow-through', better: (r) => r.outcome === 'durable', gain: 10 },
  'venezuela-2017-18-dominican-republic.yaml': { inject: 'early-election-call', better: signed, gain: 4 },
  'venezuela-2021-mexico.yaml': { inject: 'saab-extradition', better: signed, gain: 5 },
};

const SEEDS = 30;
/** Seeds for the failure-shape check of both good bots (README gives the 100-seed rates). */
const FAILURE_SEEDS = 40;
const play = (s: Scenario, seed: number, without: string[] = []) => {
  const r = playGame(s, { seed, policy: 'by-the-book', withoutInjects: without });
  return runSummary(r.game, 'by-the-book');
};

describe('historical packs', () => {
  it('ships the four rounds before Barbados and after it', () => {
    expect(files).toEqual(Object.keys(DECISIVE).sort());
  });

  describe.each(files)('%s', (file) => {
    it('loads with loadPack, without errors', () => {
      const result = loadPack(readFileSync(join(dir, file), 'utf8'), file);
      const problems = result.ok ? result.warnings : result.problems;
      expect(problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, file))).toEqual([]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.pack.version).toBe('1.0.0');
      expect(result.value.pack.authors).toEqual(['Third Side team']);
      expect(result.value.pack.learningObjectives.length).toBeGreaterThanOrEqual(3);
      expect(result.value.pack.learningObjectives.length).toBeLessThanOrEqual(5);
    });

    it('carries a history block, earlier talks and a confidential briefing for every seat', () => {
      const s = load(file);
      expect(s.history).toBeDefined();
      expect(s.history!.summary.length).toBeGreaterThan(200);
      expect(s.history!.keyMoments.length).toBeGreaterThanOrEqual(3);
      for (const m of s.history!.keyMoments) expect(m.turn).toBeLessThanOrEqual(s.turnLimit);
      expect(s.turnLimit).toBeLessThanOrEqual(30);
      expect(s.briefing.earlierTalks.length).toBeGreaterThan(0);
      const roles = [
        ...s.parties.map((p) => `party:${p.id}`),
        ...s.parties.flatMap((p) => p.factions.map((f) => `faction:${f.id}`)),
        ...s.externals.map((e) => `external:${e.id}`),
      ];
      for (const role of roles) expect(s.briefing.confidential[role], role).toBeTruthy();
    });

    it('writes every inject as a full MSEL entry, the decisive one included', () => {
      const s = load(file);
      for (const inj of s.injects) {
        expect(inj.target, `${inj.id}: target`).toBeTruthy();
        expect(inj.expectedResponse, `${inj.id}: expectedResponse`).toBeDefined();
        expect(inj.learningObjective, `${inj.id}: learningObjective`).toBeTruthy();
        expect(inj.turn !== undefined || inj.condition !== undefined, `${inj.id}: when`).toBe(true);
      }
      expect(s.injects.map((i) => i.id)).toContain(DECISIVE[file]!.inject);
    });

    it.each(POLICIES.map((p) => [p]))('plays to an end with the %s bot', (policy) => {
      const r = playGame(load(file), { seed: 7, policy });
      expect(r.ok).toBe(true);
      expect(isOver(r.game)).toBe(true);
    });

    it('ends by-the-book play near where history ended, and better without the decisive inject', () => {
      const s = load(file);
      const { inject, better, gain } = DECISIVE[file]!;
      const withIt: RunSummary[] = [];
      const without: RunSummary[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        withIt.push(play(s, seed));
        without.push(play(s, seed, [inject]));
      }
      // History's shape: most runs end within one phase of where the real talks got to.
      const near = withIt.filter((r) => Math.abs(rank(r.phaseReached) - rank(s.history!.phaseReached)) <= 1).length;
      expect(near, `runs near ${s.history!.phaseReached}`).toBeGreaterThanOrEqual(SEEDS / 2);
      // The decisive inject matters: more good outcomes without it (by `gain` runs of 30), never fewer.
      const good = (rs: RunSummary[]) => rs.filter(better).length;
      expect(good(without) - good(withIt), `${inject}: ${good(withIt)} → ${good(without)} of ${SEEDS}`).toBeGreaterThanOrEqual(gain);
      // Skill matters: random play gets less far than by-the-book.
      const mean = (rs: RunSummary[]) => rs.reduce((a, r) => a + rank(r.phaseReached), 0) / rs.length;
      const random = Array.from({ length: 10 }, (_, k) => runSummary(playGame(s, { seed: k + 1, policy: 'random' }).game, 'random'));
      expect(mean(random)).toBeLessThan(mean(withIt));
    }, 60_000);

    it.each([['by-the-book'], ['expert']] as const)(
      'with its decisive inject, the historical ending is the most common failure for %s; without it, clearly fewer failures',
      (policy) => {
        const s = load(file);
        const { inject, better } = DECISIVE[file]!;
        const games = (without: string[]) =>
          Array.from({ length: FAILURE_SEEDS }, (_, k) => runSummary(playGame(s, { seed: k + 1, policy, withoutInjects: without }).game, policy));
        const withIt = games([]);
        // Where the games that did not go well ended, by phase: the real talks' phase must lead.
        const byPhase = new Map<string, number>();
        for (const r of withIt) if (!better(r)) byPhase.set(r.phaseReached, (byPhase.get(r.phaseReached) ?? 0) + 1);
        const ranked = [...byPhase].sort((a, b) => b[1] - a[1]);
        expect(ranked[0]?.[0], `${policy} failures by phase: ${JSON.stringify(ranked)}`).toBe(s.history!.phaseReached);
        expect(ranked[0]![1], `${policy}: the historical ending leads clearly`).toBeGreaterThan((ranked[1]?.[1] ?? 0) + FAILURE_SEEDS / 10);
        const good = (rs: RunSummary[]) => rs.filter(better).length;
        expect(good(games([inject])) - good(withIt), `${policy} without ${inject}`).toBeGreaterThanOrEqual(FAILURE_SEEDS / 10);
      },
      60_000,
    );
  });
});
