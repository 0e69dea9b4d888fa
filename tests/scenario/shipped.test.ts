/**
 * The scenarios we ship must load cleanly and be playable: every issue has a zone of possible
 * agreement, every party has something it must see on the agenda, the tutorial offers a valid
 * target for every mediator move, and the flagship carries its history (6 August 2019).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import { MEDIATOR_MOVES, type IssueDef, type MoveType, type Scenario } from '../../src/scenario/schema';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();

function load(file: string): Scenario {
  const result = loadScenario(readFileSync(join(dir, file), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not load:\n${result.problems.map((p) => formatProblem(p, file)).join('\n')}`);
  return result.value;
}

/** The values of an issue a party can accept: from its red line towards (and past) its ideal. */
function acceptable(pos: IssueDef['positions'][string]): [number, number] {
  return pos.ideal >= pos.reservation ? [pos.reservation, 100] : [0, pos.reservation];
}

/** The zone of possible agreement: where every party's acceptable range overlaps, or null. */
export function zopa(issue: IssueDef): [number, number] | null {
  let lo = 0;
  let hi = 100;
  for (const pos of Object.values(issue.positions)) {
    const [a, b] = acceptable(pos);
    lo = Math.max(lo, a);
    hi = Math.min(hi, b);
  }
  return lo <= hi ? [lo, hi] : null;
}

describe('shipped scenarios', () => {
  it('ships the tutorial and the flagship', () => {
    expect(files).toContain('tutorial.yaml');
    expect(files).toContain('venezuela-2019.yaml');
  });

  describe.each(files)('%s', (file) => {
    it('loads with no errors', () => {
      const result = loadScenario(readFileSync(join(dir, file), 'utf8'));
      const problems = result.ok ? result.warnings : result.problems;
      const errors = problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => formatProblem(p, file))).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('has a non-empty zone of possible agreement on every issue', () => {
      const s = load(file);
      for (const issue of s.issues) {
        expect(zopa(issue), `issue "${issue.id}" has no overlap of red lines`).not.toBeNull();
        for (const [party, pos] of Object.entries(issue.positions)) {
          // An ideal equal to the red line leaves no room to move and no direction.
          expect(pos.ideal, `${issue.id}/${party}: ideal equals reservation`).not.toBe(pos.reservation);
        }
      }
    });

    it('gives every party a core issue', () => {
      const s = load(file);
      for (const p of s.parties) {
        expect(
          s.issues.some((i) => i.core.includes(p.id)),
          `party "${p.id}" has no core issue`,
        ).toBe(true);
      }
    });

    it('keeps refused issues reachable: each is core to another party, so reframing matters', () => {
      const s = load(file);
      for (const p of s.parties) {
        for (const issue of p.refuses) {
          const def = s.issues.find((i) => i.id === issue)!;
          expect(
            def.core.some((c) => c !== p.id),
            `"${issue}" refused by ${p.id} is nobody else's core issue`,
          ).toBe(true);
        }
      }
    });

    it('writes every inject as a full MSEL entry', () => {
      const s = load(file);
      for (const inj of s.injects) {
        expect(inj.target, `${inj.id}: target`).toBeTruthy();
        expect(inj.expectedResponse, `${inj.id}: expectedResponse`).toBeDefined();
        expect(inj.learningObjective, `${inj.id}: learningObjective`).toBeTruthy();
      }
      expect(
        s.injects.some((i) => i.contingency.length > 0),
        'at least one contingency',
      ).toBe(true);
    });

    it('sets key moments inside the game', () => {
      const s = load(file);
      for (const m of s.history?.keyMoments ?? []) expect(m.turn).toBeLessThanOrEqual(s.turnLimit);
    });
  });
});

describe('tutorial', () => {
  const s = load('tutorial.yaml');
  const spoilers = s.parties.flatMap((p) => p.factions).filter((f) => f.spoiler !== 'none');
  const otherVenues = s.venues.filter((v) => v.id !== s.startVenue);

  // A Record over MoveType: adding a move to the schema without a check here fails to compile.
  const validTarget: Record<MoveType, () => boolean> = {
    caucus: () => s.parties.length >= 2,
    jointSession: () => s.parties.length >= 2,
    proposeAgenda: () => s.issues.some((i) => i.core.length > 0),
    proposeFormula: () => s.issues.length > 0,
    proposePackage: () => s.issues.length >= 2,
    reframe: () => s.parties.some((p) => p.refuses.length > 0),
    requestCbm: () => s.parties.length > 0,
    engageExternal: () => s.externals.length > 0 && s.externals.some((e) => e.leverage.includes('guarantees') || e.leverage.includes('mediation')),
    engageSpoiler: () => spoilers.some((f) => f.spoiler === 'limited') && spoilers.some((f) => f.spoiler === 'greedy'),
    publicStatement: () => s.parties.length > 0,
    consultExperts: () => spoilers.length > 0 && s.issues.length > 0,
    studyHistory: () => s.briefing.earlierTalks.length > 0,
    technicalCommission: () => s.issues.length > 0,
    changeVenue: () =>
      otherVenues.length > 0 &&
      otherVenues.some((v) => v.nearPrincipals) &&
      s.injects.some((i) => i.effect.kind === 'venueOffer' && otherVenues.some((v) => v.id === (i.effect as { venue: string }).venue)),
    designVerification: () => s.turnLimit >= 10,
    proposeNextPhase: () => true,
    endTurn: () => true,
  };

  it.each(MEDIATOR_MOVES.map((m) => [m]))('offers a valid target for %s', (move) => {
    expect(validTarget[move]()).toBe(true);
  });

  it('hides one limited and one greedy spoiler', () => {
    expect(spoilers.map((f) => f.spoiler).sort()).toEqual(['greedy', 'limited']);
  });

  it('is small: two parties, 3–4 issues, 2 factions each, 2–3 outside actors, 2 venues', () => {
    expect(s.parties).toHaveLength(2);
    expect(s.issues.length).toBeGreaterThanOrEqual(3);
    expect(s.issues.length).toBeLessThanOrEqual(4);
    for (const p of s.parties) expect(p.factions).toHaveLength(2);
    expect(s.externals.length).toBeGreaterThanOrEqual(2);
    expect(s.externals.length).toBeLessThanOrEqual(3);
    expect(s.venues).toHaveLength(2);
    expect(s.actionPoints).toBe(3);
  });

  it('lets parties trade: weights differ across issues', () => {
    const [a, b] = s.parties.map((p) => p.id) as [string, string];
    const differing = s.issues.filter((i) => i.positions[a]!.weight !== i.positions[b]!.weight);
    expect(differing.length).toBeGreaterThanOrEqual(2);
  });
});

describe('venezuela-2019', () => {
  const s = load('venezuela-2019.yaml');
  const weekOf = (turn: number) => {
    const start = new Date(`${s.startDate}T00:00:00Z`).getTime();
    return new Date(start + (turn - 1) * 7 * 86_400_000);
  };

  it('starts mid-May 2019 in Oslo and can move to Barbados, near the principals', () => {
    expect(s.startDate).toBe('2019-05-13');
    expect(s.startVenue).toBe('oslo');
    expect(s.venues.find((v) => v.id === 'barbados')?.nearPrincipals).toBe(true);
    expect(s.injects.some((i) => i.effect.kind === 'venueOffer' && i.effect.venue === 'barbados')).toBe(true);
  });

  it('fires the 6 August 2019 secondary sanctions on the government around turn 13', () => {
    const inj = s.injects.find((i) => i.effect.kind === 'sanctions' && i.effect.sanction === 'secondary');
    expect(inj).toBeDefined();
    const effect = inj!.effect as Extract<Scenario['injects'][number]['effect'], { kind: 'sanctions' }>;
    expect(effect.actor).toBe('us');
    expect(effect.target).toBe('gov');
    expect(effect.magnitude).toBeGreaterThanOrEqual(25);
    expect(inj!.turn).toBeGreaterThanOrEqual(12);
    expect(inj!.turn).toBeLessThanOrEqual(14);
    const from = weekOf(inj!.turn!);
    const to = new Date(from.getTime() + 7 * 86_400_000);
    const aug6 = new Date('2019-08-06T00:00:00Z');
    expect(aug6 >= from && aug6 < to, `turn ${inj!.turn} starts ${from.toISOString()}`).toBe(true);
    // The debrief teaches pre-emption: some inject before it expects the US to be engaged.
    expect(s.injects.some((i) => (i.turn ?? 0) < inj!.turn! && i.expectedResponse?.move === 'engageExternal' && i.expectedResponse.target === 'us')).toBe(true);
  });

  it('models the government as stalling and refusing a transitional council', () => {
    const gov = s.parties.find((p) => p.id === 'gov')!;
    expect(gov.intent).toBe('stalling');
    expect(gov.refuses).toContain('council');
    expect(s.parties.find((p) => p.id === 'opp')!.intent).toBe('sincere');
  });

  it('has a narrow but real zone on the election date', () => {
    const z = zopa(s.issues.find((i) => i.id === 'election')!)!;
    expect(z).not.toBeNull();
    expect(z[1] - z[0]).toBeGreaterThan(0);
    expect(z[1] - z[0]).toBeLessThanOrEqual(20);
  });

  it('carries what really happened', () => {
    expect(s.history?.outcome).toBe('collapsed');
    expect(s.history?.keyMoments.some((m) => m.turn === 13)).toBe(true);
    expect(s.briefing.earlierTalks.length).toBeGreaterThanOrEqual(3);
    expect(s.turnLimit).toBeGreaterThanOrEqual(18);
  });
});
