/**
 * The scenarios a player can choose. The menu lists catalogue entries: a card (title, period,
 * counts, summary) and what the scenario teaches — public facts only. The full scenario, with every
 * role's confidential notes, is held only when needed: an imported pack's scenarios are the
 * trainee's own file; a bundled one is fetched when a solo game starts or resumes. The bundled
 * files are compiled at build time (scenarioBundle.ts: checked by the same loader the CLI uses,
 * then one JSON asset each), so the page carries no YAML parser and no scenario it does not play.
 * Nothing here imports the loader: what the page imports from here must not pull the parser in.
 */
import { scenarioSchema, type Scenario } from '../scenario/schema';
import type { PackMeta } from '../scenario/packData';

/** What the menu shows of a scenario, and what a save is checked against before the scenario is fetched. */
export interface ScenarioCard {
  id: string;
  version: string;
  title: string;
  period: string;
  summary: string;
  parties: number;
  turnLimit: number;
}

/** What a scenario teaches: its pack's description and learning objectives (menu and briefing). */
export interface About {
  description?: string;
  learningObjectives: string[];
}

export interface CatalogueEntry {
  /** Stable key saves refer to: "bundled:<id>" or "pack:<packId>:<id>". */
  key: string;
  source: 'bundled' | 'pack';
  packId?: string;
  packTitle?: string;
  card: ScenarioCard;
  about: About;
  /** The full scenario, when the page holds it: a pack's, or a bundled one once fetched. */
  scenario?: Scenario;
  /** Where a bundled scenario's data is fetched from (a JSON asset made at build time). */
  url?: string;
}

/** An entry whose full scenario the page holds: what a game starts from. */
export interface ScenarioEntry extends CatalogueEntry {
  scenario: Scenario;
}

export const isHeld = (e: CatalogueEntry): e is ScenarioEntry => !!e.scenario;

export function cardOf(s: Scenario): ScenarioCard {
  return { id: s.id, version: s.version, title: s.title, period: s.period, summary: s.summary, parties: s.parties.length, turnLimit: s.turnLimit };
}

/** The pack's description and learning objectives; without objectives, those of the scenario's injects. */
export function aboutFor(s: Scenario, meta?: Pick<PackMeta, 'description' | 'learningObjectives'>): About {
  const description = meta?.description ? { description: meta.description } : {};
  if (meta?.learningObjectives.length) return { ...description, learningObjectives: [...meta.learningObjectives] };
  const objectives = [
    ...new Set(s.injects.flatMap((i) => [i.learningObjective, ...i.contingency.map((c) => c.learningObjective)]).filter((x): x is string => !!x)),
  ];
  return { ...description, learningObjectives: objectives };
}

/** What an entry teaches (kept for the screens that read it). */
export const aboutOf = (e: CatalogueEntry): About => e.about;

export interface CatalogueProblem {
  file: string;
  problems: string[];
}

export const bundledKey = (id: string): string => `bundled:${id}`;
export const packKey = (packId: string, id: string): string => `pack:${packId}:${id}`;

/** A full catalogue entry for a scenario the page holds. */
export function entryOf(scenario: Scenario, from: Pick<CatalogueEntry, 'key' | 'source' | 'packId' | 'packTitle'>, meta?: PackMeta): ScenarioEntry {
  return { ...from, card: cardOf(scenario), about: aboutFor(scenario, meta), scenario };
}

/** The name a bundled scenario's data goes by in problems (its asset is named after the id). */
export const dataFile = (e: CatalogueEntry): string => `${e.card.id}.json`;

export type Fetched = { ok: true; scenario: Scenario } | { ok: false; problem: CatalogueProblem };

/**
 * Fetch a bundled scenario's data (checked at build time) and check it is whole and the one the
 * card names: a damaged or stale file is reported, with its name, never played.
 */
export async function fetchScenario(entry: CatalogueEntry, get: (url: string) => Promise<unknown> = getJson): Promise<Fetched> {
  const file = dataFile(entry);
  const fail = (why: string): Fetched => ({ ok: false, problem: { file, problems: [`${file} error: ${why}`] } });
  if (!entry.url) return fail('no data for this scenario was built into the game');
  let data: unknown;
  try {
    data = await get(entry.url);
  } catch (e) {
    return fail(`could not be fetched: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
  }
  const r = scenarioSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return fail(`the data is damaged: ${issue.path.join('.') || '(top level)'}: ${issue.message.slice(0, 200)}`);
  }
  if (r.data.id !== entry.card.id || r.data.version !== entry.card.version)
    return fail(`holds ${r.data.id} ${r.data.version}, not ${entry.card.id} ${entry.card.version}: reload the page`);
  return { ok: true, scenario: r.data };
}

async function getJson(url: string): Promise<unknown> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
}
