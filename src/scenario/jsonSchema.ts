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
      // Descriptions given with .describe() live in the global registry; carry them over.
      const description = z.globalRegistry.get(ctx.zodSchema)?.description;
      if (description && ctx.jsonSchema.description === undefined) ctx.jsonSchema.description = description;
    },
  }) as Record<string, unknown>;
  return { $schema: json.$schema, title: 'Third Side scenario pack', ...json };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
