/**
 * Scenario packs as data: the pack format (metadata and 1–10 scenarios) and the checks of an
 * already-parsed pack or bare scenario. No parser here: the page and the build check parsed data
 * with this alone; reading text (YAML or JSON) is pack.ts, which the worker and the CLI load.
 */
import { z } from 'zod';
import { doc, scenarioSchema, visibleText, type Scenario } from './schema';
import { lenientReferenceProblems } from './lenient';
import type { LoadProblem, LoadResult } from './problems';
import { validateScenarioData, zodProblems, type Locate } from './validate';

/** Most scenarios one pack may hold. */
export const MAX_SCENARIOS_PER_PACK = 10;

const packId = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id: lower-case letters, digits, "-" or "_", starting with a letter');
const text = visibleText;

export const packMetaSchema = doc(
  z.strictObject({
    id: doc(packId, 'stable id of the pack; saves refer to it, so keep it when you publish a new version', 'harbour-talks'),
    title: doc(text(160), 'shown in the pack menu (max 160)', 'The Harbour Talks'),
    version: doc(z.string().min(1).max(24), 'your version; bump it when you change the pack; quote it if it looks like a number', '1.2.0'),
    authors: doc(z.array(text(120)).max(20).default([]), 'who wrote it (each max 120)', ['Ana Author']),
    language: doc(
      z
        .string()
        .max(35)
        .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'a BCP-47 language tag such as "en", "es" or "pt-BR"')
        .default('en'),
      'language of the texts, a BCP-47 tag',
      'en',
      'es-VE',
    ),
    learningObjectives: doc(z.array(text(400)).max(30).default([]), 'what a trainee should learn from the pack (up to 30, each max 400)', [
      'Match the strategy to the spoiler type',
    ]),
    description: doc(text(2000).optional(), 'a longer presentation of the pack (max 2000)', 'Two short scenarios about spoilers and sanctions.'),
    license: doc(text(120).optional(), 'the licence of the pack (max 120)', 'CC-BY-4.0'),
  }),
  "the pack's metadata: id, title, version, authors, language, learning objectives",
  {
    id: 'harbour-talks',
    title: 'The Harbour Talks',
    version: '1.0.0',
    authors: ['Ana Author'],
    learningObjectives: ['Match the strategy to the spoiler type'],
  },
);
export type PackMeta = z.infer<typeof packMetaSchema>;

export const packSchema = z
  .strictObject({
    $schema: doc(z.string().max(300).optional(), 'path or URL of scenarios/schema.json, for editors; ignored by the game', './schema.json'),
    pack: packMetaSchema,
    scenarios: doc(z.array(scenarioSchema).min(1).max(MAX_SCENARIOS_PER_PACK), `1–${MAX_SCENARIOS_PER_PACK} scenarios`, [
      { id: 'harbour', version: '1.0', title: 'The Harbour Talks' },
    ]),
  })
  .describe('A Third Side scenario pack');
export type PackInput = z.input<typeof packSchema>;
export type Pack = z.infer<typeof packSchema>;

/** What a pack file may contain: a pack, or a bare scenario (a pack of one). */
export const packFileSchema = z.union([packSchema, scenarioSchema]).describe('A Third Side scenario pack, or a single scenario');

/** A pack file starts with `pack:` or `scenarios:`; anything else is read as a bare scenario. */
export function isPackShaped(data: unknown): boolean {
  return isRecord(data) && ('pack' in data || 'scenarios' in data);
}

/** Wrap one scenario as a pack, taking the metadata the scenario has. */
export function packFromScenario(s: Scenario): Pack {
  const objectives = [
    ...new Set(s.injects.flatMap((i) => [i.learningObjective, ...i.contingency.map((c) => c.learningObjective)]).filter((x): x is string => !!x)),
  ];
  return {
    ...(s.$schema !== undefined ? { $schema: s.$schema } : {}),
    pack: { id: s.id, title: s.title, version: s.version, authors: [], language: 'en', learningObjectives: objectives.slice(0, 30) },
    scenarios: [s],
  };
}

/** Validate already-parsed data as a pack or a bare scenario (the in-game import can call this too). */
export function validatePackData(data: unknown, locate: Locate = () => undefined): LoadResult<Pack> {
  if (data === undefined || data === null || data === '') {
    return {
      ok: false,
      problems: [
        {
          path: [],
          severity: 'error',
          message: 'the file is empty',
          expected: 'a pack (pack: and scenarios:) or a scenario',
          hint: 'start from the worked example in scenarios/README.md',
        },
      ],
    };
  }
  if (!isRecord(data)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          severity: 'error',
          message: `the file holds ${Array.isArray(data) ? 'a list' : `a single ${typeof data}`}`,
          expected: 'a mapping with pack: and scenarios:, or a scenario',
          ...(locate([]) ?? {}),
        },
      ],
    };
  }
  if (!isPackShaped(data)) {
    const one = checkScenario(data, locate, []);
    return one.ok ? { ok: true, value: packFromScenario(one.value), warnings: one.warnings } : one;
  }

  const problems: LoadProblem[] = [];
  const wrapper = packSchema.safeParse(data, { reportInput: true });
  if (!wrapper.success) {
    // Issues inside a scenario are reported by the per-scenario pass below, with its deeper checks.
    const outside = wrapper.error.issues.filter((i) => !(i.path[0] === 'scenarios' && typeof i.path[1] === 'number'));
    if (outside.length > 0) problems.push(...zodProblems(new z.ZodError(outside), locate, packSchema));
  }
  const scenarios = Array.isArray(data.scenarios) ? data.scenarios.slice(0, MAX_SCENARIOS_PER_PACK) : [];
  const valid: Scenario[] = [];
  scenarios.forEach((raw, i) => {
    const one = checkScenario(raw, locate, ['scenarios', i]);
    if (one.ok) {
      problems.push(...one.warnings);
      valid.push(one.value);
    } else problems.push(...one.problems);
  });
  if (valid.length === scenarios.length) {
    valid.forEach((s, i) => {
      if (valid.findIndex((x) => x.id === s.id) !== i) {
        problems.push({
          path: ['scenarios', i, 'id'],
          severity: 'error',
          message: `duplicate scenario id "${s.id}"`,
          hint: 'every scenario in a pack needs its own id; saves refer to it',
          ...(locate(['scenarios', i, 'id']) ?? {}),
        });
      }
    });
  }
  if (wrapper.success) {
    const meta = wrapper.data.pack;
    if (meta.authors.length === 0)
      problems.push({
        path: ['pack', 'authors'],
        severity: 'warning',
        message: 'no authors listed',
        hint: 'say who wrote the pack, so users know whom to ask',
        ...(locate(['pack']) ?? {}),
      });
    if (meta.learningObjectives.length === 0) {
      problems.push({
        path: ['pack', 'learningObjectives'],
        severity: 'warning',
        message: 'no learning objectives listed',
        hint: 'list what a trainee should learn; the debrief and the pack menu show them',
        ...(locate(['pack']) ?? {}),
      });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (!wrapper.success && errors.length === 0)
    problems.push({
      path: [],
      severity: 'error',
      message: 'the pack does not match the pack format',
      hint: 'compare it with the worked example in scenarios/README.md',
    });
  if (!wrapper.success || errors.length > 0) return { ok: false, problems };
  // Re-use the per-scenario results: they carry the same data the wrapper parsed.
  return { ok: true, value: { ...wrapper.data, scenarios: valid }, warnings: problems };
}

/** One scenario: its types, references and meaning; with type errors, its references too. */
function checkScenario(raw: unknown, locate: Locate, prefix: (string | number)[]): LoadResult<Scenario> {
  const one = validateScenarioData(raw, locate, prefix);
  if (one.ok) return one;
  const more = lenientReferenceProblems(raw).map((p) => ({ ...p, path: [...prefix, ...p.path], ...(locate([...prefix, ...p.path]) ?? {}) }));
  return { ok: false, problems: [...one.problems, ...more] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
