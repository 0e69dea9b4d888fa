/**
 * The instructor's live activity feed (DESIGN.md §8): every seat's command with the engine's answer,
 * what the engine did in return (events, injects, the parties' answers, phase changes), every chat
 * line on every channel, seat changes, the instructor's controls and the refusals the room sent to
 * seats — built from the committed events, so a room rebuilt after a restart has the same feed.
 */
import type { LogEntry, Msg, Role } from '../sim/index';
import type { Exercise, Prepared } from './exercise';
import type { Activity, ChatMessage } from '../seat/wire';

/** Entries kept per exercise (older ones are still in the stored log). */
export const ACTIVITY_MEMORY = 500;

/**
 * Refusals written to the stored log per seat and minute. The next one is kept marked `capped`, and
 * any more that minute are shown live only: a flooding client cannot fill the store.
 */
export const REFUSALS_KEPT_PER_MINUTE = 10;

/** A refusal as stored: who, which message or command, the reason. */
export interface RefusalRecord {
  role: Role;
  name: string;
  what: string;
  reason: Msg;
  capped?: boolean;
}

type Out = { chat?: ChatMessage; entries?: LogEntry[] };

/** What one committed event adds to the feed. */
export function activityOf(ex: Exercise, p: Prepared, out: Out, seq: number, at: number): Activity[] {
  const pl = p.payload;
  const base = { seq, at };
  switch (p.kind) {
    case 'command': {
      const { role, type, ...fields } = pl.command as { role: Role | 'instructor'; type: string } & Record<string, unknown>;
      const by = pl.by === 'clock' || pl.by === 'bot' ? pl.by : undefined;
      const entries = out.entries ?? [];
      const move = entries.find((e) => e.kind === 'move');
      const list: Activity[] = [
        {
          ...base,
          kind: 'command',
          who: { role, name: typeof pl.name === 'string' ? pl.name : '' },
          what: type,
          fields,
          ...(move ? { msg: move.result } : {}),
          ...(by ? { by } : {}),
        },
      ];
      for (const e of entries) {
        if (e.kind === 'event')
          list.push({
            ...base,
            kind: 'event',
            who: null,
            what: e.source,
            ...(e.id ? { id: e.id } : {}),
            ...(e.synopsis ? { text: e.synopsis } : {}),
            msg: e.result,
          });
        else if (e.kind === 'response')
          list.push({ ...base, kind: 'event', who: null, what: 'response', fields: { proposal: e.proposal, party: e.party, accept: e.accept }, msg: e.reason });
        else if (e.kind === 'phase') list.push({ ...base, kind: 'event', who: null, what: 'phase', fields: { from: e.from, to: e.to } });
      }
      return list;
    }
    case 'chat': {
      const m = out.chat;
      return m ? [{ ...base, kind: 'chat', who: m.from, what: m.channel, text: m.text }] : [];
    }
    case 'seat': {
      const op = String(pl.op);
      if (op === 'plan') return [{ ...base, kind: 'seat', who: null, what: 'plan', fields: { seat: pl.role, engine: pl.engine === true } }];
      const h = ex.holders.get(String(pl.id));
      return [{ ...base, kind: 'seat', who: h ? { role: h.role, name: h.name } : null, what: op, fields: op === 'remove' ? {} : { seat: pl.role } }];
    }
    case 'clock':
      return [{ ...base, kind: 'control', who: null, what: 'clock', fields: { seconds: pl.seconds ?? null } }];
    case 'refused':
      return [refusalActivity(seq, at, pl as unknown as RefusalRecord)];
    default:
      return [{ ...base, kind: 'control', who: null, what: p.kind }];
  }
}

/** A refusal the room sent to a seat, for the feed (`capped`: later ones that minute are not kept). */
export function refusalActivity(seq: number, at: number, r: RefusalRecord): Activity {
  return {
    seq,
    at,
    kind: 'refused',
    who: { role: r.role, name: r.name },
    what: String(r.what).slice(0, 40),
    msg: r.reason,
    ...(r.capped ? { fields: { capped: true } } : {}),
  };
}
