/**
 * Forms from the registry: the choices each target field offers in a scenario, and a stand-in
 * command built from a form's defaults (to ask the engine why a move with no legal target is
 * refused). The screens render these fields; they never list a command's options by hand.
 */
import type { Scenario } from '../../scenario/schema';
import type { World } from '../types';
import type { CommandSpec, FormField, TargetKind } from './spec';

/** The ids a target field may name, in the scenario's order (the world narrows agenda issues). */
export function targetsOf(s: Scenario, w: World | null, of: TargetKind): string[] {
  switch (of) {
    case 'party':
      return s.parties.map((p) => p.id);
    case 'faction':
      return s.parties.flatMap((p) => p.factions.map((f) => f.id));
    case 'external':
      return s.externals.map((e) => e.id);
    case 'issue':
      return s.issues.map((i) => i.id);
    case 'agendaIssue':
      return w?.agenda ? [...w.agenda] : s.issues.map((i) => i.id);
    case 'venue':
      return s.venues.map((v) => v.id);
    case 'subject':
      return [...targetsOf(s, w, 'faction'), ...targetsOf(s, w, 'issue')];
    case 'inject':
      return s.injects.flatMap((i) => [i.id, ...i.contingency.map((c) => c.id)]);
    case 'proposal':
      return w ? w.proposals.filter((p) => p.status === 'pending').map((p) => String(p.id)) : [];
  }
}

/** A field's default value in this scenario, or undefined to leave it out. */
export function defaultOf(s: Scenario, w: World | null, f: FormField): unknown {
  switch (f.kind) {
    case 'target': {
      if (f.optional) return undefined;
      const first = targetsOf(s, w, f.of)[0];
      return f.of === 'proposal' && first !== undefined ? Number(first) : first;
    }
    case 'choice':
    case 'number':
    case 'boolean':
      return f.default;
    case 'issueSet':
      return targetsOf(s, w, 'issue');
    case 'terms':
      return Object.fromEntries(targetsOf(s, w, 'agendaIssue').map((i) => [i, Math.round((f.min + f.max) / 2)]));
    case 'text':
      return undefined;
  }
}

/** A command of this type filled with its form's defaults. */
export function standIn(s: Scenario, w: World | null, spec: CommandSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { type: spec.type };
  for (const f of spec.form) {
    const v = defaultOf(s, w, f);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}
