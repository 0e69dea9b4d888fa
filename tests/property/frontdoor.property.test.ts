/**
 * Fuzzing the engine's public API (issue 8), on every shipped scenario (scenarios/*.yaml and
 * scenarios/historical/*.yaml): a bot mediator takes a game to a random point (with people
 * holding no seat, some seats or every seat), then random commands arrive — well-formed ones built
 * from the scenario's ids (every command type, from its own role or from any role), malformed ones
 * (undeclared fields, wrong types, out-of-range or non-finite numbers, prototype keys as ids,
 * hostile objects, bad roles) and anything at all. Properties:
 *  - applyCommand never throws, and never writes onto a shared prototype;
 *  - a refusal has a reason key starting with "refuse.", hands back the same game, and changes
 *    nothing (state hash, command list); an acceptance never changes the game it came from;
 *  - a malformed command is always refused (strict schemas: undeclared fields, wrong types,
 *    non-finite or out-of-range numbers, ids that are not own keys of the scenario);
 *  - no NaN or Infinity anywhere in the world or in any role's view;
 *  - every game reached round-trips: loadSave(JSON of toSave(g)) is ok with the same state hash.
 * And, for every scenario and role, a view holds no secret of another role (DESIGN.md §6).
 *
 * The fast-check seed is random and printed; FC_SEED=<n> replays a run, FRONTDOOR_RUNS=<n> sets
 * the runs per scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  bots,
  createGame,
  loadSave,
  replay,
  stateHash,
  toSave,
  viewFor,
  worldOf,
  type ApplyResult,
  type Command,
  type Difficulty,
  type Game,
  type GameOptions,
  type Role,
  type Scenario,
  type View,
} from '../../src/sim';
import { idsOf, nonFinitePaths, pollution, PROTO_IDS, rolesOf, seatRolesOf, shippedScenarios, show, type Ids } from '../fixtures/frontdoor';

const RUNS = Number(process.env.FRONTDOOR_RUNS ?? 50);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`frontdoor properties: fast-check seed ${SEED} (FC_SEED=${SEED} replays it), ${RUNS} runs per scenario`);

const SCENARIOS = shippedScenarios();

// ---------------------------------------------------------------- the command vocabulary

const CBMS = ['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire'];
const ASKS = ['backing', 'incentive', 'restraint', 'guarantee'];
const APPROACHES = ['induce', 'socialize', 'coerce', 'isolate'];
const TONES = ['sober', 'optimistic', 'critical'];
const SPOILER_ACTIONS = ['crackdown', 'arrest', 'denunciation', 'violence', 'callWalkout', 'leak'];
const SANCTIONS = ['new', 'secondary', 'relief', 'snapback'];

type FieldKind = 'id' | 'enum' | 'number' | 'bool' | 'text' | 'idList' | 'terms' | 'effect';
/** The fields each command declares (besides type and role), and what kind of value each holds. */
const DECLARED: Record<string, Record<string, FieldKind>> = {
  caucus: { party: 'id' },
  jointSession: {},
  proposeAgenda: { issues: 'idList' },
  proposeFormula: { issue: 'id', value: 'number' },
  proposePackage: { terms: 'terms' },
  reframe: { issue: 'id' },
  requestCbm: { party: 'id', cbm: 'enum' },
  engageExternal: { actor: 'id', ask: 'enum' },
  engageSpoiler: { faction: 'id', approach: 'enum' },
  publicStatement: { tone: 'enum', party: 'id' },
  consultExperts: { subject: 'id' },
  studyHistory: {},
  technicalCommission: { issue: 'id' },
  changeVenue: { venue: 'id' },
  designVerification: {},
  proposeNextPhase: {},
  readBriefing: {},
  endTurn: {},
  respond: { proposal: 'number', accept: 'bool' },
  gesture: { cbm: 'enum' },
  walkOut: {},
  returnToTable: {},
  spoilerAction: { action: 'enum' },
  externalAction: { effect: 'effect' },
  inject: { inject: 'id', effect: 'effect', synopsis: 'text' },
};
const TYPES = Object.keys(DECLARED);

/** Keys a hostile client might add; a key a command does not declare must make it refused. */
const EXTRA_KEYS = [
  'actor',
  'party',
  'faction',
  'issue',
  'issues',
  'value',
  'terms',
  'cbm',
  'subject',
  'venue',
  'tone',
  'ask',
  'approach',
  'proposal',
  'accept',
  'effect',
  'inject',
  'synopsis',
  'action',
  'id',
  'turn',
  'cost',
  'ap',
  'seed',
  'note',
  '__proto__',
  'constructor',
  'toString',
  'Type',
];

const boom = (): never => {
  throw new Error('boom');
};
const hostile = (): unknown[] => [
  Object.defineProperty({}, 'x', { get: boom, enumerable: true }),
  { toString: () => 'gov', valueOf: () => 50 },
  { toString: 1 },
];
const HUGE = 'x'.repeat(100_001);

/** Values that are wrong for a field of this kind in every command (never a valid value of it). */
function junkFor(kind: FieldKind, ids: Ids): fc.Arbitrary<unknown> {
  const notString = fc.constantFrom<unknown>(42, Number.NaN, Number.POSITIVE_INFINITY, null, true, [], {}, ...hostile());
  const notNumber = fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    '50',
    null,
    true,
    [],
    {},
    1e308,
    -1e308,
    ...hostile(),
  );
  switch (kind) {
    case 'id':
      return fc.oneof(notString, fc.constantFrom<unknown>('', HUGE, 'nobody', 'GOV', ...PROTO_IDS));
    case 'enum':
      return fc.oneof(notString, fc.constantFrom<unknown>('', HUGE, 'CEASEFIRE', 'nothing', ...PROTO_IDS));
    case 'number':
      return notNumber;
    case 'bool':
      return fc.constantFrom<unknown>('true', 1, 0, null, Number.NaN, [], {}, ...hostile());
    case 'text':
      return fc.constantFrom<unknown>(42, null, true, [], {}, HUGE, ...hostile());
    case 'idList':
      return fc.constantFrom<unknown>(
        ids.issues[0],
        [1],
        [null],
        ['nobody'],
        [ids.issues[0], '__proto__'],
        ['constructor'],
        { 0: ids.issues[0], length: 1 },
        null,
        42,
        [HUGE],
      );
    case 'terms':
      return fc.constantFrom<unknown>(
        [],
        null,
        'x',
        42,
        { nobody: 50 },
        { [ids.issues[0]!]: Number.NaN },
        { [ids.issues[0]!]: '50' },
        { [ids.issues[0]!]: 1e9 },
        JSON.parse(`{"${ids.issues[0]}":50,"__proto__":50}`),
        JSON.parse('{"constructor":50}'),
        ...hostile(),
      );
    case 'effect':
      return fc.constantFrom<unknown>(
        null,
        [],
        'news',
        42,
        {},
        { kind: 'quake' },
        { kind: 'news', extra: 1 },
        { kind: 'meters', party: '__proto__', commitment: 5 },
        { kind: 'meters', party: 'nobody', commitment: 5 },
        ...hostile(),
      );
  }
}

/** Set a key as an own, enumerable property (works for "__proto__" too). */
function withKey(cmd: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(cmd)) Object.defineProperty(copy, k, { value: cmd[k], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ---------------------------------------------------------------- arbitraries

type Step =
  /** Well-formed: built from the scenario's ids, from its own role or any role. Only the invariants. */
  | { k: 'wf'; cmd: Record<string, unknown> }
  /** A party answering a proposal put to it (picked when applied). */
  | { k: 'respond'; party: string; pick: number; accept: boolean; role: Role | null }
  /** Malformed: must be refused. */
  | { k: 'bad'; cmd: unknown; why: string }
  /** Anything at all: only the invariants. */
  | { k: 'any'; cmd: unknown };

interface Plan {
  policy: 'random' | 'greedy' | 'by-the-book';
  options: GameOptions;
  /** How far into the bot's game to start, 0..1. */
  at: number;
  steps: Step[];
}

function arbitraries(s: Scenario) {
  const ids = idsOf(s);
  const roles = rolesOf(s);
  const seats = seatRolesOf(s);
  const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
  const anyRole = pick(roles);
  const value = fc.integer({ min: 0, max: 100 });
  const party = pick(ids.parties);
  const issue = pick(ids.issues);

  const effect = (actor: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.record(
        { kind: fc.constant('sanctions'), actor, sanction: pick(SANCTIONS), target: party, magnitude: fc.integer({ min: 1, max: 40 }) },
        { requiredKeys: ['kind', 'actor', 'sanction', 'target'] },
      ),
      fc.record({ kind: fc.constant('supportShift'), actor, party, delta: fc.integer({ min: -30, max: 30 }) }),
    );
  const instructorEffect = fc.oneof(
    effect(pick(ids.externals)),
    fc.record(
      {
        kind: fc.constant('meters'),
        party,
        trustInMediator: fc.integer({ min: -50, max: 50 }),
        commitment: fc.integer({ min: -50, max: 50 }),
        cohesion: fc.integer({ min: -50, max: 50 }),
        batna: fc.integer({ min: -50, max: 50 }),
      },
      { requiredKeys: ['kind', 'party'] },
    ),
    fc.record({ kind: fc.constant('spoiler'), faction: pick(ids.factions), action: pick(SPOILER_ACTIONS) }),
    fc.record({ kind: fc.constant('cbm'), party, cbm: pick(CBMS) }),
    fc.record(
      { kind: fc.constant('deadline'), label: fc.constant('A deadline'), party, pressure: fc.integer({ min: -30, max: 30 }) },
      { requiredKeys: ['kind', 'label'] },
    ),
    fc.record({ kind: fc.constant('walkOut'), party }),
    fc.constant({ kind: 'leak' }),
    fc.constant({ kind: 'news' }),
    ...(ids.venues.length ? [fc.record({ kind: fc.constant('venueOffer'), venue: pick(ids.venues) })] : []),
  );

  // Every command type with fields from the scenario, sent by the role that may send it.
  const byType: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    caucus: fc.record({ party }),
    jointSession: fc.constant({}),
    proposeAgenda: fc.record({ issues: fc.shuffledSubarray(ids.issues, { minLength: 1 }) }),
    proposeFormula: fc.record({ issue, value }),
    proposePackage: fc.record({ terms: fc.dictionary(issue, value, { minKeys: 1 }) }),
    reframe: fc.record({ issue }),
    requestCbm: fc.record({ party, cbm: pick(CBMS) }),
    engageExternal: fc.record({ actor: pick(ids.externals), ask: pick(ASKS) }),
    engageSpoiler: fc.record({ faction: pick(ids.factions), approach: pick(APPROACHES) }),
    publicStatement: fc.oneof(fc.record({ tone: pick(['sober', 'optimistic']) }), fc.record({ tone: pick(TONES), party })),
    consultExperts: fc.record({ subject: pick([...ids.factions, ...ids.issues]) }),
    studyHistory: fc.constant({}),
    technicalCommission: fc.record({ issue }),
    changeVenue: ids.venues.length ? fc.record({ venue: pick(ids.venues) }) : fc.constant({ venue: 'nowhere' }),
    designVerification: fc.constant({}),
    proposeNextPhase: fc.constant({}),
    readBriefing: fc.constant({}),
    endTurn: fc.constant({}),
    respond: fc.record({ proposal: fc.integer({ min: 1, max: 60 }), accept: fc.boolean() }),
    gesture: fc.record({ cbm: pick(CBMS) }),
    walkOut: fc.constant({}),
    returnToTable: fc.constant({}),
    spoilerAction: fc.record({ action: pick(SPOILER_ACTIONS) }),
    externalAction: fc.record({ effect: effect(pick(ids.externals)) }),
    inject: fc.oneof(
      ...(ids.injects.length
        ? [fc.record({ inject: pick(ids.injects), synopsis: fc.string({ minLength: 1, maxLength: 40 }) }, { requiredKeys: ['inject'] })]
        : []),
      fc.record({ effect: instructorEffect, synopsis: fc.string({ minLength: 1, maxLength: 40 }) }, { requiredKeys: ['effect'] }),
    ),
  };
  const senderOf = (type: string): fc.Arbitrary<Role> => {
    if (['respond', 'gesture', 'walkOut', 'returnToTable'].includes(type)) return pick(ids.parties.map((p) => `party:${p}` as Role));
    if (type === 'spoilerAction') return pick(ids.factions.map((f) => `faction:${f}` as Role));
    if (type === 'externalAction') return pick(ids.externals.map((e) => `external:${e}` as Role));
    if (type === 'inject') return fc.constant('instructor' as Role);
    return fc.constant('mediator' as Role);
  };
  const wellFormed: fc.Arbitrary<Record<string, unknown>> = pick(TYPES).chain((type) =>
    fc.tuple(byType[type]!, fc.oneof({ weight: 4, arbitrary: senderOf(type) }, { weight: 1, arbitrary: anyRole })).map(([body, role]) => {
      const cmd: Record<string, unknown> = { type, ...body, role };
      // An outside power acts in its own name (its effect names it), unless the fuzz says otherwise.
      if (type === 'externalAction' && role.startsWith('external:')) (cmd.effect as Record<string, unknown>).actor = role.slice('external:'.length);
      return cmd;
    }),
  );

  const junkRole = fc.constantFrom<unknown>(
    42,
    null,
    undefined,
    '',
    'Mediator',
    'party:nobody',
    'party:',
    'faction:__proto__',
    'party:constructor',
    'external:toString',
    HUGE,
    { toString: () => 'mediator' },
    ['mediator'],
  );
  const junkType = fc.constantFrom<unknown>(undefined, null, 42, '', 'Caucus', 'toString', '__proto__', 'constructor', HUGE, { toString: () => 'endTurn' });
  // Malformed: a well-formed command with one thing wrong.
  const malformed: fc.Arbitrary<Step> = fc.oneof(
    // An undeclared field.
    fc.tuple(wellFormed, fc.oneof(fc.constant<unknown>('x'), party, fc.integer(), fc.anything({ maxDepth: 1 }))).chain(([cmd, v]) =>
      pick(EXTRA_KEYS.filter((k) => !(k in DECLARED[cmd.type as string]!))).map((k) => ({
        k: 'bad' as const,
        cmd: withKey(cmd, k, v),
        why: `undeclared field ${k}`,
      })),
    ),
    // A declared field with a value no command accepts there.
    wellFormed
      .filter((cmd) => Object.keys(DECLARED[cmd.type as string]!).length > 0)
      .chain((cmd) =>
        pick(Object.keys(DECLARED[cmd.type as string]!)).chain((field) =>
          junkFor(DECLARED[cmd.type as string]![field]!, ids).map((v) => ({
            k: 'bad' as const,
            cmd: withKey(cmd, field, v),
            why: `${field} = ${show(v, 40)}`,
          })),
        ),
      ),
    // A role or a type that is no such thing.
    fc.tuple(wellFormed, junkRole).map(([cmd, role]) => ({ k: 'bad' as const, cmd: withKey(cmd, 'role', role), why: `role ${show(role, 40)}` })),
    fc.tuple(wellFormed, junkType).map(([cmd, type]) => ({ k: 'bad' as const, cmd: withKey(cmd, 'type', type), why: `type ${show(type, 40)}` })),
    // Not an object at all.
    fc
      .constantFrom<unknown>(null, undefined, 0, Number.NaN, '', 'endTurn', HUGE, [], [{ type: 'endTurn', role: 'mediator' }], true)
      .map((cmd) => ({ k: 'bad' as const, cmd, why: 'not a command object' })),
  );
  const anything: fc.Arbitrary<Step> = fc
    .oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record(
        {
          type: fc.oneof(pick(TYPES), fc.string({ maxLength: 6 })),
          role: fc.oneof(anyRole, fc.string({ maxLength: 8 })),
          party: fc.oneof(party, fc.anything({ maxDepth: 0 })),
          issue: fc.oneof(issue, fc.anything({ maxDepth: 0 })),
          value: fc.oneof(value, fc.double()),
          effect: fc.anything({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      ),
    )
    .map((cmd) => ({ k: 'any' as const, cmd }));

  const respond: fc.Arbitrary<Step> = fc.record({
    k: fc.constant('respond' as const),
    party,
    pick: fc.nat(),
    accept: fc.boolean(),
    role: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyRole }),
  });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: wellFormed.map((cmd) => ({ k: 'wf' as const, cmd })) },
    { weight: 1, arbitrary: respond },
    { weight: 4, arbitrary: malformed },
    { weight: 1, arbitrary: anything },
  );

  const options: fc.Arbitrary<GameOptions> = fc.record({
    seed: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    difficulty: fc.constantFrom<Difficulty>('easy', 'standard', 'hard'),
    humanRoles: fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as Role[]) },
      { weight: 2, arbitrary: fc.constant(seats) },
      { weight: 2, arbitrary: fc.subarray(seats) },
    ),
  });
  const plan: fc.Arbitrary<Plan> = fc.record({
    policy: fc.constantFrom('random' as const, 'greedy' as const, 'by-the-book' as const),
    options,
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    steps: fc.array(step, { minLength: 1, maxLength: 25 }),
  });
  return { plan };
}

// ---------------------------------------------------------------- checks

function advance(s: Scenario, p: Plan): Game {
  const full = bots.playGame(s, { ...p.options, policy: p.policy });
  const prefix = full.game.commands.slice(0, Math.floor(p.at * full.game.commands.length));
  const r = replay(s, p.options, prefix);
  if (!r.ok) throw new Error(`the bot's own game does not replay: command ${r.index} ${show(prefix[r.index])} refused with ${show(r.reason)}`);
  return r.game;
}

function commandOf(g: Game, st: Step): unknown {
  if (st.k !== 'respond') return st.cmd;
  const pending = worldOf(g).proposals.filter((p) => p.responses[st.party] === 'pending');
  const prop = pending.length ? pending[st.pick % pending.length]!.id : (st.pick % 60) + 1;
  return { type: 'respond', proposal: prop, accept: st.accept, role: st.role ?? `party:${st.party}` };
}

function expectFinite(x: unknown, what: string): void {
  const bad = nonFinitePaths(x);
  if (bad.length) throw new Error(`${what} holds a number that is not finite: ${bad.join(', ')}`);
}

function applyStep(g: Game, st: Step, n: number): Game {
  const cmd = commandOf(g, st);
  const before = stateHash(g);
  const count = g.commands.length;
  let r: ApplyResult;
  try {
    r = applyCommand(g, cmd as Command);
  } catch (e) {
    throw new Error(`applyCommand threw on ${show(cmd)}: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  }
  const polluted = pollution();
  if (polluted.length) throw new Error(`${show(cmd)} wrote onto a shared prototype: ${polluted.join(', ')}`);
  if (st.k === 'bad' && r.ok) throw new Error(`malformed command accepted (${st.why}): ${show(cmd)}`);
  if (!r.ok) {
    if (typeof r.reason?.key !== 'string' || !r.reason.key.startsWith('refuse.')) throw new Error(`refusal of ${show(cmd)} has reason ${show(r.reason)}`);
    expect(r.game, `a refusal hands back the same game (${show(cmd)})`).toBe(g);
    expect(g.commands.length).toBe(count);
  } else {
    expect(r.game.commands.length, `accepted ${show(cmd)}`).toBe(count + 1);
    expect(r.game.snapshot.status, `statechart after ${show(cmd)}`).not.toBe('error');
    expectFinite(worldOf(r.game), `the world after ${show(cmd)}`);
    const roles = rolesOf(g.scenario);
    const role = roles[n % roles.length]!;
    expectFinite(viewFor(r.game, role), `the view of ${role} after ${show(cmd)}`);
  }
  expect(stateHash(g), `${show(cmd)} changed the game it was applied to`).toBe(before);
  return r.game;
}

function checkGame(s: Scenario, g: Game): void {
  expectFinite(worldOf(g), 'the world');
  for (const role of rolesOf(s)) expectFinite(viewFor(g, role), `the view of ${role}`);
  const back = loadSave(JSON.parse(JSON.stringify(toSave(g))), s);
  if (!back.ok) throw new Error(`the save of a game of ${g.commands.length} commands does not load: ${show(back.reason)}`);
  expect(stateHash(back.game), 'a save reproduces the state hash').toBe(stateHash(g));
}

// ---------------------------------------------------------------- properties

describe.each(SCENARIOS.map((x) => [`${x.file}#${x.scenario.id}`, x.scenario] as const))('front door on %s', (_name, s) => {
  const { plan } = arbitraries(s);

  it('random and malformed commands at a random point: never throw, malformed refused, refusals change nothing, no NaN/Infinity, saves round-trip', () => {
    fc.assert(
      fc.property(plan, (p) => {
        let g = advance(s, p);
        checkGame(s, g);
        p.steps.forEach((st, i) => {
          g = applyStep(g, st, i);
        });
        checkGame(s, g);
      }),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: 5_000 },
    );
  });
});

// ---------------------------------------------------------------- views and secrets (DESIGN.md §6)

/**
 * DESIGN.md §6: a party sees its own hidden interests, not the others'; a faction sees its own
 * satisfaction and spoiler type, its party's public positions and core issues, but not its
 * party's reservation values, weights or hidden intent; an outside power and the observer see
 * what the public knows. Checked on every shipped scenario, as shipped and with every party's
 * intent flipped (so each seat is seen both stalling and sincere), at the start, in the middle and
 * at the end of a bot game.
 */
describe('views hold no other role’s secrets (DESIGN.md §6)', () => {
  const flipped = (s: Scenario): Scenario => {
    const c = structuredClone(s);
    for (const p of c.parties) p.intent = p.intent === 'stalling' ? 'sincere' : 'stalling';
    return c;
  };

  /** Every `intent` in the view, with the id of the object holding it. */
  function intents(v: View): { id: unknown; intent: unknown }[] {
    const out: { id: unknown; intent: unknown }[] = [];
    const seen = new Set<object>();
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      if (!Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, 'intent'))
        out.push({ id: (x as { id?: unknown }).id, intent: (x as { intent: unknown }).intent });
      for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k]);
    };
    walk(v);
    return out;
  }

  /** Paths where the view holds a hidden value (ideal, weight, reservation) under another party's id. */
  function hiddenValuesOf(v: View, party: string, keys: string[]): string[] {
    const out: string[] = [];
    const seen = new Set<object>();
    const walk = (x: unknown, path: string[]): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      if (path.at(-1) === party) for (const k of keys) if (Object.prototype.hasOwnProperty.call(x, k)) out.push([...path, k].join('.'));
      for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], [...path, k]);
    };
    walk(v, []);
    return out;
  }

  /**
   * Every breach of §6 in a game's views, as "what: example" (one example each), so a failure lists
   * all the rules broken at once.
   */
  function breaches(g: Game, label: string, found: Map<string, string>): void {
    const s = g.scenario;
    const w = worldOf(g);
    const ids = idsOf(s);
    const pub = viewFor(g, 'observer');
    const publicCommitment = new Map(pub.parties.map((p) => [p.id, p.commitment]));
    const partyOfFaction = new Map(s.parties.flatMap((p) => p.factions.map((f) => [f.id, p.id] as const)));
    const HIDDEN = ['ideal', 'weight', 'reservation'];
    const breach = (rule: string, example: string): void => {
      if (!found.has(rule)) found.set(rule, `${label}: ${example}`);
    };

    for (const role of rolesOf(s)) {
      if (role === 'instructor') continue;
      const v = viewFor(g, role);
      const [kind, id] = role.includes(':') ? (role.split(':') as [string, string]) : [role, ''];
      const ownParty = kind === 'party' ? id : kind === 'faction' ? partyOfFaction.get(id) : undefined;
      if (v.truth !== undefined || v.injects !== undefined || 'truth' in v || 'injects' in v) breach(`${kind} sees the instructor's parts`, role);

      // Intent: a party knows its own; nobody else learns anyone's (the mediator may only suspect).
      for (const x of intents(v)) {
        if (kind === 'party' && x.id === id) continue;
        const allowed = role === 'mediator' ? ['unknown', 'suspected'] : ['unknown'];
        if (!allowed.includes(x.intent as string))
          breach(
            `${kind} sees the intent of ${kind === 'faction' && x.id === ownParty ? 'its own party' : 'another party'}`,
            `${role} sees ${String(x.id)} as ${String(x.intent)}`,
          );
      }
      // Hidden interests: a party sees its own; nobody else's, and a faction not even its own party's weights and reservations.
      for (const other of ids.parties) {
        if (kind === 'party' && other === id) continue;
        const keys = kind === 'faction' && other === ownParty ? ['weight', 'reservation'] : role === 'mediator' ? [] : HIDDEN;
        const seen = hiddenValuesOf(v, other, keys);
        if (seen.length)
          breach(
            `${kind} sees hidden values of ${kind === 'faction' && other === ownParty ? 'its own party' : 'another party'}`,
            `${role}: ${seen.slice(0, 3).join(', ')}`,
          );
      }
      // A stalling party keeps up appearances: only its own delegation sees its true commitment.
      for (const pv of v.parties) {
        if (kind === 'party' && pv.id === id) continue;
        if (pv.commitment !== publicCommitment.get(pv.id))
          breach(
            `${kind} sees a commitment other than the public one`,
            `${role} sees ${pv.id} at ${pv.commitment}, the public ${publicCommitment.get(pv.id)} (${w.parties[pv.id]!.intent})`,
          );
      }
      // Spoiler types: a faction knows its own; parties, outside powers and the observer know none.
      for (const f of v.parties.flatMap((p) => p.factions)) {
        if (kind === 'faction' && f.id === id) {
          if (f.spoiler !== w.factions[f.id]!.spoiler) breach('a faction does not see its own spoiler type', `${role} sees ${f.spoiler}`);
        } else if (role !== 'mediator' && f.spoiler !== 'unknown')
          breach(`${kind} sees another faction's spoiler type`, `${role} sees ${f.id} as ${f.spoiler}`);
      }
      if (kind === 'faction') {
        // What a faction may see of its party: public positions and core issues; its own satisfaction.
        for (const issue of v.issues) {
          if (issue.publicPos[ownParty!] !== w.issues[issue.id]!.publicPos[ownParty!])
            breach("a faction does not see its party's public position", `${role} on ${issue.id}`);
          if (JSON.stringify(issue.core) !== JSON.stringify(s.issues.find((i) => i.id === issue.id)!.core))
            breach('a faction does not see the core issues', `${role} on ${issue.id}`);
        }
        const own = v.parties.flatMap((p) => p.factions).find((f) => f.id === id);
        if (own?.satisfaction !== Math.round(w.factions[id]!.satisfaction))
          breach('a faction does not see its own satisfaction', `${role} sees ${String(own?.satisfaction)}`);
      }
      // Answers to proposals: a delegation hears only its own verbatim.
      if (kind === 'party') {
        if (v.log.some((e) => e.kind === 'response' && e.party !== id)) breach("a party hears other parties' answers", role);
        if (v.proposals.some((p) => Object.keys(p.reasons).some((k) => k !== id))) breach("a party sees other parties' reasons", role);
      }
    }
  }

  it.each(SCENARIOS.map((x) => [`${x.file}#${x.scenario.id}`, x.scenario] as const))(
    '%s: every role, as shipped and with intents flipped, at the start, middle and end of a game',
    (_name, s) => {
      const found = new Map<string, string>();
      for (const variant of [s, flipped(s)]) {
        const name = variant === s ? 'as shipped' : 'intents flipped';
        const seats = seatRolesOf(variant);
        for (const [policy, seed, humanRoles] of [
          ['by-the-book', 5, []],
          ['greedy', 6, seats],
        ] as const) {
          const full = bots.playGame(variant, { policy, seed, humanRoles: [...humanRoles] }).game;
          const cmds = full.commands;
          for (const at of [0, Math.floor(cmds.length / 2), cmds.length]) {
            const r = replay(variant, { seed, humanRoles: [...humanRoles] }, cmds.slice(0, at));
            expect(r.ok).toBe(true);
            breaches(r.game, `${name}, ${policy} seed ${seed}, after ${at} commands`, found);
          }
        }
        // And a game the mediator has studied (it may then suspect a staller, never know).
        const studied = applyCommand(createGame(variant, { seed: 9 }), { type: 'studyHistory', role: 'mediator' } as Command);
        breaches(studied.game, `${name}, history studied`, found);
      }
      expect([...found].map(([rule, example]) => `${rule} — e.g. ${example}`)).toEqual([]);
    },
  );
});
