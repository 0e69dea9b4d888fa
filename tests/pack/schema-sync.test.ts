/** scenarios/schema.json must be what the zod schemas generate now: run `npm run schema` to update. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packJsonSchema, packJsonSchemaText } from '../../src/scenario/jsonSchema';
import { fixture } from './helpers';

const committed = readFileSync(fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url)), 'utf8');

describe('scenarios/schema.json', () => {
  it('is in sync with the zod schema (else: npm run schema)', () => {
    expect(committed === packJsonSchemaText(), 'scenarios/schema.json is stale: run npm run schema and commit it').toBe(true);
  });

  it('accepts a pack or a bare scenario, and names its parts', () => {
    const s = packJsonSchema() as { if: unknown; then: { $ref: string }; else: { $ref: string }; definitions: Record<string, { required?: string[] }> };
    // A file with pack: or scenarios: is a pack (as the loader reads it); anything else a bare scenario.
    expect(s.if).toEqual({ anyOf: [{ required: ['pack'] }, { required: ['scenarios'] }] });
    expect([s.then.$ref, s.else.$ref]).toEqual(['#/definitions/Pack', '#/definitions/Scenario']);
    expect(s.definitions.Pack!.required).toEqual(['pack', 'scenarios']);
    expect(s.definitions.Scenario!.required).toEqual(expect.arrayContaining(['id', 'turnLimit', 'parties', 'issues', 'briefing']));
    // Fields with defaults are optional for authors.
    expect(s.definitions.Scenario!.required).not.toContain('thresholds');
  });

  it('is the $schema the fixtures name', () => {
    expect(fixture('valid-pack.yaml')).toContain('$schema: ../../../scenarios/schema.json');
  });
});
