/**
 * The class debrief (DESIGN.md §5, §8), once the exercise has ended. The instructor sees the
 * mediator's debrief (the solo report's panels), each delegation's result against its own interests,
 * the injects with the responses, every channel's transcript and who sat where, with the exports for
 * grading: print to PDF (the print stylesheet) and the JSON. A student sees only its own part: the
 * mediator its debrief, a delegation its own result, every seat the public ending.
 */
import '../../classroom-debrief.css';
import { el, rerender } from '../../overlay';
import { fmt, nameOf, t } from '../../../i18n/index';
import type { DelegationResult, DelegationsReport, Msg } from '../../../sim/index';
import type { Scenario } from '../../../scenario/schema';
import type { ClassDebrief, DebriefNames, EndingSummary, OwnDebrief, RemoteSeat } from '../../../seat/remote';
import { debriefPanels, downloadJson, section } from '../debrief';
import { connectionLine, seatLabel, type ClassScreen } from './shared';
import { handoutsButton } from './handouts';

/** The debrief is asked for once per seat; a refusal is kept to show, with a way to ask again. */
const asked = new WeakMap<RemoteSeat, { refusal: Msg | null }>();

function ask(cs: ClassScreen, seat: RemoteSeat, type: 'classDebrief' | 'debrief'): { refusal: Msg | null } {
  let state = asked.get(seat);
  if (state) return state;
  state = { refusal: null };
  asked.set(seat, state);
  const mine = state;
  void seat.control(type).then((r) => {
    mine.refusal = r;
    if (r) cs.redraw();
  });
  return state;
}

export function drawClassDebrief(cs: ClassScreen, seat: RemoteSeat): void {
  const instructor = seat.welcome()?.role === 'instructor';
  const data = instructor ? seat.classDebrief() : seat.ownDebrief();
  if (!data) {
    const state = ask(cs, seat, instructor ? 'classDebrief' : 'debrief');
    const sc = cs.scenarioOf(seat.hasView() ? seat.view() : null);
    rerender(
      cs.main,
      el(
        'div',
        { class: 'class-debrief', 'data-testid': 'class-debrief-waiting' },
        el('h1', { id: 'classroom-heading', text: t(instructor ? 'classDebrief.heading' : 'classDebrief.ownHeading') }),
        endNotice(seat),
        connectionLine(seat),
        cs.errorBox(),
        state.refusal
          ? el('p', { class: 'notice warn', role: 'alert', 'data-testid': 'class-debrief-refused', text: fmt(state.refusal, sc) })
          : el('p', { class: 'hint', role: 'status', text: t('classDebrief.loading') }),
        el(
          'div',
          { class: 'actions no-print' },
          state.refusal
            ? el('button', {
                class: 'btn',
                'data-testid': 'class-debrief-retry',
                text: t('classDebrief.retry'),
                onclick: () => {
                  asked.delete(seat);
                  cs.redraw();
                },
              })
            : null,
          instructor ? handoutsButton(cs, seat) : null,
          cs.back(),
        ),
      ),
    );
    return;
  }
  const sc = cs.scenarioOf(seat.hasView() ? seat.view() : null) ?? namesOnly(data.names);
  if (instructor) drawClass(cs, seat, data as ClassDebrief, sc);
  else drawOwn(cs, seat, data as OwnDebrief, sc);
}

/** Ended by the instructor, or the game is over and the exercise not yet closed. */
const endNotice = (seat: RemoteSeat) =>
  el('p', { class: 'notice', 'data-testid': 'ended', text: t(seat.status()?.status === 'ended' ? 'classDebrief.ended' : 'classDebrief.over') });

/** A stand-in for name look-ups when the page has no scenario file (an uploaded pack): names only. */
function namesOnly(n: DebriefNames): Scenario {
  return {
    parties: n.parties.map((p) => ({ ...p, factions: n.factions.filter((f) => f.party === p.id) })),
    externals: n.externals,
    issues: n.issues,
    venues: n.venues,
  } as unknown as Scenario;
}

function outcomeHeader(title: string, summary: EndingSummary, sc: Scenario, extra: string | null, score: number | null): HTMLElement {
  const good = summary.outcome === 'durable';
  const mid = summary.outcome === 'notImplemented' || summary.outcome === 'partial';
  return el(
    'header',
    { class: 'panel outcome', style: `--head:${good ? 'var(--good)' : mid ? 'var(--warn)' : 'var(--bad)'}`, 'data-testid': 'class-debrief-outcome' },
    el(
      'div',
      {},
      el('h1', { id: 'classroom-heading', text: title }),
      el('p', { text: fmt({ key: `debrief.outcome.${summary.outcome}` }) }),
      el('p', { text: fmt(summary.ending.line, sc) }),
      extra ? el('p', { text: extra }) : null,
    ),
    el(
      'div',
      {},
      score !== null ? el('p', { class: 'score', text: t('ui.debrief.score', { score: Math.round(score) }) }) : null,
      el('p', { text: t('ui.debrief.reached', { phase: t(`phase.${summary.phaseReached}`), turns: summary.turnsPlayed }) }),
    ),
  );
}

function part(title: string, testid: string, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: 'class-part', 'data-testid': testid }, el('h2', { class: 'class-part-title', text: title }), ...children);
}

function drawClass(cs: ClassScreen, seat: RemoteSeat, d: ClassDebrief, sc: Scenario): void {
  const bar = el(
    'div',
    { class: 'actions class-debrief-bar no-print' },
    el('button', { class: 'btn primary', 'data-testid': 'class-print', text: t('report.print'), onclick: () => window.print() }),
    el('button', {
      class: 'btn',
      'data-testid': 'class-export-json',
      text: t('report.json'),
      onclick: () => downloadJson(`third-side-class-debrief-${d.scenario.id}-${d.code}.json`, d),
    }),
    handoutsButton(cs, seat),
    cs.back(),
  );
  rerender(
    cs.main,
    el(
      'div',
      { class: 'class-debrief', 'data-testid': 'class-debrief' },
      outcomeHeader(
        `${t('classDebrief.heading')} · ${d.scenario.title}`,
        d.summary,
        sc,
        t('classDebrief.exercise', { code: d.code, seed: d.seed }),
        d.mediator.score,
      ),
      connectionLine(seat),
      cs.errorBox(),
      bar,
      part(t('classDebrief.mediator'), 'class-mediator', el('div', { class: 'report' }, ...debriefPanels(d.mediator, sc, []))),
      part(
        t('classDebrief.delegations'),
        'class-delegations',
        el('p', { 'data-testid': 'delegations-basis', text: basisLine(d.delegations) }),
        el('div', { class: 'report' }, ...d.delegations.parties.map((r) => delegationPanel(r, d.delegations, sc))),
      ),
      part(t('classDebrief.timeline'), 'class-timeline', timeline(d, sc)),
      part(t('classDebrief.transcripts'), 'class-transcripts', el('div', { class: 'report' }, ...d.transcripts.map((c) => transcript(c, sc)))),
      part(t('classDebrief.seats'), 'class-seats', seatsTable(d, sc)),
    ),
  );
}

function drawOwn(cs: ClassScreen, seat: RemoteSeat, d: OwnDebrief, sc: Scenario): void {
  const title = `${t('classDebrief.ownHeading')} · ${seat.welcome()?.title ?? ''} — ${seatLabel(d.role, sc)}`;
  const del = d.delegation;
  rerender(
    cs.main,
    el(
      'div',
      { class: 'class-debrief', 'data-testid': 'own-debrief', 'data-role': d.role },
      outcomeHeader(title, d.summary, sc, null, d.mediator ? d.mediator.score : null),
      endNotice(seat),
      connectionLine(seat),
      cs.errorBox(),
      el(
        'div',
        { class: 'actions class-debrief-bar no-print' },
        el('button', { class: 'btn', 'data-testid': 'class-print', text: t('report.print'), onclick: () => window.print() }),
        cs.back(),
      ),
      d.mediator ? part(t('classDebrief.mediator'), 'class-mediator', el('div', { class: 'report' }, ...debriefPanels(d.mediator, sc, []))) : null,
      del
        ? part(
            t('classDebrief.delegation'),
            'class-delegations',
            el('p', { 'data-testid': 'delegations-basis', text: basisLine(del) }),
            el('div', { class: 'report' }, delegationPanel(del, del, sc)),
          )
        : null,
    ),
  );
}

function basisLine(r: Pick<DelegationsReport, 'basis' | 'proposal'>): string {
  return t(`classDebrief.basis.${r.basis}`, { proposal: r.proposal ?? '' });
}

const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));

/** One delegation's result: the terms issue by issue against its interests, then its value against its BATNA. */
function delegationPanel(r: DelegationResult, deal: Pick<DelegationsReport, 'basis'>, sc: Scenario): HTMLElement {
  const cols = ['issue', 'terms', 'ideal', 'redLine', 'weight', 'utility'];
  const table = r.issues.length
    ? el(
        'table',
        { class: 'grid delegation-terms' },
        el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: t(`classDebrief.col.${c}`) })))),
        el(
          'tbody',
          {},
          ...r.issues.map((i) =>
            el(
              'tr',
              { class: i.crossed ? 'crossed' : '', 'data-testid': `issue-${r.party}-${i.issue}` },
              el('th', { scope: 'row', text: nameOf(sc, i.issue) }),
              el('td', { class: 'num', text: String(i.value) }),
              el('td', { class: 'num', text: String(i.ideal) }),
              el('td', { class: 'num', text: String(i.redLine) }),
              el('td', { class: 'num', text: String(i.weight) }),
              el('td', { class: 'num', text: `${i.utility.toFixed(2)}${i.crossed ? ` · ${t('classDebrief.pastRedLine')}` : ''}` }),
            ),
          ),
        ),
      )
    : null;
  const lines: string[] = [
    r.value !== null && r.margin !== null
      ? t('classDebrief.value', {
          value: r.value,
          batna: r.batna,
          margin: signed(r.margin),
          verdict: t(r.margin >= 0 ? 'classDebrief.verdict.better' : 'classDebrief.verdict.worse'),
        })
      : t('classDebrief.noValue', { batna: r.batna }),
  ];
  if (r.issues.length)
    lines.push(
      r.redLinesCrossed.length ? t('classDebrief.crossed', { list: r.redLinesCrossed.map((i) => nameOf(sc, i)).join(', ') }) : t('classDebrief.noneCrossed'),
    );
  if (deal.basis === 'tabled' && r.answer) lines.push(t(`classDebrief.answer.${r.answer}`));
  else if (deal.basis !== 'none') lines.push(t(r.signed ? 'classDebrief.signed' : 'classDebrief.notSigned'));
  if (r.uncovered.length && deal.basis !== 'none') lines.push(t('classDebrief.uncovered', { list: r.uncovered.map((i) => nameOf(sc, i)).join(', ') }));
  return el(
    'section',
    { class: `panel delegation-result${r.redLinesCrossed.length ? ' has-crossed' : ''}`, 'data-testid': `delegation-${r.party}` },
    el('h3', { text: nameOf(sc, r.party) }),
    table,
    el('ul', { class: 'delegation-lines' }, ...lines.map((x) => el('li', { text: x }))),
  );
}

function timeline(d: ClassDebrief, sc: Scenario): HTMLElement {
  if (d.timeline.length === 0) return el('p', { class: 'hint', text: t('classDebrief.timelineNone') });
  return el(
    'ol',
    { class: 'review class-timeline-list' },
    ...d.timeline.map((e) => {
      const r = e.review;
      return el(
        'li',
        { 'data-testid': `timeline-${e.inject ?? `adhoc-${e.fired?.seq ?? ''}`}` },
        el('strong', { text: `${e.turn !== null ? `${t('ui.turnShort', { turn: e.turn })} · ` : ''}${e.synopsis}` }),
        el('p', { class: 'hint', text: `${e.inject ?? t('classDebrief.adhoc')} · ${t(`classDebrief.by.${e.by}`)}` }),
        e.fired?.edited && e.fired.planned ? el('p', { class: 'hint', text: t('classDebrief.edited', { text: e.fired.planned }) }) : null,
        e.fired?.edited && !e.fired.engineTookEdit ? el('p', { class: 'hint', text: t('classDebrief.notInEngine') }) : null,
        e.results.length ? el('ul', {}, ...e.results.map((m) => el('li', { text: fmt(m, sc) }))) : null,
        r?.expected
          ? el(
              'p',
              {},
              el('span', {
                class: r.met === true ? 'met' : r.met === false ? 'missed' : 'hint',
                text: r.met === true ? t('report.review.met') : r.met === false ? t('report.review.missed') : t('report.review.open'),
              }),
              ` ${t('report.review.expected', { move: t(`move.${r.expected.move}`), target: r.expected.target ? nameOf(sc, r.expected.target) : '—', within: r.expected.withinTurns })} ${r.expected.description}`,
              r.respondedTurn !== undefined ? ` ${t('classDebrief.responded', { turn: r.respondedTurn })}` : '',
            )
          : r
            ? el('p', { class: 'hint', text: t('report.review.nothingExpected') })
            : null,
        r?.contingenciesFired.length ? el('p', { class: 'bad-text', text: t('report.review.contingencies', { list: r.contingenciesFired.join(', ') }) }) : null,
        r?.learningObjective ? el('p', { class: 'hint', text: t('report.review.objective', { text: r.learningObjective }) }) : null,
      );
    }),
  );
}

function channelLabel(channel: string, sc: Scenario): string {
  const [kind, party] = channel.split(':');
  if (kind === 'public' || !party) return t('classDebrief.channel.public');
  return t(`classDebrief.channel.${kind === 'caucus' ? 'caucus' : 'delegation'}`, { party: nameOf(sc, party) });
}

function transcript(c: ClassDebrief['transcripts'][number], sc: Scenario): HTMLElement {
  return section(
    channelLabel(c.channel, sc),
    `transcript-${c.channel}`,
    false,
    c.messages.length
      ? el(
          'ol',
          { class: 'transcript' },
          ...c.messages.map((m) =>
            el(
              'li',
              {},
              el('span', {
                class: 'who',
                text: t('classDebrief.line', {
                  time: new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
                  name: m.from.name,
                  role: m.from.role === 'instructor' ? t('classroom.role.instructor') : seatLabel(m.from.role, sc),
                }),
              }),
              el('span', { class: 'said', text: m.text }),
            ),
          ),
        )
      : el('p', { class: 'hint', text: t('classDebrief.channelEmpty') }),
  );
}

function seatsTable(d: ClassDebrief, sc: Scenario): HTMLElement {
  return el(
    'table',
    { class: 'grid roster' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('classroom.seat') }), el('th', { scope: 'col', text: t('classroom.holders') }))),
    el(
      'tbody',
      {},
      ...d.seats.map((s) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: `${seatLabel(s.role, sc)} (${t(`classroom.playedBy.${s.playedBy}`)})` }),
          el('td', { text: s.holders.length ? s.holders.join(', ') : t('classDebrief.seatEmpty') }),
        ),
      ),
    ),
  );
}
