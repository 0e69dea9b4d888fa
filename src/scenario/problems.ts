/**
 * What a loader says about a file: located problems, their limits and their wording. Kept apart
 * from the YAML parser (load.ts) so code that only reports problems (the page's pack library, the
 * CLI) does not carry a parser with it.
 */
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

/** A text cut to `max` characters, with an ellipsis when cut. */
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

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
