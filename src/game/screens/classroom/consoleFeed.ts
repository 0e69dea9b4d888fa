/**
 * The live activity feed, newest first: every seat's command with the engine's answer (or the
 * server's refusal and its reason), what the engine did in return, chat on every channel, injects,
 * seat changes and the instructor's controls. A filter narrows it to one kind.
 */
import { el } from '../../overlay';
import { fmt, t } from '../../../i18n/index';
import type { Activity } from '../../../seat/remote';
import { bound, label, nameIn, seatTitle, section, type ConsoleCtx } from './consoleKit';

/** Lines drawn at once (the page keeps more; the store keeps everything). */
const SHOWN = 150;
const FILTERS = ['all', 'command', 'refused', 'chat', 'event', 'seat'] as const;

export function activityFeed(c: ConsoleCtx): HTMLElement {
  const key = 'feed-filter';
  const filter = bound(
    el('select', { id: key, 'data-testid': key }, ...FILTERS.map((f) => el('option', { value: f, text: t(`console.feed.filter.${f}`) }))),
    key,
    'all',
  );
  filter.addEventListener('change', () => c.cs.redraw());
  const which = filter.value;
  const all = c.seat.activity();
  const list: Activity[] = [];
  for (let i = all.length - 1; i >= 0 && list.length < SHOWN; i--) {
    const a = all[i]!;
    if (which === 'all' || a.kind === which || (which === 'seat' && a.kind === 'control')) list.push(a);
  }
  return section(
    'feed',
    t('console.feed.heading'),
    el('div', { class: 'feed-filter' }, el('label', { for: key, class: 'label', text: t('console.feed.show') }), filter),
    list.length
      ? el(
          'ol',
          { class: 'feed', 'data-testid': 'feed', 'data-keep-scroll': 'feed', reversed: true, tabindex: 0, 'aria-label': t('console.feed.heading') },
          ...list.map((a) => feedItem(c, a)),
        )
      : el('p', { class: 'hint', 'data-testid': 'feed-empty', text: t('console.feed.empty') }),
  );
}

function feedItem(c: ConsoleCtx, a: Activity): HTMLElement {
  const time = new Date(a.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  // Seat plans and controls come from the instructor; other lines without a sender are the engine's.
  const byInstructor = a.kind === 'control' || (a.kind === 'seat' && a.what === 'plan');
  const who = a.who
    ? a.who.role === 'instructor'
      ? t('classroom.role.instructor')
      : `${a.who.name ? `${a.who.name} · ` : ''}${seatTitle(c, a.who.role)}`
    : byInstructor
      ? t('classroom.role.instructor')
      : t('console.feed.engine');
  return el(
    'li',
    { class: `feed-item ${a.kind}`, 'data-testid': 'feed-item', 'data-kind': a.kind },
    el('span', { class: 'feed-time', text: time }),
    el('span', { class: 'feed-who', text: a.by ? `${who} (${t(`console.feed.by.${a.by}`)})` : who }),
    el('span', { class: 'feed-text', text: line(c, a) }),
  );
}

function fields(c: ConsoleCtx, f: Record<string, unknown> | undefined): string {
  if (!f) return '';
  const parts = Object.entries(f).map(([k, v]) => `${k}: ${value(c, v)}`);
  return parts.length ? ` (${parts.join(', ')})`.slice(0, 240) : '';
}

/** A command field as a reader wants it: ids as names, an effect as its kind. */
function value(c: ConsoleCtx, v: unknown): string {
  if (typeof v === 'string') return nameIn(c.v, v);
  if (v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string') {
    const kind = (v as { kind: string }).kind;
    return label(`console.effect.${kind}`, kind);
  }
  return JSON.stringify(v);
}

function line(c: ConsoleCtx, a: Activity): string {
  const msg = a.msg ? fmt(a.msg, c.sc) : '';
  switch (a.kind) {
    case 'command':
      return `${label(`move.${a.what}`, a.what)}${fields(c, a.fields)}${msg ? ` → ${msg}` : ''}`;
    case 'refused':
      return t(a.fields?.capped ? 'console.feed.refusedCapped' : 'console.feed.refused', { what: label(`move.${a.what}`, a.what), reason: msg });
    case 'chat':
      return `[${channelName(c, a.what)}] ${a.text ?? ''}`;
    case 'event':
      if (a.what === 'phase') return t('console.feed.phase', { to: label(`phase.${String(a.fields?.to)}`, String(a.fields?.to)) });
      if (a.what === 'response')
        return (
          t(a.fields?.accept ? 'console.feed.accepted' : 'console.feed.rejected', {
            party: nameIn(c.v, String(a.fields?.party)),
            proposal: String(a.fields?.proposal),
          }) + (msg ? `: ${msg}` : '')
        );
      return `${t(`console.feed.source.${a.what}`)}${eventId(c, a)}: ${a.text ?? msg}`;
    case 'seat':
      if (a.what === 'plan') return t(a.fields?.engine ? 'console.feed.planEngine' : 'console.feed.planPeople', { seat: seatTitle(c, String(a.fields?.seat)) });
      return t(`console.feed.seat.${a.what}`, { seat: a.fields?.seat ? seatTitle(c, String(a.fields.seat)) : '' });
    case 'control':
      return a.what === 'clock'
        ? a.fields?.seconds
          ? t('console.feed.clockSet', { seconds: String(a.fields.seconds) })
          : t('console.feed.clockOff')
        : t(`console.feed.control.${a.what}`);
  }
}

/** An inject's id as written in the scenario; a party's, faction's or power's as its name. */
function eventId(c: ConsoleCtx, a: Activity): string {
  if (!a.id) return '';
  return ` ${a.what === 'inject' || a.what === 'contingency' || a.what === 'instructor' ? a.id : nameIn(c.v, a.id)}`;
}

function channelName(c: ConsoleCtx, channel: string): string {
  const [kind, party] = channel.split(':');
  return party ? t(`console.channel.${kind}`, { party: nameIn(c.v, party) }) : t('console.channel.public');
}
