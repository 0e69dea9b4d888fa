/**
 * Properties of the engine on both shipped scenarios, over arbitrary command sequences: legal
 * moves (from the move list and from the bot mediators, so deep phases are reached), seat and
 * instructor commands, and junk of every shape.
 *  - applying a command never throws, and the statechart never ends in an error state;
 *  - every meter stays within its range;
 *  - a refused command changes nothing, and an accepted one never changes the game it came from;
 *  - once collapsed or concluded, every further command is refused and the state stays the same;
 *  - replaying the accepted commands (replay, or a save through JSON) reproduces the state hash;
 *  - a party's view never holds another party's hidden values; the mediator never sees a spoiler
 *    type it has not studied;
 *  - bot games (playGame, one copy-on-write scope per game) equal the same commands applied one by one.
 * Commands naming an Object.prototype member (e.g. party "constructor") are left out here: they are a
 * known engine bug, pinned down in tests/unit/engine.bugs.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, candidatesOf, createGame, isOver, legalCommands, loadSave, replay, stateHash, toSave, viewFor, worldOf, type Game } from '../../src/sim';
import { botCommand, playGame, type PolicyId } from '../../src/sim/bots';
import { MEDIATOR_MOVES } from '../../src/scenario/schema';
import { Dice, seedState } from '../../src/sim/rng';
import { apparentCommitment } from '../../src/sim/rules/criteria';
import type { Command, Difficulty, Effect, GameOptions, MediatorCommand, Role, Scenario, World } from '../../src/sim/types';
import { shipped } from '../fixtures/engine';

const NUM_RUNS = 50;
const STATS: string[] = [];
const MAX_STEPS = 120;

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const PROTO_RE = new RegExp(`"(${PROTO_KEYS.join('|')})"`);
/** Known bug (engine.bugs.test.ts): ids that are Object.prototype members pass validation. */
const mentionsProtoKey = (x: unknown): boolean => {
  try {
    return PROTO_RE.test(JSON.stringify(x) ?? '');
  } catch {
    return false;
  }
};

const MOVE_TYPES = [...MEDIATOR_MOVES, 'readBriefing'] as MediatorCommand['type'][];
const SEAT_TYPES = ['respond', 'gesture', 'walkOut', 'returnToTable', 'spoilerAction', 'externalAction', 'inject'];

interface Ids {
  parties: string[];
  factions: string[];
  externals: string[];
  issues: string[];
  venues: string[];
  injects: string[];
  all: string[];
}
function idsOf(s: Scenario): Ids {
  const parties = s.parties.map((p) => p.id);
  const factions = s.parties.flatMap((p) => p.factions.map((f) => f.id));
  const externals = s.externals.map((e) => e.id);
  const issues = s.issues.map((i) => i.id);
  const venues = s.venues.map((v) => v.id);
  const injects = s.injects.flatMap((i) => [i.id, ...i.contingency.map((c) => c.id)]);
  return { parties, factions, externals, issues, venues, injects, all: [...parties, ...factions, ...externals, ...issues, ...venues] };
}

// ---------------------------------------------------------------- arbitraries

type Step =
  | { k: 'bot'; policy: PolicyId }
  | { k: 'legal'; pick: number; value: number }
  | { k: 'candidate'; pick: number }
  | { k: 'end' }
  | { k: 'junk'; cmd: unknown }
  | { k: 'seat'; cmd: Command }
  | { k: 'respond'; party: string; pick: number; accept: boolean };

interface Plan {
  options: GameOptions;
  botSeed: number;
  steps: Step[];
}

function arbitraries(s: Scenario) {
  const ids = idsOf(s);
  const realId = fc.constantFrom(...ids.all);
  const junkId = fc.oneof(realId, fc.string({ maxLength: 6 }), fc.constant(''), fc.integer({ min: -5, max: 5 }), fc.constant(null), fc.constant(undefined));
  const junkNumber = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 100.0001, -0.0001),
    fc.string({ maxLength: 4 }),
    fc.constant(null),
  );
  const roles: Role[] = [
    'mediator',
    'instructor',
    'observer',
    ...ids.parties.map((p) => `party:${p}` as Role),
    ...ids.factions.map((f) => `faction:${f}` as Role),
    ...ids.externals.map((e) => `external:${e}` as Role),
  ];
  const junkRole = fc.oneof(fc.constantFrom<unknown>(...roles), fc.constantFrom<unknown>('party:nobody', 'king', '', 'Mediator', 'party:', undefined, null, 7));

  const validEffect: fc.Arbitrary<Effect> = fc.oneof(
    fc.record(
      {
        kind: fc.constant('meters' as const),
        party: fc.constantFrom(...ids.parties),
        trustInMediator: fc.integer({ min: -50, max: 50 }),
        commitment: fc.integer({ min: -50, max: 50 }),
        cohesion: fc.integer({ min: -50, max: 50 }),
        batna: fc.integer({ min: -50, max: 50 }),
      },
      { requiredKeys: ['kind', 'party'] },
    ),
    fc.record({
      kind: fc.constant('sanctions' as const),
      actor: fc.constantFrom(...ids.externals),
      sanction: fc.constantFrom('new' as const, 'secondary' as const, 'relief' as const, 'snapback' as const),
      target: fc.constantFrom(...ids.parties),
      magnitude: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      kind: fc.constant('spoiler' as const),
      faction: fc.constantFrom(...ids.factions),
      action: fc.constantFrom('crackdown' as const, 'arrest' as const, 'denunciation' as const, 'violence' as const, 'callWalkout' as const, 'leak' as const),
    }),
    fc.record({
      kind: fc.constant('cbm' as const),
      party: fc.constantFrom(...ids.parties),
      cbm: fc.constantFrom('prisonerRelease' as const, 'releaseForeigners' as const, 'humanitarianChannel' as const, 'ceasefire' as const),
    }),
    fc.record({
      kind: fc.constant('supportShift' as const),
      actor: fc.constantFrom(...ids.externals),
      party: fc.constantFrom(...ids.parties),
      delta: fc.integer({ min: -100, max: 100 }),
    }),
    fc.constant<Effect>({ kind: 'leak', source: 'a test' }),
    fc.record(
      {
        kind: fc.constant('deadline' as const),
        label: fc.constant('a deadline'),
        party: fc.constantFrom(...ids.parties),
        pressure: fc.integer({ min: -30, max: 30 }),
      },
      { requiredKeys: ['kind', 'label', 'pressure'] },
    ),
    fc.record({ kind: fc.constant('walkOut' as const), party: fc.constantFrom(...ids.parties) }),
    ...(ids.venues.length ? [fc.record({ kind: fc.constant('venueOffer' as const), venue: fc.constantFrom(...ids.venues) })] : []),
    fc.constant<Effect>({ kind: 'news' }),
  );
  const junkEffect = fc.oneof(
    validEffect,
    fc.anything({ maxDepth: 2 }),
    fc.record(
      { kind: fc.constantFrom('meters', 'sanctions', 'spoiler', 'quake'), party: junkId, actor: junkId, faction: junkId, magnitude: junkNumber },
      { requiredKeys: ['kind'] },
    ),
  );

  const junk: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          type: fc.oneof(fc.constantFrom<unknown>(...MOVE_TYPES, ...SEAT_TYPES), fc.string({ maxLength: 6 }), fc.constant(undefined)),
          role: junkRole,
          party: junkId,
          issue: junkId,
          actor: junkId,
          faction: junkId,
          subject: junkId,
          venue: junkId,
          value: junkNumber,
          issues: fc.oneof(fc.array(junkId, { maxLength: 5 }), junkId),
          terms: fc.oneof(fc.dictionary(fc.oneof(realId, fc.string({ maxLength: 5 })), junkNumber, { maxKeys: 5 }), junkNumber),
          tone: fc.oneof(fc.constantFrom('sober', 'optimistic', 'critical'), fc.string({ maxLength: 4 })),
          cbm: fc.oneof(fc.constantFrom('prisonerRelease', 'ceasefire', 'parade'), junkId),
          ask: fc.oneof(fc.constantFrom('backing', 'incentive', 'restraint', 'guarantee', 'money'), junkId),
          approach: fc.oneof(fc.constantFrom('induce', 'socialize', 'coerce', 'isolate', 'bribe'), junkId),
          action: fc.oneof(fc.constantFrom('leak', 'violence', 'parade'), junkId),
          proposal: junkNumber,
          accept: fc.oneof(fc.boolean(), junkNumber),
          inject: fc.oneof(fc.constantFrom(...(ids.injects.length ? ids.injects : ['none'])), junkId),
          effect: junkEffect,
          synopsis: fc.oneof(fc.string({ maxLength: 20 }), junkNumber),
        },
        { requiredKeys: [] },
      ),
    },
  );

  const seat: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant('inject' as const), effect: validEffect, role: fc.constant('instructor' as const) }),
    ...(ids.injects.length
      ? [fc.record({ type: fc.constant('inject' as const), inject: fc.constantFrom(...ids.injects), role: fc.constant('instructor' as const) })]
      : []),
    fc.record({
      type: fc.constantFrom('walkOut' as const, 'returnToTable' as const),
      role: fc.constantFrom(...ids.parties.map((p) => `party:${p}` as Role)),
    }) as fc.Arbitrary<Command>,
    fc.record({
      type: fc.constant('gesture' as const),
      cbm: fc.constantFrom('prisonerRelease' as const, 'ceasefire' as const),
      role: fc.constantFrom(...ids.parties.map((p) => `party:${p}` as Role)),
    }) as fc.Arbitrary<Command>,
    fc.record({
      type: fc.constant('spoilerAction' as const),
      action: fc.constantFrom('leak' as const, 'violence' as const, 'callWalkout' as const),
      role: fc.constantFrom(...ids.factions.map((f) => `faction:${f}` as Role)),
    }) as fc.Arbitrary<Command>,
  );

  const bot = (policy: PolicyId) => ({ k: 'bot' as const, policy });
  const legal = fc.record({ k: fc.constant('legal' as const), pick: fc.nat(), value: fc.integer({ min: 0, max: 100 }) });
  const respond = fc.record({ k: fc.constant('respond' as const), party: fc.constantFrom(...ids.parties), pick: fc.nat(), accept: fc.boolean() });
  // Chaos: anything goes, seats and the instructor included (processes mostly end suspended or collapsed).
  const chaos: fc.Arbitrary<Step> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<PolicyId>('by-the-book', 'greedy', 'random').map(bot) },
    { weight: 4, arbitrary: legal },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('candidate' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.constant({ k: 'end' as const }) },
    { weight: 3, arbitrary: junk.map((cmd) => ({ k: 'junk' as const, cmd })) },
    { weight: 1, arbitrary: seat.map((cmd) => ({ k: 'seat' as const, cmd })) },
    { weight: 1, arbitrary: respond },
  );
  // Deep: mostly sound mediation with junk thrown in, so agreements and monitoring are reached too.
  const deep: fc.Arbitrary<Step> = fc.oneof(
    { weight: 14, arbitrary: fc.constant(bot('by-the-book')) },
    { weight: 1, arbitrary: fc.constantFrom<PolicyId>('greedy', 'random').map(bot) },
    { weight: 1, arbitrary: legal },
    { weight: 3, arbitrary: junk.map((cmd) => ({ k: 'junk' as const, cmd })) },
    { weight: 1, arbitrary: respond },
  );

  const humanSeats: Role[] = [
    ...ids.parties.map((p) => `party:${p}` as Role),
    `faction:${ids.factions[ids.factions.length - 1]}` as Role,
    `external:${ids.externals[0]}` as Role,
  ];
  const options: fc.Arbitrary<GameOptions> = fc.record({
    seed: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    difficulty: fc.constantFrom<Difficulty>('easy', 'standard', 'hard'),
    humanRoles: fc.oneof({ weight: 3, arbitrary: fc.constant([] as Role[]) }, { weight: 2, arbitrary: fc.subarray(humanSeats) }),
  });
  const steps = (st: fc.Arbitrary<Step>) => fc.array(st, { minLength: 10, maxLength: MAX_STEPS, size: 'max' });
  const plan: fc.Arbitrary<Plan> = fc.oneof(
    fc.record({ options, botSeed: fc.integer(), steps: steps(chaos) }),
    fc.record({
      options: options.map((o) => ({ ...o, humanRoles: o.humanRoles.filter((r) => !r.startsWith('party:')) })),
      botSeed: fc.integer(),
      steps: steps(deep),
    }),
  );
  return { plan, junk, seat, ids };
}

// ---------------------------------------------------------------- checks

function allLegal(g: Game): MediatorCommand[] {
  return MOVE_TYPES.flatMap((t) => legalCommands(g, t));
}

/** Turn a step into a command for the current game (legal picks are resolved against it). */
function commandFor(g: Game, step: Step, dice: Dice): unknown {
  switch (step.k) {
    case 'bot':
      return botCommand(step.policy, g, dice);
    case 'legal': {
      const legal = allLegal(g);
      if (legal.length === 0) return { type: 'endTurn', role: 'mediator' };
      const c = legal[step.pick % legal.length]!;
      return { ...(c.type === 'proposeFormula' ? { ...c, value: step.value } : c), role: 'mediator' };
    }
    case 'candidate': {
      // Any well-formed candidate, legal now or not (the move list greys out the others).
      const all = MOVE_TYPES.flatMap((t) => candidatesOf(g, t));
      return { ...all[step.pick % all.length]!, role: 'mediator' };
    }
    case 'end':
      return { type: 'endTurn', role: 'mediator' };
    case 'junk':
      return step.cmd;
    case 'seat':
      return step.cmd;
    case 'respond': {
      const pending = worldOf(g).proposals.filter((p) => p.responses[step.party] === 'pending');
      const p = pending[step.pick % Math.max(1, pending.length)];
      return { type: 'respond', proposal: p?.id ?? step.pick, accept: step.accept, role: `party:${step.party}` };
    }
  }
}

function inRange(label: string, v: unknown, lo: number, hi: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) throw new Error(`${label} = ${String(v)} is outside ${lo}..${hi}`);
}

function checkMeters(w: World): void {
  inRange('ap', w.ap, 0, 10);
  inRange('verification', w.verification, 0, 100);
  for (const p of Object.values(w.parties)) {
    for (const m of ['trustInMediator', 'commitment', 'cohesion', 'batna'] as const) inRange(`${p.id}.${m}`, p[m], 0, 100);
    for (const [o, v] of Object.entries(p.trustIn)) inRange(`${p.id}.trustIn.${o}`, v, 0, 100);
    inRange(`${p.id}.incentive`, p.incentive, 0, 20);
    inRange(`${p.id}.shock`, p.shock, -1e6, 1e6);
  }
  for (const f of Object.values(w.factions)) inRange(`${f.id}.satisfaction`, f.satisfaction, 0, 100);
  for (const e of Object.values(w.externals)) {
    inRange(`${e.id}.disposition`, e.disposition, -100, 100);
    for (const [p, v] of Object.entries(e.support)) inRange(`${e.id}.support.${p}`, v, -100, 100);
  }
  for (const [p, v] of Object.entries(w.compliance)) inRange(`compliance.${p}`, v, 0, 100);
  for (const r of w.series) inRange('progress', r.progress, 0, 1);
}

/** What each role may see (DESIGN.md §6). */
function checkViews(g: Game): void {
  const s = g.scenario;
  const w = worldOf(g);
  for (const pd of s.parties) {
    const role = `party:${pd.id}` as Role;
    const v = viewFor(g, role);
    const json = JSON.stringify(v);
    expect(json).not.toContain('"truth"');
    expect(json).not.toContain('"injects"');
    for (const issue of v.issues) {
      expect(Object.keys(issue.known), `${role} knows ${issue.id}`).toEqual([pd.id]);
      const pos = s.issues.find((i) => i.id === issue.id)!.positions[pd.id]!;
      expect(issue.known[pd.id]).toEqual({ ideal: pos.ideal, weight: pos.weight, reservation: pos.reservation });
    }
    for (const pv of v.parties) {
      const truth = w.parties[pv.id]!;
      if (pv.id === pd.id) {
        expect(pv.intent).toBe(truth.intent);
        continue;
      }
      expect(pv.intent, `${role} sees ${pv.id}'s intent`).toBe('unknown');
      // A stalling party's true commitment is hidden behind its facade.
      expect(pv.commitment).toBe(Math.round(apparentCommitment(truth)));
      if (truth.intent === 'stalling') expect(pv.commitment).toBeGreaterThanOrEqual(55);
    }
    for (const f of v.parties.flatMap((p) => p.factions)) expect(f.spoiler).toBe('unknown');
    for (const p of v.proposals) {
      expect(p.responses).toHaveProperty(pd.id);
      expect(Object.keys(p.reasons).every((k) => k === pd.id)).toBe(true);
    }
    expect(v.log.every((e) => e.kind !== 'response' || e.party === pd.id)).toBe(true);
  }

  const m = viewFor(g, 'mediator');
  expect(m.truth).toBeUndefined();
  expect(m.injects).toBeUndefined();
  const studied = new Set(w.log.flatMap((e) => (e.kind === 'move' && e.command.type === 'consultExperts' ? [e.command.subject] : [])));
  for (const f of m.parties.flatMap((p) => p.factions)) {
    if (f.spoiler !== 'unknown') {
      expect(studied.has(f.id), `mediator sees ${f.id}'s type unstudied`).toBe(true);
      expect(f.spoiler).toBe(w.factions[f.id]!.spoiler);
    }
  }
  for (const pv of m.parties) {
    const truth = w.parties[pv.id]!;
    expect(['unknown', 'suspected']).toContain(pv.intent);
    if (pv.intent === 'suspected') expect(truth.intent === 'stalling' && w.knowledge.history).toBe(true);
    expect(pv.commitment).toBe(Math.round(apparentCommitment(truth)));
  }
  for (const issue of m.issues) {
    for (const [pid, known] of Object.entries(issue.known)) {
      const pos = s.issues.find((i) => i.id === issue.id)!.positions[pid]!;
      expect(known).toEqual(w.knowledge.interests[pid]![issue.id]);
      if (known.ideal !== undefined) expect(known.ideal).toBe(pos.ideal);
      if (known.weight !== undefined) expect(known.weight).toBe(pos.weight);
      // A red line learned from a commission is the one it found: widened by at most the issue's flex.
      const flex = s.issues.find((i) => i.id === issue.id)!.flex;
      if (known.reservation !== undefined) expect(Math.abs(known.reservation - pos.reservation)).toBeLessThanOrEqual(flex);
    }
  }
  const o = viewFor(g, 'observer');
  expect(o.issues.every((i) => Object.keys(i.known).length === 0)).toBe(true);
  expect(JSON.stringify(o)).not.toMatch(/"truth"|"injects"/);
}

/** Apply one command, checking the properties that hold for every single step. */
function step(g: Game, cmd: unknown, checkOld: boolean): Game {
  const over = isOver(g);
  const before = checkOld || over ? stateHash(g) : '';
  let r: ReturnType<typeof applyCommand>;
  try {
    r = applyCommand(g, cmd as Command);
  } catch (e) {
    throw new Error(`applyCommand threw on ${JSON.stringify(cmd)}: ${(e as Error).stack}`, { cause: e });
  }
  if (r.ok) {
    expect(r.game.snapshot.status, `statechart error after ${JSON.stringify(cmd)}`).not.toBe('error');
    expect(over, `accepted after the end: ${JSON.stringify(cmd)}`).toBe(false);
    checkMeters(worldOf(r.game));
    expect(r.game.commands.length).toBe(g.commands.length + 1);
  } else {
    expect(r.game).toBe(g);
    expect(typeof r.reason.key).toBe('string');
    expect(r.reason.key).toMatch(/^refuse\./);
  }
  // Games are values: applying a command (accepted or not) never changes the game it was applied to.
  if (before) expect(stateHash(g)).toBe(before);
  return r.game;
}

function play(s: Scenario, plan: Plan): Game {
  let g = createGame(s, plan.options);
  const dice = new Dice({ rng: seedState(plan.botSeed) });
  plan.steps.forEach((st, i) => {
    const cmd = commandFor(g, st, dice);
    if (mentionsProtoKey(cmd)) return;
    g = step(g, cmd, st.k === 'junk' || st.k === 'seat' || i % 10 === 0);
    if (i % 30 === 29) checkViews(g);
  });
  return g;
}

// ---------------------------------------------------------------- properties

describe.each(['tutorial', 'venezuela-2019'] as const)('engine properties on %s', (name) => {
  const s = shipped(name);
  const { plan, junk, seat } = arbitraries(s);

  it('arbitrary command sequences: no throw, meters in range, refusals change nothing, replay and saves reproduce the hash, views hide what they must', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const g = play(s, p);
        STATS.push(
          `${worldOf(g).phase}:${Object.keys(worldOf(g).phaseEntered).join('/')}:${g.commands.length}/${p.steps.length}:${p.options.humanRoles.length}`,
        );
        checkViews(g);
        const hash = stateHash(g);
        const again = replay(s, p.options, g.commands);
        expect(again.ok).toBe(true);
        expect(stateHash(again.game)).toBe(hash);
        const loaded = loadSave(JSON.stringify(toSave(g)), s);
        expect(loaded.ok).toBe(true);
        expect(loaded.ok && stateHash(loaded.game)).toBe(hash);
      }),
      { numRuns: NUM_RUNS },
    );
    console.log(STATS.join('\n'));
    STATS.length = 0;
  });

  it('once collapsed or concluded, every further command is refused and the state stays the same', () => {
    const after = fc.array(fc.oneof(junk, seat, fc.constantFrom<unknown>(...MOVE_TYPES.map((type) => ({ type, role: 'mediator' })))), {
      minLength: 5,
      maxLength: 25,
    });
    fc.assert(
      fc.property(plan, fc.constantFrom<PolicyId>('random', 'greedy', 'by-the-book'), after, (p, policy, extra) => {
        let g = play(s, { ...p, steps: p.steps.slice(0, 15) });
        const dice = new Dice({ rng: seedState(p.botSeed) });
        for (let n = 0; n < 400 && !isOver(g); n++) {
          const r = applyCommand(g, botCommand(policy, g, dice));
          g = r.ok ? r.game : step(g, { type: 'endTurn', role: 'mediator' }, false);
        }
        expect(isOver(g)).toBe(true);
        expect(['collapsed', 'concluded']).toContain(worldOf(g).phase);
        const hash = stateHash(g);
        const final = worldOf(g).phase;
        // The bots' own moves, every move type, seat commands and junk: all refused.
        for (const cmd of [
          ...extra,
          ...allLegalTypes(g),
          { type: 'endTurn', role: 'mediator' },
          { type: 'inject', effect: { kind: 'news' }, role: 'instructor' },
        ]) {
          if (mentionsProtoKey(cmd)) continue;
          const r = applyCommand(g, cmd as Command);
          expect(r.ok, `accepted after the end: ${JSON.stringify(cmd)}`).toBe(false);
          expect(r.game).toBe(g);
        }
        expect(stateHash(g)).toBe(hash);
        expect(worldOf(g).phase).toBe(final);
      }),
      { numRuns: 15 },
    );
  });

  it('determinism: the same seed and commands give the same hash; bot games equal their commands applied one by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<PolicyId>('random', 'greedy', 'by-the-book'),
        fc.constantFrom<Difficulty>('easy', 'standard', 'hard'),
        (seed, policy, difficulty) => {
          const a = playGame(s, { policy, seed, difficulty });
          expect(a.ok).toBe(true);
          // playGame shares one copy-on-write scope across the game; one by one, each command has its own.
          let g = createGame(s, { seed, difficulty });
          for (const c of a.game.commands) {
            const r = applyCommand(g, c);
            expect(r.ok).toBe(true);
            g = r.game;
          }
          expect(stateHash(g)).toBe(stateHash(a.game));
          expect(stateHash(playGame(s, { policy, seed, difficulty }).game)).toBe(stateHash(a.game));
          // Branching: an intermediate game replayed forward from a fork gives the same end.
          const mid = Math.floor(a.game.commands.length / 2);
          const half = replay(s, { seed, difficulty }, a.game.commands.slice(0, mid));
          expect(half.ok).toBe(true);
          let h = half.game;
          const side = applyCommand(h, { type: 'endTurn', role: 'mediator' }); // a branch that is dropped
          expect(side.ok || isOver(h)).toBe(true);
          for (const c of a.game.commands.slice(mid)) h = (applyCommand(h, c) as { game: Game }).game;
          expect(stateHash(h)).toBe(stateHash(a.game));
        },
      ),
      { numRuns: 8 },
    );
  });
});

function allLegalTypes(g: Game): unknown[] {
  // Candidate commands of every type, as the move list would offer them before the end.
  return MOVE_TYPES.map((type) => ({ type, role: 'mediator', party: g.scenario.parties[0]!.id, issue: g.scenario.issues[0]!.id }));
}
