/**
 * The seat's talk: one panel per channel it belongs to, with the history the server sent and a line
 * to write in (DESIGN.md §8). A delegation has its private channel, the caucus with the mediator once
 * the mediator has called one (or written in it), and the public channel; a faction and an outside
 * power speak in public; the observer only reads it. The server decides who receives what.
 */
import { el } from '../../overlay';
import { t } from '../../../i18n/index';
import type { ChatMessage } from '../../../seat/remote';
import { answerLine, dropDraft, kept, nameIn, panel, sendFrom, type SeatCtx } from './seatKit';

type Kind = 'public' | 'delegation' | 'caucus';
interface Channel {
  kind: Kind;
  id: string;
  canWrite: boolean;
  /** The delegation a mediator's caucus channel is with. */
  party?: string;
  note?: string;
}

/** The channels this seat reads, in the order they are shown. */
export function channelsOf(c: SeatCtx): Channel[] {
  const kind = c.seat.role.split(':')[0];
  const out: Channel[] = [];
  // The mediator holds a caucus channel with each delegation.
  if (kind === 'mediator') for (const p of c.v.parties) out.push({ kind: 'caucus', id: `caucus:${p.id}`, canWrite: true, party: p.id });
  if (kind === 'party' && c.own) {
    out.push({ kind: 'delegation', id: `delegation:${c.own}`, canWrite: true });
    const called = caucusCalled(c);
    const heard = c.seat.chat().some((m) => m.channel === `caucus:${c.own}`);
    if (called || heard) out.push({ kind: 'caucus', id: `caucus:${c.own}`, canWrite: true, ...(called ? { note: t('seats.channel.caucus.called') } : {}) });
  }
  out.push({ kind: 'public', id: 'public', canWrite: kind !== 'observer' });
  return out;
}

/** The mediator called a caucus with this delegation in the current turn (its move is in every log). */
function caucusCalled(c: SeatCtx): boolean {
  return c.v.log.some((e) => e.turn === c.v.turn && e.kind === 'move' && e.role === 'mediator' && e.command.type === 'caucus' && e.command.party === c.own);
}

export function channelPanels(c: SeatCtx): HTMLElement[] {
  return channelsOf(c).map((ch) => channelPanel(c, ch));
}

function channelPanel(c: SeatCtx, ch: Channel): HTMLElement {
  const lines = c.seat.chat().filter((m) => m.channel === ch.id);
  const title = ch.party ? t('seats.channel.caucusWith', { party: nameIn(c.v, ch.party) }) : t(`seats.channel.${ch.kind}`);
  const slot = ch.party ? `${ch.kind}-${ch.party}` : ch.kind;
  const list = lines.length
    ? el('ol', { class: 'chat-lines', 'data-testid': `chat-lines-${slot}` }, ...lines.slice(-50).map((m) => line(c, m)))
    : el('p', { class: 'hint', text: t('seats.channel.empty') });
  const key = `say-${slot}`;
  const inputId = `chat-input-${slot}`;
  const input = kept(el('input', { id: inputId, maxlength: 1000, autocomplete: 'off', 'data-testid': inputId }), key, '');
  const write = ch.canWrite
    ? el(
        'form',
        {
          class: 'chat-write',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            const text = input.value.trim();
            if (!text) return;
            sendFrom(c, key, { control: 'say', payload: { channel: ch.kind, text, ...(ch.party ? { party: ch.party } : {}) } }, (ok) => ok && dropDraft(key));
          },
        },
        el('label', { class: 'sr-only', for: inputId, text: t('seats.channel.label', { channel: title }) }),
        input,
        el('button', { class: 'btn small', type: 'submit', 'data-testid': `chat-send-${slot}`, text: t('seats.channel.say') }),
      )
    : el('p', { class: 'hint', text: t('seats.channel.readOnly') });
  return panel(
    `chat-${slot}`,
    title,
    ch.note ? el('p', { class: 'notice', 'data-testid': 'caucus-called', text: ch.note }) : null,
    list,
    write,
    ch.canWrite ? answerLine(key) : null,
  );
}

function line(c: SeatCtx, m: ChatMessage): HTMLElement {
  const who =
    m.from.role === 'instructor' || m.from.role === 'mediator' || m.from.role === 'observer'
      ? t(`classroom.role.${m.from.role}`)
      : nameIn(c.v, m.from.role.split(':')[1] ?? m.from.role);
  return el('li', { class: 'chat-line' }, el('strong', { text: `${m.from.name} (${who}): ` }), el('span', { text: m.text }));
}
