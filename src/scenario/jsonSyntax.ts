/**
 * Strict JSON syntax check with an exact offset for the first error. YAML accepts more than JSON
 * (comments, trailing commas, bare keys), and JSON.parse's messages do not always say where; an
 * author editing a .json pack needs the place. Iterative (an explicit stack), so any nesting is safe.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

type Frame = 'object' | 'array';
const WORD = /(?:true|false|null)\b/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
// What the scanner expects next.
type Want = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'eof';

export function firstJsonError(text: string): JsonSyntaxError | undefined {
  const stack: Frame[] = [];
  let want: Want = 'value';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (offset: number, message: string): JsonSyntaxError => ({ offset, message });
  const afterValue = (): Want => (stack.length === 0 ? 'eof' : 'commaOrEnd');

  while (true) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      if (want === 'eof') return undefined;
      if (stack.length > 0)
        return fail(i, `the file ends inside ${stack[stack.length - 1] === 'object' ? 'an object: a } is missing' : 'a list: a ] is missing'}`);
      return fail(i, 'the file ends where a value was expected');
    }
    const c = text[i]!;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail(i, 'comments are not allowed in JSON');
    if (c === '#') return fail(i, 'comments are not allowed in JSON');

    if (want === 'eof') return fail(i, 'unexpected text after the end of the document');
    if (want === 'colon') {
      if (c !== ':') return fail(i, 'expected ":" after the key');
      i++;
      want = 'value';
      continue;
    }
    if (want === 'commaOrEnd') {
      const top = stack[stack.length - 1]!;
      const end = top === 'object' ? '}' : ']';
      if (c === ',') {
        i++;
        want = top === 'object' ? 'key' : 'value';
        // A comma straight before the closing bracket is the classic JSON slip.
        let j = i;
        while (j < text.length && ' \t\n\r'.includes(text[j]!)) j++;
        if (text[j] === end) return fail(i - 1, `trailing comma before "${end}"`);
        continue;
      }
      if (c === end) {
        stack.pop();
        i++;
        want = afterValue();
        continue;
      }
      return fail(
        i,
        top === 'object' ? 'expected "," or "}" after the value (is a comma missing?)' : 'expected "," or "]" after the item (is a comma missing?)',
      );
    }
    if (want === 'key' || want === 'keyOrEnd') {
      if (c === '}' && want === 'keyOrEnd') {
        stack.pop();
        i++;
        want = afterValue();
        continue;
      }
      if (c !== '"') return fail(i, 'expected a key in double quotes');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      want = 'colon';
      continue;
    }
    // want is 'value' or 'valueOrEnd'
    if (c === ']' && want === 'valueOrEnd') {
      stack.pop();
      i++;
      want = afterValue();
      continue;
    }
    if (c === '{') {
      stack.push('object');
      i++;
      want = 'keyOrEnd';
      continue;
    }
    if (c === '[') {
      stack.push('array');
      i++;
      want = 'valueOrEnd';
      continue;
    }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      want = afterValue();
      continue;
    }
    // Sticky expressions match in place: no copy of the text per value, so the scan stays linear.
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      i += word[0].length;
      want = afterValue();
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && num[0].length > 0) {
      i += num[0].length;
      want = afterValue();
      continue;
    }
    if (c === "'") return fail(i, 'strings need double quotes in JSON');
    return fail(i, 'expected a value (a "string", a number, true, false, null, an object or a list)');
  }
}

/** Offset just past the string starting at `start`, or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i + 1;
    if (ch === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { offset: i, message: 'a \\u escape needs four hex digits' };
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i, message: 'invalid escape in a string' };
      i += 2;
      continue;
    }
    if (ch < 0x20) return { offset: i, message: ch === 10 ? 'a string is not closed before the end of the line' : 'control character inside a string' };
    i++;
  }
  return { offset: start, message: 'a string is never closed' };
}
