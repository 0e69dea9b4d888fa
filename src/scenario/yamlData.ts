/**
 * From a composed YAML document to plain data, in one iterative pass over its nodes, with the
 * checks YAML itself leaves to the reader:
 *
 * - a key must be a plain value: a mapping or a list used as a key (`? [a]`, `{[a]: b}`, an alias of
 *   a collection) is refused, so keys are never stringified (which grows with every level of
 *   nesting: a 900-byte file made a 760 KB key);
 * - a key may appear once per mapping (checked with a Set: the YAML library's own check compares
 *   every key with every earlier one, 26 s for 40,000 keys);
 * - an alias names an anchor set before it, outside it, and aliases may not make the data much
 *   larger than the text ("billion laughs"): an alias adds its anchor's size to a running total,
 *   capped, and shares the anchor's value rather than copying it.
 *
 * Each problem carries the source offset of the node it is about. Never recurses, never throws on
 * any document the composer built.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';

export interface DataProblem {
  offset: number;
  message: string;
  hint?: string;
  expected?: string;
}

/** Most values aliases may add to a file beyond its own text (the total also scales with its size). */
export const MIN_ALIAS_BUDGET = 10_000;

type Coll = { items: unknown[]; range?: [number, number, number] | null; anchor?: string };

interface Frame {
  node: Coll;
  isMap: boolean;
  out: Record<string, unknown> | unknown[];
  index: number;
  /** Key of the pair whose value is being built (maps only). */
  key: string;
  keys: Set<string> | undefined;
  weight: number;
}

const offsetOf = (node: unknown, fallback = 0): number => {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? range[0] : fallback;
};

/** The JavaScript key a scalar becomes (as the YAML library's toJS spells it). */
export function scalarKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'symbol') return value.description ?? '';
  if (typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    return typeof json === 'function' ? String(json.call(value)) : String(value);
  }
  return String(value);
}

function scalarValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return json.call(value); // a YAML 1.1 timestamp becomes its ISO text
  }
  if (typeof value === 'symbol') return value.description ?? '';
  return value;
}

function addKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__`, `constructor` and friends become own properties, never the prototype.
  if (key in obj) Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/**
 * The data of `doc` plus every problem found. When there are problems the data is incomplete and
 * must not be used. `sourceLength` scales the alias budget.
 */
export function documentData(doc: Document.Parsed, sourceLength: number, maxProblems = 1000): { data: unknown; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const report = (p: DataProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const anchors = new Map<string, YamlNode>();
  const built = new Map<YamlNode, { value: unknown; weight: number }>();
  const open = new Set<unknown>();
  const budget = Math.max(MIN_ALIAS_BUDGET, sourceLength);
  let aliasWeight = 0;
  let overBudget = false;
  const stack: Frame[] = [];
  let root: unknown = null;

  /** Start on a node: a value at once, or a frame pushed for a collection (undefined). */
  const start = (node: unknown): { value: unknown; weight: number } | undefined => {
    if (node === null || node === undefined) return { value: null, weight: 1 };
    if (isScalar(node)) {
      const v = { value: scalarValue(node.value), weight: 1 };
      if (node.anchor) {
        anchors.set(node.anchor, node);
        built.set(node, v);
      }
      return v;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        report({
          offset: offsetOf(node),
          message: `unknown alias "*${node.source}"`,
          hint: `an alias repeats a value marked "&${node.source}" earlier in the file; set the anchor first`,
        });
        return { value: null, weight: 1 };
      }
      const done = built.get(target);
      if (!done || open.has(target)) {
        report({
          offset: offsetOf(node),
          message: `the alias "*${node.source}" points into the collection that holds it`,
          hint: 'a value cannot contain itself; copy the part you need instead',
        });
        return { value: null, weight: 1 };
      }
      aliasWeight += done.weight;
      if (aliasWeight > budget && !overBudget) {
        overBudget = true;
        report({
          offset: offsetOf(node),
          message: 'aliases repeat too much here: the file would expand far beyond its own size',
          expected: `aliases adding at most ${budget} values`,
          hint: 'a pack never needs this; anchors (&) and aliases (*) that nest multiply',
        });
      }
      return done;
    }
    if (isMap(node) || isSeq(node)) {
      const coll = node as unknown as Coll;
      if (coll.anchor) anchors.set(coll.anchor, node as YamlNode);
      open.add(node);
      stack.push({ node: coll, isMap: isMap(node), out: isMap(node) ? {} : [], index: 0, key: '', keys: isMap(node) ? new Set() : undefined, weight: 1 });
      return undefined;
    }
    if (isPair(node)) {
      // A pair straight inside a list (!!omap, !!pairs): read it as a mapping of one key.
      const map = { items: [node], range: (node.key as { range?: [number, number, number] } | null)?.range ?? null };
      open.add(map);
      stack.push({ node: map, isMap: true, out: {}, index: 0, key: '', keys: new Set(), weight: 1 });
      return undefined;
    }
    report({ offset: 0, message: 'a value of an unknown kind', hint: 'write plain YAML or JSON' });
    return { value: null, weight: 1 };
  };

  /** Put a finished value into its parent (or make it the result). */
  const put = (value: unknown, weight: number) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    top.weight += weight;
    if (top.isMap) addKey(top.out as Record<string, unknown>, top.key, value);
    else (top.out as unknown[]).push(value);
  };

  /** The key of a pair as text, or undefined when it is refused (reported). */
  const keyOf = (pair: Pair, frame: Frame): string | undefined => {
    let key: unknown = pair.key;
    const at = offsetOf(key, offsetOf(pair.value, offsetOf(frame.node)));
    if (isAlias(key)) {
      const target = anchors.get(key.source);
      if (!target) {
        report({
          offset: at,
          message: `unknown alias "*${key.source}"`,
          hint: `an alias repeats a value marked "&${key.source}" earlier in the file; set the anchor first`,
        });
        return undefined;
      }
      key = target;
    }
    if (isMap(key) || isSeq(key) || isPair(key)) {
      report({
        offset: at,
        message: `a ${isSeq(key) ? 'list' : 'mapping'} is used as a key`,
        expected: 'a key that is a word or a quoted text',
        hint: 'keys are field names or ids; write "key: value", and check for a stray "?", "[" or "{" before the key',
      });
      return undefined;
    }
    const text = isScalar(key) ? scalarKey(key.value) : '';
    if (frame.keys!.has(text)) {
      const shown = text === '' ? 'an empty key' : `the key "${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
      report({ offset: at, message: `${shown} appears twice in this mapping`, hint: 'each key may appear once; remove or rename one of them' });
      return undefined;
    }
    frame.keys!.add(text);
    return text;
  };

  const first = start(doc.contents);
  if (first) root = first.value;
  while (stack.length > 0 && !overBudget) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.node.items.length) {
      stack.pop();
      open.delete(top.node);
      const done = { value: top.out, weight: top.weight };
      if (top.node.anchor) built.set(top.node as unknown as YamlNode, done);
      put(done.value, done.weight);
      continue;
    }
    const item = top.node.items[top.index++];
    if (top.isMap) {
      if (!isPair(item)) continue;
      const key = keyOf(item, top);
      if (key === undefined) continue;
      top.key = key;
      const v = start(item.value);
      if (v) put(v.value, v.weight);
    } else {
      const v = start(item);
      if (v) put(v.value, v.weight);
    }
  }
  return { data: root, problems };
}
