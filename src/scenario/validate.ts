/**
 * Checking already-parsed data as a scenario: the zod schema, then references and meaning, with
 * problems located through the parser's `locate` when there is one. No YAML here: the page checks
 * parsed JSON without the parser, which the pack worker and the CLI load (load.ts).
 */
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { checkReferences } from './references';
import { checkSemantics } from './semantics';
import { closestKey, knownKeysAt } from './suggest';
import { clip, type LoadProblem, type LoadResult } from './problems';

/** Maps a data path to its place in the source text (line:column), when the data came from text. */
export type Locate = (path: (string | number)[]) => { line: number; column: number } | undefined;

/**
 * Turn zod issues into located problems with the expected type spelled out. `root`, the schema
 * that produced `error`, lets an unknown field suggest the known one it resembles.
 */
export function zodProblems(error: z.ZodError, locate: Locate, root?: z.ZodType): LoadProblem[] {
  const out: LoadProblem[] = [];
  const visit = (issues: z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path].map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
      if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
        // Report the closest alternative rather than every branch.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        visit(best, path);
        continue;
      }
      const p: LoadProblem = { path, severity: 'error', message: issue.message };
      // The value the author wrote (parsed with reportInput), read only to word a hint, never shown whole.
      const input = (issue as { input?: unknown }).input;
      if (issue.code === 'invalid_type') {
        p.expected = String(issue.expected);
        const received = /received (\w+)/.exec(issue.message)?.[1];
        const field = path[path.length - 1];
        if (received === 'undefined' && typeof field === 'string') p.message = `missing required field "${field}"`;
        else if (issue.expected === 'string' && (received === 'number' || received === 'boolean')) p.hint = 'put the value in quotes, e.g. "1.0"';
        else if (issue.expected === 'boolean' && typeof input === 'string') {
          const yes = /^(y|yes|on|true)$/i.test(input.trim());
          const no = /^(n|no|off|false)$/i.test(input.trim());
          p.hint = yes || no ? `write ${yes} (no quotes): only true and false are yes-or-no values here` : 'write true or false, without quotes';
        } else if (issue.expected === 'number' && typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input)))
          p.hint = `remove the quotes: ${input.trim()}`;
      }
      if (issue.code === 'invalid_value' && 'values' in issue) {
        p.expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        if (typeof input === 'string' && input.length <= 64) {
          const words = issue.values.filter((v): v is string => typeof v === 'string');
          const sameLetters = words.find((v) => v.toLowerCase() === input.trim().toLowerCase());
          const near = sameLetters ?? closestKey(input.trim(), words);
          if (sameLetters) p.hint = `did you mean "${sameLetters}"? Values are case-sensitive`;
          else if (near) p.hint = `did you mean "${near}"?`;
        }
      }
      if (issue.code === 'unrecognized_keys') {
        // A file can hold thousands of stray keys: name a few, count the rest.
        const shown = issue.keys
          .slice(0, 5)
          .map((k) => `"${clip(String(k), 40)}"`)
          .join(', ');
        const rest = issue.keys.length - 5;
        p.message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown}${rest > 0 ? ` and ${rest} more` : ''}`;
        const near = root ? closestKey(String(issue.keys[0]), knownKeysAt(root, path)) : undefined;
        if (issue.keys[0] === '<<') {
          p.message = 'merge keys ("<<") are not supported';
          p.hint = 'write the fields out in full (an alias "*name" can still repeat a whole value)';
        } else p.hint = near ? `did you mean "${near}"?` : 'check the spelling against scenarios/README.md or scenarios/schema.json';
        const loc = locate([...path, issue.keys[0]!]);
        if (loc) Object.assign(p, loc);
      }
      if (issue.code === 'custom') {
        const params = (issue as { params?: { expected?: unknown; hint?: unknown } }).params;
        if (typeof params?.expected === 'string') p.expected = params.expected;
        if (typeof params?.hint === 'string') p.hint = params.hint;
      }
      if (issue.code === 'too_big') p.expected = `at most ${String(issue.maximum)}`;
      if (issue.code === 'too_small') p.expected = `at least ${String(issue.minimum)}`;
      if (p.line === undefined) Object.assign(p, locate(path) ?? {});
      out.push(p);
    }
  };
  visit(error.issues, []);
  return out;
}

export function validateScenarioData(data: unknown, locate: Locate = () => undefined, prefix: (string | number)[] = []): LoadResult<Scenario> {
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = zodProblems(result.error, (p) => locate([...prefix, ...p]), scenarioSchema);
    return { ok: false, problems: problems.map((p) => ({ ...p, path: [...prefix, ...p.path] })) };
  }
  const refs = [...checkReferences(result.data), ...checkSemantics(result.data)].map((p) => ({
    ...p,
    path: [...prefix, ...p.path],
    ...(locate([...prefix, ...p.path]) ?? {}),
  }));
  const errors = refs.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: refs };
  return { ok: true, value: result.data, warnings: refs };
}
