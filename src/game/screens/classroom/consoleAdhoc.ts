/**
 * Compose an ad-hoc inject: an effect of any kind the engine accepts and the text the class reads.
 * The form is built from the scenario schema's effect kinds (EFFECT_SCHEMAS), so a new kind or field
 * shows up here without a change: an id field offers the exercise's parties, factions, outside
 * powers or venues; an enum its values; a number its range and default. The server checks it all.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import { EFFECT_SCHEMAS } from '../../../scenario/schema';
import type { View } from '../../../sim/index';
import { bound, clearDraft, draft, label, type ConsoleCtx } from './consoleKit';

type Kind = keyof typeof EFFECT_SCHEMAS;
const KINDS = Object.keys(EFFECT_SCHEMAS) as Kind[];

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; defaultValue?: unknown } };
  options?: readonly string[];
  minValue?: number | null;
  maxValue?: number | null;
  maxLength?: number | null;
}

export interface EffectField {
  name: string;
  kind: 'target' | 'enum' | 'number' | 'text';
  optional: boolean;
  /** For a target: whose ids. */
  of?: 'party' | 'faction' | 'external' | 'venue';
  options?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  initial?: string;
}

/** Which ids a field names, by its name in the schema. */
const TARGETS: Record<string, EffectField['of']> = { party: 'party', target: 'party', faction: 'faction', actor: 'external', venue: 'venue' };

/** The form fields of an effect kind, read from its schema (records such as trustIn are left out). */
export function effectFields(kind: Kind): EffectField[] {
  const shape = (EFFECT_SCHEMAS[kind] as unknown as { shape: Record<string, ZodLike> }).shape;
  const out: EffectField[] = [];
  for (const [name, raw] of Object.entries(shape)) {
    if (name === 'kind') continue;
    let z = raw;
    let optional = false;
    let initial: string | undefined;
    while (z._zod.def.type === 'optional' || z._zod.def.type === 'default') {
      if (z._zod.def.type === 'default') initial = String(z._zod.def.defaultValue);
      optional = true;
      z = z._zod.def.innerType!;
    }
    const type = z._zod.def.type;
    const base = { name, optional, ...(initial !== undefined ? { initial } : {}) };
    if (type === 'enum') out.push({ ...base, kind: 'enum', options: z.options ?? [] });
    else if (type === 'number')
      out.push({ ...base, kind: 'number', ...(z.minValue != null ? { min: z.minValue } : {}), ...(z.maxValue != null ? { max: z.maxValue } : {}) });
    else if (type === 'string' && TARGETS[name]) out.push({ ...base, kind: 'target', of: TARGETS[name] });
    else if (type === 'string') out.push({ ...base, kind: 'text', ...(z.maxLength != null ? { maxLength: z.maxLength } : {}) });
  }
  return out;
}

function targets(v: View | null, of: EffectField['of']): { id: string; name: string }[] {
  if (!v) return [];
  switch (of) {
    case 'party':
      return v.parties.map((p) => ({ id: p.id, name: p.short || p.name }));
    case 'faction':
      return v.parties.flatMap((p) => p.factions.map((f) => ({ id: f.id, name: f.name })));
    case 'external':
      return v.externals.map((e) => ({ id: e.id, name: e.name }));
    case 'venue':
      return v.venues.map((x) => ({ id: x.id, name: x.name }));
    default:
      return [];
  }
}

export function adhocForm(c: ConsoleCtx): HTMLElement {
  const kindKey = 'adhoc-kind';
  const kindPick = bound(
    el('select', { id: kindKey, 'data-testid': kindKey }, ...KINDS.map((k) => el('option', { value: k, text: label(`console.effect.${k}`, k) }))),
    kindKey,
    'news',
  );
  const kind = kindPick.value as Kind;
  kindPick.addEventListener('change', () => c.cs.redraw());
  const fields = effectFields(kind);
  const inputs = fields.map((f) => fieldInput(c, kind, f));
  const synopsisKey = 'adhoc-synopsis';
  const synopsis = bound(el('textarea', { id: synopsisKey, rows: 2, maxlength: 600, 'data-testid': synopsisKey }), synopsisKey, '');
  const send = () => {
    const effect: Record<string, unknown> = { kind };
    fields.forEach((f, i) => {
      const raw = inputs[i]!.input.value.trim();
      if (raw === '') return;
      effect[f.name] = f.kind === 'number' ? Number(raw) : raw;
    });
    void c.act('adhoc', { effect, synopsis: synopsis.value.trim() }).then((r) => {
      if (r) return;
      clearDraft(synopsisKey);
      c.cs.redraw();
    });
  };
  return el(
    'form',
    {
      class: 'adhoc',
      'data-testid': 'adhoc',
      'aria-labelledby': 'adhoc-h',
      onsubmit: (e: Event) => {
        e.preventDefault();
        send();
      },
    },
    el('h3', { id: 'adhoc-h', text: t('console.adhoc.heading') }),
    el('label', { for: kindKey, class: 'label', text: t('console.adhoc.kind') }),
    kindPick,
    el('div', { class: 'adhoc-fields' }, ...inputs.map((x) => x.row)),
    el('label', { for: synopsisKey, class: 'label', text: t('console.adhoc.synopsis') }),
    synopsis,
    el('button', {
      type: 'submit',
      class: 'btn primary small',
      'data-testid': 'adhoc-fire',
      disabled: c.st?.status !== 'running',
      text: t('console.adhoc.fire'),
    }),
  );
}

function fieldInput(c: ConsoleCtx, kind: Kind, f: EffectField): { row: HTMLElement; input: HTMLInputElement | HTMLSelectElement } {
  const key = `adhoc-${kind}-${f.name}`;
  const none = f.optional ? [el('option', { value: '', text: t('console.adhoc.unset') })] : [];
  let input: HTMLInputElement | HTMLSelectElement;
  if (f.kind === 'target') {
    const list = targets(c.v, f.of);
    input = bound(
      el('select', { id: key, 'data-testid': key }, ...none, ...list.map((x) => el('option', { value: x.id, text: x.name }))),
      key,
      f.optional ? '' : (list[0]?.id ?? ''),
    );
  } else if (f.kind === 'enum') {
    input = bound(
      el('select', { id: key, 'data-testid': key }, ...none, ...(f.options ?? []).map((o) => el('option', { value: o, text: label(`console.value.${o}`, o) }))),
      key,
      f.optional ? '' : (f.options?.[0] ?? ''),
    );
  } else if (f.kind === 'number') {
    input = bound(el('input', { id: key, 'data-testid': key, type: 'number', step: 1, min: f.min, max: f.max, required: !f.optional }), key, f.initial ?? '');
  } else {
    input = bound(el('input', { id: key, 'data-testid': key, type: 'text', maxlength: f.maxLength, required: !f.optional }), key, draft(key) ?? '');
  }
  const range = f.kind === 'number' && f.min !== undefined && f.max !== undefined ? ` (${f.min}…${f.max})` : '';
  return {
    row: el('div', { class: 'adhoc-field' }, el('label', { for: key, class: 'label', text: `${label(`console.field.${f.name}`, f.name)}${range}` }), input),
    input,
  };
}
