/**
 * Reference checks for a scenario that does not type-check yet. Without this an author fixes the
 * type errors, validates again and only then learns of a misspelt faction id. Each entity that
 * fails its schema is replaced by a stand-in keeping its id, so references to it still resolve and
 * indexes (hence paths) stay put; problems inside a stand-in or a broken field are dropped, since
 * the type errors already cover them. Only reference errors are reported: meaning checks on
 * stand-ins would guess.
 */
import type { z } from 'zod';
import {
  briefingSchema,
  contingencySchema,
  externalSchema,
  factionSchema,
  injectSchema,
  issueSchema,
  randomEventSchema,
  scenarioSchema,
  thresholdsSchema,
  venueSchema,
  type FactionDef,
  type InjectDef,
  type PartyDef,
  type Scenario,
} from './schema';
import { checkReferences } from './references';
import type { LoadProblem } from './problems';

type Path = (string | number)[];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const STAND_IN = '…';

/** Reference errors in a scenario that fails its schema, leaving out any at or around a type error. */
export function lenientReferenceProblems(raw: unknown): LoadProblem[] {
  if (!isRecord(raw) || !Array.isArray(raw.parties)) return [];
  if (raw.parties.some((p) => isRecord(p) && !Array.isArray(p.factions))) return [];
  // With a whole list unreadable, every reference into it would look dangling: say nothing.
  if (['externals', 'issues', 'venues', 'injects', 'randomEvents'].some((k) => raw[k] !== undefined && !Array.isArray(raw[k]))) return [];
  const parsed = scenarioSchema.safeParse(raw);
  if (parsed.success) return [];
  const replaced: Path[] = parsed.error.issues.flatMap((i) => {
    const path = i.path.filter((k): k is string | number => typeof k !== 'symbol');
    return i.code === 'unrecognized_keys' ? i.keys.map((k) => [...path, k]) : [path];
  });
  const idOf = (x: unknown, fallback: string) => (isRecord(x) && typeof x.id === 'string' && x.id.length > 0 ? x.id : fallback);

  function list<T>(value: unknown, path: Path, schema: z.ZodType<T>, standIn: (x: unknown, i: number) => T): T[] {
    if (!Array.isArray(value)) return [];
    return value.slice(0, 100).map((x, i) => {
      const r = schema.safeParse(x);
      if (r.success) return r.data;
      replaced.push([...path, i]);
      return standIn(x, i);
    });
  }
  const field = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const r = schema.safeParse(raw[key]);
    if (r.success) return r.data;
    replaced.push([key]);
    return fallback;
  };

  const factionStandIn = (x: unknown, i: number): FactionDef => ({
    id: idOf(x, `\u0000faction-${i}`),
    name: STAND_IN,
    influence: 0,
    stance: 'moderate',
    spoiler: 'none',
    included: true,
    satisfaction: 50,
  });
  const parties: PartyDef[] = raw.parties.slice(0, 100).map((x: unknown, i: number) => {
    const path: Path = ['parties', i];
    const r = scenarioSchema.shape.parties.element.safeParse(x);
    if (r.success) return r.data;
    replaced.push(path);
    const factions = list(isRecord(x) ? x.factions : undefined, [...path, 'factions'], factionSchema, factionStandIn);
    return {
      id: idOf(x, `\u0000party-${i}`),
      name: STAND_IN,
      principal: STAND_IN,
      delegation: STAND_IN,
      publicStance: STAND_IN,
      trustInMediator: 40,
      commitment: 40,
      cohesion: 60,
      trustIn: {},
      domesticStrength: 50,
      intent: 'sincere',
      refuses: [],
      factions,
    };
  });

  const news = { kind: 'news' } as const;
  const injects: InjectDef[] = (Array.isArray(raw.injects) ? raw.injects.slice(0, 100) : []).map((x, i) => {
    const path: Path = ['injects', i];
    const r = injectSchema.safeParse(x);
    if (r.success) return r.data;
    replaced.push(path);
    const contingency = list(isRecord(x) ? x.contingency : undefined, [...path, 'contingency'], contingencySchema, (c, ci) => ({
      id: idOf(c, `\u0000contingency-${ci}`),
      synopsis: STAND_IN,
      effect: news,
    }));
    return { id: idOf(x, `\u0000inject-${i}`), turn: 1, synopsis: STAND_IN, effect: news, contingency };
  });

  const s: Scenario = {
    id: field('id', scenarioSchema.shape.id, 'scenario'),
    version: STAND_IN,
    title: STAND_IN,
    period: STAND_IN,
    summary: STAND_IN,
    turnLength: 'week',
    turnLimit: field('turnLimit', scenarioSchema.shape.turnLimit, 200),
    actionPoints: 3,
    parties,
    externals: list(raw.externals, ['externals'], externalSchema, (x, i) => ({
      id: idOf(x, `\u0000external-${i}`),
      name: STAND_IN,
      kind: 'group',
      support: {},
      leverage: [],
      disposition: 0,
    })),
    issues: list(raw.issues, ['issues'], issueSchema, (x, i) => ({
      id: idOf(x, `\u0000issue-${i}`),
      name: STAND_IN,
      description: STAND_IN,
      low: STAND_IN,
      high: STAND_IN,
      core: [],
      flex: 10,
      positions: {},
    })),
    venues: list(raw.venues, ['venues'], venueSchema, (x, i) => ({ id: idOf(x, `\u0000venue-${i}`), name: STAND_IN, nearPrincipals: false })),
    startVenue: field('startVenue', scenarioSchema.shape.startVenue, undefined),
    thresholds: field('thresholds', scenarioSchema.shape.thresholds, thresholdsSchema.parse({})),
    injects,
    randomEvents: list(raw.randomEvents, ['randomEvents'], randomEventSchema, (x, i) => ({
      id: idOf(x, `\u0000event-${i}`),
      weight: 0,
      synopsis: STAND_IN,
      effect: news,
    })),
    randomEventChance: 0,
    briefing: field('briefing', briefingSchema, { background: STAND_IN, earlierTalks: [], confidential: {} }),
  };

  // A problem is dropped when its path and a replaced path are one inside the other. With every
  // replaced path and each of its prefixes in sets, that is a few lookups per problem, not a scan.
  const keyOf = (path: Path, n: number) => JSON.stringify(path.slice(0, n));
  const whole = new Set<string>();
  const prefixes = new Set<string>();
  for (const r of replaced) {
    whole.add(keyOf(r, r.length));
    for (let n = 0; n <= r.length; n++) prefixes.add(keyOf(r, n));
  }
  const overlapsReplaced = (path: Path) => {
    if (prefixes.has(keyOf(path, path.length))) return true; // the problem holds a replaced part
    for (let n = 0; n <= path.length; n++) if (whole.has(keyOf(path, n))) return true; // inside one
    return false;
  };
  return checkReferences(s).filter((p) => p.severity === 'error' && !overlapsReplaced(p.path));
}
