/**
 * `npm run pack -- preview <file>[#id] --role <role> [--html]`: what one seat will read, so an author
 * can proofread the handouts before a class — the shared briefing, that role's confidential note,
 * and the parties, issues and outside powers as that seat sees them when play starts (the engine's
 * own view for the role, so nothing hidden from the seat is shown). As plain text, or as one
 * self-contained HTML page (every text escaped, nothing fetched) to print or send.
 */
import { formatProblem } from '../../scenario/load';
import { loadPack, type Pack } from '../../scenario/pack';
import type { Scenario } from '../../scenario/schema';
import { createGame, viewFor, type Role, type View } from '../../sim/index';
import { readPackFile } from './readPackFile';
import type { Output } from './validate';

type Block = { kind: 'p'; text: string } | { kind: 'list'; items: string[] } | { kind: 'quote'; text: string };
interface Section {
  title: string;
  blocks: Block[];
  /** A confidential section, marked as such on the page. */
  secret?: boolean;
}
export interface Handout {
  title: string;
  subtitle: string;
  language: string;
  sections: Section[];
}

/** Every seat of a scenario, as roles are written: mediator, instructor, observer, party:<id>, faction:<id>, external:<id>. */
export function rolesOf(s: Scenario): string[] {
  return [
    'mediator',
    'instructor',
    'observer',
    ...s.parties.map((p) => `party:${p.id}`),
    ...s.parties.flatMap((p) => p.factions.map((f) => `faction:${f.id}`)),
    ...s.externals.map((e) => `external:${e.id}`),
  ];
}

/** Who sits in the seat, in words. */
function seatName(s: Scenario, role: string): string {
  const [kind, id] = role.split(':') as [string, string | undefined];
  if (kind === 'party') return `the delegation of ${s.parties.find((p) => p.id === id)!.name}`;
  if (kind === 'faction') {
    const party = s.parties.find((p) => p.factions.some((f) => f.id === id))!;
    return `${party.factions.find((f) => f.id === id)!.name} (a faction of ${party.name})`;
  }
  if (kind === 'external') return s.externals.find((e) => e.id === id)!.name;
  return { mediator: 'the mediator', instructor: 'the instructor (sees everything)', observer: 'an observer' }[kind] ?? role;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The handout of one seat: the scenario as that seat reads it at the start of play. */
export function handoutFor(pack: Pack, s: Scenario, role: string): Handout {
  const view: View = viewFor(createGame(s, { seed: 1 }), role as Role);
  const nameOf = (id: string) => s.parties.find((p) => p.id === id)?.short ?? s.parties.find((p) => p.id === id)?.name ?? id;
  const own = role.startsWith('party:')
    ? role.slice(6)
    : role.startsWith('faction:')
      ? view.parties.find((p) => p.factions.some((f) => `faction:${f.id}` === role))?.id
      : undefined;
  const sections: Section[] = [];

  const about: Block[] = [{ kind: 'p', text: s.summary.trim() }];
  about.push({ kind: 'p', text: `Period: ${s.period}. Up to ${s.turnLimit} turns of one ${s.turnLength} each${s.startDate ? `, from ${s.startDate}` : ''}.` });
  if (pack.pack.description) about.push({ kind: 'p', text: pack.pack.description.trim() });
  sections.push({ title: 'The scenario', blocks: about });
  if (['mediator', 'instructor', 'observer'].includes(role) && pack.pack.learningObjectives.length) {
    sections.push({ title: 'What this exercise teaches', blocks: [{ kind: 'list', items: pack.pack.learningObjectives }] });
  }

  const briefing: Block[] = s.briefing.background
    .trim()
    .split(/\n\s*\n/)
    .map((text) => ({ kind: 'p' as const, text: text.replace(/\s*\n\s*/g, ' ') }));
  sections.push({ title: 'Briefing (every player reads this)', blocks: briefing });
  if (s.briefing.earlierTalks.length) {
    sections.push({
      title: 'Earlier talks',
      blocks: s.briefing.earlierTalks.map((t) => ({ kind: 'p' as const, text: `${t.title} (${t.period}): ${t.summary.trim()} Lesson: ${t.lesson.trim()}` })),
    });
  }

  const notes =
    role === 'instructor'
      ? Object.entries(s.briefing.confidential)
      : s.briefing.confidential[role] !== undefined
        ? [[role, s.briefing.confidential[role]!] as const]
        : [];
  sections.push({
    title: role === 'instructor' ? 'Confidential briefings (each seat reads only its own)' : `Confidential: for ${role} only`,
    secret: true,
    blocks: notes.length
      ? notes.map(([r, text]) => (role === 'instructor' ? { kind: 'p' as const, text: `${r}: ${text.trim()}` } : { kind: 'quote' as const, text: text.trim() }))
      : [{ kind: 'p', text: '(none: this seat reads only the shared briefing)' }],
  });

  sections.push({
    title: 'The parties',
    blocks: view.parties.flatMap((p): Block[] => {
      const facts = [
        `Principal: ${p.principal}. At the table: ${p.delegation}.`,
        `Says in public: "${p.publicStance}"`,
        `Trust in the mediator ${p.trustInMediator}, commitment ${p.commitment}, cohesion ${p.cohesion}, BATNA ${p.batna}; trust in ${Object.entries(p.trustIn)
          .map(([o, v]) => `${nameOf(o)} ${v}`)
          .join(', ')}.`,
      ];
      if (p.intent !== 'unknown') facts.push(`Intent: ${p.intent}.`);
      facts.push(
        `Factions: ${p.factions
          .map(
            (f) =>
              `${f.name} (${f.stance}, ${pct(f.influence)}${f.included ? '' : ', not at the table'}${f.spoiler !== 'unknown' ? `, spoiler type ${f.spoiler}` : ''})`,
          )
          .join('; ')}.`,
      );
      return [
        { kind: 'p', text: `${p.name}${p.short !== p.name ? ` (${p.short})` : ''}${p.id === own ? ' — your side' : ''}` },
        { kind: 'list', items: facts },
      ];
    }),
  });

  sections.push({
    title: 'The issues (each a scale from 0 to 100)',
    blocks: view.issues.flatMap((i): Block[] => {
      const items = [
        `0 = ${i.low}; 100 = ${i.high}.`,
        `Public positions: ${Object.entries(i.publicPos)
          .map(([pid, v]) => `${nameOf(pid)} ${v}`)
          .join(', ')}.`,
      ];
      for (const [pid, k] of Object.entries(i.known)) {
        const parts = [
          k.ideal !== undefined ? `ideal ${k.ideal}` : '',
          k.weight !== undefined ? `weight ${k.weight}` : '',
          k.reservation !== undefined ? `red line ${k.reservation}` : '',
        ].filter(Boolean);
        if (parts.length) items.push(`${pid === own ? 'Your' : `${nameOf(pid)}'s`} real interests: ${parts.join(', ')}.`);
      }
      return [
        { kind: 'p', text: `${i.name}: ${i.description}` },
        { kind: 'list', items },
      ];
    }),
  });

  if (view.externals.length) {
    sections.push({
      title: 'Outside powers',
      blocks: [
        {
          kind: 'list',
          items: view.externals.map((e) => {
            const support = Object.entries(e.support).filter(([, v]) => v !== 0);
            return `${e.name} (${e.kind})${e.description ? `: ${e.description}` : ''}. ${support.length ? `Supports ${support.map(([pid, v]) => `${nameOf(pid)} ${v > 0 ? '+' : ''}${v}`).join(', ')}. ` : ''}${e.leverage.length ? `Leverage: ${e.leverage.join(', ')}. ` : ''}Disposition toward the talks ${e.disposition}.`;
          }),
        },
      ],
    });
  }
  if (view.venues.length) {
    sections.push({
      title: 'Venues',
      blocks: [
        {
          kind: 'list',
          items: view.venues.map((v) => `${v.name}${v.id === view.venue ? ' — talks start here' : ''}${v.nearPrincipals ? ' (near the principals)' : ''}`),
        },
      ],
    });
  }
  if (role === 'instructor' && s.injects.length) {
    sections.push({
      title: 'Master scenario events list (instructor only)',
      secret: true,
      blocks: [
        {
          kind: 'list',
          items: s.injects.flatMap((inj) => [
            `${inj.id} — ${inj.turn !== undefined ? `turn ${inj.turn}` : 'when its condition holds'}: ${inj.synopsis}${inj.expectedResponse ? ` Expected: ${inj.expectedResponse.move}${inj.expectedResponse.target ? ` ${inj.expectedResponse.target}` : ''} within ${inj.expectedResponse.withinTurns} turns (${inj.expectedResponse.description})` : ''}${inj.learningObjective ? ` Teaches: ${inj.learningObjective}` : ''}`,
            ...inj.contingency.map((c) => `  ${c.id} (contingency of ${inj.id}): ${c.synopsis}`),
          ]),
        },
      ],
    });
  }
  return {
    title: `${s.title} — ${seatName(s, role)}`,
    subtitle: `${pack.pack.title} ${pack.pack.version} · scenario ${s.id} ${s.version} · role ${role}`,
    language: pack.pack.language,
    sections,
  };
}

/** Word-wrap one paragraph to `width` columns, each line after the first indented like the first. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function handoutText(h: Handout, width = 100): string {
  const out = [h.title, '='.repeat(Math.min(width, h.title.length)), h.subtitle, ''];
  for (const sec of h.sections) {
    const heading = sec.secret ? `${sec.title} [CONFIDENTIAL]` : sec.title;
    out.push(heading, '-'.repeat(Math.min(width, heading.length)));
    for (const b of sec.blocks) {
      if (b.kind === 'p') out.push(...wrap(b.text, width, '', ''));
      else if (b.kind === 'quote') out.push(...wrap(b.text, width, '  | ', '  | '));
      else for (const item of b.items) out.push(...wrap(item, width, item.startsWith('  ') ? '    - ' : '  - ', '    '));
      out.push('');
    }
  }
  return out.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One self-contained page: no script, nothing fetched, every text escaped. */
export function handoutHtml(h: Handout): string {
  const body = h.sections
    .map((sec) => {
      const blocks = sec.blocks
        .map((b) =>
          b.kind === 'p'
            ? `<p>${escapeHtml(b.text)}</p>`
            : b.kind === 'quote'
              ? `<blockquote>${escapeHtml(b.text)}</blockquote>`
              : `<ul>${b.items.map((i) => `<li>${escapeHtml(i.trim())}</li>`).join('')}</ul>`,
        )
        .join('\n');
      return `<section${sec.secret ? ' class="secret"' : ''}>\n<h2>${escapeHtml(sec.title)}${sec.secret ? ' <small>confidential</small>' : ''}</h2>\n${blocks}\n</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(h.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(h.title)}</title>
<style>
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: 0; } .sub { color: #666; margin-top: .2rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
.secret { border: 2px solid #a33; padding: 0 1rem; background: #fff8f6; } .secret small { color: #a33; text-transform: uppercase; font-size: .7rem; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #a33; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(h.title)}</h1>
<p class="sub">${escapeHtml(h.subtitle)}</p>
${body}
</body>
</html>
`;
}

/** `pack preview`: exit 0 printed, 1 the pack has errors or cannot be read, 2 the command line is wrong. */
export function previewPack(args: string[], io: Output): number {
  let role: string | undefined;
  let html = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (a === '--html') html = true;
    else if (a === '--role') role = args[++i];
    else if (a.startsWith('--role=')) role = a.slice(7);
    else if (a.startsWith('--')) {
      io.err(`pack preview: unknown option ${a}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || !role) {
    io.err('pack preview: name one pack and a role, e.g. npm run pack -- preview scenarios/tutorial.yaml --role party:gov [--html]');
    return 2;
  }
  const spec = files[0]!;
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  const pick = hash > 0 ? spec.slice(hash + 1) : undefined;
  const read = readPackFile(file);
  if (!read.ok) {
    io.err(`${file} error: ${read.message}${read.hint ? ` — hint: ${read.hint}` : ''}`);
    return 1;
  }
  const r = loadPack(read.text, file);
  if (!r.ok) {
    for (const p of r.problems) io.err(formatProblem(p, file));
    io.err(`${file}: fix the errors above first (npm run pack -- validate ${file})`);
    return 1;
  }
  const scenarios = r.value.scenarios;
  const s = pick ? scenarios.find((x) => x.id === pick) : scenarios.length === 1 ? scenarios[0] : undefined;
  if (!s) {
    io.err(
      pick
        ? `${file} has no scenario "${pick}"; it has: ${scenarios.map((x) => x.id).join(', ')}`
        : `${file} holds ${scenarios.length} scenarios; pick one with ${file}#<id>: ${scenarios.map((x) => x.id).join(', ')}`,
    );
    return 2;
  }
  const roles = rolesOf(s);
  if (!roles.includes(role)) {
    io.err(`pack preview: no role "${role}" in scenario "${s.id}"; its roles: ${roles.join(', ')}`);
    return 2;
  }
  const h = handoutFor(r.value, s, role);
  io.out(html ? handoutHtml(h) : handoutText(h));
  return 0;
}
