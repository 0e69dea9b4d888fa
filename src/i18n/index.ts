/**
 * One message catalogue for the whole game (i18next): UI strings, every engine `Msg` key and the
 * debrief's templates. English now; a Spanish catalogue only needs another resource bundle.
 * `fmt` turns an engine Msg into text, showing ids (parties, issues, factions, actors, venues) as
 * names from the scenario, and enum values (phases, asks, tones…) through the catalogue.
 */
import i18next, { type i18n as I18n } from 'i18next';
import type { Msg, MsgParams } from '../sim/types';
import type { Scenario } from '../scenario/schema';
import { DEBRIEF_MESSAGES } from '../sim/debrief/messages';
import { EN } from './en';

export const CATALOGUE_EN: Record<string, string> = { ...DEBRIEF_MESSAGES, ...EN };

export const i18n: I18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  // Nothing is ever rendered as HTML: DOM text goes through textContent, canvas text is text.
  interpolation: { escapeValue: false },
  returnNull: false,
  resources: { en: { translation: CATALOGUE_EN } },
});

/** Is there a template for this key in the current language (or the fallback)? */
export function hasMessage(key: string): boolean {
  return i18n.exists(key);
}

/** A UI string. */
export function t(key: string, params?: Record<string, unknown>): string {
  return i18n.t(key, params ?? {}) as string;
}

/** Names of everything a scenario can refer to by id. */
export function namesOf(s: Scenario | null | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!s) return m;
  for (const p of s.parties) {
    m.set(p.id, p.short ?? p.name);
    // The engine sometimes sends a party's full name; show the short one the table uses.
    if (p.short) m.set(p.name, p.short);
    for (const f of p.factions) m.set(f.id, f.name);
  }
  for (const e of s.externals) m.set(e.id, e.name);
  for (const i of s.issues) m.set(i.id, i.name);
  for (const v of s.venues) m.set(v.id, v.name);
  return m;
}

const cache = new WeakMap<Scenario, Map<string, string>>();
export function nameOf(s: Scenario | null | undefined, id: string): string {
  if (!s) return id;
  let m = cache.get(s);
  if (!m) {
    m = namesOf(s);
    cache.set(s, m);
  }
  return m.get(id) ?? id;
}

/** Params whose values are enum members with their own catalogue entries. */
const ENUM_PARAMS: Record<string, string> = {
  phase: 'phase.',
  from: 'phase.',
  to: 'phase.',
  kind: 'proposal.',
  ask: 'ask.',
  approach: 'approach.',
  tone: 'tone.',
  cbm: 'cbm.',
  move: 'move.',
  command: 'move.',
  why: 'why.',
};

export function fmtParams(params: MsgParams | undefined, s?: Scenario | null): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v !== 'string') {
      out[k] = k === 'delta' && typeof v === 'number' ? signed(v) : v;
      continue;
    }
    if (k === 'phases') {
      // A comma-separated list of phase ids, e.g. where a move is allowed.
      out[k] = v
        .split(',')
        .map((x) => (hasMessage('phase.' + x) ? t('phase.' + x) : x))
        .join(', ');
      continue;
    }
    const prefix = ENUM_PARAMS[k];
    if (prefix && hasMessage(prefix + v)) out[k] = t(prefix + v);
    else out[k] = nameOf(s, v);
  }
  return out;
}

/** An engine message as text in the current language. Unknown keys show as the key itself. */
export function fmt(msg: Msg | null | undefined, s?: Scenario | null): string {
  if (!msg) return '';
  return t(msg.key, fmtParams(msg.params, s));
}

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}

/** "commitment", "trust in Union"… for a Change's meter. */
export function meterLabel(meter: string, s?: Scenario | null): string {
  if (meter.startsWith('trustIn:')) return t('meter.trustIn', { party: nameOf(s, meter.slice('trustIn:'.length)) });
  return hasMessage(`meter.${meter}`) ? t(`meter.${meter}`) : meter;
}
