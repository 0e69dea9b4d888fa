/**
 * Weak messages made clear (issue 12, item 5): each mistake an instructor made writing a real pack
 * now gets a message that says what is wrong and how to write it instead.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/scenario/pack';
import { formatProblem } from '../../src/scenario/load';
import { edit, fixture, lineOf, problemAt, problemsOf } from './helpers';

const yaml = fixture('valid-pack.yaml');
const load = (text: string) => loadPack(text, 'p.yaml');

describe('clear messages for common slips', () => {
  it('an unquoted colon in block text: says to quote it, with the line rewritten', () => {
    const bad = edit(yaml, 'publicStance: Talks are welcome once the street is calm.', 'publicStance: Talks: welcome once the street is calm.');
    const problems = problemsOf(load(bad));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(bad, 'publicStance: Talks:'), severity: 'error' });
    expect(problems[0]!.message).toMatch(/colon and a space/);
    expect(problems[0]!.hint).toBe('put the text in quotes: publicStance: "Talks: welcome once the street is calm."');
  });

  it('an unquoted colon in flow text ("Block collections are not allowed within flow collections")', () => {
    const bad = edit(yaml, 'effect: { kind: leak, source: a newspaper }', 'effect: { kind: leak, source: a newspaper: the Herald }');
    const p = problemsOf(load(bad))[0]!;
    expect(p.line).toBe(lineOf(bad, 'the Herald'));
    expect(p.message).toMatch(/colon and a space.*Block collections are not allowed within flow collections/);
    expect(p.hint).toBe('put the text in quotes: source: "a newspaper: the Herald"');
  });

  it('other syntax errors keep the general hint', () => {
    const p = problemsOf(load(edit(yaml, '    period: A fictional spring\n', '    period: [A fictional spring\n')))[0]!;
    expect(p.hint).not.toMatch(/quotes: period/);
  });

  it('spoiler: Total suggests "total" (values are case-sensitive)', () => {
    const p = problemAt(load(edit(yaml, 'spoiler: greedy', 'spoiler: Total')), 'scenarios[0].parties[0].factions[1].spoiler');
    expect(p.hint).toBe('did you mean "total"? Values are case-sensitive');
    const typo = problemAt(load(edit(yaml, 'spoiler: greedy', 'spoiler: gredy')), 'scenarios[0].parties[0].factions[1].spoiler');
    expect(typo.hint).toBe('did you mean "greedy"?');
  });

  it('nearPrincipals: yes hints to write true (and no → false)', () => {
    const yes = problemAt(load(edit(yaml, 'nearPrincipals: true', 'nearPrincipals: yes')), 'scenarios[0].venues[1].nearPrincipals');
    expect(yes.hint).toMatch(/^write true /);
    const no = problemAt(load(edit(yaml, 'nearPrincipals: true', 'nearPrincipals: "no"')), 'scenarios[0].venues[1].nearPrincipals');
    expect(no.hint).toMatch(/^write false /);
  });

  it('a quoted number hints to remove the quotes', () => {
    const p = problemAt(load(edit(yaml, 'turnLimit: 16', 'turnLimit: "16"')), 'scenarios[0].turnLimit');
    expect(p.hint).toBe('remove the quotes: 16');
  });

  it("a party's trustIn naming itself: a party cannot trust itself", () => {
    const r = load(edit(yaml, 'trustIn: { opp: 25 }', 'trustIn: { gov: 25 }'));
    const p = problemAt(r, 'scenarios[0].parties[0].trustIn.gov');
    expect(p.message).toMatch(/^a party cannot trust itself/);
    expect(p.message).not.toMatch(/unknown party/);
    expect(p.hint).toMatch(/"opp"/);
  });

  it('a meters effect changing a party’s trust in itself is refused the same way', () => {
    const r = load(
      edit(yaml, 'effect: { kind: meters, party: opp, commitment: -10 }', 'effect: { kind: meters, party: opp, commitment: -10, trustIn: { opp: 5 } }'),
    );
    expect(problemAt(r, 'scenarios[0].injects[0].contingency[0].effect.trustIn.opp').message).toMatch(/cannot trust itself/);
  });

  it('<< merge keys: not supported, write the fields out (not "did you mean id?")', () => {
    const bad = edit(edit(yaml, '      - id: gov\n', '      - &govparty\n        id: gov\n'), '      - id: opp\n', '      - <<: *govparty\n        id: opp\n');
    const r = load(bad);
    const p = problemAt(r, 'scenarios[0].parties[1]');
    expect(p.message).toBe('merge keys ("<<") are not supported');
    expect(p.hint).toMatch(/write the fields out/);
    expect(p.line).toBe(lineOf(bad, '<<: *govparty'));
    expect(
      problemsOf(r)
        .map((x) => formatProblem(x))
        .join('\n'),
    ).not.toMatch(/did you mean/);
  });

  it('a violence inject on a faction whose spoiler type is none: warned, with the type it would need', () => {
    const r = load(
      edit(yaml, 'effect: { kind: spoiler, faction: gov-hardliners, action: arrest }', 'effect: { kind: spoiler, faction: gov-moderates, action: violence }'),
    );
    expect(r.ok).toBe(true);
    const p = problemAt(r, 'scenarios[0].injects[0].effect.faction', 'warning');
    expect(p.message).toMatch(/spoiler type is "none" \(a moderate faction\)/);
    expect(p.hint).toMatch(/\(total\)/);
  });
});
