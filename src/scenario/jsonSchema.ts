/**
 * scenarios/schema.json, generated from the zod schemas so editors (VS Code, JetBrains, any
 * YAML language server) autocomplete and flag errors while an author types. The zod schemas stay
 * the single source of truth; tests/pack/schema-sync.test.ts fails when the committed file lags.
 */
import { z } from 'zod';
import * as S from './schema';
import { packFileSchema, packMetaSchema, packSchema } from './pack';

/** Named definitions keep the generated file readable; everything else is inlined. */
const NAMED: [z.ZodType, string][] = [
  [packSchema, 'Pack'],
  [packMetaSchema, 'PackMeta'],
  [S.scenarioSchema, 'Scenario'],
  [S.partySchema, 'Party'],
  [S.factionSchema, 'Faction'],
  [S.externalSchema, 'External'],
  [S.issueSchema, 'Issue'],
  [S.issuePositionSchema, 'IssuePosition'],
  [S.venueSchema, 'Venue'],
  [S.effectSchema, 'Effect'],
  ...Object.entries(S.EFFECT_SCHEMAS).map(([kind, schema]): [z.ZodType, string] => [schema, `${kind[0]!.toUpperCase()}${kind.slice(1)}Effect`]),
  [S.conditionSchema, 'Condition'],
  [S.expectedResponseSchema, 'ExpectedResponse'],
  [S.injectSchema, 'Inject'],
  [S.contingencySchema, 'Contingency'],
  [S.randomEventSchema, 'RandomEvent'],
  [S.thresholdsSchema, 'Thresholds'],
  [S.briefingSchema, 'Briefing'],
  [S.historySchema, 'History'],
];

/** The JSON Schema (draft-07, the dialect editors support best) of a pack file. */
export function packJsonSchema(): Record<string, unknown> {
  // A private registry, so generating the file never mutates zod's global one.
  const registry = z.registry<{ id?: string; description?: string }>();
  for (const [schema, id] of NAMED) registry.add(schema, { ...z.globalRegistry.get(schema), id });
  const json = z.toJSONSchema(packFileSchema, {
    target: 'draft-7',
    io: 'input', // fields with defaults are optional for the author
    unrepresentable: 'any',
    metadata: registry,
    override: (ctx) => {
      // Descriptions and examples given with .describe() / .meta() live in the global registry; carry them over.
      const meta = z.globalRegistry.get(ctx.zodSchema);
      if (meta?.description && ctx.jsonSchema.description === undefined) ctx.jsonSchema.description = meta.description;
      if (Array.isArray(meta?.examples) && ctx.jsonSchema.examples === undefined) ctx.jsonSchema.examples = meta.examples;
      if (ctx.zodSchema === S.effectSchema) discriminateByKind(ctx.jsonSchema as Record<string, unknown>);
    },
  }) as Record<string, unknown>;
  // A pack or a bare scenario, told apart as the loader does (pack.ts, isPackShaped): a file with
  // `pack:` or `scenarios:` is a pack. As an if/then/else, a mistake in a pack is reported against
  // the pack alone, not also against every scenario field the pack lacks.
  const { anyOf, ...rest } = json;
  const [pack, scenario] = anyOf as [unknown, unknown];
  // An empty file matches the `else` (a scenario); naming `pack` and `scenarios` here too lets an
  // editor offer them as the first keys of a new pack.
  const packFields = (json.definitions as Record<string, { properties: Record<string, unknown> }>).Pack!.properties;
  return {
    $schema: json.$schema,
    title: 'Third Side scenario pack',
    ...rest,
    properties: { pack: packFields.pack, scenarios: { ...(packFields.scenarios as object), items: {} } },
    if: { anyOf: [{ required: ['pack'] }, { required: ['scenarios'] }] },
    then: pack,
    else: scenario,
  };
}

/**
 * Effects are told apart by `kind`. zod writes a discriminated union as a `oneOf`, so a JSON Schema
 * validator tries every branch and reports each one's complaints (47–53 errors for one misspelt
 * field). Rewritten as `kind` (one of the kinds) plus one `if kind is K then K's fields` per kind,
 * a mistake yields the errors of its own kind only, and a wrong kind one error naming the kinds.
 */
function discriminateByKind(json: Record<string, unknown>): void {
  const kinds = Object.keys(S.EFFECT_SCHEMAS);
  const branches = json.oneOf;
  if (!Array.isArray(branches) || branches.length !== kinds.length) throw new Error('effect schema: expected one oneOf branch per kind');
  delete json.oneOf;
  json.type = 'object';
  json.required = ['kind'];
  json.properties = { kind: { type: 'string', enum: kinds, description: `the kind of effect: ${kinds.join(', ')}`, examples: [kinds[0]] } };
  json.allOf = kinds.map((kind, i) => ({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: branches[i] }));
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
