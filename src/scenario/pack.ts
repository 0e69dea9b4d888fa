/**
 * Scenario packs: what an instructor writes and shares. A pack is one YAML or JSON file holding
 * metadata and one or more scenarios; a bare scenario file is read as a pack of one, so the game,
 * the CLI and the in-game import all go through `loadPack`. A pack is data only: nothing in it is
 * ever run or rendered as markup, and its size, counts and string lengths are bounded.
 */
import { firstJsonError } from './jsonSyntax';
import { boundResult, parseLocated, MAX_PROBLEMS, MAX_SOURCE_CHARS, type LoadProblem, type LoadResult } from './load';
import { validatePackData, type Pack } from './packData';

// The format and the checks of parsed data (no parser there); re-exported for the CLI and tests.
export * from './packData';

/** Most characters a pack file may have (the loader refuses larger text before parsing it). */
export const MAX_PACK_CHARS = MAX_SOURCE_CHARS;
/** Most problems one load reports (then a line counts the rest); a broken file can produce thousands. */
export { MAX_PROBLEMS };

/**
 * Load a pack (or a bare scenario) from YAML or JSON text. Reports every problem at once, each
 * located and named by its path, sorted by place in the file. Never throws. `fileName` picks
 * strict JSON checking for *.json files; it is not otherwise used.
 */
export function loadPack(source: string, fileName?: string): LoadResult<Pack> {
  try {
    return boundResult(loadPackUnsafe(typeof source === 'string' ? source : String(source), fileName));
  } catch (e) {
    // Defence in depth: a bug in a check must not take the game or the CLI down with it.
    const why = String((e as Error)?.message ?? e);
    return {
      ok: false,
      problems: [
        {
          path: [],
          severity: 'error',
          message: `the pack could not be checked: ${why.length > 200 ? `${why.slice(0, 199)}…` : why}`,
          hint: 'please report this file to the developers',
        },
      ],
    };
  }
}

function loadPackUnsafe(source: string, fileName: string | undefined): LoadResult<Pack> {
  if (fileName && /\.json$/i.test(fileName) && source.length <= MAX_PACK_CHARS && source.trim() !== '') {
    const problem = strictJsonProblem(source);
    if (problem) return { ok: false, problems: [problem] };
  }
  const parsed = parseLocated(source);
  if (parsed.problems.length > 0) return { ok: false, problems: trimSyntaxCascade(parsed.problems) };
  return validatePackData(parsed.data, parsed.locate);
}

/** Most syntax errors shown: after the first, the parser is mostly reporting its own confusion. */
export const MAX_SYNTAX_PROBLEMS = 10;

function trimSyntaxCascade(problems: LoadProblem[]): LoadProblem[] {
  const seenLines = new Set<number | undefined>();
  const kept = problems.filter((p) => {
    if (p.line !== undefined && seenLines.has(p.line)) return false;
    seenLines.add(p.line);
    return true;
  });
  if (kept.length <= MAX_SYNTAX_PROBLEMS) return kept;
  const more = kept.length - MAX_SYNTAX_PROBLEMS;
  return [
    ...kept.slice(0, MAX_SYNTAX_PROBLEMS),
    {
      path: [],
      severity: 'error',
      message: `…and ${more} more syntax error${more > 1 ? 's' : ''}, most likely caused by the first ones`,
      hint: 'fix the first error and validate again',
    },
  ];
}

/** YAML reads more than JSON allows (comments, single quotes, bare keys); a .json file must be JSON. */
function strictJsonProblem(source: string): LoadProblem | undefined {
  const e = firstJsonError(source);
  if (!e) return undefined;
  return {
    path: [],
    severity: 'error',
    message: `syntax: not valid JSON: ${e.message}`,
    hint: 'JSON needs double quotes around keys and strings, commas between items, no comments and no trailing commas; or save the file as .yaml',
    ...lineColumn(source, e.offset),
  };
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
