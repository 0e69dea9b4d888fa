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
import type { Scenario } from './schema';
import { excessiveNesting, parseTokens, MAX_BLOCK_DEPTH, MAX_FLOW_DEPTH, MAX_TOKENS } from './nesting';
import { documentData, scalarKey } from './yamlData';
import { boundResult, clip, MAX_PROBLEM_TEXT, MAX_SOURCE_CHARS, type LoadProblem, type LoadResult } from './problems';
import { validateScenarioData, type Locate } from './validate';

// The problem reporting and data checks live apart (no parser there); re-exported for the CLI and tests.
export * from './problems';
export { validateScenarioData, zodProblems, type Locate } from './validate';

interface Parsed {
  data: unknown;
  locate: Locate;
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
