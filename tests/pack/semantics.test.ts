/** Criteria no sequence of moves can meet are errors; legal-but-doubtful designs are warnings. */
import { describe, expect, it } from 'vitest';
import { loadPack, type PackInput } from '../../src/scenario/pack';
import { acceptableRange, zopa } from '../../src/scenario/zopa';
import { minTurnsToSign, typicalTurnsToSign } from '../../src/scenario/semantics';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema';
import { formatPath } from '../../src/scenario/load';
import { fixture, problemAt, problemsOf } from './helpers';

const base = JSON.parse(fixture('valid-pack.json')) as PackInput;

/** Load the fixture pack after changing its scenario. */
function loadWith(change: (s: ScenarioInput & Record<string, any>) => void) {
  const data = structuredClone(base);
  change(data.scenarios[0] as ScenarioInput & Record<string, any>);
  return loadPack(JSON.stringify(data, null, 2), 'p.json');
}

describe('zones of possible agreement', () => {
  it('a party accepts from its red line through its ideal to the end of the scale', () => {
    expect(acceptableRange({ ideal: 20, reservation: 45 })).toEqual({ low: 0, high: 45 });
    expect(acceptableRange({ ideal: 85, reservation: 40 })).toEqual({ low: 40, high: 100 });
    expect(acceptableRange({ ideal: 70, reservation: 70 })).toEqual({ low: 70, high: 100 });
    expect(acceptableRange({ ideal: 30, reservation: 30 })).toEqual({ low: 0, high: 30 });
  });
  it('the zone is the overlap, or null', () => {
    const pos = (ideal: number, reservation: number) => ({ public: ideal, ideal, weight: 1, reservation });
    expect(zopa({ positions: { a: pos(20, 45), b: pos(85, 40) } }, ['a', 'b'])).toEqual({ low: 40, high: 45 });
    expect(zopa({ positions: { a: pos(20, 45), b: pos(85, 60) } }, ['a', 'b'])).toBeNull();
  });
  it('an issue nobody must agree on may lack one (warning)', () => {
    const r = loadWith((s) => {
      s.issues[1]!.positions.opp!.reservation = 40; // gov accepts 50-100, opp 0-40
      s.issues[1]!.core = [];
    });
    expect(r.ok).toBe(true);
    expect(problemAt(r, 'scenarios[0].issues[1].positions', 'warning').message).toMatch(/left off the agenda/);
  });
});

describe('phase criteria that cannot be met', () => {
  it('a core issue its own party refuses', () => {
    const r = loadWith((s) => void (s.parties[1]!.refuses = ['elections']));
    expect(problemAt(r, 'scenarios[0].issues[0].core[0]').message).toBe('party "opp" needs "elections" on the agenda (core) and also refuses it');
  });

  it("refusing another party's core issue only warns: reframing opens it", () => {
    const r = loadWith((s) => void (s.parties[0]!.refuses = ['elections']));
    expect(r.ok).toBe(true);
    expect(problemAt(r, 'scenarios[0].parties[0].refuses[0]', 'warning').hint).toMatch(/reframes "elections"/);
  });

  it('low cohesion is not an error (engaging factions raises it) but lengthens the estimate', () => {
    const low = scenarioSchema.parse({ ...base.scenarios[0], parties: base.scenarios[0]!.parties.map((p) => ({ ...p, cohesion: 10 })) });
    const r = loadWith((s) => void (s.parties[0]!.cohesion = 10));
    expect(problemsOf(r).filter((p) => p.severity === 'error')).toEqual([]);
    expect(typicalTurnsToSign(low)).toBeGreaterThan(typicalTurnsToSign(scenarioSchema.parse(base.scenarios[0])));
  });

  it('a turn limit too short for even a flawless run', () => {
    const r = loadWith((s) => {
      s.actionPoints = 1;
      s.turnLimit = 5;
    });
    expect(problemAt(r, 'scenarios[0].turnLimit')).toMatchObject({ expected: 'at least 9' });
    expect(minTurnsToSign(scenarioSchema.parse({ ...base.scenarios[0], actionPoints: 3 }))).toBe(3);
  });

  it('monitoring that cannot fit in the turn limit warns', () => {
    const r = loadWith((s) => {
      s.turnLimit = 8;
      s.thresholds = { monitoringTurns: 5 };
    });
    expect(r.ok).toBe(true);
    expect(problemAt(r, 'scenarios[0].thresholds.monitoringTurns', 'warning').message).toMatch(/past turnLimit/);
  });

  it('a compliance floor out of reach warns', () => {
    const r = loadWith((s) => {
      s.thresholds = { complianceFloor: 100 };
      s.externals = s.externals!.filter((e) => e.id !== 'northland');
    });
    expect(r.ok).toBe(true);
    expect(problemAt(r, 'scenarios[0].thresholds.complianceFloor', 'warning').message).toMatch(/compliance reaches 85 at best/);
  });

  it('a party that cares about nothing', () => {
    const r = loadWith((s) => s.issues.forEach((i) => (i.positions.gov!.weight = 0)));
    expect(problemAt(r, 'scenarios[0].parties[0]').message).toMatch(/weight 0 to every issue/);
  });
});

describe('injects that can never play as written', () => {
  it('an expected response aimed at the wrong kind of target', () => {
    const r = loadWith((s) => void (s.injects![0]!.expectedResponse!.target = 'gov'));
    expect(problemAt(r, 'scenarios[0].injects[0].expectedResponse.target').message).toBe('"engageSpoiler" is aimed at a faction, but "gov" is a party');
  });

  it('a changeVenue response may name a venue', () => {
    const r = loadWith(
      (s) => void (s.injects![0]!.expectedResponse = { move: 'changeVenue', target: 'capital', description: 'Move closer to the principals.' }),
    );
    expect(problemsOf(r).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a condition that can never hold', () => {
    const r = loadWith((s) => void (s.injects![1]!.condition = { partyMeter: { party: 'gov', meter: 'commitment', below: 30, above: 60 } }));
    expect(problemAt(r, 'scenarios[0].injects[1].condition.partyMeter').message).toMatch(/both below 30 and above 60/);
    const late = loadWith((s) => void (s.injects![1]!.condition = { minTurn: 40 }));
    expect(problemAt(late, 'scenarios[0].injects[1].condition.minTurn').expected).toBe('a turn from 1 to 16');
  });

  it('a target on a move that has none, or on a package, is never recognised', () => {
    const joint = loadWith((s) => void (s.injects![0]!.expectedResponse = { move: 'jointSession', target: 'gov', description: 'Bring them together.' }));
    expect(problemAt(joint, 'scenarios[0].injects[0].expectedResponse.target').message).toMatch(/never recognised/);
    const pkg = loadWith((s) => void (s.injects![0]!.expectedResponse = { move: 'proposePackage', target: 'elections', description: 'Trade across issues.' }));
    expect(problemAt(pkg, 'scenarios[0].injects[0].expectedResponse.target').message).toMatch(/never recognised/);
  });

  it('a contingency ignores its turn (it fires when the response window closes)', () => {
    const r = loadWith((s) => void (s.injects![0]!.contingency![0]!.turn = 5));
    expect(r.ok).toBe(true);
    expect(problemAt(r, 'scenarios[0].injects[0].contingency[0].turn', 'warning').message).toMatch(/not used/);
  });
});

describe('ids', () => {
  it('"constructor" is refused: lookups by id would find the runtime instead', () => {
    const r = loadWith((s) => void (s.parties[0]!.factions[0]!.id = 'constructor'));
    expect(problemAt(r, 'scenarios[0].parties[0].factions[0].id').message).toMatch(/cannot be used as an id/);
  });

  it('every problem path exists in the file or names its parent', () => {
    const r = loadWith((s) => {
      s.turnLimit = 4;
      s.actionPoints = 1;
      s.parties[1]!.refuses = ['elections'];
    });
    for (const p of problemsOf(r)) expect(formatPath(p.path).startsWith('scenarios[0]')).toBe(true);
  });
});
