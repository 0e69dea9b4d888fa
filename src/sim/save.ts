/**
 * Saves: { saveVersion, scenario id + version, options (seed, difficulty, seats), command log }.
 * The log is the truth; loading replays it and checks the state hash when the save carries one.
 * A save from another version is migrated when we know how, refused with a reason otherwise.
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema';
import type { Msg, Role } from './types';
import { MAX_COMMANDS } from './commands';
import { parseRole, roleExists } from './roles';
import { replay, stateHash, worldOf, type Game } from './game';

export const SAVE_VERSION = 1;
/**
 * The version of the game's rules. A save replays its commands under the current rules, so a save
 * made under other rules cannot reproduce its state: it is refused with a reason that says so.
 * Bump it whenever a rule change alters what a command does.
 */
export const RULES_VERSION = 3;

const saveSchema = z.object({
  saveVersion: z.number().int(),
  scenario: z.object({ id: z.string(), version: z.string() }),
  seed: z.number().int(),
  difficulty: z.enum(['easy', 'standard', 'hard']).default('standard'),
  humanRoles: z.array(z.string().max(60)).max(64).default([]),
  // Each command is checked by the engine's own front door when the log is replayed.
  commands: z.array(z.object({ type: z.string().max(40), role: z.string().max(60) }).passthrough()).max(MAX_COMMANDS),
  stateHash: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'a state hash')
    .optional(),
  rules: z.number().int().min(1).max(1_000_000).optional(),
});

export type Save = z.infer<typeof saveSchema>;

export function toSave(g: Game): Save {
  const w = worldOf(g);
  return {
    saveVersion: SAVE_VERSION,
    scenario: { id: g.scenario.id, version: g.scenario.version },
    seed: w.options.seed,
    difficulty: w.options.difficulty,
    humanRoles: [...w.options.humanRoles],
    commands: g.commands.map((c) => ({ ...c })),
    stateHash: stateHash(g),
    rules: RULES_VERSION,
  };
}

/** Older save shapes we can still read. Version 0 (pre-release) had `log` instead of `commands`. */
function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.saveVersion === 0 && Array.isArray(raw.log)) return { ...raw, saveVersion: 1, commands: raw.log };
  return raw;
}

export type LoadSaveResult = { ok: true; game: Game; save: Save } | { ok: false; reason: Msg };

/** Read a save (already parsed JSON or text) for a scenario; never throws. */
export function loadSave(input: unknown, scenario: Scenario): LoadSaveResult {
  try {
    return readSave(input, scenario);
  } catch {
    // A hostile value (a getter that throws, a proxy) is a corrupt save, never a crash.
    return { ok: false, reason: { key: 'save.corrupt' } };
  }
}

/**
 * What a save says of itself, checked before any replay: its format, its rules, and the scenario
 * (id and version) it was made with. The menu checks this before the scenario's data is at hand.
 */
export function checkSaveHeader(input: unknown, scenario: Pick<Scenario, 'id' | 'version'>): { ok: true; save: Save } | { ok: false; reason: Msg } {
  try {
    return readHeader(input, scenario);
  } catch {
    return { ok: false, reason: { key: 'save.corrupt' } };
  }
}

function readHeader(input: unknown, scenario: Pick<Scenario, 'id' | 'version'>): { ok: true; save: Save } | { ok: false; reason: Msg } {
  if (!scenario || typeof scenario !== 'object' || typeof scenario.id !== 'string') return { ok: false, reason: { key: 'save.noScenario' } };
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return { ok: false, reason: { key: 'save.corrupt' } };
    }
  }
  if (!raw || typeof raw !== 'object') return { ok: false, reason: { key: 'save.corrupt' } };
  const migrated = migrate(raw as Record<string, unknown>);
  const version = migrated.saveVersion;
  if (typeof version === 'number' && version > SAVE_VERSION) return { ok: false, reason: { key: 'save.newer', params: { version } } };
  const parsed = saveSchema.safeParse(migrated);
  if (!parsed.success) return { ok: false, reason: { key: 'save.corrupt' } };
  const save = parsed.data;
  if (save.saveVersion !== SAVE_VERSION) return { ok: false, reason: { key: 'save.outdated', params: { version: save.saveVersion } } };
  // A save from before rules were versioned (no `rules`) may still replay: its hash decides.
  if (save.rules !== undefined && save.rules !== RULES_VERSION)
    return { ok: false, reason: { key: 'save.otherRules', params: { saved: save.rules, current: RULES_VERSION } } };
  if (save.scenario.id !== scenario.id) return { ok: false, reason: { key: 'save.otherScenario', params: { id: save.scenario.id } } };
  if (save.scenario.version !== scenario.version) {
    return { ok: false, reason: { key: 'save.scenarioVersion', params: { saved: save.scenario.version, current: scenario.version } } };
  }
  return { ok: true, save };
}

function readSave(input: unknown, scenario: Scenario): LoadSaveResult {
  const header = readHeader(input, scenario);
  if (!header.ok) return header;
  const { save } = header;
  const seats = new Set<string>();
  for (const role of save.humanRoles) {
    const kind = parseRole(role)?.kind;
    // Only seats the engine would otherwise play can be held by people, each once.
    if ((kind !== 'party' && kind !== 'faction' && kind !== 'external') || !roleExists(scenario, role as Role) || seats.has(role)) {
      return { ok: false, reason: { key: 'save.badSeat', params: { role: role.slice(0, 60) } } };
    }
    seats.add(role);
  }
  const r = replay(scenario, { seed: save.seed, difficulty: save.difficulty, humanRoles: save.humanRoles as Role[] }, save.commands);
  if (!r.ok) return { ok: false, reason: { key: 'save.replayFailed', params: { index: r.index + 1 } } };
  if (save.stateHash !== undefined && stateHash(r.game) !== save.stateHash) return { ok: false, reason: { key: 'save.hashMismatch' } };
  return { ok: true, game: r.game, save };
}
