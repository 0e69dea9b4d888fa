/**
 * A student's seat in a class: its briefing (only its own confidential note), the news, and what the
 * seat can do. The mediator goes to the same table as solo play; every other seat sends the
 * registry's commands for its kind through the remote seat.
 */
import { el, rerender } from '../../overlay';
import { fmt, nameOf, t } from '../../../i18n/index';
import { commandsFor, REGISTRY, type CommandType, type FormField, type Msg, type SenderKind, type View } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import type { RemoteSeat } from '../../../seat/remote';
import { connectionLine, newsList, seatLabel, targetsFromView, type ClassScreen } from './shared';

export function drawSeat(cs: ClassScreen, seat: RemoteSeat): void {
  const { main, store } = { main: cs.main, store: cs.ctx.store };
  const scenarioOf = cs.scenarioOf;
  const errorBox = cs.errorBox;
  const back = cs.back;
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
}

/** A seat's commands from the registry: one small form per command, sent through the remote seat. */
function seatActions(seat: RemoteSeat, v: View, sc: Scenario | null) {
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
}

function commandForm(seat: RemoteSeat, type: CommandType, v: View, sc: Scenario | null) {
  const form = (REGISTRY[type] as unknown as { form: readonly FormField[] }).form;
  const inputs = new Map<string, () => unknown>();
  const fields = form.map((f) => {
    const id = `f-${type}-${f.name}`;
    if (f.kind === 'choice' || f.kind === 'target') {
      const options = f.kind === 'choice' ? [...f.options] : targetsFromView(v, f.of);
      const select = el('select', { id, 'data-testid': id }, ...options.map((o) => el('option', { value: o, text: f.kind === 'target' ? nameOf(sc, o) : o })));
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
}
