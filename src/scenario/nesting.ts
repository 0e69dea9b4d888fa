/**
 * A guard run before the YAML composer sees the text. The composer recurses once per level of
 * flow nesting ("[[[[…"), and a few thousand levels exhaust the stack in a way V8 cannot always
 * turn into a catchable error (it can abort the whole process). The lexer is iterative, so we
 * count levels with it first and refuse absurd depths. No scenario needs more than about ten.
 */
import { Lexer } from 'yaml';

/** Deepest flow nesting we accept; generous next to the ~10 levels a pack uses. */
export const MAX_FLOW_DEPTH = 64;

// Zero-width marker tokens the lexer emits (document start, flow error end, scalar start).
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/** The character offset where flow nesting first exceeds the limit, or undefined if it never does. */
export function excessiveNestingAt(source: string, limit = MAX_FLOW_DEPTH): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > limit) return offset;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}
