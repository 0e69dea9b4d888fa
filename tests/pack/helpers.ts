/** Shared helpers for the pack tests: fixtures, text edits, and finding where a problem should be. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LoadProblem, LoadResult } from '../../src/scenario/load';
import { formatPath } from '../../src/scenario/load';

export const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** Replace exactly one occurrence of `from`, so a test fails loudly if the fixture drifts. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture text not found exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`not in text: ${needle}`);
  return i + 1;
}

export function problemsOf<T>(r: LoadResult<T>): LoadProblem[] {
  return r.ok ? r.warnings : r.problems;
}

/** The one problem at this path (as printed, e.g. "scenarios[0].turnLimit"), failing otherwise. */
export function problemAt<T>(r: LoadResult<T>, path: string, severity: 'error' | 'warning' = 'error'): LoadProblem {
  const found = problemsOf(r).filter((p) => formatPath(p.path) === path && p.severity === severity);
  expect(
    found.map((p) => formatPath(p.path)),
    `problems: ${problemsOf(r)
      .map((p) => `${formatPath(p.path)}: ${p.message}`)
      .join(' | ')}`,
  ).toContain(path);
  return found[0]!;
}
