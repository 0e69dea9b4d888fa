/** The pack validator on good and bad packs: every problem located (line) and named (path). */
import { describe, expect, it } from 'vitest';
import { loadPack, MAX_PACK_CHARS, MAX_SCENARIOS_PER_PACK } from '../../src/scenario/pack';
import { formatProblem } from '../../src/scenario/load';
import { edit, fixture, lineOf, problemAt, problemsOf } from './helpers';

const yaml = fixture('valid-pack.yaml');
const json = fixture('valid-pack.json');

describe('valid packs', () => {
  it('loads the YAML pack with no problems and fills defaults', () => {
    const r = loadPack(yaml, 'valid-pack.yaml');
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.pack).toMatchObject({ id: 'harbour-talks', language: 'en', authors: ['Test Author'] });
    expect(r.value.scenarios).toHaveLength(1);
    expect(r.value.scenarios[0]!.thresholds.signingCohesion).toBe(50);
    expect(r.value.scenarios[0]!.thresholds.monitoringTurns).toBe(3);
  });

  it('loads the same pack written as JSON to the same value', () => {
    const a = loadPack(yaml, 'valid-pack.yaml');
    const b = loadPack(json, 'valid-pack.json');
    expect(b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.value).toEqual(a.value);
  });

  it('reads a bare scenario file as a pack of one', () => {
    const r = loadPack(fixture('valid-scenario.yaml'), 'valid-scenario.yaml');
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.scenarios.map((s) => s.id)).toEqual(['harbour']);
    expect(r.value.pack).toMatchObject({ id: 'harbour', title: 'The Harbour Talks', version: '1.0', authors: [] });
    expect(r.value.pack.learningObjectives).toEqual(['Match the strategy to the spoiler type', 'Pre-empt an outside power before it strikes']);
  });

  it('keeps markup as plain text', () => {
    const r = loadPack(edit(yaml, 'title: The Harbour Talks\n    period', 'title: "<script>alert(1)</script><b>Harbour</b>"\n    period'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.scenarios[0]!.title).toBe('<script>alert(1)</script><b>Harbour</b>');
  });
});

describe('syntax errors are located', () => {
  it('broken YAML: the line of the mistake', () => {
    const bad = edit(yaml, '        short: Gov\n', '        short: Gov: the government\n');
    const r = loadPack(bad, 'p.yaml');
    expect(r.ok).toBe(false);
    const first = problemsOf(r)[0]!;
    expect(first.line).toBe(lineOf(bad, 'short: Gov:'));
    expect(first.message).toMatch(/^syntax:/);
    expect(formatProblem(first, 'p.yaml')).toMatch(new RegExp(`^p\\.yaml:${first.line}:\\d+ error: `));
  });

  it('a duplicated key is a syntax error on its second line', () => {
    const bad = edit(yaml, '    period: A fictional spring\n', '    period: A fictional spring\n    period: Again\n');
    const r = loadPack(bad);
    expect(problemsOf(r)[0]).toMatchObject({ line: lineOf(bad, 'period: Again'), severity: 'error' });
  });

  it('broken JSON: a missing comma, at the next key', () => {
    const bad = edit(json, '"title": "The Harbour Talks",\n    "version"', '"title": "The Harbour Talks"\n    "version"');
    const r = loadPack(bad, 'p.json');
    expect(problemsOf(r)).toHaveLength(1);
    expect(problemsOf(r)[0]).toMatchObject({ line: lineOf(bad, '"version": "1.0.0"'), column: 5 });
    expect(problemsOf(r)[0]!.message).toMatch(/comma missing/);
  });

  it('broken JSON: a trailing comma and a comment, which YAML would accept', () => {
    const trailing = edit(json, '"Test Author"\n', '"Test Author",\n');
    expect(problemsOf(loadPack(trailing, 'p.json'))[0]).toMatchObject({
      line: lineOf(trailing, '"Test Author",'),
      message: expect.stringMatching(/trailing comma/),
    });
    const comment = `// my pack\n${json}`;
    expect(problemsOf(loadPack(comment, 'p.json'))[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/comments/) });
  });

  it('absurdly deep brackets are refused, not recursed into', () => {
    const r = loadPack(`scenarios: ${'['.repeat(5000)}`);
    expect(r.ok).toBe(false);
    expect(problemsOf(r)[0]).toMatchObject({ line: 1, column: 'scenarios: '.length + 65, message: expect.stringMatching(/nested too deeply/) });
  });
});

describe('type errors name the path and the expected type', () => {
  it('a word where a number belongs', () => {
    const bad = edit(yaml, 'turnLimit: 16', 'turnLimit: sixteen');
    const p = problemAt(loadPack(bad), 'scenarios[0].turnLimit');
    expect(p).toMatchObject({ expected: 'number', line: lineOf(bad, 'turnLimit: sixteen') });
  });

  it('an unknown option deep in the pack', () => {
    const bad = edit(yaml, '            name: Parliamentary parties\n', '            name: Parliamentary parties\n            spoiler: sometimes\n');
    const p = problemAt(loadPack(bad), 'scenarios[0].parties[1].factions[0].spoiler');
    expect(p.line).toBe(lineOf(bad, 'spoiler: sometimes'));
    expect(p.expected).toContain('"greedy"');
  });

  it('a misspelt field suggests the right one', () => {
    const bad = edit(yaml, '    startVenue: island', '    startVenu: island');
    const p = problemAt(loadPack(bad), 'scenarios[0]');
    expect(p).toMatchObject({ message: 'unknown field "startVenu"', hint: 'did you mean "startVenue"?', line: lineOf(bad, 'startVenu:') });
  });

  it('pack metadata errors, located in the wrapper', () => {
    const bad = edit(edit(yaml, '  version: 1.0.0', '  version: 1'), '  language: en', '  language: English language');
    const r = loadPack(bad);
    expect(problemAt(r, 'pack.version')).toMatchObject({ expected: 'string', line: lineOf(bad, '  version: 1'), hint: expect.stringMatching(/quotes/) });
    expect(problemAt(r, 'pack.language').line).toBe(lineOf(bad, 'language: English'));
  });

  it('a missing required field is named', () => {
    const bad = edit(yaml, '    summary: A government and an opposition alliance test whether talks about elections and sanctions can start.\n', '');
    expect(problemAt(loadPack(bad), 'scenarios[0].summary').message).toBe('missing required field "summary"');
  });
});

describe('references and ids', () => {
  it('a dangling faction in an effect lists the known ones', () => {
    const bad = edit(yaml, 'faction: gov-hardliners, action: arrest', 'faction: gov-hardliner, action: arrest');
    const p = problemAt(loadPack(bad), 'scenarios[0].injects[0].effect.faction');
    expect(p.line).toBe(lineOf(bad, 'gov-hardliner,'));
    expect(p.hint).toContain('"gov-hardliners"');
  });

  it('dangling party, issue and actor references, all at once', () => {
    let bad = edit(yaml, 'support: { opp: 30 }', 'support: { opposition: 30 }');
    bad = edit(bad, '        core: [gov]', '        core: [government]');
    bad = edit(bad, 'actor: west, sanction: new', 'actor: westerners, sanction: new');
    const r = loadPack(bad);
    expect(problemAt(r, 'scenarios[0].externals[1].support.opposition').line).toBe(lineOf(bad, 'opposition: 30'));
    expect(problemAt(r, 'scenarios[0].issues[1].core[0]').line).toBe(lineOf(bad, 'core: [government]'));
    expect(problemAt(r, 'scenarios[0].injects[1].effect.actor').line).toBe(lineOf(bad, 'actor: westerners'));
  });

  it('duplicate ids', () => {
    let bad = edit(yaml, '      - id: northland', '      - id: west');
    bad = edit(bad, '          - id: alliance-wavers', '          - id: arrests');
    const r = loadPack(bad);
    expect(problemAt(r, 'scenarios[0].externals[2].id')).toMatchObject({
      message: 'duplicate external actor id "west"',
      line: lineOf(bad, 'name: Northland') - 1,
    });
    expect(problemAt(r, 'scenarios[0].injects[0].contingency[0].id').message).toBe('duplicate inject id "arrests"');
  });

  it('an id shared by a party and an issue is ambiguous', () => {
    const bad = edit(yaml, '      - id: relief', '      - id: opp');
    expect(problemAt(loadPack(bad), 'scenarios[0].issues[1].id').message).toMatch(/both for a party and for a issue/);
  });

  it('duplicate scenario ids in one pack', () => {
    const data = JSON.parse(json);
    data.scenarios.push(structuredClone(data.scenarios[0]));
    const r = loadPack(JSON.stringify(data, null, 2), 'p.json');
    expect(problemAt(r, 'scenarios[1].id').message).toBe('duplicate scenario id "harbour"');
  });
});

describe('bounds', () => {
  it('an oversize file is refused before parsing', () => {
    const big = `${yaml}\n#${'x'.repeat(MAX_PACK_CHARS)}\n`;
    const r = loadPack(big);
    expect(r.ok).toBe(false);
    expect(problemsOf(r)).toHaveLength(1);
    expect(problemsOf(r)[0]!.message).toMatch(/too large/);
    expect(problemsOf(r)[0]!.expected).toBe(`at most ${MAX_PACK_CHARS} characters`);
  });

  it(`at most ${MAX_SCENARIOS_PER_PACK} scenarios`, () => {
    const data = JSON.parse(json);
    data.scenarios = Array.from({ length: MAX_SCENARIOS_PER_PACK + 1 }, (_, i) => ({ ...data.scenarios[0], id: `s${i}` }));
    const p = problemAt(loadPack(JSON.stringify(data, null, 2), 'p.json'), 'scenarios');
    expect(p.expected).toBe(`at most ${MAX_SCENARIOS_PER_PACK}`);
  });

  it('a string over its length bound', () => {
    const bad = edit(yaml, '    period: A fictional spring', `    period: ${'long '.repeat(40)}`);
    expect(problemAt(loadPack(bad), 'scenarios[0].period').expected).toBe('at most 80');
  });

  it('an empty file, a list, a bare value', () => {
    expect(problemsOf(loadPack(''))[0]!.message).toBe('the file is empty');
    expect(problemsOf(loadPack('', 'p.json'))[0]!.message).toBe('the file is empty');
    expect(problemsOf(loadPack('- a\n- b'))[0]!.message).toMatch(/a list/);
    expect(problemsOf(loadPack('42'))[0]!.message).toMatch(/a single number/);
  });
});

describe('what the pack means', () => {
  it('an inject after the last turn', () => {
    const bad = edit(yaml, '        turn: 3', '        turn: 30');
    const p = problemAt(loadPack(bad), 'scenarios[0].injects[0].turn');
    expect(p).toMatchObject({ line: lineOf(bad, 'turn: 30'), expected: 'a turn from 1 to 16' });
  });

  it('a blank briefing: whitespace only, and a placeholder', () => {
    const start = yaml.indexOf('      background: >');
    const end = yaml.indexOf('      earlierTalks:');
    const blank = `${yaml.slice(0, start)}      background: "   "\n${yaml.slice(end)}`;
    const r = loadPack(blank);
    expect(problemAt(r, 'scenarios[0].briefing.background').line).toBe(lineOf(blank, 'background: "   "'));
    const tbd = `${yaml.slice(0, start)}      background: TBD\n${yaml.slice(end)}`;
    expect(problemAt(loadPack(tbd), 'scenarios[0].briefing.background').message).toMatch(/almost empty/);
    const confidential = edit(yaml, 'party:opp: Your street movement will not wait long; you need a date you can show them.', "party:opp: ' '");
    expect(problemAt(loadPack(confidential), 'scenarios[0].briefing.confidential.party:opp').message).toMatch(/blank/);
  });

  it('an issue with no zone of possible agreement', () => {
    const bad = edit(yaml, 'opp: { public: 95, ideal: 85, weight: 5, reservation: 40 }', 'opp: { public: 95, ideal: 85, weight: 5, reservation: 60 }');
    const p = problemAt(loadPack(bad), 'scenarios[0].issues[0].positions');
    expect(p.message).toContain('no zone of possible agreement on "elections": gov accepts 0–50, opp accepts 60–100');
    expect(p.line).toBe(lineOf(bad, 'gov: { public: 5'));
  });

  it('reports every problem of a file at once, in file order', () => {
    let bad = edit(yaml, 'turnLimit: 16', 'turnLimit: sixteen');
    bad = edit(bad, '            name: Parliamentary parties\n', '            name: Parliamentary parties\n            spoiler: sometimes\n');
    bad = edit(bad, '  language: en', '  language: "?"');
    const r = loadPack(bad);
    const lines = problemsOf(r).map((p) => p.line ?? 0);
    expect(lines).toHaveLength(3);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe('type errors do not hide reference errors', () => {
  it('a wrong type and a dangling reference in one pass', () => {
    let bad = edit(yaml, 'cohesion: 60', 'cohesion: high');
    bad = edit(bad, '        core: [gov]', '        core: [gav]');
    const r = loadPack(bad);
    expect(problemAt(r, 'scenarios[0].parties[0].cohesion').expected).toBe('number');
    expect(problemAt(r, 'scenarios[0].issues[1].core[0]').message).toBe('unknown party "gav"');
  });

  it('an entity with a type error still answers to its id', () => {
    const bad = edit(yaml, '            spoiler: greedy', '            spoiler: very');
    const r = loadPack(bad);
    expect(problemsOf(r).map((p) => p.message)).not.toContainEqual(expect.stringMatching(/unknown faction/));
    expect(problemsOf(r)).toHaveLength(1);
  });
});
