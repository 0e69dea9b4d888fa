/**
 * `pack validate`: every problem of every file at once, one line each in the
 * `file:line:column severity: path: message — expected X — hint: Y` form editors can jump to.
 */
import { formatProblem } from '../../scenario/load';
import { loadPack } from '../../scenario/pack';
import { readPackFile } from './readPackFile';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Validate each file; the exit code is 1 when any file has an error, 0 otherwise. */
export function validateFiles(files: string[], io: Output): number {
  let failed = false;
  for (const file of files) {
    const read = readPackFile(file);
    if (!read.ok) {
      io.out(`${file} error: ${read.message}${read.hint ? ` — hint: ${read.hint}` : ''}`);
      failed = true;
      continue;
    }
    const result = loadPack(read.text, file);
    const problems = result.ok ? result.warnings : result.problems;
    for (const p of problems) io.out(formatProblem(p, file));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (result.ok) {
      const { pack, scenarios } = result.value;
      const names = scenarios.map((s) => s.id).join(', ');
      io.out(
        `${file}: valid — pack "${pack.id}" ${pack.version}, ${plural(scenarios.length, 'scenario')} (${names})${warnings ? `, ${plural(warnings, 'warning')}` : ''}`,
      );
    } else {
      failed = true;
      io.out(`${file}: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`);
    }
  }
  return failed ? 1 : 0;
}
