/**
 * Loading a scenario from text: YAML or JSON (JSON is YAML), checked by the zod schema and by
 * reference checks. Every problem comes back at once, each located (line:column) and named by its
 * path inside the file, so an author can fix them all in one pass. Never throws.
 *
 * Loading takes time in proportion to the text and cannot be stalled: the text is parsed into a
 * syntax tree by YAML's iterative parser, nesting is bounded there (nesting.ts) before anything
 * recursive runs, the document becomes data in one pass that refuses collection keys, duplicate
 * keys and alias bombs (yamlData.ts), lines are found by binary search in a line index built once,
 * and every list of problems is cut to a bounded length with each text trimmed.
 */
import { Composer, LineCounter, isMap, isSeq, isScalar, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema';
import { checkReferences } from './references';
import { checkSemantics } from './semantics';
import { excessiveNesting, parseTokens, MAX_BLOCK_DEPTH, MAX_FLOW_DEPTH, MAX_TOKENS } from './nesting';
import { documentData, scalarKey } from './yamlData';
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
/** Most problems one load reports; then one line says how many more there are. */
export const MAX_PROBLEMS = 50;
/** Longest message, hint or expectation shown for one problem (characters). */
export const MAX_PROBLEM_TEXT = 300;
/** Longest path segment shown (a key can be as long as the file). */
export const MAX_PATH_SEGMENT = 80;
/** Budget of characters for all problems shown together; past it, the rest are only counted. */
export const MAX_PROBLEMS_CHARS = 16_000;

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? clip(String(p), MAX_PATH_SEGMENT) : `.${clip(String(p), MAX_PATH_SEGMENT)}`))
    .join('');
}

export function formatProblem(p: LoadProblem, file = ''): string {
  const where = p.line ? `${file}${file ? ':' : ''}${p.line}:${p.column ?? 1}` : file;
  const parts = [`${where ? where + ' ' : ''}${p.severity}: ${formatPath(p.path)}: ${clip(p.message, MAX_PROBLEM_TEXT)}`];
  if (p.expected) parts.push(`expected ${clip(p.expected, MAX_PROBLEM_TEXT)}`);
  if (p.hint) parts.push(`hint: ${clip(p.hint, MAX_PROBLEM_TEXT)}`);
  return parts.join(' — ');
}

/**
 * Sort problems by place in the file (unlocated last), trim every text, and keep the first
 * MAX_PROBLEMS (fewer if they are long), then one line counting the rest.
 */
export function boundProblems(list: LoadProblem[]): LoadProblem[] {
  const ordered = list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
  const out: LoadProblem[] = [];
  let chars = 0;
  for (const p of ordered) {
    if (out.length >= MAX_PROBLEMS) break;
    const q = trimProblem(p);
    const size = q.message.length + (q.hint?.length ?? 0) + (q.expected?.length ?? 0) + q.path.reduce<number>((n, k) => n + String(k).length + 1, 0);
    if (out.length > 0 && chars + size > MAX_PROBLEMS_CHARS) break;
    chars += size;
    out.push(q);
  }
  const more = ordered.length - out.length;
  if (more > 0) {
    out.push({
      path: [],
      severity: ordered.slice(out.length).some((p) => p.severity === 'error') ? 'error' : 'warning',
      message: `… and ${more} more problem${more > 1 ? 's' : ''}`,
      hint: 'fix the ones above first',
    });
  }
  return out;
}

function trimProblem(p: LoadProblem): LoadProblem {
  const long = (s: string | undefined) => s !== undefined && s.length > MAX_PROBLEM_TEXT;
  const longPath = p.path.some((k) => typeof k === 'string' && k.length > MAX_PATH_SEGMENT);
  if (!long(p.message) && !long(p.hint) && !long(p.expected) && !longPath) return p;
  const q: LoadProblem = { ...p, message: clip(p.message, MAX_PROBLEM_TEXT) };
  if (p.hint !== undefined) q.hint = clip(p.hint, MAX_PROBLEM_TEXT);
  if (p.expected !== undefined) q.expected = clip(p.expected, MAX_PROBLEM_TEXT);
  if (longPath) q.path = p.path.map((k) => (typeof k === 'string' ? clip(k, MAX_PATH_SEGMENT) : k));
  return q;
}

/** Bounded problems of a failed result, and bounded warnings of a good one. */
export function boundResult<T>(r: LoadResult<T>): LoadResult<T> {
  return r.ok ? { ...r, warnings: boundProblems(r.warnings) } : { ok: false, problems: boundProblems(r.problems) };
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

/** Most syntax problems collected from one text (the token limit keeps far fewer possible). */
const MAX_RAW_PROBLEMS = 100_000;

/** Parse YAML/JSON text into plain data plus a function that maps a data path to line:column. */
export function parseLocated(source: string): Parsed {
  if (source.length > MAX_SOURCE_CHARS) {
    return unparsed({ message: `the file is too large (${source.length} characters)`, expected: `at most ${MAX_SOURCE_CHARS} characters` });
  }
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  let doc: Document.Parsed | undefined;
  const problems: LoadProblem[] = [];
  try {
    // Lexed and parsed iteratively, stopping early at absurd nesting; then exact depths on the tree.
    const lexed = parseTokens(source, lineCounter);
    const tokens: CST.Token[] = 'tokens' in lexed ? lexed.tokens : [];
    const deep = 'tooDeep' in lexed ? lexed.tooDeep : excessiveNesting(tokens);
    if (deep) {
      return unparsed(
        deep.kind === 'flow'
          ? {
              message: 'brackets are nested too deeply here',
              expected: `at most ${MAX_FLOW_DEPTH} levels of [ ] and { }`,
              hint: 'a pack never needs this; look for unclosed brackets',
              ...at(deep.offset),
            }
          : deep.kind === 'block'
            ? {
                message: 'mappings and lists are nested too deeply here',
                expected: `at most ${MAX_BLOCK_DEPTH} levels of indented mappings and lists`,
                hint: 'a pack needs about ten levels; look for a run of "- " or "? " or ever deeper indentation',
                ...at(deep.offset),
              }
            : {
                message: 'the file holds too many keys, values and separators; reading stopped here',
                expected: `at most ${MAX_TOKENS} YAML tokens (a pack of ten full scenarios has about 50000)`,
                hint: 'a pack is a few hundred kilobytes of YAML or JSON; check that this is the right file',
                ...at(deep.offset),
              },
      );
    }
    // Duplicate keys are checked in documentData with a Set: the library's own check is quadratic.
    const composer = new Composer({ uniqueKeys: false });
    for (const d of composer.compose(tokens, true, source.length)) {
      if (!doc) doc = d;
      else {
        problems.push({
          path: [],
          severity: 'error',
          message: 'syntax: the file holds more than one YAML document',
          hint: 'a pack is one document: remove the "---" or "..." line, or split the file',
          ...at(d.range[0]),
        });
        break;
      }
    }
  } catch (e) {
    return unparsed({ message: `cannot read the document: ${(e as Error)?.message ?? String(e)}` });
  }
  if (!doc) return unparsed({ message: 'cannot read the document' });
  const document = doc;
  let explained = 0;
  for (const err of document.errors.slice(0, MAX_RAW_PROBLEMS)) {
    const first = err.message.split('\n')[0]!;
    // Only the first few are shown (pack.ts keeps ten), so only they are explained: linear time stays linear.
    const colon = explained++ < MAX_EXPLAINED_SYNTAX ? colonInText(source, err.pos[0], first) : undefined;
    problems.push({
      path: [],
      severity: 'error',
      message: colon
        ? `syntax: unquoted text holds a colon and a space (": "), which YAML reads as the start of another field (YAML says: ${first})`
        : `syntax: ${first}`,
      hint: colon ?? 'check indentation, quotes and brackets near this place',
      ...at(err.pos[0]),
    });
  }
  const converted = documentData(document, source.length, MAX_RAW_PROBLEMS);
  for (const p of converted.problems)
    problems.push({
      path: [],
      severity: 'error',
      message: `syntax: ${p.message}`,
      ...(p.expected ? { expected: p.expected } : {}),
      ...(p.hint ? { hint: p.hint } : {}),
      ...at(p.offset),
    });

  // Mappings are indexed on first use, so locating many problems stays linear.
  const indexes = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();
  const pairsOf = (map: { items: { key: unknown; value: unknown }[] }) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const it of map.items) {
        const k = isScalar(it.key) ? scalarKey(it.key.value) : undefined;
        if (k !== undefined && !index.has(k)) index.set(k, it);
      }
      indexes.set(map, index);
    }
    return index;
  };
  const locate = (path: (string | number)[]) => {
    let node: unknown = document.contents;
    let last: unknown = node;
    for (const key of path) {
      if (isMap(node)) {
        const pair = pairsOf(node as unknown as { items: { key: unknown; value: unknown }[] }).get(String(key));
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
    return at(range[0]);
  };
  return { data: problems.length === 0 ? converted.data : undefined, locate, problems };
}

/** Syntax errors looked at for a likelier cause (a colon in unquoted text). */
const MAX_EXPLAINED_SYNTAX = 20;
/** The YAML complaints an unquoted "key: text: more" produces, in block and in flow style. */
const COLON_COMPLAINTS =
  /Block collections are not allowed within flow collections|Nested mappings are not allowed in compact mappings|Implicit map keys need to be followed by map values|Implicit keys need to be on a single line/;
/** A field whose unquoted value holds ": " (in flow style the value ends at "," or "}"). */
const COLON_VALUE = /([A-Za-z_$][\w$-]*):[ \t]+([^"'\s{[][^\n#]*?:(?:[ \t][^\n#]*)?)$/;
const COLON_FLOW_VALUE = /([A-Za-z_$][\w$-]*):[ \t]+([^"'\s{[,}][^,{}\n#]*?:[ \t][^,{}\n#]*)/;

/**
 * When a syntax error comes from a colon inside unquoted text (`publicStance: Talks: soon`), the
 * hint to quote it, with the line rewritten; otherwise undefined. Looks at the error's line only.
 */
function colonInText(source: string, offset: number, message: string): string | undefined {
  if (!COLON_COMPLAINTS.test(message)) return undefined;
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const endAt = source.indexOf('\n', offset);
  const line = source.slice(start, endAt < 0 ? source.length : endAt).slice(0, 400);
  const m = COLON_FLOW_VALUE.exec(line) ?? COLON_VALUE.exec(line.trimEnd());
  if (!m) return undefined;
  const value = m[2]!.trim().replace(/"/g, '\\"');
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `put the text in quotes: ${m[1]}: "${shown}"`;
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

/** Load a scenario from YAML or JSON text: all problems at once, located; never throws. */
export function loadScenario(source: string): LoadResult<Scenario> {
  try {
    const parsed = parseLocated(typeof source === 'string' ? source : String(source));
    if (parsed.problems.length > 0) return boundResult({ ok: false, problems: parsed.problems });
    return boundResult(validateScenarioData(parsed.data, parsed.locate));
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: [], severity: 'error', message: `the scenario could not be checked: ${clip((e as Error)?.message ?? String(e), MAX_PROBLEM_TEXT)}` }],
    };
  }
}

export function validateScenarioData(data: unknown, locate: Parsed['locate'] = () => undefined, prefix: (string | number)[] = []): LoadResult<Scenario> {
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
