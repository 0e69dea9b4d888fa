/**
 * Loading a scenario from text: YAML or JSON (JSON is YAML), checked by the zod schema and by
 * reference checks. Every problem comes back at once, each located (line:column) and named by its
 * path inside the file, so an author can fix them all in one pass. Never throws.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { checkReferences } from './references';
import { checkSemantics } from './semantics';
import { excessiveNestingAt, MAX_FLOW_DEPTH } from './nesting';
import { closestKey, knownKeysAt } from './suggest';

export interface LoadProblem {
  /** Path inside the document, e.g. ["parties", 0, "factions", 1, "spoiler"]. */
  path: (string | number)[];
  message: string;
  /** What the format expected there, when known. */
  expected?: string;
  hint?: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
}

export type LoadResult<T> = { ok: true; value: T; warnings: LoadProblem[] } | { ok: false; problems: LoadProblem[] };

/** Hard limit on the size of a file we agree to parse (bytes of text). */
export const MAX_SOURCE_CHARS = 2_000_000;

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function formatProblem(p: LoadProblem, file = ''): string {
  const where = p.line ? `${file}${file ? ':' : ''}${p.line}:${p.column ?? 1}` : file;
  const parts = [`${where ? where + ' ' : ''}${p.severity}: ${formatPath(p.path)}: ${p.message}`];
  if (p.expected) parts.push(`expected ${p.expected}`);
  if (p.hint) parts.push(`hint: ${p.hint}`);
  return parts.join(' — ');
}

interface Parsed {
  data: unknown;
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
  problems: LoadProblem[];
}

/** A text refused before parsing: one problem, no data. */
const unparsed = (problem: Omit<LoadProblem, 'path' | 'severity'>): Parsed => ({
  data: undefined,
  locate: () => undefined,
  problems: [{ path: [], severity: 'error', ...problem }],
});

/** Parse YAML/JSON text into plain data plus a function that maps a data path to line:column. */
export function parseLocated(source: string): Parsed {
  if (source.length > MAX_SOURCE_CHARS) {
    return unparsed({ message: `the file is too large (${source.length} characters)`, expected: `at most ${MAX_SOURCE_CHARS} characters` });
  }
  const lineCounter = new LineCounter();
  const deep = excessiveNestingAt(source);
  if (deep !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < deep; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return unparsed({
      message: 'brackets are nested too deeply here',
      expected: `at most ${MAX_FLOW_DEPTH} levels of [ ] and { }`,
      hint: 'a pack never needs this; look for unclosed brackets',
      line,
      column: deep - lineStart + 1,
    });
  }
  // Aliases are capped (in toJS below) so a "billion laughs" document cannot blow up memory.
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return { data: undefined, locate: () => undefined, problems: [{ path: [], severity: 'error', message: `cannot read the document: ${(e as Error).message}` }] };
  }
  const problems: LoadProblem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({
      path: [],
      severity: 'error',
      message: `syntax: ${err.message.split('\n')[0]}`,
      line: pos.line,
      column: pos.col,
      hint: 'check indentation, quotes and brackets near this place',
    });
  }
  const locate = (path: (string | number)[]) => {
    let node: unknown = doc.contents;
    let last: unknown = node;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
        if (!pair) break;
        last = pair.key ?? last;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else break;
      if (node) last = node;
    }
    const range = (last as YamlNode | undefined)?.range;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({ path: [], severity: 'error', message: `cannot read the document: ${(e as Error).message}` });
    }
  }
  return { data, locate, problems };
}

/**
 * Turn zod issues into located problems with the expected type spelled out. `root`, the schema
 * that produced `error`, lets an unknown field suggest the known one it resembles.
 */
export function zodProblems(error: z.ZodError, locate: Parsed['locate'], root?: z.ZodType): LoadProblem[] {
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
      if (issue.code === 'invalid_type') {
        p.expected = String(issue.expected);
        const received = /received (\w+)/.exec(issue.message)?.[1];
        const field = path[path.length - 1];
        if (received === 'undefined' && typeof field === 'string') p.message = `missing required field "${field}"`;
        else if (issue.expected === 'string' && (received === 'number' || received === 'boolean')) p.hint = 'put the value in quotes, e.g. "1.0"';
      }
      if (issue.code === 'invalid_value' && 'values' in issue) p.expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      if (issue.code === 'unrecognized_keys') {
        p.message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        const near = root ? closestKey(String(issue.keys[0]), knownKeysAt(root, path)) : undefined;
        p.hint = near ? `did you mean "${near}"?` : 'check the spelling against scenarios/README.md or scenarios/schema.json';
        const loc = locate([...path, issue.keys[0]!]);
        if (loc) Object.assign(p, loc);
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

/** Load a scenario from YAML or JSON text: all problems at once, located; never throws. */
export function loadScenario(source: string): LoadResult<Scenario> {
  const parsed = parseLocated(source);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  return validateScenarioData(parsed.data, parsed.locate);
}

export function validateScenarioData(data: unknown, locate: Parsed['locate'] = () => undefined, prefix: (string | number)[] = []): LoadResult<Scenario> {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const problems = zodProblems(result.error, (p) => locate([...prefix, ...p]), scenarioSchema);
    return { ok: false, problems: problems.map((p) => ({ ...p, path: [...prefix, ...p.path] })) };
  }
  const refs = [...checkReferences(result.data), ...checkSemantics(result.data)].map((p) => ({ ...p, path: [...prefix, ...p.path], ...(locate([...prefix, ...p.path]) ?? {}) }));
  const errors = refs.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: refs };
  return { ok: true, value: result.data, warnings: refs };
}
