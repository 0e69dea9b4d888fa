/**
 * The assessment on real engine games (issue 9 item 5), over a few seeds (the full rates belong in
 * balance reports, not in the unit suite's hot path):
 *  - a sin-aware player avoids each sin in most games without giving up its outcome;
 *  - clean, skilled play scores clearly above sinful play that reached the same outcome;
 *  - every debrief is consistent: no mark contradicts a sin, every evidence turn has its line, no
 *    stalemate over turns of commissions or reframing, no impotence for a first-turn strike, and
 *    the positive side (went well, stalling, injects, objectives) agrees with the rest.
 * Generic over the shipped tutorial and flagship: no scenario ids, no rule numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { computeDebrief, DEBRIEF_MESSAGES, EVIDENCE_LINES, SIN_IDS, type Debrief } from '../../src/sim/debrief';
import { PHASES } from '../../src/scenario/schema';
import type { Scenario, World } from '../../src/sim/types';
import { POLICY, type Policy } from '../../src/sim/bots/policies';
import { contradictions, linedTurns, playWith, policyOf, sinful } from './debriefPlayers';

function scenario(file: string): Scenario {
  const r = loadScenario(readFileSync(new URL(`../../scenarios/${file}.yaml`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.value;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const FILES = ['tutorial', 'venezuela-2019'] as const;
const base = POLICY['by-the-book'];
const rank = (d: Debrief) => PHASES.indexOf(d.phaseReached);
const signed = (d: Debrief) => d.outcome === 'durable' || d.outcome === 'notImplemented';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

interface Game {
  world: World;
  d: Debrief;
}
const games = new Map<string, Game[]>();
/** The games of one player on one scenario, played once and shared by the tests. */
function gamesOf(file: string, player: string, make: () => Policy): Game[] {
  const key = `${file}/${player}`;
  if (!games.has(key)) {
    const s = scenario(file);
    games.set(
      key,
      SEEDS.map((seed) => {
        const world = playWith(s, make(), seed);
        return { world, d: computeDebrief(s, world) };
      }),
    );
  }
  return games.get(key)!;
}

const expert = policyOf('expert');
if (!expert) throw new Error('the bots register no expert');
/*
 * The sin-aware player is the bots' expert (it vets each move against the sins). A by-the-book
 * base with its sinful moves dropped (debriefPlayers' `careful`) no longer keeps its outcome on the
 * flagship, so the skilled, clean player is the expert, and the sinful one is the same expert with
 * sins scripted in.
 */
const PLAYERS: Record<string, () => Policy> = {
  'by-the-book': () => base,
  expert: () => expert,
  sinful: () => sinful(expert),
};

/** Each sin committed in fewer than half the games; the outcome no worse than by-the-book's. */
function avoidsSins(file: string, player: string, make: () => Policy): void {
  const mine = gamesOf(file, player, make);
  const book = gamesOf(file, 'by-the-book', PLAYERS['by-the-book']!);
  for (const id of SIN_IDS) {
    const committed = mine.filter((g) => g.d.sins.find((x) => x.id === id)!.committed).length;
    expect(committed, `${file}: ${player} commits ${id} in ${committed} of ${SEEDS.length} games`).toBeLessThan(SEEDS.length / 2);
  }
  expect(mine.filter((g) => signed(g.d)).length, `${file}: signed games`).toBeGreaterThanOrEqual(book.filter((g) => signed(g.d)).length - 1);
  expect(mean(mine.map((g) => rank(g.d))), `${file}: mean phase reached`).toBeGreaterThanOrEqual(mean(book.map((g) => rank(g.d))) - 0.5);
}

describe.each(FILES)('the assessment of real games on %s', (file) => {
  it('a sin-aware player avoids each sin in most games, without giving up its outcome', () => {
    avoidsSins(file, 'expert', PLAYERS.expert!);
    // The sins it avoids are real: by-the-book, which does not vet its moves, commits more of them.
    const count = (player: string) => mean(gamesOf(file, player, PLAYERS[player]!).map((g) => g.d.sins.filter((x) => x.committed).length));
    expect(count('expert')).toBeLessThan(count('by-the-book'));
  }, 120_000);

  it('scores clean, skilled play at least 15 points above sinful play with the same outcome', () => {
    const clean = gamesOf(file, 'expert', PLAYERS.expert!);
    const dirty = gamesOf(file, 'sinful', PLAYERS.sinful!);
    const gaps = SEEDS.flatMap((_, k) => (clean[k]!.d.outcome === dirty[k]!.d.outcome ? [clean[k]!.d.score - dirty[k]!.d.score] : []));
    expect(gaps.length, 'games with the same outcome').toBeGreaterThanOrEqual(SEEDS.length / 2);
    expect(mean(gaps), `score gaps ${gaps.join(', ')}`).toBeGreaterThanOrEqual(15);
    for (const g of dirty) expect(g.d.sins.filter((x) => x.committed).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('gives a consistent debrief for every player', () => {
    for (const player of Object.keys(PLAYERS)) {
      for (const { world, d } of gamesOf(file, player, PLAYERS[player]!)) {
        const at = `${file} ${player} seed ${world.options.seed}`;
        // No positive mark contradicts a sin.
        expect(contradictions(d), at).toEqual([]);
        for (const s of d.sins) {
          // Every evidence turn has its line, and the lines fit the screen.
          expect(
            [...linedTurns(s)].filter((t) => s.evidenceTurns.includes(t)).sort((a, b) => a - b),
            `${at} ${s.id}`,
          ).toEqual(s.evidenceTurns);
          expect(s.evidence.length).toBeLessThanOrEqual(EVIDENCE_LINES);
          for (const m of [...s.evidence, s.better]) expect(DEBRIEF_MESSAGES[m.key], m.key).toBeTypeOf('string');
        }
        // No stalemate over turns that revealed interests (commissions, reframing).
        const studyTurns = new Set(
          world.log.flatMap((e) => (e.kind === 'move' && (e.command.type === 'technicalCommission' || e.command.type === 'reframe') ? [e.turn] : [])),
        );
        for (const m of d.sins.find((x) => x.id === 'inflexibility')!.evidence) {
          if (m.key !== 'debrief.sin.inflexibility.stuck') continue;
          for (let t = m.params!.from as number; t <= (m.params!.turn as number); t++) expect(studyTurns.has(t), `${at}: stuck over turn ${t}`).toBe(false);
        }
        // No impotence for a strike in the first turn, before the mediator could act.
        const impotence = d.sins.find((x) => x.id === 'impotence')!.evidence;
        expect(
          impotence.filter((m) => m.key !== 'debrief.sin.impotence.walkOutUnanswered' && m.params?.turn === 1),
          at,
        ).toEqual([]);
        // Outcome and ending agree: nothing signed and over is collapsed, not partial.
        if (d.finished && !signed(d)) expect(d.outcome, at).toBe('collapsed');
        expect(DEBRIEF_MESSAGES[d.ending.line.key], d.ending.line.key).toBeTypeOf('string');
        // The positive side agrees with the rest.
        expect(d.wentWell.hallmarks).toEqual(d.hallmarks.filter((h) => h.earned).map((h) => h.id));
        for (const i of d.wentWell.injects) expect(d.exercise.find((r) => r.id === i.id)?.met).toBe(true);
        for (const sp of d.wentWell.spoilers) expect(d.spoilers.find((x) => x.faction === sp.faction)).toMatchObject({ studied: true });
        expect(d.stalling.map((x) => x.party)).toEqual(
          Object.values(world.parties)
            .filter((p) => p.intent === 'stalling')
            .map((p) => p.id),
        );
        for (const o of d.objectives) {
          const reviews = d.exercise.filter((r) => o.injects.includes(r.id) && r.expected);
          if (o.status === 'met') expect(reviews.every((r) => r.met === true) && reviews.length > 0).toBe(true);
          if (o.status === 'missed') expect(reviews.some((r) => r.met === false)).toBe(true);
        }
        for (const r of d.exercise) if (r.met === true) expect(r.respondedTurn! - r.turn!).toBeLessThanOrEqual(r.expected!.withinTurns);
      }
    }
  }, 120_000);
});
