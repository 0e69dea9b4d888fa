/**
 * The scenarios a player can choose: those bundled with the game (scenarios/*.yaml, read as raw
 * text by Vite and checked by the same loader the CLI uses) and those from imported packs.
 */
import { formatProblem } from '../scenario/load';
import { loadPack } from '../scenario/pack';
import type { Scenario } from '../scenario/schema';

export interface ScenarioEntry {
  /** Stable key saves refer to: "bundled:<id>" or "pack:<packId>:<id>". */
  key: string;
  scenario: Scenario;
  source: 'bundled' | 'pack';
  packId?: string;
  packTitle?: string;
  /** What the pack says of itself: its description and learning objectives (menu and briefing). */
  about?: { description?: string; learningObjectives: string[] };
}

/** The pack's description and learning objectives; for a bare scenario, its injects' objectives. */
export function aboutOf(e: ScenarioEntry): { description?: string; learningObjectives: string[] } {
  if (e.about && (e.about.learningObjectives.length || e.about.description)) return e.about;
  const s = e.scenario;
  const objectives = [
    ...new Set(s.injects.flatMap((i) => [i.learningObjective, ...i.contingency.map((c) => c.learningObjective)]).filter((x): x is string => !!x)),
  ];
  return { learningObjectives: objectives };
}

export interface CatalogueProblem {
  file: string;
  problems: string[];
}

export const bundledKey = (id: string): string => `bundled:${id}`;
export const packKey = (packId: string, id: string): string => `pack:${packId}:${id}`;

/** Parse bundled sources (file name → YAML text). Broken files are reported, never thrown. */
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
      const meta = r.value.pack;
      const about = { ...(meta.description ? { description: meta.description } : {}), learningObjectives: [...meta.learningObjectives] };
      entries.push({ key: bundledKey(scenario.id), scenario, source: 'bundled', about });
    }
  }
  return { entries, problems };
}

/** The tutorial first, then the flagship, then the historical set in time order. */
function order(file: string): number {
  return /tutorial/.test(file) ? 0 : /historical\//.test(file) ? 2 : 1;
}

/**
 * Bundled scenario files as assets (data, not JS): their URLs are known at build time, their text
 * is fetched when the page starts, so the game's JS does not carry 190 KB of YAML.
 */
export function bundledUrls(): Record<string, string> {
  return import.meta.glob(['../../scenarios/*.{yaml,yml}', '../../scenarios/historical/*.{yaml,yml}'], {
    query: '?url',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
}

/** Fetch every bundled scenario file (file name → text); a file that cannot be fetched is reported by parseBundled as broken. */
export async function fetchBundled(urls: Record<string, string> = bundledUrls()): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([file, url]) => {
      try {
        const r = await fetch(url);
        return [file, r.ok ? await r.text() : `# could not be fetched: HTTP ${r.status}`] as const;
      } catch (e) {
        return [file, `# could not be fetched: ${(e as Error)?.message ?? e}`] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The bundled file that holds a scenario id (a cheap look at the text, before any parsing). */
export function fileOf(sources: Record<string, string>, id: string): string | undefined {
  const re = new RegExp(`^\\s*(- )?id:\\s*["']?${id.replace(/[^a-z0-9_-]/gi, '')}["']?\\s*$`, 'm');
  return Object.keys(sources).find((f) => re.test(sources[f]!));
}
