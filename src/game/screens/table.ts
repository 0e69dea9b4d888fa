/**
 * The table: what the mediator knows, as DOM text in a CSS grid — the top bar, the phase track and
 * what the next phase needs (target and current value of each criterion), the delegations with
 * their meters and factions, the outside powers, the agenda with every known position labelled by
 * party, the news feed — beside the moves panel. The Phaser stage draws the table and the phase
 * track in its own cell (loaded lazily). News and the end of the game are real <dialog>s; so are
 * the issue inspector (I, any time) and the question before ending a turn with points unspent.
 */
import type { ScreenContext } from '../app';
import { el, hotkeys, rerender } from '../overlay';
import { connectionLine } from './classroom/shared';
import { fmt, meterLabel, nameOf, signed, t } from '../../i18n/index';
import type { LogEntry, MediatorCommand, View } from '../../sim/index';
import type { Scenario } from '../../scenario/schema';
import { criterionDetails, endReason } from '../../seat/index';
import { MovesPanel } from '../movesPanel';
import { hex, partyColor, METER_COLORS } from '../theme';
import { coachNote } from '../coach';
import { inspector } from './inspector';

const PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'] as const;

export function mountTable(ctx: ScreenContext): () => void {
  const { store, root } = ctx;
  const s = () => store.getState();
  const top = el('header', { class: 'panel topbar' });
  const coachBox = el('aside', { class: 'panel coach wide', 'aria-live': 'polite', 'data-testid': 'coach', hidden: true });
  const stage = el('div', { class: 'stage', 'aria-hidden': 'true', 'data-testid': 'stage' });
  const track = el('div', { class: 'panel stage-wrap', role: 'region', 'aria-label': t('table.phases') }, stage, el('div', {}));
  const criteria = el('section', { class: 'panel criteria', 'aria-label': t('table.missing'), 'data-testid': 'criteria' });
  const parties = el('div', { class: 'wide cards', role: 'region', 'aria-label': t('table.delegations'), 'data-testid': 'delegations' });
  const externals = el('section', { class: 'panel', 'aria-label': t('table.outside'), 'data-testid': 'externals' });
  const agenda = el('section', { class: 'panel', 'aria-label': t('table.agenda'), 'data-testid': 'agenda' });
  const board = el('main', { class: 'board', 'aria-label': t('table.board') }, coachBox, track, criteria, parties, agenda, externals);
  const news = el('section', { class: 'panel newsbar', 'aria-label': t('table.news') });
  const movesRoot = el('section', { class: 'panel moves' });
  const screen = el('div', { class: 'screen table' }, top, board, news, movesRoot);
  root.append(screen);

  const newsDialog = el('dialog', { class: 'news', 'data-testid': 'news-dialog', 'aria-labelledby': 'news-title' });
  const confirmDialog = el('dialog', { class: 'confirm', 'data-testid': 'confirm-end', 'aria-labelledby': 'confirm-title' });
  const inspect = inspector(store);
  document.body.append(newsDialog, confirmDialog, inspect.dialog);

  let askedTurn = -1;
  const moves = new MovesPanel(store, movesRoot as HTMLDivElement, () => requestEndTurn());
  const requestEndTurn = () => {
    const v = s().view;
    if (!v || v.over || newsDialog.open) return;
    if (v.ap > 0 && askedTurn !== v.turn) {
      askedTurn = v.turn;
      openConfirm(v);
      return;
    }
    moves.endTurn();
  };
  const openConfirm = (v: View) => {
    const yes = el('button', {
      class: 'btn primary',
      'data-testid': 'confirm-end-yes',
      onclick: () => (confirmDialog.close(), moves.endTurn()),
      text: `${t('table.endTurn')} (Enter)`,
    });
    const no = el('button', {
      class: 'btn ghost',
      'data-testid': 'confirm-end-no',
      onclick: () => confirmDialog.close(),
      text: `${t('table.keepPlaying')} (Esc)`,
    });
    confirmDialog.replaceChildren(
      el('div', { class: 'dialog-head' }, el('h2', { id: 'confirm-title', text: t('table.unspentTitle') })),
      el(
        'div',
        { class: 'dialog-body' },
        el('p', { class: 'lead', text: t('table.unspent', { count: v.ap }) }),
        el('p', { class: 'hint', text: t('table.unspentOnce') }),
      ),
      el('div', { class: 'dialog-actions' }, yes, no),
    );
    confirmDialog.showModal();
    yes.focus();
  };
  confirmDialog.addEventListener('keydown', (ev) => {
    if (ev.key === 'e' || ev.key === 'E') {
      ev.preventDefault();
      confirmDialog.close();
      moves.endTurn();
    }
  });
  confirmDialog.addEventListener('close', () => moves.render(false));

  // ------------------------------------------------------------------ news and the end
  let shownFor: LogEntry | 'over' | null = null;
  const syncNews = () => {
    const st = s();
    const v = st.view;
    if (!v) return;
    const entry = st.inbox[0] ?? null;
    const want: LogEntry | 'over' | null = entry ?? (v.over ? 'over' : null);
    if (want === shownFor && (want === null || newsDialog.open)) return;
    shownFor = want;
    if (!want) {
      if (newsDialog.open) newsDialog.close();
      return;
    }
    if (confirmDialog.open) confirmDialog.close();
    if (inspect.dialog.open) inspect.dialog.close();
    const sc = st.scenario;
    let title: string;
    let color: string;
    const body: HTMLElement[] = [];
    let button: HTMLButtonElement;
    if (want === 'over') {
      title = t(`phase.${v.phase}`);
      color = v.phase === 'concluded' ? 'var(--good)' : 'var(--bad)';
      body.push(el('p', { class: 'lead', 'data-testid': 'end-reason', text: fmt(endReason(v, sc), sc) }));
      body.push(el('p', { class: 'hint', text: t('table.overNext') }));
      button = el('button', { class: 'btn primary big', 'data-testid': 'to-debrief', onclick: () => s().toDebrief(), text: `${t('table.toDebrief')} (Enter)` });
    } else {
      const h = headline(want, sc);
      title = want.kind === 'phase' ? t('news.kind.news') : h.kind;
      color = `var(--${h.tone})`;
      if (want.kind === 'event') {
        if (want.synopsis) body.push(el('p', { class: 'lead', text: want.synopsis }));
        if (!want.synopsis || want.effect.kind !== 'news') body.push(el('p', { text: fmt(want.result, sc) }));
        body.push(el('h3', { text: t('news.changes') }));
        body.push(
          want.changes.length
            ? el(
                'ul',
                { class: 'changes' },
                ...want.changes.map((c) => {
                  const good = c.meter === 'batna' ? c.delta < 0 : c.delta > 0;
                  return el('li', {
                    class: good ? 'good-text' : 'bad-text',
                    text: `${good ? '▲' : '▼'} ${t('news.change', { target: nameOf(sc, c.target), meter: meterLabel(c.meter, sc), delta: signed(c.delta) })}`,
                  });
                }),
              )
            : el('p', { class: 'hint', text: t('news.noChange') }),
        );
      } else if (want.kind === 'phase') {
        body.push(el('p', { class: 'lead', text: t('news.phase', { from: t(`phase.${want.from}`), to: t(`phase.${want.to}`) }) }));
      }
      button = el('button', {
        class: 'btn primary big',
        'data-testid': 'news-dismiss',
        onclick: () => s().dismissNews(),
        text: `${t('news.dismiss')} (Enter)`,
      });
    }
    const more = st.inbox.length > 1 ? ` · ${t('news.more', { count: st.inbox.length - 1 })}` : '';
    newsDialog.style.setProperty('--head', color);
    newsDialog.replaceChildren(
      el(
        'div',
        { class: 'dialog-head' },
        el('h2', { id: 'news-title', text: title }),
        el('span', { text: (want === 'over' ? t('table.over') : t('news.heading', { turn: (want as LogEntry).turn })) + more }),
      ),
      el('div', { class: 'dialog-body' }, ...body),
      el('div', { class: 'dialog-actions' }, button),
    );
    if (!newsDialog.open) newsDialog.showModal();
    button.focus();
  };
  // Escape acknowledges news, but never skips the end.
  newsDialog.addEventListener('cancel', (ev) => {
    ev.preventDefault();
    if (s().inbox.length) s().dismissNews();
  });
  newsDialog.addEventListener('close', () => {
    shownFor = null;
    moves.render(false);
  });

  // ------------------------------------------------------------------ drawing the board
  const draw = () => {
    const st = s();
    const v = st.view;
    if (!v) return;
    const sc = st.scenario;
    drawTop(top, v, st.branchedAt);
    if (st.remote) {
      const remote = st.remote;
      // A classroom mediator talks to the delegations from the table too (loaded when first opened).
      const talk = el('button', {
        class: 'btn small',
        'data-testid': 'open-talk',
        text: t('classroom.talk'),
        onclick: () => void import('./classroom/tableTalk').then((m) => m.openTalk(remote, st.scenario)),
      });
      top.append(talk, connectionLine(remote));
    }
    drawTrack(track.lastElementChild as HTMLElement, v);
    drawCriteria(criteria, v, sc);
    drawParties(parties, v, sc);
    drawExternals(externals, v);
    drawAgenda(agenda, v, (cmd) => void s().command(cmd));
    drawFeed(news, st.feed, sc);
    const note = coachNote(st);
    if (note) {
      coachBox.hidden = false;
      rerender(
        coachBox,
        el('h2', { text: `${t('coach.label')}: ${t(`coach.${note}.title`)}` }),
        el('p', { 'data-testid': `coach-${note}`, text: t(`coach.${note}`) }),
        el(
          'div',
          { class: 'row' },
          el('button', { class: 'btn small', 'data-k': 'coach-ok', 'data-testid': 'coach-ok', onclick: () => s().coachSeen(note), text: t('coach.ok') }),
          el('button', { class: 'btn ghost small', 'data-k': 'coach-off', 'data-testid': 'coach-off', onclick: () => s().coachOff(), text: t('coach.off') }),
        ),
      );
    } else {
      coachBox.hidden = true;
      coachBox.replaceChildren();
    }
  };

  const redraw = () => {
    draw();
    syncNews();
    moves.render(newsDialog.open);
  };
  redraw();
  const unsub = store.subscribe((a, b) => {
    if (a.screen !== 'table') return;
    if (a.version !== b.version || a.inbox !== b.inbox || a.feed !== b.feed || a.coach !== b.coach || a.refusal !== b.refusal) redraw();
  });
  const stopKeys = hotkeys({
    e: () => (s().view?.over ? false : requestEndTurn()),
    d: () => askDebrief(),
    i: () => inspect.open(),
    Escape: () => moves.escape(),
  });
  const askDebrief = () => {
    if (s().view?.over || window.confirm(t('table.debriefConfirm'))) s().toDebrief();
  };
  top.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest('button');
    if (b?.dataset.act === 'inspect') inspect.open();
    if (b?.dataset.act === 'debrief') askDebrief();
  });

  // The drawing: Phaser, loaded when the table first shows (the menu never needs it).
  let stopStage: (() => void) | null = null;
  let gone = false;
  const markInteractive = () => {
    try {
      if (performance.getEntriesByName('third-side:table-interactive').length === 0) performance.mark('third-side:table-interactive');
    } catch {
      /* marks are a nicety */
    }
  };
  import('../stage')
    .then((m) => {
      if (gone) return;
      stopStage = m.mountStage(stage, store, markInteractive);
    })
    .catch(() => markInteractive());

  return () => {
    gone = true;
    unsub();
    stopKeys();
    stopStage?.();
    newsDialog.remove();
    confirmDialog.remove();
    inspect.dialog.remove();
  };
}

// -------------------------------------------------------------------- parts of the board

function drawTop(top: HTMLElement, v: View, branchedAt: number | null): void {
  const visTone = v.visibility === 'confidential' ? 'good' : v.visibility === 'leaked' ? 'bad' : 'warn';
  const venue = v.venues.find((x) => x.id === v.venue);
  rerender(
    top,
    el('h1', { class: 'title', text: v.scenario.title }),
    el('span', { class: 'tag', 'data-testid': 'turn', text: t('ui.turnOf', { turn: v.turn, limit: v.turnLimit }) }),
    el('span', { class: 'tag', 'data-testid': 'ap', text: t('table.apLeft', { ap: v.ap, max: v.apMax }) }),
    el('span', { class: `tag ${v.talkFormat === 'direct' ? 'good' : ''}`, text: t('table.format', { format: t(`format.${v.talkFormat}`) }) }),
    el('span', { class: `tag ${visTone}`, text: t('table.visibility', { visibility: t(`visibility.${v.visibility}`) }) }),
    venue ? el('span', { class: 'tag', text: t('table.venue', { venue: venue.name }) }) : null,
    branchedAt ? el('span', { class: 'tag warn', 'data-testid': 'branched', text: t('table.branched', { turn: branchedAt }) }) : null,
    el('span', { class: 'spacer' }),
    el('button', { class: 'btn small', 'data-act': 'inspect', 'data-k': 'inspect', 'data-testid': 'open-inspector', text: `${t('inspector.open')} (I)` }),
    el('button', {
      class: 'btn ghost small',
      'data-act': 'debrief',
      'data-k': 'debrief-top',
      'data-testid': 'stop-debrief',
      text: `${t('table.debriefNow')} (D)`,
    }),
  );
}

function drawTrack(box: HTMLElement, v: View): void {
  const current = v.phase === 'suspended' ? v.resumePhase : v.phase;
  const idx = PHASES.indexOf(current as (typeof PHASES)[number]);
  const done = v.phase === 'concluded' ? 5 : idx;
  const special = v.phase === 'suspended' || v.phase === 'collapsed' || v.phase === 'concluded';
  rerender(
    box,
    el(
      'ol',
      { class: 'phase-track', 'aria-label': t('table.phases') },
      ...PHASES.map((p, i) =>
        el('li', {
          class: i < done ? 'done' : i === idx && !special ? 'current' : '',
          'aria-current': i === idx && !special ? 'step' : undefined,
          text: `${i < done ? '✓ ' : `${i + 1}. `}${t(`phase.short.${p}`)}`,
          title: t(`phase.${p}`),
        }),
      ),
    ),
    el(
      'p',
      { class: 'hint', 'data-testid': 'phase-line' },
      special ? el('span', { class: `phase-state ${v.phase === 'concluded' ? 'good-text' : 'bad-text'}`, text: `${t(`phase.${v.phase}`)} · ` }) : null,
      t('table.progress', { pct: Math.round((v.progress ?? 0) * 100) }),
    ),
  );
}

function drawCriteria(box: HTMLElement, v: View, sc: Scenario | null): void {
  const details = criterionDetails(v, sc);
  const shownValue = (x: number | string | undefined) => (x === undefined ? '' : typeof x === 'number' ? String(x) : t(`criteria.value.${x}`));
  rerender(
    box,
    el('h2', { text: t('table.missing') }),
    details.length === 0
      ? el('p', { class: 'hint', text: v.over ? t('table.over') : t('table.noCriteria') })
      : el(
          'ul',
          {},
          ...details.map((d) =>
            el(
              'li',
              { 'data-met': d.met ? 'yes' : 'no' },
              el('span', { class: `mark ${d.met ? 'ok' : 'no'}`, 'aria-label': d.met ? t('criteria.met') : t('criteria.unmet'), text: d.met ? '✓' : '✗' }),
              el('span', { text: fmt(d.msg, sc) }),
              d.target !== undefined
                ? el('span', {
                    class: 'value',
                    text: t(d.msg.key === 'criteria.formula' ? 'criteria.acceptedOf' : 'criteria.nowNeed', {
                      now: shownValue(d.current),
                      need: shownValue(d.target),
                    }),
                  })
                : null,
              ...(d.notes ?? []).map((n) => el('span', { class: 'note hint', text: fmt(n, sc) })),
            ),
          ),
        ),
    details.length > 0 && details.every((d) => d.met) && !v.over ? el('p', { class: 'good-text', text: t('table.allMet') }) : null,
  );
}

function meterRow(label: string, value: number, color: number): HTMLElement[] {
  return [
    el('dt', { text: label }),
    el(
      'div',
      { class: 'bar-track', 'aria-hidden': 'true' },
      el('div', { class: 'bar-fill', style: `width:${Math.max(0, Math.min(100, value))}%;background:${hex(color)}` }),
    ),
    el('dd', { text: String(value) }),
  ];
}

function drawParties(box: HTMLElement, v: View, sc: Scenario | null): void {
  rerender(
    box,
    ...v.parties.map((p, i) =>
      el(
        'section',
        { class: `panel party ${p.seat}`, style: `--party:${hex(partyColor(i))}`, 'aria-label': p.name, 'data-testid': `party-${p.id}` },
        el(
          'div',
          { class: 'party-head' },
          el('h3', { text: p.short }),
          el('span', { class: p.seat === 'atTable' ? 'hint' : 'bad-text', text: (p.signed ? `✎ ${t('table.signed')} · ` : '') + t(`table.seat.${p.seat}`) }),
        ),
        el('p', { class: 'hint', text: p.principal }),
        el(
          'dl',
          { class: 'meters' },
          ...meterRow(t('meter.trustInMediator'), p.trustInMediator, METER_COLORS.trustInMediator!),
          ...meterRow(t('meter.commitment'), p.commitment, METER_COLORS.commitment!),
          ...meterRow(t('meter.cohesion'), p.cohesion, METER_COLORS.cohesion!),
          ...meterRow(t('meter.batna'), p.batna, METER_COLORS.batna!),
          ...Object.entries(p.trustIn).flatMap(([o, val]) => meterRow(t('meter.trustIn', { party: nameOf(sc, o) }), val, 0x8fa3bb)),
          ...(p.compliance !== undefined ? meterRow(t('meter.compliance'), Math.round(p.compliance), 0x5cc28b) : []),
        ),
        p.intent === 'suspected' ? el('p', { class: 'warn-text', text: `⚠ ${t('table.intent.suspected')}` }) : null,
        el('h4', { text: t('table.factions') }),
        el(
          'ul',
          { class: 'factions' },
          ...p.factions.map((f) =>
            el(
              'li',
              { class: f.included ? '' : 'excluded' },
              el('span', { class: 'dot', style: `background:${f.stance === 'hardline' ? 'var(--bad)' : 'var(--good)'}`, 'aria-hidden': 'true' }),
              t('table.faction.line2', {
                name: f.name,
                stance: t(`table.stance.${f.stance}`),
                included: t(f.included ? 'table.faction.included' : 'table.faction.excluded'),
                spoiler: f.spoiler === 'unknown' ? t('table.spoiler.notKnown') : t(`table.spoiler.${f.spoiler}`),
                satisfaction: f.satisfaction,
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

function drawExternals(box: HTMLElement, v: View): void {
  rerender(
    box,
    el('h2', { text: t('table.outside') }),
    el(
      'div',
      { class: 'externals' },
      ...v.externals.map((e) => {
        const backs = v.parties.filter((p) => (e.support[p.id] ?? 0) !== 0).map((p) => `${p.short} ${signed(e.support[p.id]!)}`);
        const flags = [
          e.engaged ? t('table.engaged', { count: e.engaged }) : '',
          e.restraint ? t('table.restraint') : '',
          e.guarantee ? t('table.guarantee') : '',
        ].filter(Boolean);
        return el(
          'div',
          { class: 'card', 'data-testid': `external-${e.id}` },
          el('h3', { text: e.name }),
          el('p', { class: 'hint', text: `${t(`table.kind.${e.kind}`)} · ${t('table.disposition', { value: signed(e.disposition) })}` }),
          backs.length ? el('p', { class: 'hint', text: t('table.support', { list: backs.join(', ') }) }) : null,
          flags.length ? el('p', { class: 'good-text', text: flags.join(' · ') }) : null,
        );
      }),
    ),
  );
}

/** The agenda: each issue's scale with every known position marked, and the same in words, by party. */
export function issueKnowledge(v: View, issueId: string): HTMLElement {
  const iss = v.issues.find((i) => i.id === issueId)!;
  return el(
    'ul',
    { class: 'known-list' },
    ...v.parties.map((p, k) => {
      const kn = iss.known[p.id] ?? {};
      const bits = [
        `${t('table.legend.public')} ${iss.publicPos[p.id] ?? '?'}`,
        kn.ideal !== undefined ? t('table.knownIdeal', { value: kn.ideal }) : '',
        kn.reservation !== undefined ? t('table.knownRed', { value: kn.reservation }) : '',
        kn.weight !== undefined ? t('table.knownWeight', { value: kn.weight }) : '',
      ].filter(Boolean);
      return el(
        'li',
        {},
        el('span', { class: 'dot', style: `background:${hex(partyColor(k))}`, 'aria-hidden': 'true' }),
        el('strong', { text: `${p.short}: ` }),
        bits.join(' · '),
      );
    }),
  );
}

function drawAgenda(box: HTMLElement, v: View, send: (cmd: MediatorCommand) => void): void {
  rerender(
    box,
    el('h2', { text: `${t('table.agenda')} · ${v.agenda ? `${v.agenda.length}/${v.issues.length}` : t('table.noAgenda')}` }),
    el(
      'ul',
      { class: 'agenda-list' },
      ...v.issues.map((iss) => {
        const flags = [
          iss.onAgenda ? t('table.onAgenda') : '',
          iss.core.length ? t('table.core', { list: iss.core.map((c) => v.parties.find((p) => p.id === c)?.short ?? c).join(', ') }) : '',
          iss.reframed ? t('table.reframed') : '',
          iss.commission ? t('table.commission') : '',
        ].filter(Boolean);
        const marks: HTMLElement[] = [];
        v.parties.forEach((p, k) => {
          const color = hex(partyColor(k));
          const pos = iss.publicPos[p.id];
          if (pos !== undefined) marks.push(el('span', { class: 'mk pub', style: `left:${pos}%;background:${color}` }));
          const kn = iss.known[p.id];
          if (kn?.ideal !== undefined) marks.push(el('span', { class: 'mk ideal', style: `left:${kn.ideal}%;color:${color}` }));
          if (kn?.reservation !== undefined) marks.push(el('span', { class: 'mk red', style: `left:${kn.reservation}%` }));
        });
        if (iss.formula) marks.push(el('span', { class: 'mk formula', style: `left:${iss.formula.value}%` }));
        return el(
          'li',
          { class: 'issue-row', 'data-testid': `issue-${iss.id}` },
          el('h3', { text: iss.name }),
          flags.length ? el('p', { class: 'hint', text: flags.join(' · ') }) : null,
          el('div', { class: 'scale', 'aria-hidden': 'true', title: `0: ${iss.low} · 100: ${iss.high}` }, ...marks),
          el('p', { class: 'hint', text: `0 = ${iss.low} · 100 = ${iss.high}` }),
          issueKnowledge(v, iss.id),
          iss.formula
            ? el('p', {
                class: iss.formula.acceptedBy.length === v.parties.length ? 'good-text' : 'warn-text',
                text: `${t('table.formula', { value: iss.formula.value })} · ${t('table.formulaAccepted', { list: iss.formula.acceptedBy.map((id) => v.parties.find((p) => p.id === id)?.short ?? id).join(', ') || t('ui.none') })}`,
              })
            : null,
        );
      }),
    ),
    el('p', { class: 'hint', text: t('table.legendLine') }),
    counterOffers(v, send),
  );
}

/** Counter-offers from delegations held by people (classroom play): the latest few, for the mediator to weigh or table as they are. */
function counterOffers(v: View, send: (cmd: MediatorCommand) => void): HTMLElement | null {
  const rows = v.proposals.flatMap((p) => Object.entries(p.counters ?? {}).map(([party, terms]) => ({ id: p.id, party, terms }))).slice(-3);
  if (!rows.length) return null;
  const issue = (id: string) => v.issues.find((i) => i.id === id)?.name ?? id;
  return el(
    'div',
    { class: 'counters', 'data-testid': 'counters' },
    el('h3', { text: t('table.counters') }),
    el(
      'ul',
      { class: 'known-list' },
      ...rows.map((r) => {
        const issues = Object.keys(r.terms);
        // One issue is a formula, several a package: the engine says whether it may be tabled now.
        const cmd: MediatorCommand =
          issues.length === 1 ? { type: 'proposeFormula', issue: issues[0]!, value: r.terms[issues[0]!]! } : { type: 'proposePackage', terms: { ...r.terms } };
        return el(
          'li',
          { 'data-testid': `counter-${r.id}-${r.party}` },
          t('table.counter', {
            id: r.id,
            party: v.parties.find((p) => p.id === r.party)?.short ?? r.party,
            terms: Object.entries(r.terms)
              .map(([i, x]) => `${issue(i)} ${x}`)
              .join(', '),
          }),
          ' ',
          el('button', {
            class: 'btn small ghost',
            'data-testid': `table-counter-${r.id}-${r.party}`,
            disabled: v.over,
            text: t('table.tableCounter'),
            onclick: () => send(cmd),
          }),
        );
      }),
    ),
  );
}

function headline(e: LogEntry, sc: Scenario | null): { kind: string; text: string; tone: 'good' | 'bad' | 'warn' | 'accent' } {
  if (e.kind === 'phase') return { kind: t('table.phases'), text: t('news.phase', { from: t(`phase.${e.from}`), to: t(`phase.${e.to}`) }), tone: 'accent' };
  if (e.kind === 'event') {
    const k = e.effect.kind;
    const tone =
      k === 'cbm' || (k === 'sanctions' && e.effect.sanction === 'relief')
        ? 'good'
        : k === 'spoiler' || k === 'sanctions' || k === 'walkOut' || k === 'leak'
          ? 'bad'
          : 'warn';
    return { kind: t(`news.kind.${k}`), text: e.synopsis ? (k === 'news' ? e.synopsis : `${e.synopsis} — ${fmt(e.result, sc)}`) : fmt(e.result, sc), tone };
  }
  return { kind: '', text: '', tone: 'warn' };
}

function drawFeed(box: HTMLElement, feed: LogEntry[], sc: Scenario | null): void {
  const last = feed.slice(-4).reverse();
  rerender(
    box,
    el('div', { class: 'newsbar-head' }, el('h2', { text: t('table.news') }), el('span', { class: 'hint', text: t('table.hotkeys') })),
    last.length === 0
      ? el('p', { class: 'hint', text: t('table.noNews') })
      : el(
          'ol',
          { class: 'feed', 'aria-live': 'polite', 'data-testid': 'feed' },
          ...last.map((e) => {
            const h = headline(e, sc);
            return el(
              'li',
              {},
              el('span', { class: 'hint', text: t('ui.turnShort', { turn: e.turn }) }),
              el('span', { class: `kind ${h.tone}`, text: h.kind }),
              el('span', { text: h.text }),
            );
          }),
        ),
  );
}
