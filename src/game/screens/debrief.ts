/**
 * Debrief: a report that explains. The outcome and why the game ended; what went well (spoilers
 * handled right, timely responses to injects, hallmarks earned); the meters over the turns (SVG
 * charts, printable); the sins with every evidence turn and its line; the stalling reveal; spoiler
 * management; the exercise's injects and expected responses; the learning objectives met or missed;
 * the historical run side by side. Replay from turn N branches the game; export prints (PDF) or
 * downloads JSON. P plays the same case again; M goes back to the menu.
 */
import type { ScreenContext } from '../app';
import { el, hotkeys, svg } from '../overlay';
import { fmt, nameOf, t } from '../../i18n/index';
import { SCORE_WEIGHTS, type Debrief } from '../../sim/debrief/index';
import type { Scenario } from '../../scenario/schema';
import { endReason } from '../../seat/index';
import { aboutOf } from '../../store/scenarios';
import { hex, partyColor, METER_COLORS } from '../theme';

const METRICS = ['trustInMediator', 'commitment', 'cohesion', 'batna'] as const;

export function mountDebrief({ store, root }: ScreenContext): () => void {
  const st = store.getState();
  const d = st.debrief;
  const s = st.scenario;
  const v = st.view;
  if (!d || !s || !v) return () => undefined;
  const entry = st.catalogue.find((e) => e.key === st.scenarioKey);
  const objectives = entry ? aboutOf(entry).learningObjectives : [];
  const good = d.outcome === 'durable';
  const mid = d.outcome === 'notImplemented' || d.outcome === 'partial';
  const why = endReason(v, s);

  const head = el(
    'header',
    { class: 'panel outcome', style: `--head:${good ? 'var(--good)' : mid ? 'var(--warn)' : 'var(--bad)'}`, 'data-testid': 'debrief-outcome' },
    el(
      'div',
      {},
      el('h1', { text: `${t('ui.debrief.heading')} · ${s.title}` }),
      el('p', { text: fmt({ key: `debrief.outcome.${d.outcome}` }) }),
      why ? el('p', { 'data-testid': 'debrief-why', text: fmt(why, s) }) : null,
    ),
    el(
      'div',
      {},
      el('p', { class: 'score', text: t('ui.debrief.score', { score: Math.round(d.score) }) }),
      el('p', {
        text: t('ui.debrief.reached', { phase: t(`phase.${d.phaseReached}`), turns: d.turnsPlayed }) + (d.finished ? '' : ` · ${t('ui.debrief.unfinished')}`),
      }),
    ),
  );

  const report = el('main', { class: 'report', tabindex: '0', 'aria-label': t('ui.debrief.heading'), 'data-testid': 'debrief-text' });
  report.append(...debriefPanels(d, s, objectives));

  const maxTurn = Math.max(1, v.turn);
  const turnInput = el('input', { type: 'number', min: 1, max: maxTurn, value: Math.max(1, maxTurn - 2), id: 'replay-turn', 'data-testid': 'replay-turn' });
  const replay = () => {
    const n = Math.max(1, Math.min(maxTurn, Math.trunc(Number(turnInput.value) || 1)));
    store.getState().replayFrom(n);
  };
  const exportJson = () => {
    const seat = store.getState().seat;
    downloadJson(`third-side-debrief-${s.id}-seed${seat?.game().world.options.seed ?? ''}.json`, {
      scenario: { id: s.id, version: s.version, title: s.title },
      debrief: d,
      save: seat?.save() ?? null,
    });
  };
  const again = el('button', {
    class: 'btn primary',
    'data-testid': 'play-again',
    onclick: () => store.getState().playAgain(),
    text: t('ui.debrief.playAgain'),
  });
  const bar = el(
    'footer',
    { class: 'panel bar no-print' },
    again,
    el('button', { class: 'btn ghost', 'data-testid': 'to-menu', onclick: () => store.getState().toMenu(), text: t('ui.debrief.menu') }),
    el(
      'span',
      { class: 'row' },
      el('label', { for: 'replay-turn', text: t('report.replayLabel') }),
      turnInput,
      el('button', { class: 'btn', 'data-testid': 'replay-go', onclick: replay, text: t('report.replayGo') }),
    ),
    el('button', { class: 'btn ghost', 'data-testid': 'print', onclick: () => window.print(), text: t('report.print') }),
    el('button', { class: 'btn ghost', 'data-testid': 'export-json', onclick: exportJson, text: t('report.json') }),
  );
  root.append(el('div', { class: 'screen debrief' }, head, report, bar));
  const stop = hotkeys({ p: () => store.getState().playAgain(), m: () => store.getState().toMenu() });
  again.focus();
  return stop;
}

/** The report's panels, in order (the class debrief shows the mediator's the same way). */
export function debriefPanels(d: Debrief, s: Scenario, objectives: string[]): HTMLElement[] {
  return [
    wentWell(d, s),
    charts(d, s),
    scoreParts(d),
    sins(d, s),
    stallingAndSpoilers(d, s),
    exerciseReview(d, s),
    objectivesPanel(d, objectives),
    ...(d.history ? [history(d)] : []),
  ];
}

/** Save data as a JSON file (the export for grading). */
export function downloadJson(filename: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function section(title: string, testid: string, wide: boolean, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: `panel${wide ? ' wide' : ''}`, 'data-testid': testid }, el('h2', { text: title }), ...children);
}

function wentWell(d: Debrief, s: Scenario): HTMLElement {
  const items: string[] = [];
  for (const sp of d.spoilers) {
    const right = sp.engagements.filter((e) => e.right);
    if (right.length)
      items.push(
        t('report.well.spoiler', {
          faction: nameOf(s, sp.faction),
          type: t(`table.spoiler.${sp.type}`),
          approach: right.map((e) => t(`approach.${e.approach}`)).join(', '),
          turns: right.map((e) => e.turn).join(', '),
        }),
      );
  }
  for (const r of d.exercise)
    if (r.met === true && r.expected) items.push(t('report.well.inject', { synopsis: r.synopsis, move: t(`move.${r.expected.move}`) }));
  for (const h of d.hallmarks) if (h.earned) items.push(`${fmt({ key: `debrief.hallmark.${h.id}.name` })}: ${fmt(h.evidence, s)}`);
  for (const sin of d.sins) if (!sin.committed) items.push(t('report.well.avoided', { sin: fmt({ key: `debrief.sin.${sin.id}.name` }) }));
  if (d.agreement) items.push(t('ui.debrief.agreement', { quality: Math.round(d.agreement.quality * 100), balance: Math.round(d.agreement.balance * 100) }));
  return section(
    t('report.wentWell'),
    'went-well',
    false,
    items.length ? el('ul', {}, ...items.map((x) => el('li', { text: x }))) : el('p', { class: 'hint', text: t('report.wentWellNone') }),
  );
}

function charts(d: Debrief, s: Scenario): HTMLElement {
  const sinTurns = new Set(d.sins.filter((x) => x.committed).flatMap((x) => x.evidenceTurns));
  // Sized so that 15-unit labels stay at 12 px or more down to the narrowest column (18rem).
  const W = 300;
  const H = 164;
  const pad = { l: 34, r: 8, t: 14, b: 30 };
  const pw = W - pad.l - pad.r;
  const ph = H - pad.t - pad.b;
  const turns = d.series.turns;
  const n = turns.length;
  const xAt = (i: number) => pad.l + (n <= 1 ? pw / 2 : (pw * i) / (n - 1));
  const yAt = (val: number) => pad.t + ph - (ph * Math.max(0, Math.min(100, val))) / 100;
  const figs = METRICS.map((m) => {
    const lines: SVGElement[] = [];
    for (const y of [0, 50, 100]) {
      lines.push(svg('line', { x1: pad.l, x2: W - pad.r, y1: yAt(y), y2: yAt(y), stroke: '#2e3b4e', class: 'grid-line' }));
      lines.push(svg('text', { x: pad.l - 4, y: yAt(y) + 4, 'text-anchor': 'end', 'font-size': 15, fill: '#a9b8ca' }, document.createTextNode(String(y))));
    }
    turns.forEach((turn, i) => {
      if (sinTurns.has(turn)) lines.push(svg('circle', { cx: xAt(i), cy: H - pad.b + 6, r: 3, fill: '#f08a93' }));
    });
    if (n > 0) {
      lines.push(svg('text', { x: pad.l, y: H - 8, 'font-size': 15, fill: '#a9b8ca' }, document.createTextNode(t('ui.turnShort', { turn: turns[0] }))));
      lines.push(
        svg(
          'text',
          { x: W - pad.r, y: H - 8, 'font-size': 15, fill: '#a9b8ca', 'text-anchor': 'end' },
          document.createTextNode(t('ui.turnShort', { turn: turns[n - 1] })),
        ),
      );
    }
    Object.keys(d.series.parties).forEach((pid, k) => {
      const series = (d.series.parties[pid] as unknown as Record<string, (number | null)[]>)[m] ?? [];
      let path = '';
      let pen = false;
      series.forEach((val, i) => {
        if (val === null || val === undefined) {
          pen = false;
          return;
        }
        path += `${pen ? 'L' : 'M'}${xAt(i).toFixed(1)},${yAt(val).toFixed(1)}`;
        pen = true;
      });
      if (path) lines.push(svg('path', { d: path, fill: 'none', stroke: hex(partyColor(k)), 'stroke-width': 2.5 }));
    });
    const last = (pid: string) => {
      const series = (d.series.parties[pid] as unknown as Record<string, (number | null)[]>)[m] ?? [];
      return [...series].reverse().find((x) => x !== null && x !== undefined);
    };
    const summary = s.parties.map((p) => `${p.short ?? p.name} ${last(p.id) ?? '—'}`).join(', ');
    return el(
      'figure',
      { class: 'chart', style: 'margin:0' },
      el('figcaption', { style: `color:${hex(METER_COLORS[m] ?? 0xa9b8ca)}`, text: t(`meter.${m}`) }),
      svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${t(`meter.${m}`)}: ${t('report.chartEnd', { list: summary })}` }, ...lines),
    );
  });
  const legend = el(
    'ul',
    { class: 'legend' },
    ...s.parties.map((p, i) => el('li', {}, el('span', { class: 'dot', style: `background:${hex(partyColor(i))}`, 'aria-hidden': 'true' }), p.short ?? p.name)),
    el('li', { class: 'hint', text: t('ui.debrief.legend') }),
  );
  const segs = d.timeline.filter((seg, i, all) => i === 0 || all[i - 1]!.phase !== seg.phase);
  const timeline = el('p', {
    'data-testid': 'timeline',
    text: `${t('ui.debrief.timeline')}: ${segs.map((x) => `${t('ui.turnShort', { turn: x.turn })} ${t(`phase.${x.phase}`)}`).join(' → ')}`,
  });
  return section(t('ui.debrief.charts'), 'charts', true, el('div', { class: 'charts' }, ...figs), legend, timeline);
}

function scoreParts(d: Debrief): HTMLElement {
  const keys = ['phase', 'agreement', 'durability', 'hallmarks', 'sins'] as const;
  return section(
    t('ui.debrief.parts'),
    'score-parts',
    false,
    el(
      'table',
      { class: 'grid' },
      el(
        'tbody',
        {},
        ...keys.map((k) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', text: t(`ui.debrief.part.${k}`) }),
            el('td', { class: 'num', text: `${Math.round(d.scoreParts[k])} / ${SCORE_WEIGHTS[k]}` }),
          ),
        ),
      ),
    ),
    el('p', { class: 'hint', text: t('report.impartiality', { balance: Math.round(d.impartiality.balance * 100) }) }),
  );
}

function sins(d: Debrief, s: Scenario): HTMLElement {
  const list = [...d.sins].sort((a, b) => Number(b.committed) - Number(a.committed));
  return section(
    t('ui.debrief.sins'),
    'sins',
    true,
    ...list.map((sin) => {
      const sec = el(
        'section',
        { class: `sin ${sin.committed ? 'committed' : 'avoided'}`, 'data-testid': `sin-${sin.id}` },
        el(
          'h3',
          {},
          el('span', { class: 'badge', text: sin.committed ? t('ui.debrief.sinCommitted') : t('ui.debrief.sinAvoided') }),
          ' ',
          fmt({ key: `debrief.sin.${sin.id}.name` }),
        ),
      );
      if (sin.committed) {
        if (sin.evidenceTurns.length) sec.append(el('p', { class: 'turns', text: t('ui.debrief.evidenceTurns', { turns: sin.evidenceTurns.join(', ') }) }));
        sec.append(el('ul', { class: 'evidence' }, ...sin.evidence.map((m) => el('li', { text: fmt(m, s) }))));
        sec.append(el('p', { class: 'better', text: t('ui.debrief.better', { text: fmt(sin.better, s) }) }));
      }
      return sec;
    }),
    el('h3', { text: t('ui.debrief.hallmarks') }),
    el(
      'ul',
      {},
      ...d.hallmarks.map((h) =>
        el(
          'li',
          { class: h.earned ? 'earned' : 'missed', 'data-testid': `hallmark-${h.id}` },
          el('span', { class: 'badge', text: `${h.earned ? t('ui.debrief.earned') : t('ui.debrief.missed')}: ` }),
          `${fmt({ key: `debrief.hallmark.${h.id}.name` })} — ${fmt(h.evidence, s)}`,
        ),
      ),
    ),
  );
}

function stallingAndSpoilers(d: Debrief, s: Scenario): HTMLElement {
  const stalling = d.stalling.length
    ? el(
        'ul',
        { 'data-testid': 'stalling' },
        ...d.stalling.map((x) => el('li', { text: t(x.detected ? 'debrief.stalling.detected' : 'debrief.stalling.missed', { party: nameOf(s, x.party) }) })),
      )
    : el('p', { 'data-testid': 'stalling', text: t('report.stalling.none') });
  const spoilers = el(
    'table',
    { class: 'grid', 'data-testid': 'spoilers' },
    el(
      'thead',
      {},
      el('tr', {}, ...['report.sp.faction', 'report.sp.type', 'report.sp.handling', 'report.sp.strikes'].map((k) => el('th', { scope: 'col', text: t(k) }))),
    ),
    el(
      'tbody',
      {},
      ...d.spoilers.map((sp) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: `${nameOf(s, sp.faction)} (${nameOf(s, sp.party)})` }),
          el('td', { text: `${t(`table.spoiler.${sp.type}`)}${sp.studied ? ` · ${t('report.sp.studied')}` : ''}` }),
          el('td', {
            text: sp.engagements.length
              ? sp.engagements.map((e) => `${t('ui.turnShort', { turn: e.turn })} ${t(`approach.${e.approach}`)} ${e.right ? '✓' : '✗'}`).join(', ')
              : t('report.sp.notEngaged'),
          }),
          el('td', { class: 'num', text: sp.strikes ? `${sp.strikes} (${sp.strikeTurns.map((x) => t('ui.turnShort', { turn: x })).join(', ')})` : '0' }),
        ),
      ),
    ),
  );
  return section(
    t('report.stallingTitle'),
    'stalling-spoilers',
    false,
    stalling,
    el('h3', { text: t('report.spoilersTitle') }),
    spoilers,
    el('p', { class: 'hint', text: t('report.sp.rule') }),
  );
}

function exerciseReview(d: Debrief, s: Scenario): HTMLElement {
  if (d.exercise.length === 0) return section(t('report.exercise'), 'exercise', false, el('p', { class: 'hint', text: t('report.exerciseNone') }));
  return section(
    t('report.exercise'),
    'exercise',
    true,
    el(
      'ul',
      { class: 'review' },
      ...d.exercise.map((r) =>
        el(
          'li',
          {},
          el('strong', { text: `${r.turn !== null ? t('ui.turnShort', { turn: r.turn }) + ' · ' : ''}${r.synopsis}` }),
          r.expected
            ? el(
                'p',
                {},
                el('span', {
                  class: r.met === true ? 'met' : r.met === false ? 'missed' : 'hint',
                  text: r.met === true ? t('report.review.met') : r.met === false ? t('report.review.missed') : t('report.review.open'),
                }),
                ` ${t('report.review.expected', { move: t(`move.${r.expected.move}`), target: r.expected.target ? nameOf(s, r.expected.target) : '—', within: r.expected.withinTurns })} ${r.expected.description}`,
              )
            : el('p', { class: 'hint', text: t('report.review.nothingExpected') }),
          r.contingenciesFired.length
            ? el('p', { class: 'bad-text', text: t('report.review.contingencies', { list: r.contingenciesFired.join(', ') }) })
            : null,
          r.learningObjective ? el('p', { class: 'hint', text: t('report.review.objective', { text: r.learningObjective }) }) : null,
        ),
      ),
    ),
  );
}

function objectivesPanel(d: Debrief, objectives: string[]): HTMLElement {
  const all = [...new Set([...objectives, ...d.exercise.map((r) => r.learningObjective).filter((x): x is string => !!x)])];
  if (all.length === 0) return section(t('menu.objectives'), 'objectives-review', false, el('p', { class: 'hint', text: t('report.objectivesNone') }));
  return section(
    t('menu.objectives'),
    'objectives-review',
    false,
    el(
      'ul',
      {},
      ...all.map((o) => {
        const reviews = d.exercise.filter((r) => r.learningObjective === o && r.expected);
        const state =
          reviews.length === 0 ? 'untested' : reviews.every((r) => r.met === true) ? 'met' : reviews.some((r) => r.met === false) ? 'missed' : 'open';
        return el(
          'li',
          { class: state === 'met' ? 'earned' : state === 'missed' ? 'missed' : '' },
          el('span', { class: 'badge', text: `${t(`report.objective.${state}`)}: ` }),
          o,
        );
      }),
    ),
  );
}

function history(d: Debrief): HTMLElement {
  const h = d.history!;
  return section(
    t('ui.debrief.history'),
    'history',
    true,
    el('p', { class: 'history-cmp', text: fmt({ key: `debrief.history.${h.phaseReached.comparison}` }) }),
    el(
      'div',
      { class: 'side-by-side' },
      el(
        'section',
        { class: 'card' },
        el('h3', { text: t('report.yourRun') }),
        el('p', { text: t('ui.debrief.historyRun', { outcome: t(`ui.debrief.outcomeShort.${h.outcome.run}`), phase: t(`phase.${h.phaseReached.run}`) }) }),
      ),
      el(
        'section',
        { class: 'card' },
        el('h3', { text: t('report.historyRun') }),
        el('p', {
          text: t('ui.debrief.historyReal', { outcome: t(`ui.debrief.outcomeShort.${h.outcome.history}`), phase: t(`phase.${h.phaseReached.history}`) }),
        }),
      ),
    ),
    el('p', { text: h.summary }),
    el(
      'table',
      { class: 'grid' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col', text: t('report.turn') }),
          el('th', { scope: 'col', text: t('report.historyRun') }),
          el('th', { scope: 'col', text: t('report.yourRun') }),
        ),
      ),
      el(
        'tbody',
        {},
        ...h.keyMoments.map((k) =>
          el(
            'tr',
            {},
            el('td', { class: 'num', text: String(k.turn) }),
            el('td', { text: k.label }),
            el('td', { text: k.runPhase ? t(`phase.${k.runPhase}`) : '—' }),
          ),
        ),
      ),
    ),
  );
}
