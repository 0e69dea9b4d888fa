/**
 * The bundled scenarios, compiled at build time (run in Node by the plugin in vite.config.ts). Every
 * file in scenarios/ and scenarios/historical/ is checked by the loader the CLI uses; a broken one
 * fails the build with its located problems. What passes becomes:
 * - `virtual:bundled-scenarios`: the catalogue index (cards and learning objectives, no briefing
 *   or other confidential text), small enough to ship in the page's JS;
 * - one JSON asset per scenario, fetched only when a solo game needs it (scenarios.ts), so no page
 *   holds a scenario it does not play — a classroom seat's page never holds another seat's notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../scenario/pack';
import { formatProblem } from '../scenario/problems';
import { bundledKey, entryOf, type CatalogueEntry, type CatalogueProblem, type ScenarioEntry } from './scenarios';

/** The bundled scenario files under `dir` (scenarios/): path relative to it → text. */
export function readBundledSources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['', 'historical']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  }
  return out;
}

/**
 * Check bundled sources (file name → YAML text) with the full loader; broken files are reported,
 * never thrown. Run at build time and by tests and tools in Node, never by the page: this module
 * is the only store module that imports the loader.
 */
export function parseBundled(sources: Record<string, string>): { entries: ScenarioEntry[]; problems: CatalogueProblem[] } {
  const entries: ScenarioEntry[] = [];
  const problems: CatalogueProblem[] = [];
  const files = Object.keys(sources).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const file of files) {
    const name = file.split('/').pop() ?? file;
    // Bundled files are bare scenarios or packs (the historical set): read both through loadPack.
    const r = loadPack(sources[file]!, name);
    if (!r.ok) {
      problems.push({
        file: name,
        problems: r.problems
          .filter((p) => p.severity === 'error')
          .slice(0, 8)
          .map((p) => formatProblem(p, name)),
      });
      continue;
    }
    for (const scenario of r.value.scenarios) {
      if (entries.some((e) => e.scenario.id === scenario.id)) continue;
      entries.push(entryOf(scenario, { key: bundledKey(scenario.id), source: 'bundled' }, r.value.pack));
    }
  }
  return { entries, problems };
}

/** The tutorial first, then the flagship, then the historical set in time order. */
function order(file: string): number {
  return /tutorial/.test(file) ? 0 : /historical\//.test(file) ? 2 : 1;
}

/** Why the build stops: every broken file by name, with its first problems. */
export function bundleFailure(problems: CatalogueProblem[]): string {
  const files = problems.map((p) => `  ${p.file}:\n${p.problems.map((x) => `    ${x}`).join('\n')}`).join('\n');
  return `bundled scenarios in scenarios/ do not load (fix them, or check them with npm run pack -- validate <file>):\n${files}`;
}

/** The index entry of a checked scenario: everything but the scenario (the build adds its data's URL). */
export const indexEntry = (e: ScenarioEntry): CatalogueEntry => {
  const { scenario: _scenario, ...rest } = e;
  return rest;
};

/** One checked bundled scenario: its index entry (no URL yet) and its data as the page will fetch it. */
export interface CompiledScenario {
  entry: CatalogueEntry;
  /** The checked scenario, defaults filled in, as JSON: the page plays it as is. */
  json: string;
}

/**
 * Check every bundled file (scenarios/ and scenarios/historical/) with the loader the CLI uses.
 * A broken file, or none at all, is a failure whose message names each file and its problems.
 */
export function compileBundled(dir: string): { ok: true; scenarios: CompiledScenario[]; files: string[] } | { ok: false; message: string } {
  const sources = readBundledSources(dir);
  const { entries, problems } = parseBundled(sources);
  // Name each broken file by its path under scenarios/ (historical/… included), so it is found at once.
  const pathOf = (name: string) => Object.keys(sources).find((rel) => rel.split('/').pop() === name) ?? name;
  if (problems.length > 0) return { ok: false, message: bundleFailure(problems.map((p) => ({ ...p, file: pathOf(p.file) }))) };
  if (entries.length === 0) return { ok: false, message: `no bundled scenarios found in ${dir}` };
  return {
    ok: true,
    files: Object.keys(sources).map((rel) => join(dir, rel)),
    scenarios: entries.map((e) => ({ entry: indexEntry(e), json: JSON.stringify(e.scenario) })),
  };
}
