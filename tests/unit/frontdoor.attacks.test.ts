/**
 * The engine's front door against a hostile client (issue 8): each attack found on the engine, as a
 * regression test through the public API (src/sim/index.ts), mostly on the flagship scenario.
 *
 * The contract: applyCommand takes ANY value and never throws. A refusal is `ok: false` with a
 * reason whose key starts with "refuse.", and hands back the very game it was given, unchanged
 * (same state hash, same command list). Commands are parsed with strict schemas: undeclared
 * fields are refused, text is typed and bounded, numbers are finite and in range, ids are own keys
 * of the scenario. Seats act within their means (per-turn limits; only what the scenario gives
 * them). No NaN or Infinity ever reaches the world or a view. loadSave refuses any malformed
 * save with a reason and never throws.
 *
 * Where a refusal could also come from something else, a control shows the same situation with
 * the offending part removed being accepted, so each test fails only for the reason it names.
 */
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  bots,
  createGame,
  isOver,
  loadSave,
  MAX_COMMANDS,
  stateHash,
  toSave,
  viewFor,
  worldOf,
  type ApplyResult,
  type Command,
  type Game,
  type LogEntry,
  type Msg,
  type Role,
  type Scenario,
} from '../../src/sim';
import { calmMini, newGame, shipped, toNegotiation } from '../fixtures/engine';
import { idsOf, nonFinitePaths, pollution, rolesOf, shippedScenarios, show } from '../fixtures/frontdoor';

const flagship = shipped('venezuela-2019');
const tutorial = shipped('tutorial');

// ---------------------------------------------------------------- helpers

/** Apply anything; fail the test if the engine throws, pollutes prototypes, or a refusal changes something. */
function attempt(g: Game, cmd: unknown): ApplyResult {
  const before = stateHash(g);
  const n = g.commands.length;
  let r: ApplyResult;
  try {
    r = applyCommand(g, cmd as Command);
  } catch (e) {
    throw new Error(`applyCommand threw on ${show(cmd)}: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  }
  expect(pollution(), `${show(cmd)} wrote onto a shared prototype`).toEqual([]);
  if (!r.ok) {
    expect(typeof r.reason?.key, `reason of ${show(cmd)}`).toBe('string');
    expect(r.reason.key, `reason of ${show(cmd)}`).toMatch(/^refuse\./);
    expect(r.game, `a refusal hands back the same game (${show(cmd)})`).toBe(g);
    expect(g.commands.length).toBe(n);
  } else {
    expect(r.game.commands.length, `accepted ${show(cmd)}`).toBe(n + 1);
  }
  // Games are values: applying a command, accepted or not, never changes the game it was applied to.
  expect(stateHash(g), `${show(cmd)} changed the game it was applied to`).toBe(before);
  return r;
}

/** Apply anything, only checking that it does not throw (for long runs, where hashing every step costs too much). */
function quick(g: Game, cmd: unknown): ApplyResult {
  try {
    return applyCommand(g, cmd as Command);
  } catch (e) {
    throw new Error(`applyCommand threw on ${show(cmd)}: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  }
}

function refused(g: Game, cmd: unknown, why = ''): Msg {
  const r = attempt(g, cmd);
  expect(r.ok, `${why ? `${why}: ` : ''}${show(cmd)} should be refused`).toBe(false);
  return r.ok ? { key: '' } : r.reason;
}

function accepted(g: Game, cmd: unknown, why = ''): Game {
  const r = attempt(g, cmd);
  if (!r.ok) throw new Error(`${why ? `${why}: ` : ''}${show(cmd)} should be accepted (control), refused with ${show(r.reason)}`);
  return r.game;
}

/** No NaN or Infinity anywhere in the world or in any role's view. */
function expectFinite(g: Game, label = ''): void {
  expect(nonFinitePaths(worldOf(g)), `${label} world`).toEqual([]);
  for (const role of rolesOf(g.scenario)) expect(nonFinitePaths(viewFor(g, role)), `${label} view of ${role}`).toEqual([]);
}

/** Load a save, failing the test if loadSave throws. */
function load(save: unknown, s: unknown): ReturnType<typeof loadSave> {
  try {
    return loadSave(save, s as Scenario);
  } catch (e) {
    throw new Error(`loadSave threw on ${show(save, 200)}: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
  }
}

function expectLoadRefused(save: unknown, s: unknown, label: string): Msg {
  const r = load(save, s);
  expect(r.ok, `${label}: loadSave should refuse`).toBe(false);
  if (r.ok) return { key: '' };
  expect(typeof r.reason?.key, label).toBe('string');
  expect(r.reason.key.length, label).toBeGreaterThan(0);
  return r.reason;
}

const med = (body: object): Command => ({ ...body, role: 'mediator' }) as Command;
const as = (role: Role, body: object): Command => ({ ...body, role }) as Command;

// ---------------------------------------------------------------- (a) an object as a synopsis

/** The exact attack from the issue: a synopsis whose toString is not a function. */
const TO_STRING_ATTACK = JSON.parse('{"role":"instructor","type":"inject","effect":{"kind":"news"},"synopsis":{"toString":1}}') as unknown;

describe('(a) an instructor inject whose synopsis is {"toString":1}', () => {
  describe.each([
    ['venezuela-2019', flagship],
    ['tutorial', tutorial],
  ] as const)('on %s', (_name, s) => {
    it('is refused with a reason, and nothing changes', () => {
      const g = createGame(s, { seed: 11 });
      refused(g, TO_STRING_ATTACK);
      // Also after a few moves, and with the synopsis in other shapes that are not bounded text.
      const later = accepted(accepted(g, med({ type: 'caucus', party: 'gov' })), med({ type: 'endTurn' }));
      refused(later, TO_STRING_ATTACK);
      for (const synopsis of [{ toString: () => 'x' }, 42, ['a'], null, { valueOf: 1 }, 'x'.repeat(100_000)]) {
        refused(later, { role: 'instructor', type: 'inject', effect: { kind: 'news' }, synopsis }, 'a synopsis that is not bounded text');
      }
      // Control: the same inject with a short text synopsis is accepted.
      accepted(later, { role: 'instructor', type: 'inject', effect: { kind: 'news' }, synopsis: 'Rumours of a deal.' }, 'a plain synopsis');
    });

    it('leaves the game working: a legal mediator command afterwards is accepted and changes the state', () => {
      let g = createGame(s, { seed: 12 });
      // Whatever the engine answered, carry on from the game it handed back.
      g = attempt(g, TO_STRING_ATTACK).game;
      const h0 = stateHash(g);
      const attention = worldOf(g).parties.gov!.attention;
      const caucus = attempt(g, med({ type: 'caucus', party: 'gov' }));
      expect(caucus.ok, 'caucus after the attack').toBe(true);
      expect(caucus.game.snapshot.status, 'the statechart is not left in an error state').not.toBe('error');
      expect(stateHash(caucus.game), 'the caucus changed the state').not.toBe(h0);
      expect(worldOf(caucus.game).parties.gov!.attention).toBeGreaterThan(attention);
      expect(caucus.ok && caucus.entries.some((e) => e.kind === 'move'), 'the caucus is in the log').toBe(true);
      // And the turn still ends.
      const end = attempt(caucus.game, med({ type: 'endTurn' }));
      expect(end.ok).toBe(true);
      expect(worldOf(end.game).turn).toBe(2);
    });

    it('a save holding it is refused by loadSave: ok false with a reason, never loaded, never thrown', () => {
      let g = createGame(s, { seed: 13 });
      g = accepted(g, med({ type: 'caucus', party: 'gov' }));
      g = accepted(g, med({ type: 'endTurn' }));
      // Without a state hash, only the bad command can make loadSave refuse.
      const bare = toSave(g) as unknown as { commands: unknown[]; stateHash?: string };
      bare.commands.push(TO_STRING_ATTACK);
      delete bare.stateHash;
      expectLoadRefused(bare, s, 'attack appended, no hash');
      expectLoadRefused(JSON.stringify(bare), s, 'attack appended, as JSON text');
      // The attack in the middle of a log, followed by a legal command.
      const middle = toSave(g) as unknown as { commands: unknown[]; stateHash?: string };
      middle.commands.splice(1, 0, TO_STRING_ATTACK);
      delete middle.stateHash;
      expectLoadRefused(middle, s, 'attack in the middle, no hash');
      // With the hash of the game it was taken from.
      const hashed = toSave(g) as unknown as { commands: unknown[] };
      hashed.commands.push(TO_STRING_ATTACK);
      expectLoadRefused(hashed, s, 'attack appended, hash kept');
      // Control: the same save without the attack loads.
      const clean = toSave(g) as unknown as { stateHash?: string };
      delete clean.stateHash;
      expect(load(clean, s).ok, 'the same save without the attack').toBe(true);
    });
  });
});

// ---------------------------------------------------------------- (b) sanctions without a magnitude

describe("(b) an outside power's sanctions without a magnitude", () => {
  const s = flagship;
  const us = (effect: object): Command => as('external:us', { type: 'externalAction', effect });

  it('is refused or applied with the parsed default; no NaN anywhere in the world or any view, then or later', () => {
    for (const sanction of ['new', 'secondary', 'snapback', 'relief'] as const) {
      for (const target of ['gov', 'opp']) {
        let g = createGame(s, { seed: 21, humanRoles: ['external:us'] });
        const r = attempt(g, us({ kind: 'sanctions', actor: 'us', sanction, target }));
        if (r.ok) {
          g = r.game;
          // Applied: with a finite magnitude, the one the schema gives by default.
          const events = r.entries.filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event' && e.effect.kind === 'sanctions');
          for (const e of events)
            expect(Number.isFinite((e.effect as { magnitude?: unknown }).magnitude), `logged magnitude of ${sanction} on ${target}`).toBe(true);
        }
        expectFinite(g, `${sanction} on ${target}, just after`);
        // NaN, once in a meter, stays for good: play on and look again.
        for (const cmd of [med({ type: 'caucus', party: target }), med({ type: 'endTurn' }), med({ type: 'endTurn' }), med({ type: 'endTurn' })]) {
          const next = attempt(g, cmd);
          if (next.ok) g = next.game;
          expectFinite(g, `${sanction} on ${target}, after ${show(cmd)}`);
        }
      }
    }
  });

  it('a magnitude that is not a finite number in range is refused', () => {
    const g = createGame(s, { seed: 22, humanRoles: ['external:us'] });
    for (const magnitude of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '15', null, 1e9, -5, 0, { valueOf: () => 15 }, [15]]) {
      refused(g, us({ kind: 'sanctions', actor: 'us', sanction: 'new', target: 'gov', magnitude }), `magnitude ${show(magnitude)}`);
    }
    for (const delta of [Number.NaN, Number.POSITIVE_INFINITY, '5', null, 1e9, undefined]) {
      refused(g, us({ kind: 'supportShift', actor: 'us', party: 'opp', delta }), `support shift ${show(delta)}`);
    }
    // Control: a sanction of magnitude 10 is accepted and leaves every number finite.
    const ok = accepted(g, us({ kind: 'sanctions', actor: 'us', sanction: 'new', target: 'gov', magnitude: 10 }), 'sanctions of magnitude 10');
    expectFinite(ok, 'after sanctions of magnitude 10');
  });
});

// ---------------------------------------------------------------- (c) undeclared fields

describe('(c) undeclared fields are refused', () => {
  it('a caucus carrying actor: is refused (it must not count as engaging the outside power)', () => {
    for (const [s, actor] of [
      [flagship, 'us'],
      [tutorial, 'bloc'],
    ] as const) {
      const g = createGame(s, { seed: 31 });
      refused(g, med({ type: 'caucus', party: 'gov', actor }), 'caucus with actor');
      refused(g, med({ type: 'caucus', party: 'gov', actor: 'west' }), 'caucus with an unknown actor');
      accepted(g, med({ type: 'caucus', party: 'gov' }), 'the same caucus without actor');
    }
  });

  it('an engageSpoiler carrying party: is refused (it must not count as an expected response)', () => {
    const g = createGame(flagship, { seed: 32 });
    for (const faction of ['military', 'chavista_hardliners', 'maximalists', 'exiles']) {
      refused(g, med({ type: 'engageSpoiler', faction, approach: 'socialize', party: 'opp' }), `engageSpoiler ${faction} with party`);
      refused(g, med({ type: 'engageSpoiler', faction, approach: 'induce', party: 'gov' }), `engageSpoiler ${faction} with party`);
    }
    accepted(g, med({ type: 'engageSpoiler', faction: 'military', approach: 'socialize' }), 'the same engageSpoiler without party');
  });

  it('undeclared fields on every kind of command, at the top level and nested, are refused', () => {
    const s = flagship;
    const g = createGame(s, { seed: 33, humanRoles: ['party:opp', 'faction:military', 'external:us'] });
    const cases: [string, unknown, unknown][] = [
      // [label, command with an undeclared field, the same command without it (control: accepted)]
      ['endTurn + note', med({ type: 'endTurn', note: 'x' }), med({ type: 'endTurn' })],
      ['readBriefing + cost', med({ type: 'readBriefing', cost: 0 }), med({ type: 'readBriefing' })],
      ['studyHistory + party', med({ type: 'studyHistory', party: 'gov' }), med({ type: 'studyHistory' })],
      ['publicStatement + actor', med({ type: 'publicStatement', tone: 'sober', actor: 'us' }), med({ type: 'publicStatement', tone: 'sober' })],
      [
        'consultExperts + faction',
        med({ type: 'consultExperts', subject: 'military', faction: 'exiles' }),
        med({ type: 'consultExperts', subject: 'military' }),
      ],
      [
        'requestCbm + by',
        med({ type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease', by: 'opp' }),
        med({ type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' }),
      ],
      [
        'gesture + party (impersonation)',
        as('party:opp', { type: 'gesture', cbm: 'ceasefire', party: 'gov' }),
        as('party:opp', { type: 'gesture', cbm: 'ceasefire' }),
      ],
      [
        'spoilerAction + faction',
        as('faction:military', { type: 'spoilerAction', action: 'denunciation', faction: 'maximalists' }),
        as('faction:military', { type: 'spoilerAction', action: 'denunciation' }),
      ],
      [
        'externalAction + magnitude beside effect',
        as('external:us', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'us', party: 'opp', delta: 5 }, magnitude: 40 }),
        as('external:us', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'us', party: 'opp', delta: 5 } }),
      ],
      [
        'externalAction effect + note',
        as('external:us', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'us', party: 'opp', delta: 5, note: 'x' } }),
        as('external:us', { type: 'externalAction', effect: { kind: 'supportShift', actor: 'us', party: 'opp', delta: 5 } }),
      ],
      [
        'inject effect + text',
        { role: 'instructor', type: 'inject', effect: { kind: 'news', text: 'x' } },
        { role: 'instructor', type: 'inject', effect: { kind: 'news' } },
      ],
      [
        'inject + turn',
        { role: 'instructor', type: 'inject', effect: { kind: 'news' }, turn: 3 },
        { role: 'instructor', type: 'inject', effect: { kind: 'news' } },
      ],
      [
        'an own "__proto__" key',
        JSON.parse('{"role":"mediator","type":"caucus","party":"gov","__proto__":{"party":"opp"}}'),
        med({ type: 'caucus', party: 'gov' }),
      ],
      ['an own "constructor" key', JSON.parse('{"role":"mediator","type":"caucus","party":"gov","constructor":1}'), med({ type: 'caucus', party: 'gov' })],
    ];
    for (const [label, bad, control] of cases) {
      refused(g, bad, label);
      accepted(g, control, `${label}, control`);
    }
  });

  it('ids must be own keys of the scenario: Object.prototype members are refused and pollute nothing', () => {
    const g = createGame(tutorial, { seed: 34, humanRoles: ['party:gov', 'external:bloc'] });
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      refused(g, med({ type: 'caucus', party: id }), `caucus ${id}`);
      refused(g, med({ type: 'reframe', issue: id }), `reframe ${id}`);
      refused(g, med({ type: 'publicStatement', tone: 'critical', party: id }), `critical statement on ${id}`);
      refused(g, med({ type: 'requestCbm', party: id, cbm: 'ceasefire' }), `requestCbm ${id}`);
      refused(g, med({ type: 'engageExternal', actor: id, ask: 'incentive' }), `engageExternal ${id}`);
      refused(g, med({ type: 'engageSpoiler', faction: id, approach: 'induce' }), `engageSpoiler ${id}`);
      refused(g, med({ type: 'consultExperts', subject: id }), `consultExperts ${id}`);
      refused(g, med({ type: 'changeVenue', venue: id }), `changeVenue ${id}`);
      refused(g, as(`party:${id}` as Role, { type: 'gesture', cbm: 'ceasefire' }), `gesture from party:${id}`);
      refused(
        g,
        as('external:bloc', { type: 'externalAction', effect: { kind: 'sanctions', actor: 'bloc', sanction: 'new', target: id, magnitude: 10 } }),
        `sanctions on ${id}`,
      );
      refused(g, { role: 'instructor', type: 'inject', effect: { kind: 'meters', party: id, commitment: 5 } }, `meters inject on ${id}`);
      refused(g, { role: 'instructor', type: 'inject', inject: id }, `inject ${id}`);
    }
    accepted(g, med({ type: 'caucus', party: 'gov' }), 'control');
  });

  it('numbers must be finite and in range; lists and records hold only known ids', () => {
    const g = toNegotiation(newGame(calmMini()));
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -1, 101, 1e308, '50', null, { valueOf: () => 50 }]) {
      refused(g, med({ type: 'proposeFormula', issue: 'revenue', value }), `formula value ${show(value)}`);
      refused(g, med({ type: 'proposePackage', terms: { autonomy: value, security: 50 } }), `package term ${show(value)}`);
    }
    refused(g, med({ type: 'proposePackage', terms: { autonomy: 60, nonsense: 50 } }), 'a package term on an unknown issue');
    refused(g, med({ type: 'proposePackage', terms: JSON.parse('{"autonomy":60,"__proto__":50}') }), 'a package term on "__proto__"');
    refused(g, med({ type: 'proposePackage', terms: [60, 50] }), 'package terms as an array');
    refused(g, med({ type: 'proposeFormula', issue: 'revenue', value: 50, issues: ['amnesty'] }), 'formula with an undeclared field');
    accepted(g, med({ type: 'proposeFormula', issue: 'revenue', value: 50 }), 'control: a formula of 50');
    accepted(g, med({ type: 'proposePackage', terms: { autonomy: 60, security: 50 } }), 'control: a package');
  });

  it('hostile objects (throwing getters, proxies, shape-shifting fields) never make applyCommand throw', () => {
    const g = createGame(flagship, { seed: 35, humanRoles: ['party:opp'] });
    const boom = (): never => {
      throw new Error('boom');
    };
    const getterParty = Object.defineProperty({ role: 'mediator', type: 'caucus' }, 'party', { get: boom, enumerable: true });
    const getterRole = Object.defineProperty({ type: 'endTurn' }, 'role', { get: boom, enumerable: true });
    const getterType = Object.defineProperty({ role: 'mediator' }, 'type', { get: boom, enumerable: true });
    const proxy = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    let reads = 0;
    // A field that reads "gov" first, then "__proto__": the engine must apply only what it checked.
    const shifty = Object.defineProperty({ role: 'mediator', type: 'caucus' }, 'party', { get: () => (reads++ === 0 ? 'gov' : '__proto__'), enumerable: true });
    const cyclic: Record<string, unknown> = { role: 'mediator', type: 'caucus', party: 'gov' };
    cyclic.self = cyclic;
    for (const cmd of [
      getterParty,
      getterRole,
      getterType,
      proxy,
      revoked.proxy,
      { role: 'mediator', type: { toString: () => 'endTurn' } },
      { role: { toString: () => 'mediator' }, type: 'endTurn' },
      cyclic,
    ]) {
      refused(g, cmd, 'a hostile object');
    }
    const r = attempt(g, shifty);
    if (r.ok) {
      // Whatever was applied must be plain data that replays to the same state.
      expect(JSON.stringify(r.game.commands.at(-1))).toBe(JSON.stringify({ type: 'caucus', party: 'gov', role: 'mediator' }));
      const back = load(JSON.parse(JSON.stringify(toSave(r.game))), flagship);
      expect(back.ok && stateHash(back.game)).toBe(stateHash(r.game));
    }
    for (const junk of [
      null,
      undefined,
      0,
      1,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'endTurn',
      'x'.repeat(1_000_000),
      true,
      [],
      [med({ type: 'endTurn' })],
      Symbol('x'),
      () => 1,
      10n,
      new Date(),
      /endTurn/,
      new Map([['type', 'endTurn']]),
    ]) {
      refused(g, junk, 'not a command object');
    }
  });
});

// ---------------------------------------------------------------- (d) seats act within their means

describe('(d) seats act within their means', () => {
  it('a party sending 20 gestures in one turn gets at most 2 accepted (the plan: 1), the rest refused with a reason; next turn it may gesture again', () => {
    for (const [s, partyId] of [
      [flagship, 'opp'],
      [flagship, 'gov'],
      [tutorial, 'union'],
    ] as const) {
      const role = `party:${partyId}` as Role;
      let g = createGame(s, { seed: 41, humanRoles: [role] });
      const kinds = ['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire'];
      let ok = 0;
      const reasons = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const r = attempt(g, as(role, { type: 'gesture', cbm: kinds[i % kinds.length] }));
        if (r.ok) {
          ok++;
          g = r.game;
        } else reasons.add(r.reason.key);
      }
      expect(ok, `${s.id}: gestures accepted from ${role} in one turn`).toBeGreaterThanOrEqual(1);
      expect(ok, `${s.id}: gestures accepted from ${role} in one turn`).toBeLessThanOrEqual(2);
      expect(reasons.size).toBeGreaterThan(0);
      // A limit per turn, not a ban.
      g = accepted(g, med({ type: 'endTurn' }), 'end of turn 1');
      expect(isOver(g)).toBe(false);
      expect(worldOf(g).parties[partyId]!.seat, `${role} still at the table in turn 2`).not.toBe('walkedOut');
      accepted(g, as(role, { type: 'gesture', cbm: 'ceasefire' }), `a gesture from ${role} in turn 2`);
    }
  });

  it('violence ordered by a faction whose spoiler type is none is refused', () => {
    for (const [s, none, spoiler] of [
      [flagship, 'gov_negotiators', 'chavista_hardliners'],
      [flagship, 'opp_moderates', 'maximalists'],
      [tutorial, 'cabinet', 'generals'],
      [calmMini((x) => (x.parties[1]!.factions[2]!.spoiler = 'total')), 'assembly', 'zealots'],
    ] as const) {
      expect(s.parties.flatMap((p) => p.factions).find((f) => f.id === none)?.spoiler, `${s.id}: ${none} is no spoiler`).toBe('none');
      const g = createGame(s, { seed: 42, humanRoles: [`faction:${none}`, `faction:${spoiler}`] });
      refused(g, as(`faction:${none}`, { type: 'spoilerAction', action: 'violence' }), `${s.id}: violence by ${none}`);
      // Control: a spoiler faction may order it.
      accepted(g, as(`faction:${spoiler}`, { type: 'spoilerAction', action: 'violence' }), `${s.id}: violence by ${spoiler}`);
    }
  });

  it('sanctions by a power with no sanctions leverage are refused', () => {
    for (const [s, without, withLeverage, target] of [
      [flagship, 'russia', 'us', 'opp'],
      [flagship, 'china', 'lima', 'gov'],
      [tutorial, 'estra', 'bloc', 'union'],
    ] as const) {
      expect(s.externals.find((e) => e.id === without)!.leverage, `${s.id}: ${without} has no sanctions leverage`).not.toContain('sanctions');
      expect(s.externals.find((e) => e.id === withLeverage)!.leverage).toContain('sanctions');
      const g = createGame(s, { seed: 43, humanRoles: [`external:${without}`, `external:${withLeverage}`] });
      for (const magnitude of [40, 10, undefined]) {
        const effect = { kind: 'sanctions', actor: without, sanction: 'new', target, ...(magnitude === undefined ? {} : { magnitude }) };
        refused(g, as(`external:${without}`, { type: 'externalAction', effect }), `${s.id}: sanctions by ${without}`);
      }
      // Controls: the same power may shift its support; a power with the leverage may sanction.
      accepted(
        g,
        as(`external:${without}`, { type: 'externalAction', effect: { kind: 'supportShift', actor: without, party: target, delta: 5 } }),
        `${s.id}: support shift by ${without}`,
      );
      accepted(
        g,
        as(`external:${withLeverage}`, { type: 'externalAction', effect: { kind: 'sanctions', actor: withLeverage, sanction: 'new', target, magnitude: 10 } }),
        `${s.id}: sanctions by ${withLeverage}`,
      );
    }
  });

  it('a gesture from a party that has walked out is refused', () => {
    for (const [s, partyId] of [
      [flagship, 'opp'],
      [tutorial, 'gov'],
    ] as const) {
      const role = `party:${partyId}` as Role;
      let g = createGame(s, { seed: 44, humanRoles: [role] });
      g = accepted(g, as(role, { type: 'walkOut' }), `${role} walks out`);
      expect(worldOf(g).parties[partyId]!.seat).toBe('walkedOut');
      g = accepted(g, med({ type: 'endTurn' }), 'end of turn 1');
      // A new turn: no per-turn limit stands in the way; only the empty seat does.
      expect(worldOf(g).parties[partyId]!.seat).toBe('walkedOut');
      for (const cbm of ['prisonerRelease', 'ceasefire']) refused(g, as(role, { type: 'gesture', cbm }), `a gesture from ${role}, walked out`);
      // Control: back at the table (next turn), it may gesture again.
      g = accepted(g, as(role, { type: 'returnToTable' }), `${role} returns`);
      g = accepted(g, med({ type: 'endTurn' }), 'end of turn 2');
      if (isOver(g)) throw new Error(`${s.id}: the game ended before the control`);
      accepted(g, as(role, { type: 'gesture', cbm: 'ceasefire' }), `a gesture from ${role}, back at the table`);
    }
  });
});

// ---------------------------------------------------------------- (e) the command cap

describe('(e) the command cap: a game never holds more commands than a save accepts', () => {
  const s = flagship;

  it('the engine exports its cap, MAX_COMMANDS, a positive integer', () => {
    expect(Number.isInteger(MAX_COMMANDS) && MAX_COMMANDS > 0, `MAX_COMMANDS = ${String(MAX_COMMANDS)}`).toBe(true);
  });

  it('a game at the cap refuses one more command, with a reason; one below the cap takes it', () => {
    // Under the per-turn limits and the turn limit no real game gets near 20,000 commands, so the
    // boundary is reached as a long-lived server room would hold it: a Game whose command list is
    // at the cap (its world is a real game's; toSave reads exactly this list).
    const g = createGame(s, { seed: 51 });
    const filler = med({ type: 'readBriefing' });
    const atCap: Game = { ...g, commands: Array.from({ length: MAX_COMMANDS }, () => filler) };
    const r = refused(atCap, med({ type: 'caucus', party: 'gov' }), 'a command past the cap');
    expect(r.key).toMatch(/^refuse\./);
    const below: Game = { ...g, commands: Array.from({ length: MAX_COMMANDS - 1 }, () => filler) };
    const next = accepted(below, med({ type: 'caucus', party: 'gov' }), 'the last command under the cap');
    expect(next.commands.length).toBe(MAX_COMMANDS);
    expect(toSave(next).commands.length).toBeLessThanOrEqual(MAX_COMMANDS);
  });

  it('a save may hold MAX_COMMANDS commands (it is replayed, not refused for its length); one more is refused', () => {
    // A finished game, padded with well-formed commands up to the cap: the loader must get past its
    // size check and replay up to the first padding command (the game is over, so that one fails).
    const done = bots.playGame(s, { policy: 'greedy', seed: 52 });
    expect(isOver(done.game)).toBe(true);
    const real = done.game.commands.length;
    const padded = toSave(done.game) as unknown as { commands: unknown[]; stateHash?: string };
    delete padded.stateHash;
    while (padded.commands.length < MAX_COMMANDS) padded.commands.push(med({ type: 'endTurn' }));
    const reason = expectLoadRefused(padded, s, 'padded to the cap');
    expect([real, real + 1], `the save of ${MAX_COMMANDS} commands was replayed up to the padding (${show(reason)})`).toContain(reason.params?.index);
    padded.commands.push(med({ type: 'endTurn' }));
    expectLoadRefused(padded, s, 'one past the cap');
  });

  it('the busiest real game (every seat human, every seat acting every turn) stays under the cap and its save loads with the same hash', () => {
    const roles = rolesOf(s).filter((r) => r !== 'mediator' && r !== 'observer' && r !== 'instructor');
    const ids = idsOf(s);
    let g = createGame(s, { seed: 53, humanRoles: roles });
    const dice = { n: 0 };
    const tries = (role: Role): object[] => {
      const [kind, id] = role.split(':') as [string, string];
      if (kind === 'party') return [{ type: 'gesture', cbm: 'humanitarianChannel' }, { type: 'returnToTable' }];
      if (kind === 'faction') return [{ type: 'spoilerAction', action: 'denunciation' }];
      return [{ type: 'externalAction', effect: { kind: 'supportShift', actor: id, party: ids.parties[dice.n++ % ids.parties.length], delta: 1 } }];
    };
    let turns = 0;
    while (!isOver(g) && turns < 80) {
      for (let i = 0; i < 30; i++) {
        const r = quick(g, { role: 'instructor', type: 'inject', effect: { kind: 'news' } });
        if (!r.ok) break;
        g = r.game;
      }
      for (const role of roles)
        for (const body of tries(role)) {
          const r = quick(g, as(role, body));
          if (r.ok) g = r.game;
        }
      // Answer every pending proposal, so the process moves on.
      for (const p of worldOf(g).proposals)
        for (const [party, answer] of Object.entries(p.responses)) {
          if (answer !== 'pending') continue;
          const r = quick(g, as(`party:${party}` as Role, { type: 'respond', proposal: p.id, accept: true }));
          if (r.ok) g = r.game;
        }
      // The mediator: a caucus with each party, a try at the next phase, then the end of the turn.
      for (const party of ids.parties) {
        const r = quick(g, med({ type: 'caucus', party }));
        if (r.ok) g = r.game;
      }
      const r = quick(g, med({ type: 'proposeNextPhase' }));
      if (r.ok) g = r.game;
      if (!isOver(g)) g = quick(g, med({ type: 'endTurn' })).game;
      turns++;
    }
    expect(g.commands.length).toBeLessThanOrEqual(MAX_COMMANDS);
    const back = load(JSON.parse(JSON.stringify(toSave(g))), s);
    expect(back.ok, `the save of a game of ${g.commands.length} commands loads`).toBe(true);
    expect(back.ok && stateHash(back.game)).toBe(stateHash(g));
  });
});

// ---------------------------------------------------------------- (f) no side channel in gestures

/*
 * (f) Spontaneous gestures do not betray intent.
 *
 * What "no side channel" means here: a role that sees a party's spontaneous gesture in the shared
 * log (every role sees it) must learn nothing from it about the party's hidden intent that it did
 * not know already. The visible part of such an entry is its kind (effect.cbm), its result key and
 * its fields. How the test makes that claim checkable:
 *  - Only spontaneous gestures count: a cbm event whose kind the mediator chose (an accepted
 *    requestCbm of that party and kind, from that turn or before, each used once) says nothing
 *    about the party, and by-the-book may rightly ask a suspected staller for other gestures.
 *  - Intent is the only thing that changes: every pack with a staller is played as shipped AND
 *    with every party's intent flipped (stallers sincere, sincere parties stalling), same seeds.
 *  - Compare like with like, on what the watcher already knows: gestures are compared within
 *    strata of (pack, party, the party's public gesture record = how many cbm events of that
 *    party the shared log already shows). A party's habits (always one kind) are then no leak, and
 *    neither is a kind that follows the public record: how many gestures a party has made does
 *    differ with intent by design (a staller grants cheap requested gestures more readily), but
 *    anyone can count them in the log. Comparing raw, unstratified distributions would call that
 *    a leak; a kind chosen by intent is caught in every stratum.
 *  - The measure is what the best guesser gains: seeing only the signature, the best balanced
 *    accuracy is 1/2 + TV/2, where TV is the total variation distance between the signature
 *    distributions of stalling and sincere gesturers. The test weighs TV over the strata and
 *    runs a stratified permutation test (intent labels shuffled within each stratum, seeded,
 *    2,000 shuffles): small strata inflate TV by chance alone, and the shuffles measure that
 *    chance level. It fails when the guess beats chance both significantly (p < 0.001) and by
 *    more than a margin (5 points of balanced accuracy over the shuffled level): sampling noise
 *    alone cannot fail it, a real tell cannot pass it.
 *  - The blunt form of the tell fails on its own: a stratum where stallers and sincere parties
 *    (at least 3 gestures each) never make the same kind.
 *  - Enough to compare: at least 10 gestures of each side in strata holding both sides (a tell
 *    that follows intent separates even that few). A side
 *    that never gestures would make the mere presence of a gesture a tell, and the test blind.
 * Not covered: when and how often a party gestures (rates follow commitment and trust, which
 * differ by design between a staller and a sincere party), nor the sizes of the meter changes.
 */
describe('(f) spontaneous gestures do not betray intent', () => {
  const SEEDS = 32; // × 2 (as shipped, intents flipped) × 5 packs = 320 by-the-book games (enough comparable gestures under the round-2 rules)
  const packs = shippedScenarios().filter(({ scenario }) => scenario.parties.some((p) => p.intent === 'stalling'));

  const flipped = (s: Scenario): Scenario => {
    const c = structuredClone(s);
    for (const p of c.parties) p.intent = p.intent === 'stalling' ? 'sincere' : 'stalling';
    return c;
  };

  /** The part of a gesture's log entry any role sees, besides whose gesture it is and its meter changes. */
  const signature = (e: Extract<LogEntry, { kind: 'event' }>): string =>
    JSON.stringify({
      cbm: (e.effect as { cbm?: string }).cbm,
      result: e.result.key,
      fields: Object.keys(e).sort(),
      effectFields: Object.keys(e.effect).sort(),
    });

  interface Gesture {
    stratum: string;
    stalling: boolean;
    sig: string;
    kind: string;
  }

  /** The spontaneous gestures of a game, read from the log every role sees (the observer's). */
  function spontaneousGestures(g: Game, pack: string): Gesture[] {
    const w = worldOf(g);
    // Gestures the mediator asked for and got: each accounts for one cbm event of its kind, from
    // the turn it was asked on.
    const requested = w.proposals
      .filter((p) => p.kind === 'cbm' && p.status === 'accepted' && p.cbm)
      .map((p) => ({ turn: p.turn, key: `${p.cbm!.party}:${p.cbm!.cbm}`, used: false }));
    const record = new Map<string, number>();
    const out: Gesture[] = [];
    for (const e of viewFor(g, 'observer').log) {
      if (e.kind !== 'event' || e.effect.kind !== 'cbm') continue;
      const cbm = e.effect.cbm;
      const party = e.effect.party;
      const before = record.get(party) ?? 0;
      record.set(party, before + 1);
      if (e.source !== 'party') continue;
      const asked = requested.find((r) => !r.used && r.turn <= e.turn && r.key === `${party}:${cbm}`);
      if (asked) {
        asked.used = true;
        continue;
      }
      out.push({ stratum: `${pack}/${party}/${before}`, stalling: w.parties[party]!.intent === 'stalling', sig: signature(e), kind: cbm });
    }
    return out;
  }

  const strataOf = (gs: Gesture[]): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    gs.forEach((g, i) => {
      const idx = m.get(g.stratum);
      if (idx) idx.push(i);
      else m.set(g.stratum, [i]);
    });
    return m;
  };

  /** Weighted total variation distance between stalling and sincere signatures, over strata holding both. */
  function weightedTv(gs: Gesture[], strata: Map<string, number[]>, labels: boolean[]): number {
    let sum = 0;
    let weight = 0;
    for (const idx of strata.values()) {
      const st = new Map<string, number>();
      const si = new Map<string, number>();
      let nSt = 0;
      let nSi = 0;
      for (const i of idx) {
        const m = labels[i] ? st : si;
        m.set(gs[i]!.sig, (m.get(gs[i]!.sig) ?? 0) + 1);
        if (labels[i]) nSt++;
        else nSi++;
      }
      if (nSt === 0 || nSi === 0) continue;
      let tv = 0;
      for (const k of new Set([...st.keys(), ...si.keys()])) tv += Math.abs((st.get(k) ?? 0) / nSt - (si.get(k) ?? 0) / nSi);
      sum += (tv / 2) * idx.length;
      weight += idx.length;
    }
    return weight === 0 ? 0 : sum / weight;
  }

  it('the kind of a spontaneous gesture does not separate stalling from sincere parties (320 by-the-book games)', () => {
    expect(packs.length, 'shipped packs with a stalling party').toBeGreaterThanOrEqual(2);
    const gestures: Gesture[] = [];
    for (const { file, scenario } of packs) {
      for (const s of [scenario, flipped(scenario)]) {
        for (let seed = 1; seed <= SEEDS; seed++)
          gestures.push(...spontaneousGestures(bots.playGame(s, { policy: 'by-the-book', seed: seed * 7919 }).game, `${file}#${scenario.id}`));
      }
    }
    const strata = strataOf(gestures);
    const table: Record<string, { stalling: number; sincere: number }> = {};
    for (const g of gestures) {
      const row = (table[g.kind] ??= { stalling: 0, sincere: 0 });
      row[g.stalling ? 'stalling' : 'sincere']++;
    }
    // Strata where both sides gestured: the only places a comparison means anything.
    let comparableSt = 0;
    let comparableSi = 0;
    for (const [name, idx] of strata) {
      const st = idx.filter((i) => gestures[i]!.stalling);
      const si = idx.filter((i) => !gestures[i]!.stalling);
      if (st.length === 0 || si.length === 0) continue;
      comparableSt += st.length;
      comparableSi += si.length;
      // Disjoint kinds are a side channel only when both sides made enough gestures for chance not to
      // explain it: with three kinds drawn alike, two samples of 8 are disjoint less than once in 10^4.
      if (st.length >= 8 && si.length >= 8) {
        const kSt = new Set(st.map((i) => gestures[i]!.kind));
        const kSi = new Set(si.map((i) => gestures[i]!.kind));
        expect(
          [...kSt].some((k) => kSi.has(k)),
          `in ${name}, stallers make only ${[...kSt].join('/')} and sincere parties only ${[...kSi].join('/')}`,
        ).toBe(true);
      }
    }
    const summary = `spontaneous gestures by kind ${JSON.stringify(table)}; comparable (same pack, party and public record): ${comparableSt} stalling, ${comparableSi} sincere`;
    console.log(summary);
    expect(comparableSt, `${summary}: too few stalling gestures to compare`).toBeGreaterThanOrEqual(10);
    expect(comparableSi, `${summary}: too few sincere gestures to compare`).toBeGreaterThanOrEqual(10);

    // The best guesser's gain, against chance: a stratified, seeded permutation test.
    const labels = gestures.map((g) => g.stalling);
    const observed = weightedTv(gestures, strata, labels);
    let rng = 0x9e3779b9;
    const next = (): number => {
      rng ^= rng << 13;
      rng ^= rng >>> 17;
      rng ^= rng << 5;
      return (rng >>> 0) / 2 ** 32;
    };
    const B = 2000;
    let asLarge = 0;
    let nullSum = 0;
    const shuffled = labels.slice();
    for (let b = 0; b < B; b++) {
      for (const idx of strata.values()) {
        for (let i = idx.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          const a = shuffled[idx[i]!]!;
          shuffled[idx[i]!] = shuffled[idx[j]!]!;
          shuffled[idx[j]!] = a;
        }
      }
      const tv = weightedTv(gestures, strata, shuffled);
      nullSum += tv;
      if (tv >= observed - 1e-12) asLarge++;
    }
    const p = (asLarge + 1) / (B + 1);
    // Small strata make TV large by chance alone: the gain is what the observed TV has over its
    // value with intent shuffled (chance), in points of balanced accuracy (TV / 2).
    const chance = nullSum / B;
    const gain = (observed - chance) / 2;
    const verdict = `weighted TV ${observed.toFixed(3)} against ${chance.toFixed(3)} by chance: a guess from the kind beats chance by ${(100 * gain).toFixed(1)} points; permutation p = ${p.toFixed(4)}`;
    console.log(verdict);
    expect(p < 0.001 && gain > 0.05, `a gesture's visible signature betrays intent: ${verdict}; ${summary}`).toBe(false);
  });
});

// ---------------------------------------------------------------- (g) loadSave on malformed saves

describe('(g) loadSave refuses malformed saves with a reason and never throws', () => {
  const s = flagship;
  const g = (() => {
    let x = createGame(s, { seed: 71, humanRoles: ['party:opp'] });
    x = accepted(x, med({ type: 'caucus', party: 'gov' }));
    x = accepted(x, as('party:opp', { type: 'gesture', cbm: 'humanitarianChannel' }));
    return accepted(x, med({ type: 'endTurn' }));
  })();
  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(toSave(g))) as Record<string, unknown>;
  const cap = typeof MAX_COMMANDS === 'number' ? MAX_COMMANDS : 20_000;

  /** The save without its state hash (optional): a malformation must be refused on its own, not caught by the hash. */
  const unhashed = (): Record<string, unknown> => {
    const save = good();
    delete save.stateHash;
    return save;
  };

  it('control: the save itself loads, with the same hash, and without its hash', () => {
    for (const save of [good(), unhashed()]) {
      const r = load(save, s);
      expect(r.ok).toBe(true);
      expect(r.ok && stateHash(r.game)).toBe(stateHash(g));
    }
  });

  it('no scenario, or no save', () => {
    expectLoadRefused(good(), null, 'scenario null');
    expectLoadRefused(good(), undefined, 'scenario undefined');
    for (const save of [undefined, null, 0, 42, Number.NaN, true, '', '{', 'null', '[]', [], {}, 'x'.repeat(3_000_000), () => 1, Symbol('save')]) {
      expectLoadRefused(save, s, `save ${show(save, 40)}`);
    }
  });

  it('seat lists that are not lists of this scenario’s seats', () => {
    for (const humanRoles of ['party:opp', { 0: 'party:opp', length: 1 }, 5, null, true, [5], [null], [['party:opp']], [{ role: 'party:opp' }]]) {
      expectLoadRefused({ ...unhashed(), humanRoles }, s, `humanRoles ${show(humanRoles)}`);
    }
    for (const role of [
      'party:nobody',
      'faction:ghosts',
      'external:mars',
      'king',
      'Party:opp',
      'party:',
      'party:__proto__',
      'party:constructor',
      'faction:toString',
      'x'.repeat(10_000),
    ]) {
      expectLoadRefused({ ...unhashed(), humanRoles: ['party:opp', role] }, s, `humanRoles naming ${role.slice(0, 40)}`);
    }
  });

  it('commands that are not command objects', () => {
    for (const commands of ['endTurn', 5, null, {}, { 0: { role: 'mediator', type: 'endTurn' }, length: 1 }]) {
      expectLoadRefused({ ...unhashed(), commands }, s, `commands ${show(commands)}`);
    }
    for (const bad of [
      1,
      'endTurn',
      null,
      [],
      ['mediator', 'endTurn'],
      true,
      { type: 'endTurn' },
      { role: 'mediator' },
      { role: 'mediator', type: 'caucus', party: 'gov', actor: 'us' },
      TO_STRING_ATTACK,
    ]) {
      const save = unhashed();
      (save.commands as unknown[]).push(bad);
      expectLoadRefused(save, s, `a command ${show(bad)}`);
    }
  });

  it('more commands than the cap', () => {
    for (const n of [cap + 1, 100_000]) {
      const save = unhashed();
      const filler = (save.commands as unknown[])[0];
      save.commands = Array.from({ length: n }, () => filler);
      const t0 = performance.now();
      expectLoadRefused(save, s, `${n} commands`);
      // Refused by its size, not after replaying it.
      expect(performance.now() - t0, `refusing ${n} commands`).toBeLessThan(5_000);
    }
  });

  it('a wrong state hash', () => {
    const real = toSave(g).stateHash ?? '';
    for (const stateHash of [
      'ffffffffffffffff',
      '0000000000000000',
      `${real}x`,
      real.toUpperCase() === real ? `${real.slice(1)}0` : real.toUpperCase(),
      42,
      null,
      { toString: () => real },
    ]) {
      expectLoadRefused({ ...good(), stateHash }, s, `stateHash ${show(stateHash)}`);
    }
  });

  it('an empty state hash is a wrong one (not the same as no hash)', () => {
    expectLoadRefused({ ...good(), stateHash: '' }, s, 'stateHash ""');
  });

  it('other malformed fields: seed, difficulty, version, scenario', () => {
    const cases: Record<string, unknown>[] = [
      { seed: Number.NaN },
      { seed: '1' },
      { seed: Number.POSITIVE_INFINITY },
      { seed: 1.5 },
      { difficulty: 'godlike' },
      { saveVersion: 999 },
      { saveVersion: -1 },
      { saveVersion: '1' },
      { scenario: null },
      { scenario: { id: 'another', version: flagship.version } },
      { scenario: { id: flagship.id, version: '0.0.0-not-this' } },
      { scenario: { id: { toString: () => flagship.id }, version: flagship.version } },
    ];
    for (const patch of cases) expectLoadRefused({ ...unhashed(), ...patch }, s, `save with ${show(patch)}`);
    const boom = (): never => {
      throw new Error('boom');
    };
    expectLoadRefused(Object.defineProperty(good(), 'commands', { get: boom, enumerable: true }), s, 'a save whose commands getter throws');
    expectLoadRefused(new Proxy(good(), { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom }), s, 'a hostile proxy');
  });
});
