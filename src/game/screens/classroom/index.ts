/**
 * The classroom (DESIGN.md §8): join a class (code + name → the seat list → take a seat) or run one
 * (pick a shipped scenario, create the exercise, the join code large, the seat plan with the live
 * roster, start, pause/resume, fire an inject with its text edited, end). A student then plays
 * through a remote seat (src/seat/remote.ts): the mediator at the same table as solo play, every
 * other seat on a generic screen built from the registry's form fields for its commands. Each page
 * shows only its own view and its own confidential briefing.
 */
import type { ScreenContext } from '../../app';
import { el, rerender } from '../../overlay';
import { t } from '../../../i18n/index';
import type { View } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import { joinRemoteSeat, type RemoteSeat } from '../../../seat/remote';
import type { ClassScreen } from './shared';
import { forgetSeat, keepSeat, keptSeat } from './rejoin';
import { drawConsole } from './console';
import { drawSeat } from './seatScreen';
import { drawClassDebrief } from './classDebrief';
import { drawHandouts, handoutsButton, handoutsOpen } from './handouts';

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
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; problems?: (string | { message: string; line?: number; path?: string })[] };
  if (!res.ok) {
    // The server names what is wrong and where (a pack's problems with their lines): show them all.
    const problems = (body.problems ?? [])
      .slice(0, 8)
      .map((p) => (typeof p === 'string' ? p : `${p.line ? `line ${p.line}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`));
    throw new Error([body.error ?? `HTTP ${res.status}`, ...problems].join(' — '));
  }
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
        forgetSeat();
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

  const cs: ClassScreen = {
    ctx,
    main,
    back,
    errorBox,
    setError: (m) => {
      error = m;
    },
    redraw: () => drawSession(),
    fail,
    scenarioOf,
  };

  // ---------------------------------------------------------------- join or run
  let seats: SeatRow[] | null = null;
  let scenarios: { id: string; title: string }[] = [];
  // The scenario list arrives after the form is drawn: only the list is replaced, so a code being
  // typed keeps its field and focus. A redraw (after an error) keeps what was typed, and the seat
  // list is not replaced if the student got there first.
  let choosing = false;
  const typed = { code: '', name: '' };
  const packFile = el('input', { id: 'class-pack', type: 'file', accept: '.yaml,.yml,.json,text/yaml,application/json', 'data-testid': 'class-pack' });
  const scenarioChoices = () =>
    el(
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
  const drawChoose = () => {
    choosing = true;
    const code = el('input', { id: 'class-code', 'data-testid': 'join-code', maxlength: 6, autocomplete: 'off', spellcheck: 'false' });
    const name = el('input', { id: 'class-name', 'data-testid': 'join-name', maxlength: 40 });
    code.value = typed.code;
    name.value = typed.name;
    code.addEventListener('input', () => (typed.code = code.value));
    name.addEventListener('input', () => (typed.name = name.value));
    // Opened from the console's QR code (`?join=CODE`): the code is filled in, the name is next.
    const linked = new URLSearchParams(location.search).get('join');
    if (linked && /^[A-Za-z0-9]{4,8}$/.test(linked) && !typed.code) {
      code.value = linked.toUpperCase();
      queueMicrotask(() => name.focus());
    }
    const find = el('button', {
      class: 'btn primary',
      'data-testid': 'join-find',
      text: t('classroom.findSeats'),
      onclick: () => {
        const c = code.value.trim().toUpperCase();
        if (!/^[A-Z0-9]{4,8}$/.test(c)) return fail(new Error(t('classroom.codeNeeded')));
        api<{ seats: SeatRow[] }>(`api/exercises/${encodeURIComponent(c)}`)
          .then((r) => {
            seats = r.seats;
            error = null;
            drawSeats(c, name.value.trim() || t('classroom.student'));
          })
          .catch(fail);
      },
    });
    const pick = scenarioChoices();
    const create = el('button', {
      class: 'btn primary',
      'data-testid': 'class-create',
      text: t('classroom.create'),
      onclick: () => {
        const id = main.querySelector<HTMLInputElement>('fieldset.scenarios input:checked')?.value;
        if (!id) return;
        api<{ code: string; instructorToken: string }>('api/exercises', { method: 'POST', body: JSON.stringify({ scenario: id }) })
          .then(
            (r) => (keepSeat({ code: r.code, instructorToken: r.instructorToken }), joinRemoteSeat(endpoint(), r.code, { instructorToken: r.instructorToken })),
          )
          .then(begin)
          .catch(fail);
      },
    });
    // Or an instructor's own pack: the server checks it (in a worker, with limits) and names its
    // problems. The file input is made once, so a redraw keeps the chosen file.
    const createFromPack = el('button', {
      class: 'btn',
      'data-testid': 'class-create-pack',
      text: t('classroom.createFromPack'),
      onclick: () => {
        const file = packFile.files?.[0];
        if (!file) return fail(new Error(t('classroom.choosePack')));
        file
          .text()
          .then((pack) => api<{ code: string; instructorToken: string }>('api/exercises', { method: 'POST', body: JSON.stringify({ pack }) }))
          .then(
            (r) => (keepSeat({ code: r.code, instructorToken: r.instructorToken }), joinRemoteSeat(endpoint(), r.code, { instructorToken: r.instructorToken })),
          )
          .then(begin)
          .catch(fail);
      },
    });
    const fromPack = el(
      'div',
      { class: 'class-pack' },
      el('label', { for: 'class-pack', class: 'label', text: t('classroom.packFile') }),
      packFile,
      createFromPack,
    );
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
      el(
        'section',
        { class: 'class-run', 'aria-labelledby': 'run-heading' },
        el('h2', { id: 'run-heading', text: t('classroom.run') }),
        pick,
        create,
        fromPack,
      ),
      el('div', { class: 'actions' }, back()),
    );
  };

  const drawSeats = (code: string, name: string) => {
    choosing = false;
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
    // A student's seat token arrives with the welcome: keep it so a reload comes back to this seat.
    const keep = () => {
      const token = seat.welcome()?.seatToken;
      if (token && session === seat) keepSeat({ code: seat.code, seatToken: token });
    };
    keep();
    seat.onChange(keep);
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

  const drawSession = () => {
    const seat = session;
    if (!seat) return drawChoose();
    // Once ended, every seat gets the debrief: the instructor the class's, a student its own part.
    const ended = seat.status()?.status === 'ended';
    if (seat.welcome()?.role === 'instructor') {
      if (handoutsOpen(seat)) return drawHandouts(cs, seat);
      if (ended) return drawClassDebrief(cs, seat);
      drawConsole(cs, seat);
      // The printable seat handouts, from the lobby or a running exercise: beside the console's own
      // actions when it has a header, never on the projector view.
      const spot = cs.main.querySelector('.console-head .actions');
      if (spot) spot.prepend(handoutsButton(cs, seat));
      else if (!cs.main.querySelector('.projecting')) cs.main.append(el('div', { class: 'actions no-print' }, handoutsButton(cs, seat)));
      return;
    }
    // A student's own part is ready as soon as the game is over, even before the instructor ends it.
    if (ended || seat.status()?.over) return drawClassDebrief(cs, seat);
    drawSeat(cs, seat);
  };

  // ---------------------------------------------------------------- start
  // The list is for the run-a-class form only: if it fails once the student has moved on to the
  // seat list, say so when the form shows again rather than replacing the seat list now.
  const loadScenarios = () =>
    api<{ id: string; title: string }[]>('api/scenarios')
      .then((list) => {
        scenarios = list;
        if (gone || session || !choosing) return;
        // Only the scenario list changes: the join form stays as it is, so a code being typed is
        // never replaced under the student's fingers.
        const shown = main.querySelector('fieldset.scenarios');
        if (shown) shown.replaceWith(scenarioChoices());
        else drawChoose();
      })
      .catch((e: unknown) => {
        if (choosing) return fail(e);
        error = String((e as Error)?.message ?? e);
      });
  if (session) {
    store.getState().leaveRemote();
    listen();
    drawSession();
  } else if (keptSeat()) {
    // The tab was reloaded in a class: back to the same seat (or the console) with the kept token.
    const kept = keptSeat()!;
    rerender(main, el('p', { class: 'lead', role: 'status', 'data-testid': 'rejoining', text: t('classroom.rejoining', { code: kept.code }) }));
    joinRemoteSeat(endpoint(), kept.code, kept.seatToken ? { seatToken: kept.seatToken } : { instructorToken: kept.instructorToken! })
      .then(begin)
      .catch((e: unknown) => {
        forgetSeat();
        fail(new Error(t('classroom.rejoinFailed', { code: kept.code, reason: String((e as Error)?.message ?? e) })));
        loadScenarios();
      });
  } else {
    drawChoose();
    loadScenarios();
  }
  return () => {
    gone = true;
    stopSeat?.();
  };
}
