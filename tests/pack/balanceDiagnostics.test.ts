/**
 * `pack balance` explains outcomes (issue 12, item 2): the exit criteria never met, walk-outs by
 * turn and cause, each inject's direction and reason, the flags on them, and the note that
 * contingency rates are a bot's. Crafted packs whose cause is known, played in-process (10 games).
 */
import { describe, expect, it } from 'vitest';
import { DIRECT, playJob, playRecord, type GameRecord } from '../../src/cli/pack/balanceGames';
import { analyseScenarios, type Runner, type ScenarioAnalysis } from '../../src/cli/pack/balanceRun';
import {
  ablationReason,
  ablationRow,
  criterionLabel,
  diagnosticFlags,
  policyStats,
  stallStats,
  walkOutStats,
  type AblationRow,
} from '../../src/cli/pack/balanceStats';
import { renderHtml, renderMarkdown } from '../../src/cli/pack/balanceReport';
import { summaryLines } from '../../src/cli/pack/balance';
import { loadPack } from '../../src/scenario/pack';
import type { Scenario } from '../../src/scenario/schema';
import { traceGame } from '../../src/scenario/trace';
import { playGame } from '../../src/sim/bots';
import { edit, fixture } from './helpers';

const yaml = fixture('valid-pack.yaml');
const ctx = { file: 'pack.yaml', pack: { id: 'harbour-talks', title: 'The Harbour Talks', version: '1.0.0' }, generated: '2026-01-01T00:00:00Z' };

const scenarioOf = (text: string): Scenario => {
  const r = loadPack(text);
  if (!r.ok) throw new Error(`invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value.scenarios[0]!;
};

async function analyse(s: Scenario, ablation = 0, runs = 10): Promise<ScenarioAnalysis> {
  let id = 0;
  const runner: Runner = { size: 1, run: async (job) => playJob([s], { ...job, id: ++id }) };
  const { analyses } = await analyseScenarios(runner, [s], {
    runs,
    seed: 1,
    difficulty: 'standard',
    ablation,
    exploitRuns: 0,
    policies: ['random', 'by-the-book'],
  });
  return analyses[0]!;
}

/** Both parties' BATNA (60) beats what the process promises at turn 1 (42) by more than walkOutMargin (10). */
const walkOutAtOnce = yaml.replace(/domesticStrength: 42/g, 'domesticStrength: 60');
/** An inject that breaks the Alliance's commitment at turn 4: it walks out at that turn's close (commitment below 20). */
const breakingInject = edit(
  yaml,
  '    randomEvents:',
  `      - id: walkout-call
        turn: 4
        synopsis: The Alliance council recalls its delegation.
        effect: { kind: meters, party: opp, commitment: -40 }
        target: opp
        expectedResponse: { move: publicStatement, withinTurns: 1, description: Reassure the Alliance in public. }
        contingency:
          - id: council-hardens
            synopsis: The council says the talks are over for now.
            effect: { kind: news }
            target: opp
    randomEvents:`,
);

describe('a pack whose parties walk out on turn 1', () => {
  const s = scenarioOf(walkOutAtOnce);
  const run = analyse(s);

  it('records each walk-out with its turn, party and rule, as the trace explains it', () => {
    const r = playRecord(s, 'by-the-book', 1, 'standard', []);
    expect(r.walkOuts.map((w) => [w.turn, w.party, w.cause])).toEqual([
      [1, 'gov', 'batna'],
      [1, 'opp', 'batna'],
    ]);
    const t = traceGame(playGame(s, { seed: 1, policy: 'by-the-book' }).game);
    expect(t.trace[0]!.walkOuts.map((w) => w.reason)).toEqual([
      expect.stringMatching(/^BATNA 6\d(\.\d)? exceeds .* more than walkOutMargin 10$/),
      expect.stringMatching(/^BATNA 6\d(\.\d)? exceeds .* more than walkOutMargin 10$/),
    ]);
    expect(r.ending).toBe('all-walked-out');
    expect(r.stalledIn).toBe('exploratory');
  });

  it('counts walk-outs by turn and cause per policy', async () => {
    const a = await run;
    for (const p of a.policies) {
      expect(p.walkOuts.games, p.policy).toBe(1);
      expect(p.walkOuts.early, p.policy).toBe(1);
      expect(p.walkOuts.byTurn[0]).toBe(1);
      expect(p.walkOuts.causes[0]).toMatchObject({ cause: 'batna', games: 1, early: 1, medianTurn: 1 });
      expect(p.walkOuts.causes[0]!.parties.map((x) => x.id).sort()).toEqual(['gov', 'opp']);
      expect(p.walkOuts.byTurnCause.batna[0]).toBe(1);
    }
  });

  it('flags the early walk-outs with the rule and the parties, and the criteria never met', async () => {
    const a = await run;
    const early = a.flags.find((f) => f.id === 'early-walk-outs');
    expect(early?.severity).toBe('problem');
    expect(early?.message).toMatch(/turn 1–2 in 100\.0% of by-the-book games/);
    expect(early?.message).toMatch(/BATNA above the promise by more than walkOutMargin 100\.0% \(gov, opp\)/);
    const never = a.flags.find((f) => f.id === 'criterion-never-met');
    expect(never?.message).toMatch(/The Government's commitment never reached 50 \(exploratory\) 100\.0%/);
    const btb = a.policies.find((p) => p.policy === 'by-the-book')!;
    expect(btb.stalls).toMatchObject({ games: 1, stalledIn: { exploratory: 1 }, endings: { 'all-walked-out': 1 } });
  });

  it('shows both sections in the Markdown, the HTML and the console', async () => {
    const a = await run;
    const md = renderMarkdown(a, ctx);
    expect(md).toContain('## Why games end without an agreement');
    expect(md).toMatch(/\| The Government's commitment never reached 50 \| exploratory \| 100% \| 100% \|/);
    expect(md).toContain('## Walk-outs by turn and cause');
    expect(md).toMatch(/\| by-the-book \| any cause \| 100\.0% \| 100\.0% \| 2\.00 \|/);
    expect(md).toMatch(/\| 1 \| 100% \| 100% \|/);
    const html = renderHtml(a, ctx);
    expect(html).toContain('<h2>Why games end without an agreement</h2>');
    expect(html).toContain('<h2>Walk-outs by turn and cause</h2>');
    expect(html).toContain('BATNA above the promise by more than walkOutMargin');
    const text = summaryLines(a).join('\n');
    expect(text).toMatch(/by-the-book +100% unsigned: .*commitment never reached 50 100%/);
    expect(text).toMatch(/by-the-book +100%; early 100%; BATNA above the promise by more than walkOutMargin 100% \(gov, opp, median turn 1\)/);
    expect(text).toMatch(/PROBLEM early-walk-outs/);
  });
});

describe('an inject that breaks a party', () => {
  const s = scenarioOf(breakingInject);
  // 20 paired games: a by-the-book that answers strikes signs one game in ten even with the walk-out, and 10 leave the effect within noise.
  const run = analyse(s, 20, 20);

  it('says which way it pushes the talks and why, and flags it', async () => {
    const a = await run;
    const row = a.ablation.find((r) => r.inject === 'walkout-call')!;
    expect(row.agreementDelta).toBeGreaterThanOrEqual(0.2);
    // −40 each game, a little less where the meter's floor (0) cut it short.
    expect(row.meters[0]).toMatchObject({ target: 'opp', meter: 'commitment' });
    expect(row.meters[0]!.mean).toBeGreaterThanOrEqual(-40);
    expect(row.meters[0]!.mean).toBeLessThanOrEqual(-39);
    expect(row.walkOutWith).toBe(1);
    expect(row.walkOutWithout).toBeLessThan(row.walkOutWith);
    const reason = ablationReason(row);
    expect(reason).toMatch(
      /^removing it raises agreement by \d+\.\d points: it works against the talks( \(within noise\))? — it moves opp commitment −(40|39(\.\d)?)\b/,
    );
    expect(reason).toMatch(/games with it have a walk-out in 100%, without it \d+%/);
    const flag = a.flags.find((f) => f.id === 'decisive-inject' && f.message.includes('"walkout-call"'));
    expect(flag?.message).toContain(reason);
    // The walk-out itself is the commitment rule at the turn's close.
    const btb = a.policies.find((p) => p.policy === 'by-the-book')!;
    expect(btb.walkOuts.causes.find((c) => c.cause === 'commitment')).toMatchObject({ games: 1, medianTurn: 4, parties: [{ id: 'opp', share: 1 }] });
    expect(renderMarkdown(a, ctx)).toContain(`| ${reason.replace(/\*/g, '\\*')} |`);
    expect(renderHtml(a, ctx)).toMatch(/it moves opp commitment −(40|39(\.\d)?)\b/);
    expect(summaryLines(a).join('\n')).toContain(`walkout-call: ${reason}`);
  });

  it('says next to contingency rates that they are a bot’s, not a trainee’s', async () => {
    const a = await run;
    const md = renderMarkdown(a, ctx);
    expect(md).toMatch(
      /## Injects fired\n\nShare of games in which each inject \(or contingency, indented\) fired\. Contingency rates are a bot's, not a trainee's/,
    );
    expect(renderHtml(a, ctx)).toContain('Contingency rates are a bot&#39;s, not a trainee&#39;s');
    // The bots answer a strike (alliance-wavers no longer fires for by-the-book) but not a call for a public statement.
    expect(summaryLines(a).join('\n')).toMatch(/contingencies \(by-the-book\): council-hardens \d+%.* — these are a bot's, not a trainee's/);
  });
});

describe('diagnostics on synthetic games', () => {
  const signed = (): GameRecord => ({
    outcome: 'durable',
    phaseReached: 'monitoring',
    turns: 12,
    score: 60,
    sins: [],
    injects: [],
    timeline: ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring', 'concluded'],
    walkOuts: [],
    ending: 'concluded',
    stalledIn: '',
    unmet: [],
    effects: [],
  });
  const stalledNoDirect = (): GameRecord => ({
    ...signed(),
    outcome: 'partial',
    phaseReached: 'agreements',
    timeline: ['exploratory', 'agenda', 'negotiation', 'agreements', 'collapsed'],
    ending: 'turn-limit',
    stalledIn: 'agreements',
    unmet: [DIRECT, JSON.stringify({ key: 'criteria.signed', params: { party: 'The Government' } })],
  });
  const earlyOut = (turn: number): GameRecord => ({ ...signed(), walkOuts: [{ turn, party: 'gov', cause: 'batna', by: '' }] });

  it('names the criteria never met, as shares of all games and of the unsigned ones', () => {
    const st = stallStats([...Array.from({ length: 7 }, stalledNoDirect), signed(), signed(), signed()]);
    expect(st.games).toBeCloseTo(0.7);
    expect(st.stalledIn.agreements).toBeCloseTo(0.7);
    expect(st.endings['turn-limit']).toBeCloseTo(0.7);
    expect(st.unmet[0]).toMatchObject({ label: 'never reached direct talks (face to face)', phase: 'agreements', ofStalled: 1 });
    expect(st.unmet[0]!.share).toBeCloseTo(0.7);
    expect(criterionLabel(JSON.stringify({ key: 'criteria.formula', params: { issue: 'Election date' } }))).toBe(
      'no formula everyone accepts on Election date',
    );
  });

  it('flags a criterion never met in half the by-the-book games, not below', () => {
    const half = policyStats('by-the-book', [...Array.from({ length: 5 }, stalledNoDirect), ...Array.from({ length: 5 }, signed)]);
    expect(diagnosticFlags({ 'by-the-book': half }).map((f) => f.message)).toEqual([
      expect.stringMatching(/^by-the-book games end with an exit criterion never met: never reached direct talks \(face to face\) \(agreements\) 50\.0%/),
    ]);
    const fewer = policyStats('by-the-book', [...Array.from({ length: 4 }, stalledNoDirect), ...Array.from({ length: 6 }, signed)]);
    expect(diagnosticFlags({ 'by-the-book': fewer })).toEqual([]);
  });

  it('flags walk-outs on turns 1–2 from 20% of by-the-book games; turn 3 does not count', () => {
    const at = (turn: number, n: number) =>
      policyStats('by-the-book', [...Array.from({ length: n }, () => earlyOut(turn)), ...Array.from({ length: 10 - n }, signed)]);
    expect(diagnosticFlags({ 'by-the-book': at(2, 2) }).map((f) => f.id)).toEqual(['early-walk-outs']);
    expect(diagnosticFlags({ 'by-the-book': at(2, 1) })).toEqual([]);
    expect(diagnosticFlags({ 'by-the-book': at(3, 5) })).toEqual([]);
    const w = walkOutStats([earlyOut(1), earlyOut(3), signed(), signed()]);
    expect(w).toMatchObject({ games: 0.5, early: 0.25, perGame: 0.5 });
    expect(w.byTurn.slice(0, 3)).toEqual([0.25, 0, 0.25]);
  });

  it('explains an inject that helps: the direction, its meters, the walk-outs it causes', () => {
    const withIt: GameRecord[] = Array.from({ length: 10 }, (_, i) => ({
      ...(i < 6 ? signed() : stalledNoDirect()),
      injects: ['shock', 'shock-follow-up'],
      walkOuts: i === 9 ? [{ turn: 5, party: 'gov', cause: 'pretext', by: 'shock' }] : [],
      effects: [
        { id: 'shock', target: 'gov', meter: 'commitment', delta: -8 },
        { id: 'shock-follow-up', target: 'gov', meter: 'batna', delta: -3 },
      ],
    }));
    const without = Array.from({ length: 10 }, (_, i) => (i < 2 ? signed() : stalledNoDirect()));
    const row: AblationRow = ablationRow('shock', withIt, without, ['shock', 'shock-follow-up']);
    expect(row).toMatchObject({ causedWalkOuts: 0.1, walkOutWith: 0.1, walkOutWithout: 0 });
    expect(row.agreementDelta).toBeCloseTo(-0.4);
    expect(row.meters).toEqual([
      { target: 'gov', meter: 'commitment', mean: -8 },
      { target: 'gov', meter: 'batna', mean: -3 },
    ]);
    expect(ablationReason(row)).toBe(
      'removing it lowers agreement by 40.0 points: it helps the talks — it moves gov commitment −8, gov BATNA −3; it makes a party walk out in 10% of the games it fires in (gov: sanctions shock: a stalling party’s pretext); games with it have a walk-out in 10%, without it 0%',
    );
    const flags = diagnosticFlags({}, [row]);
    expect(flags.map((f) => [f.id, f.message])).toEqual([['decisive-inject', `inject "shock" decides the outcome: ${ablationReason(row)}`]]);
    expect(diagnosticFlags({}, [{ ...row, agreementDelta: -0.19 }])).toEqual([]);
  });
});
