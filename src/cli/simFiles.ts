/** Reading the CLI's input files (scenarios, scripted moves) with located, friendly errors. */
import { readFileSync } from 'node:fs';
import { formatProblem, parseLocated } from '../scenario/load';
import { loadPack } from '../scenario/pack';
import type { Scenario } from '../scenario/schema';
import type { Command } from '../sim/types';

export class CliError extends Error {}

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${what} "${file}"${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}

/**
 * A scenario from a scenario file or a pack. `file#id` picks one scenario of a pack; without it a
 * pack of several scenarios is refused with the list of ids.
 */
export function loadScenarioFile(spec: string): Scenario {
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const pick = hash > 0 ? spec.slice(hash + 1) : undefined;
  const r = loadPack(readText(file, 'scenario'), file);
  if (!r.ok) throw new CliError(`${file} is not a valid scenario or pack:\n` + r.problems.map((p) => '  ' + formatProblem(p, file)).join('\n'));
  const scenarios = r.value.scenarios;
  if (pick) {
    const found = scenarios.find((x) => x.id === pick);
    if (!found) throw new CliError(`${file} has no scenario "${pick}"; it has: ${scenarios.map((x) => x.id).join(', ')}`);
    return found;
  }
  if (scenarios.length > 1)
    throw new CliError(`${file} holds ${scenarios.length} scenarios; pick one with ${file}#<id>: ${scenarios.map((x) => x.id).join(', ')}`);
  return scenarios[0]!;
}

/** A moves file is a YAML or JSON list of commands; `role` defaults to "mediator". */
export function loadMoves(file: string): Command[] {
  const parsed = parseLocated(readText(file, 'moves file'));
  if (parsed.problems.length) throw new CliError(parsed.problems.map((p) => formatProblem(p, file)).join('\n'));
  if (!Array.isArray(parsed.data)) throw new CliError(`${file}: expected a list of commands, e.g. "- { type: caucus, party: gov }"`);
  return parsed.data.map((c, i) => {
    if (!c || typeof c !== 'object' || typeof (c as { type?: unknown }).type !== 'string') {
      const loc = parsed.locate([i]);
      throw new CliError(`${file}${loc ? `:${loc.line}:${loc.column}` : ''}: command ${i + 1} needs a "type" (e.g. caucus, endTurn)`);
    }
    return { role: 'mediator', ...(c as object) } as Command;
  });
}
