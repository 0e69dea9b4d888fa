/**
 * The classroom (DESIGN.md §8): join a class (code + name → the seat list → take a seat) or run one
 * (pick a shipped scenario, create the exercise, the join code large, the seat plan with the live
 * roster, start, pause/resume, fire an inject with its text edited, end). A student then plays
 * through a remote seat (src/seat/remote.ts): the mediator at the same table as solo play, every
 * other seat on a generic screen built from the registry's form fields for its commands. Each page
 * shows only its own view and its own confidential briefing.
 */
import type { ScreenContext } from '../app';
import { el, rerender } from '../overlay';
import { fmt, nameOf, t } from '../../i18n/index';
import { commandsFor, REGISTRY, type CommandType, type FormField, type LogEntry, type Msg, type SenderKind, type View } from '../../sim/index';
import type { Scenario } from '../../scenario/schema';
import { joinRemoteSeat, type RemoteSeat } from '../../seat/remote';

interface SeatRow {
  role: string;
  name: string;
  playedBy: string;
  taken: number;
}

/** The session outlives the screen: the mediator goes to the table and comes back. */
let session: RemoteSeat | null = null;

const endpoint = () => location.origin;

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

export function mountClassroom(ctx: ScreenContext): () => void {
  const { store, root } = ctx;
  const main = el('main', { class: 'panel classroom', 'aria-labelledby': 'classroom-heading', 'data-testid': 'classroom' });
  root.append(el('div', { class: 'screen classroom-screen' }, main));
  let stopSeat: (() => void) | null = null;
  let error: string | null = null;
  let gone = false;

  const scenarioOf = (v: View | null): Scenario | null =>
    store.getState().catalogue.find((e) => e.source !== 'pack' && e.scenario.id === v?.scenario.id)?.scenario ?? null;
  const back = () =>
    el('button', {
      class: 'btn ghost',
      'data-testid': 'classroom-back',
      onclick: () => {
        void session?.leave();
        session = null;
        store.getState().toMenu();
      },
      text: t('ui.back'),
    });
  const errorBox = () => (error ? el('p', { class: 'notice warn', role: 'alert', 'data-testid': 'classroom-error', text: error }) : null);
  const fail = (e: unknown) => {
    error = String((e as Error)?.message ?? e);
    if (gone) return;
    if (session) drawSession();
    else drawChoose();
  };

  // ---------------------------------------------------------------- join or run
  let seats: SeatRow[] | null = null;
  let scenarios: { id: string; title: string }[] = [];
  const drawChoose = () => {
    const code = el('input', { id: 'class-code', 'data-testid': 'join-code', maxlength: 6, autocomplete: 'off', spellcheck: 'false' });
    const name = el('input', { id: 'class-name', 'data-testid': 'join-name', maxlength: 40 });
    const find = el('button', {
      class: 'btn primary',
      'data-testid': 'join-find',
      text: t('classroom.findSeats'),
      onclick: () => {
        const c = code.value.trim().toUpperCase();
        api<{ seats: SeatRow[] }>(`api/exercises/${encodeURIComponent(c)}`)
          .then((r) => {
            seats = r.seats;
            error = null;
            drawSeats(c, name.value.trim() || t('classroom.student'));
          })
          .catch(fail);
      },
    });
    const pick = el(
      'fieldset',
      { class: 'scenarios' },
      el('legend', { text: t('classroom.scenario') }),
      ...scenarios.map((s, i) =>
        el(
          'label',
          { class: 'choice' },
          el('input', { type: 'radio', name: 'class-scenario', value: s.id, checked: i === 0, 'data-testid': `class-scenario-${s.id}` }),
          el('span', { class: 'choice-body' }, el('strong', { text: s.title })),
        ),
      ),
    );
    const create = el('button', {
      class: 'btn primary',
      'data-testid': 'class-create',
      text: t('classroom.create'),
      onclick: () => {
        const id = pick.querySelector<HTMLInputElement>('input:checked')?.value;
        if (!id) return;
        api<{ code: string; instructorToken: string }>('api/exercises', { method: 'POST', body: JSON.stringify({ scenario: id }) })
          .then((r) => joinRemoteSeat(endpoint(), r.code, { instructorToken: r.instructorToken }))
          .then(begin)
          .catch(fail);
      },
    });
    rerender(
      main,
      el('h1', { id: 'classroom-heading', text: t('classroom.heading') }),
      errorBox(),
      el(
        'section',
        { class: 'class-join', 'aria-labelledby': 'join-heading' },
        el('h2', { id: 'join-heading', text: t('classroom.join') }),
        el('label', { for: 'class-code', class: 'label', text: t('classroom.code') }),
        code,
        el('label', { for: 'class-name', class: 'label', text: t('classroom.name') }),
        name,
        find,
      ),
      el('section', { class: 'class-run', 'aria-labelledby': 'run-heading' }, el('h2', { id: 'run-heading', text: t('classroom.run') }), pick, create),
      el('div', { class: 'actions' }, back()),
    );
  };

  const drawSeats = (code: string, name: string) => {
    rerender(
      main,
      el('h1', { id: 'classroom-heading', text: t('classroom.chooseSeat', { code }) }),
      errorBox(),
      el(
        'ul',
        { class: 'seat-list', 'data-testid': 'seat-list' },
        ...(seats ?? []).map((s) =>
          el(
            'li',
            {},
            el('button', {
              class: 'btn',
              'data-testid': `take-${s.role}`,
              text: `${s.name} (${t(`classroom.playedBy.${s.playedBy}`)}${s.taken ? ` · ${t('classroom.taken', { count: s.taken })}` : ''})`,
              onclick: () => joinRemoteSeat(endpoint(), code, { seat: s.role, name }).then(begin).catch(fail),
            }),
          ),
        ),
      ),
      el('div', { class: 'actions' }, back()),
    );
  };

  // ---------------------------------------------------------------- in a class
  const begin = (seat: RemoteSeat) => {
    if (gone) {
      void seat.leave();
      return;
    }
    session = seat;
    error = null;
    listen();
    drawSession();
  };
  const listen = () => {
    stopSeat?.();
    let queued = false;
    stopSeat =
      session?.onChange(() => {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          if (!gone) drawSession();
        });
      }) ?? null;
  };

  const connectionLine = (seat: RemoteSeat) =>
    el('p', {
      class: `hint connection ${seat.connection()}`,
      role: 'status',
      'data-testid': 'connection',
      'data-state': seat.connection(),
      text: t(`classroom.connection.${seat.connection()}`),
    });

  const newsList = (v: View | null, sc: Scenario | null) => {
    const events = (v?.log ?? []).filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event');
    return el(
      'section',
      { class: 'class-news', 'aria-label': t('table.news'), 'data-testid': 'seat-news' },
      el('h2', { text: t('table.news') }),
      events.length
        ? el('ul', {}, ...events.map((e) => el('li', { text: `${t('news.heading', { turn: e.turn })}: ${e.synopsis ?? fmt(e.result, sc)}` })))
        : el('p', { class: 'hint', text: t('classroom.noNews') }),
    );
  };

  const drawSession = () => {
    const seat = session;
    if (!seat) return drawChoose();
    if (seat.welcome()?.role === 'instructor') return drawConsole(seat);
    const v = seat.hasView() ? seat.view() : null;
    const sc = scenarioOf(v);
    const b = seat.briefing();
    const st = seat.status();
    const role = seat.role;
    const briefing = el(
      'section',
      { class: 'dossier', 'aria-label': t('briefing.heading'), 'data-testid': 'seat-briefing' },
      el('h2', { text: t('briefing.background') }),
      el('p', { text: b?.background ?? '' }),
      b?.confidential ? el('h2', { text: t('classroom.confidential') }) : null,
      b?.confidential ? el('p', { 'data-testid': 'confidential', text: b.confidential }) : null,
    );
    const lobby = !st || st.status === 'lobby';
    rerender(
      main,
      el('h1', { id: 'classroom-heading', 'data-testid': 'seat-heading', 'data-role': role, text: `${seat.welcome()?.title ?? ''} — ${seatLabel(role, sc)}` }),
      connectionLine(seat),
      errorBox(),
      lobby ? el('p', { class: 'lead', 'data-testid': 'lobby', text: t('classroom.waiting') }) : null,
      st?.paused ? el('p', { class: 'notice warn', 'data-testid': 'paused', text: t('classroom.paused') }) : null,
      st?.status === 'ended' ? el('p', { class: 'notice', 'data-testid': 'ended', text: t('classroom.ended') }) : null,
      briefing,
      role === 'mediator' && v
        ? el('button', {
            class: 'btn primary big',
            'data-testid': 'to-table',
            text: t('classroom.toTable'),
            onclick: () => store.getState().playRemote(seat, sc),
          })
        : null,
      v && role !== 'mediator' ? seatActions(seat, v, sc) : null,
      newsList(v, sc),
      el('div', { class: 'actions' }, back()),
    );
  };

  /** A seat's commands from the registry: one small form per command, sent through the remote seat. */
  const seatActions = (seat: RemoteSeat, v: View, sc: Scenario | null) => {
    const kind = seat.role.split(':')[0] as SenderKind;
    if (kind !== 'party' && kind !== 'faction' && kind !== 'external') return null;
    const forms = commandsFor(kind).map((type) => commandForm(seat, type, v, sc));
    const pending = v.proposals.filter((p) => p.status === 'pending');
    return el(
      'section',
      { class: 'seat-actions', 'aria-label': t('classroom.actions'), 'data-testid': 'seat-actions' },
      el('h2', { text: t('classroom.actions') }),
      kind === 'party'
        ? el('p', { class: 'hint', 'data-testid': 'pending' }, pending.length ? t('classroom.pending', { count: pending.length }) : t('classroom.noPending'))
        : null,
      ...forms,
    );
  };

  const commandForm = (seat: RemoteSeat, type: CommandType, v: View, sc: Scenario | null) => {
    const form = (REGISTRY[type] as unknown as { form: readonly FormField[] }).form;
    const inputs = new Map<string, () => unknown>();
    const fields = form.map((f) => {
      const id = `f-${type}-${f.name}`;
      if (f.kind === 'choice' || f.kind === 'target') {
        const options = f.kind === 'choice' ? [...f.options] : targetsFromView(v, f.of);
        const select = el(
          'select',
          { id, 'data-testid': id },
          ...options.map((o) => el('option', { value: o, text: f.kind === 'target' ? nameOf(sc, o) : o })),
        );
        inputs.set(f.name, () => (f.kind === 'target' && f.of === 'proposal' ? Number(select.value) : select.value));
        return el('label', { class: 'label', for: id }, `${f.name} `, select);
      }
      if (f.kind === 'boolean') {
        const box = el('input', { id, type: 'checkbox', 'data-testid': id, checked: f.default });
        inputs.set(f.name, () => box.checked);
        return el('label', { class: 'label', for: id }, box, ` ${f.name}`);
      }
      if (f.kind === 'number') {
        const n = el('input', { id, type: 'number', min: f.min, max: f.max, step: f.step, value: f.default, 'data-testid': id });
        inputs.set(f.name, () => Number(n.value));
        return el('label', { class: 'label', for: id }, `${f.name} `, n);
      }
      if (f.kind === 'text') {
        const x = el('input', { id, maxlength: f.maxLength, 'data-testid': id });
        inputs.set(f.name, () => x.value || undefined);
        return el('label', { class: 'label', for: id }, `${f.name} `, x);
      }
      return null;
    });
    const result = el('p', { class: 'hint', 'data-testid': `result-${type}`, 'aria-live': 'polite' });
    const button = el('button', {
      class: 'btn',
      'data-testid': `send-${type}`,
      text: t(`classroom.cmd.${type}`),
      onclick: () => {
        const cmd: { type: string } & Record<string, unknown> = { type };
        for (const [k, get] of inputs) {
          const val = get();
          if (val !== undefined && val !== '') cmd[k] = val;
        }
        void seat.request(cmd).then((r: Msg | null) => {
          result.textContent = r ? fmt(r, sc) : t('classroom.sent');
          result.dataset.refused = r ? 'true' : 'false';
        });
      },
    });
    return el('div', { class: 'seat-command', 'data-testid': `cmd-${type}` }, ...fields, button, result);
  };

  // ---------------------------------------------------------------- the instructor's console
  const drafts = new Map<string, string>();
  const drawConsole = (seat: RemoteSeat) => {
    const st = seat.status();
    const inj = seat.injects();
    const v = seat.hasView() ? seat.view() : null;
    const sc = scenarioOf(v);
    const act = (type: string, payload?: Record<string, unknown>) => () =>
      void seat.control(type, payload).then((r) => {
        error = r ? fmt(r, sc) : null;
        drawSession();
      });
    const roster = el(
      'table',
      { class: 'roster', 'data-testid': 'roster' },
      el('thead', {}, el('tr', {}, el('th', { text: t('classroom.seat') }), el('th', { text: t('classroom.holders') }))),
      el(
        'tbody',
        {},
        ...(st?.seats ?? []).map((s) =>
          el(
            'tr',
            { 'data-testid': `roster-${s.role}` },
            el('td', { text: `${s.name} (${t(`classroom.playedBy.${s.playedBy}`)})` }),
            el(
              'td',
              {},
              s.holders.length ? s.holders.map((h) => `${h.name}${h.online ? '' : ` (${t('classroom.offline')})`}`).join(', ') : t('classroom.empty'),
            ),
          ),
        ),
      ),
    );
    const controls = el(
      'div',
      { class: 'actions' },
      st?.status === 'lobby' ? el('button', { class: 'btn primary', 'data-testid': 'class-start', text: t('classroom.start'), onclick: act('start') }) : null,
      st?.status === 'running' && !st.paused
        ? el('button', { class: 'btn', 'data-testid': 'class-pause', text: t('classroom.pause'), onclick: act('pause') })
        : null,
      st?.status === 'running' && st.paused
        ? el('button', { class: 'btn', 'data-testid': 'class-resume', text: t('classroom.resume'), onclick: act('resume') })
        : null,
      st?.status === 'running' ? el('button', { class: 'btn ghost', 'data-testid': 'class-end', text: t('classroom.end'), onclick: act('end') }) : null,
    );
    const injects = el(
      'section',
      { class: 'class-injects', 'aria-label': t('classroom.injects'), 'data-testid': 'injects' },
      el('h2', { text: t('classroom.injects') }),
      ...(inj?.planned ?? []).map((p) => {
        const id = `inject-text-${p.id}`;
        const text = el('textarea', { id, rows: 2, maxlength: 600, 'data-testid': id });
        text.value = drafts.get(p.id) ?? p.synopsis;
        text.addEventListener('input', () => drafts.set(p.id, text.value));
        return el(
          'div',
          { class: 'inject', 'data-testid': `inject-${p.id}` },
          el('label', {
            for: id,
            class: 'label',
            text: `${p.id}${p.turn !== undefined ? ` · ${t('classroom.turn', { turn: p.turn })}` : ''}${p.fired ? ` · ${t('classroom.fired')}` : ''}`,
          }),
          text,
          el('button', {
            class: 'btn small',
            'data-testid': `fire-${p.id}`,
            disabled: p.fired || st?.status !== 'running',
            text: t('classroom.fire'),
            onclick: () => {
              const synopsis = text.value.trim();
              act('fire', synopsis && synopsis !== p.synopsis ? { inject: p.id, synopsis } : { inject: p.id })();
            },
          }),
        );
      }),
    );
    rerender(
      main,
      el('h1', { id: 'classroom-heading', text: `${t('classroom.console')}: ${seat.welcome()?.title ?? ''}` }),
      el('p', { class: 'hint', text: t('classroom.codeHint', { address: location.origin }) }),
      el('p', { class: 'join-code', 'data-testid': 'class-code', style: 'font-size:4rem;letter-spacing:.3em;font-weight:700;margin:0', text: seat.code }),
      connectionLine(seat),
      errorBox(),
      st
        ? el('p', { 'data-testid': 'class-status', text: t(`classroom.status.${st.status}`) + (st.turn ? ` · ${t('classroom.turn', { turn: st.turn })}` : '') })
        : null,
      controls,
      roster,
      injects,
      newsList(v, sc),
      el('div', { class: 'actions' }, back()),
    );
  };

  // ---------------------------------------------------------------- start
  if (session) {
    store.getState().leaveRemote();
    listen();
    drawSession();
  } else {
    drawChoose();
    api<{ id: string; title: string }[]>('api/scenarios')
      .then((list) => {
        scenarios = list;
        if (!gone && !session) drawChoose();
      })
      .catch(fail);
  }
  return () => {
    gone = true;
    stopSeat?.();
  };
}

function seatLabel(role: string, sc: Scenario | null): string {
  const [kind, id] = role.split(':');
  if (!id) return t(`classroom.role.${kind}`);
  return `${t(`classroom.role.${kind}`)}: ${nameOf(sc, id)}`;
}

function targetsFromView(v: View, of: string): string[] {
  switch (of) {
    case 'party':
      return v.parties.map((p) => p.id);
    case 'external':
      return v.externals.map((e) => e.id);
    case 'issue':
    case 'agendaIssue':
      return v.issues.map((i) => i.id);
    case 'proposal':
      return v.proposals.filter((p) => p.status === 'pending').map((p) => String(p.id));
    default:
      return [];
  }
}
