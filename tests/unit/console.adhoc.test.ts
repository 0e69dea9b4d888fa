/**
 * The instructor's console reads the engine's and the schema's own lists: the ad-hoc inject form is
 * built from the effect schemas, and the feed, the hidden values and the inject list build catalogue
 * keys from the engine's vocabularies. A new effect kind or field must still make a valid effect from
 * the form, and a new value must have its string, so nothing reaches the console as a bare key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/index';
import { EFFECT_SCHEMAS, effectSchema } from '../../src/scenario/schema';
import { loadScenario } from '../../src/scenario/load';
import type { EventSource, PartyState, Seat } from '../../src/sim/index';
import { effectFields, type EffectField } from '../../src/game/screens/classroom/consoleAdhoc';
import type { PlannedInject } from '../../src/seat/remote';

const loaded = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'));
if (!loaded.ok) throw new Error('tutorial.yaml does not load');
const s = loaded.value;
const ids: Record<NonNullable<EffectField['of']>, string> = {
  party: s.parties[0]!.id,
  faction: s.parties.flatMap((p) => p.factions).find((f) => f.spoiler !== 'none')!.id,
  external: s.externals.find((e) => e.leverage.includes('sanctions'))?.id ?? s.externals[0]!.id,
  venue: s.venues[0]!.id,
};
const KINDS = Object.keys(EFFECT_SCHEMAS) as (keyof typeof EFFECT_SCHEMAS)[];

describe('the ad-hoc inject form', () => {
  it.each(KINDS)('%s: the form offers every field but records, and filled as offered it is a valid effect', (kind) => {
    const fields = effectFields(kind);
    const shape = Object.keys((EFFECT_SCHEMAS[kind] as unknown as { shape: Record<string, unknown> }).shape).filter((k) => k !== 'kind' && k !== 'trustIn');
    expect(fields.map((f) => f.name)).toEqual(shape);
    const effect: Record<string, unknown> = { kind };
    for (const f of fields) {
      if (f.kind === 'target') effect[f.name] = ids[f.of!];
      else if (f.kind === 'enum') effect[f.name] = f.options![0];
      else if (f.kind === 'number') effect[f.name] = f.initial !== undefined ? Number(f.initial) : f.min;
      else if (!f.optional) effect[f.name] = 'A text';
    }
    const parsed = effectSchema.safeParse(effect);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('a number field carries its range, an enum its values', () => {
    const magnitude = effectFields('sanctions').find((f) => f.name === 'magnitude')!;
    expect(magnitude).toMatchObject({ kind: 'number', min: 1, max: 40, initial: '15', optional: true });
    expect(effectFields('spoiler').find((f) => f.name === 'action')!.options).toContain('violence');
  });
});

// Records, so that a new value fails the type check here until it is listed.
const SOURCES = Object.keys({ inject: 1, contingency: 1, random: 1, party: 1, faction: 1, external: 1, instructor: 1 } satisfies Record<EventSource, 1>);
const SEATS = Object.keys({ atTable: 1, wavering: 1, walkedOut: 1 } satisfies Record<Seat, 1>);
const INTENTS = Object.keys({ sincere: 1, stalling: 1, suspected: 1, unknown: 1 } satisfies Record<PartyState['intent'] | 'suspected' | 'unknown', 1>);
const STATUSES = Object.keys({ planned: 1, fired: 1, awaiting: 1, responded: 1, missed: 1 } satisfies Record<NonNullable<PlannedInject['status']>, 1>);

describe('console strings', () => {
  it('names every effect kind and every field of the ad-hoc form', () => {
    const keys = [...KINDS.map((k) => `console.effect.${k}`), ...new Set(KINDS.flatMap((k) => effectFields(k).map((f) => `console.field.${f.name}`)))];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
  it('names every event source, control and seat change in the feed, every intent and seat state, every inject status', () => {
    const keys = [
      ...SOURCES.map((x) => `console.feed.source.${x}`),
      ...['start', 'pause', 'resume', 'end'].map((x) => `console.feed.control.${x}`),
      ...['take', 'reassign', 'remove'].map((x) => `console.feed.seat.${x}`),
      ...['all', 'command', 'refused', 'chat', 'event', 'seat'].map((x) => `console.feed.filter.${x}`),
      ...['delegation', 'caucus', 'public'].map((x) => `console.channel.${x}`),
      ...INTENTS.map((x) => `console.intent.${x}`),
      ...SEATS.map((x) => `console.seatState.${x}`),
      ...STATUSES.map((x) => `console.injects.status.${x}`),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
});
