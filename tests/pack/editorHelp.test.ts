/**
 * Editor help (issue 12, item 4): scenarios/schema.json explains every field with a description and
 * an example, tells effects apart by `kind` (one clear error for an effect mistake in any JSON Schema
 * validator, not one per kind), and the guide says how to point an editor at it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../src/scenario/jsonSchema';
import { edit, fixture } from './helpers';

type Node = Record<string, unknown>;
const schema = packJsonSchema() as Node & { definitions: Record<string, Node> };
const readme = readFileSync(fileURLToPath(new URL('../../scenarios/README.md', import.meta.url)), 'utf8');

const deref = (n: Node): Node => {
  const ref = (n.$ref ?? (Array.isArray(n.allOf) && n.allOf.length === 1 ? (n.allOf[0] as Node).$ref : undefined)) as string | undefined;
  return ref ? schema.definitions[ref.replace('#/definitions/', '')]! : n;
};
const has = (n: Node, key: 'description' | 'examples') => n[key] !== undefined || deref(n)[key] !== undefined;

/** Every named property of every object in the schema, with its path; `if` tests are not fields. */
function properties(n: unknown, path: string, out: [string, Node][] = []): [string, Node][] {
  if (!n || typeof n !== 'object') return out;
  for (const [k, v] of Object.entries(n as Node)) {
    if (k === 'if' || k === 'examples' || k === 'default') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [name, p] of Object.entries(v as Node)) {
        out.push([`${path}.${name}`, p as Node]);
        properties(p, `${path}.${name}`, out);
      }
    } else properties(v, `${path}/${k}`, out);
  }
  return out;
}

describe('scenarios/schema.json as editor help', () => {
  const all = properties(schema, '#');

  it('gives every field a description and an example', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(([, p]) => !has(p, 'description')).map(([path]) => path)).toEqual([]);
    expect(all.filter(([, p]) => !has(p, 'examples')).map(([path]) => path)).toEqual([]);
  });

  it('describes the fields the issue named (turnLimit, trustInMediator, commitment, thresholds)', () => {
    const d = schema.definitions;
    expect(d.Scenario!.properties).toMatchObject({ turnLimit: { description: expect.stringMatching(/collapses/), examples: [16] } });
    expect((d.Party!.properties as Node).trustInMediator).toMatchObject({ description: expect.stringMatching(/trust in the mediator/) });
    expect((d.Party!.properties as Node).commitment).toMatchObject({ description: expect.stringMatching(/walks out/) });
    expect((d.Thresholds!.properties as Node).walkOutMargin).toMatchObject({ description: expect.stringMatching(/BATNA/) });
  });

  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  // ajv adds one "should match then schema" line per enclosing if/then (pack or scenario, the effect's
  // kind): they restate the errors below them, so only the errors themselves are counted.
  const errorsOf = (yamlText: string) => (validate(parse(yamlText)) ? [] : (validate.errors ?? [])).filter((e) => e.keyword !== 'if');

  it('offers pack: and scenarios: at the top of a new file (a bare scenario is the else branch)', () => {
    expect(Object.keys(schema.properties as Node)).toEqual(['pack', 'scenarios']);
    expect(errorsOf('{}').map((e) => e.message)).toContain("should have required property 'id'");
    expect(errorsOf('pack: { id: x }').map((e) => e.message)).toContain("should have required property 'scenarios'");
  });

  it('accepts the valid fixtures and the bare scenario', () => {
    expect(errorsOf(fixture('valid-pack.yaml'))).toEqual([]);
    expect(errorsOf(fixture('valid-scenario.yaml'))).toEqual([]);
  });

  it('reports an effect mistake with the errors of its own kind only', () => {
    const pack = fixture('valid-pack.yaml');
    const misspelt = edit(
      pack,
      'effect: { kind: spoiler, faction: gov-hardliners, action: arrest }',
      'effect: { kind: spoiler, faction: gov-hardliners, acton: arrest }',
    );
    const errors = errorsOf(misspelt);
    expect(errors.map((e) => e.message)).toEqual(['should NOT have additional properties', "should have required property 'action'"]);
    expect(JSON.stringify(errors)).toMatch(/acton|action/);
    expect(errors.every((e) => e.dataPath.includes('injects[0].effect'))).toBe(true);

    const wrongKind = edit(
      pack,
      'effect: { kind: spoiler, faction: gov-hardliners, action: arrest }',
      'effect: { kind: spoilr, faction: gov-hardliners, action: arrest }',
    );
    const kindErrors = errorsOf(wrongKind);
    expect(kindErrors).toHaveLength(1);
    expect(kindErrors[0]).toMatchObject({ keyword: 'enum', dataPath: expect.stringMatching(/effect\.kind$/) });
  });

  it('is explained in the guide: the $schema key, the modeline and VS Code’s yaml.schemas', () => {
    expect(readme).toContain('$schema: ./schema.json');
    expect(readme).toMatch(/# yaml-language-server: \$schema=/);
    expect(readme).toContain('"yaml.schemas"');
  });
});
