/**
 * Nesting guards, run before anything recursive sees the text. The YAML composer (and every walk of
 * its result) recurses once per level of nesting, block ("- - - …", "? ? ? …", ever deeper
 * indentation) as well as flow ("[[[[…"), and a few thousand levels exhaust the stack. The
 * library's lexer and parser are iterative, but the parser slows down as its own stack grows (two
 * megabytes of "[" took 49 s), so:
 *
 * 1. `parseTokens` lexes the text once and feeds the parser token by token, counting flow depth and
 *    runs of block indicators on one line as it goes; it stops at the first excess, so absurd text
 *    costs only as much as its sane beginning.
 * 2. `excessiveNesting` walks the resulting syntax tree (iteratively) for the exact depths, which
 *    also catches deep nesting built from indentation.
 *
 * No pack needs more than about ten levels.
 */
import { Lexer, Parser, type CST, type LineCounter } from 'yaml';

/** Deepest flow nesting ([ ] and { }) we accept; generous next to the ~10 levels a pack uses. */
export const MAX_FLOW_DEPTH = 64;
/** Deepest block nesting (indented mappings and lists) we accept. */
export const MAX_BLOCK_DEPTH = 64;
/**
 * Most lexical tokens (keys, values, indicators, spaces, line breaks) a text may hold: eight times
 * a pack of ten flagship-sized scenarios (~50,000). Bounds the work on any text to well under the
 * import time limit, whatever its shape.
 */
export const MAX_TOKENS = 400_000;

export interface TooDeep {
  /** Too deep in brackets, too deep in block structure, or simply too many tokens. */
  kind: 'flow' | 'block' | 'tokens';
  /** Character offset of the bracket, indicator or collection that goes one level too deep. */
  offset: number;
}

// Zero-width marker tokens the lexer emits (document start, flow error end, scalar start).
const DOC_MODE = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

/**
 * Lex and parse `source` into its syntax tree, or stop at the first place where nesting is
 * plainly too deep (more than `flowLimit` open brackets, or more than `blockLimit` block indicators
 * "- ", "? ", ": " on one line outside brackets) or past `maxTokens` tokens. Linear in the length
 * of the text read.
 */
export function parseTokens(
  source: string,
  lineCounter?: LineCounter,
  flowLimit = MAX_FLOW_DEPTH,
  blockLimit = MAX_BLOCK_DEPTH,
  maxTokens = MAX_TOKENS,
): { tokens: CST.Token[] } | { tooDeep: TooDeep } {
  const parser = new Parser(lineCounter?.addNewLine);
  lineCounter?.addNewLine(0);
  const tokens: CST.Token[] = [];
  let flow = 0;
  let indicators = 0;
  let offset = 0;
  let afterScalarMark = false;
  let count = 0;
  for (const lexeme of new Lexer().lex(source)) {
    if (++count > maxTokens) return { tooDeep: { kind: 'tokens', offset } };
    if (afterScalarMark) {
      // The scalar's own text: whatever it contains is not structure.
      afterScalarMark = false;
    } else if (lexeme === '[' || lexeme === '{') {
      if (++flow > flowLimit) return { tooDeep: { kind: 'flow', offset } };
    } else if (lexeme === ']' || lexeme === '}') {
      flow = Math.max(0, flow - 1);
    } else if (lexeme === '\n' || lexeme === '\r\n') {
      indicators = 0;
    } else if (flow === 0 && (lexeme === '-' || lexeme === '?' || lexeme === ':')) {
      if (++indicators > blockLimit) return { tooDeep: { kind: 'block', offset } };
    } else if (lexeme === SCALAR) {
      afterScalarMark = true;
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (lexeme !== DOC_MODE && lexeme !== FLOW_END && lexeme !== SCALAR) offset += lexeme.length;
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** The first place in a syntax tree where nesting exceeds the limits, or undefined. Visits each token once. */
export function excessiveNesting(tokens: readonly CST.Token[], flowLimit = MAX_FLOW_DEPTH, blockLimit = MAX_BLOCK_DEPTH): TooDeep | undefined {
  const stack: { token: CST.Token; flow: number; block: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i]!, flow: 0, block: 0 });
  // Children are pushed in reverse, so tokens are met in the order of the text: the first excess found is the first in the file.
  while (stack.length > 0) {
    const { token, flow, block } = stack.pop()!;
    let items: CST.CollectionItem[];
    let nextFlow = flow;
    let nextBlock = block;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, flow, block });
        continue;
      case 'block-map':
      case 'block-seq':
        nextBlock = block + 1;
        if (nextBlock > blockLimit) return { kind: 'block', offset: token.offset };
        items = token.items;
        break;
      case 'flow-collection':
        nextFlow = flow + 1;
        if (nextFlow > flowLimit) return { kind: 'flow', offset: token.start.offset };
        items = token.items;
        break;
      default:
        continue;
    }
    for (let j = items.length - 1; j >= 0; j--) {
      const item = items[j]!;
      if (item.value) stack.push({ token: item.value, flow: nextFlow, block: nextBlock });
      if (item.key) stack.push({ token: item.key, flow: nextFlow, block: nextBlock });
    }
  }
  return undefined;
}
