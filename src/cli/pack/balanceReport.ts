/**
 * The balance reports: Markdown (for reading in an editor or a repository) and a self-contained
 * HTML page with inline SVG charts drawn here. The HTML has no script, no external font, style
 * sheet or image, and a Content-Security-Policy that forbids fetching anything; every text from
 * the pack is escaped.
 */
import { DEBRIEF_MESSAGES } from '../../sim/debrief/messages';
import type { PhaseId, ProcessPhase } from '../../sim/types';
import { MAIN_PHASES, OUTCOMES, PROCESS_PHASES, type Outcome } from './balanceGames';
import type { InjectInfo, ScenarioAnalysis } from './balanceRun';
import { WALK_OUT_CAUSES } from '../../scenario/trace';
import { ablationIsClear, ablationReason, CAUSE_LABEL, ENDING_LABEL, pct, THRESHOLDS, type AblationRow, type Flag, type PolicyStats } from './balanceStats';

export interface ReportContext {
  file: string;
  pack: { id: string; title: string; version: string };
  /** When the report was made (ISO string); fixed in tests. */
  generated: string;
}

export const OUTCOME_LABEL: Record<Outcome, string> = {
  durable: 'durable',
  notImplemented: 'not implemented',
  partial: 'partial',
  suspended: 'suspended',
  collapsed: 'collapsed',
};
export const OUTCOME_COLOR: Record<Outcome, string> = {
  durable: '#2e7d32',
  notImplemented: '#9ccc65',
  partial: '#fbc02d',
  suspended: '#fb8c00',
  collapsed: '#c62828',
};
export const PHASE_COLOR: Record<ProcessPhase, string> = {
  exploratory: '#bbdefb',
  agenda: '#64b5f6',
  negotiation: '#1e88e5',
  agreements: '#1565c0',
  monitoring: '#0d47a1',
  concluded: '#2e7d32',
  suspended: '#fb8c00',
  collapsed: '#c62828',
};
const POLICY_COLOR: Record<string, string> = { random: '#9e9e9e', greedy: '#ef6c00', 'by-the-book': '#1565c0', expert: '#6a1b9a' };

export const sinName = (id: string): string => DEBRIEF_MESSAGES[`debrief.sin.${id}.name`] ?? id;
const FLAG_MARK: Record<Flag['severity'], string> = { problem: 'PROBLEM', warning: 'warning', note: 'note' };

/** Signed percentage points, e.g. "+12.5", "−3.0", "0.0". */
export function signedPoints(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return v > 0 ? `+${v.toFixed(1)}` : v < 0 ? `−${(-v).toFixed(1)}` : '0.0';
}

/** A change with its 95% margin; "(noise)" when the change is within the margin. */
export function deltaCell(delta: number, margin: number): string {
  const m = Number.isFinite(margin) ? margin : 0;
  if (delta === 0 && m === 0) return '0.0';
  return `${signedPoints(delta)} ±${(100 * m).toFixed(1)}${Math.abs(delta) <= m ? ' (noise)' : ''}`;
}

export const whenOf = (i: InjectInfo): string => [i.turn !== undefined ? `turn ${i.turn}` : '', i.conditional ? 'on condition' : ''].filter(Boolean).join(', ');

/** The process phase "collapsed" is not the outcome "collapsed"; say so where both can be seen. */
const ENDED_NOTE =
  'Here "collapsed" is the state of the talks once they end without a signed agreement (for instance when time runs out); the outcome of such a game is still partial if it reached the agreements phase or agreed an issue.';

export const reportBaseName = (packId: string, scenarioId: string): string => `${packId}-${scenarioId}.balance`;

// ——— Why games end as they do (shared by both reports and the console) ———

/** Said next to every contingency rate: bots never give an inject its expected response. */
export const CONTINGENCY_NOTE =
  "Contingency rates are a bot's, not a trainee's: the bots do not answer an inject's expected responses, so contingencies fire far more often than they would for a trainee.";

export const STALL_INTRO =
  'Games that did not sign: the phase they stalled in (the one a walk-out interrupted, if they ended suspended), how they ended, and the exit criteria of that phase still unmet when they ended (with "back at the table" for parties still out), as a share of all the policy\'s games; "never reached direct talks" is also counted for every unsigned game that got past exploratory without ever sitting face to face, since signing needs it. A criterion unmet in most games is where the talks stall.';

export const WALK_OUT_INTRO = `Who walked out, when and by which rule (src/scenario/trace.ts; npm run sim -- --trace shows it game by game): BATNA above what the process promises by more than walkOutMargin, commitment below 20, a sanctions shock (a stalling party's pretext, or commitment broken below 35), a spoiler faction's call, an inject's walk-out. Shares of games; a game can have several walk-outs.`;

/** Rows of the stall table: one per policy. */
export function stallRows(p: PolicyStats[]): (string | number)[][] {
  return p.map((s) => [
    s.policy,
    pct(s.stalls.games),
    MAIN_PHASES.filter((ph) => s.stalls.stalledIn[ph] > 0)
      .map((ph) => `${ph} ${pct(s.stalls.stalledIn[ph], 0)}`)
      .join(', ') || '—',
    (Object.keys(ENDING_LABEL) as (keyof typeof ENDING_LABEL)[])
      .filter((e) => e !== 'concluded' && s.stalls.endings[e] > 0)
      .map((e) => `${ENDING_LABEL[e]} ${pct(s.stalls.endings[e], 0)}`)
      .join('; ') || '—',
  ]);
}

/** Rows of the unmet-criteria table: one per criterion, a column per policy. */
export function unmetRows(p: PolicyStats[], max = 12): (string | number)[][] {
  const seen = new Map<string, { label: string; phase: string; top: number }>();
  for (const s of p) for (const u of s.stalls.unmet) seen.set(u.id, { label: u.label, phase: u.phase, top: Math.max(seen.get(u.id)?.top ?? 0, u.share) });
  return [...seen]
    .sort((a, b) => b[1].top - a[1].top || a[1].label.localeCompare(b[1].label))
    .slice(0, max)
    .map(([id, u]) => [u.label, u.phase, ...p.map((s) => pct(s.stalls.unmet.find((x) => x.id === id)?.share ?? 0, 0))]);
}

/** Rows of the walk-out table: one per policy and cause. */
export function walkOutRows(p: PolicyStats[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const s of p) {
    const w = s.walkOuts;
    rows.push([s.policy, 'any cause', pct(w.games), pct(w.early), w.perGame.toFixed(2), '', '']);
    for (const c of w.causes) {
      rows.push([
        '',
        CAUSE_LABEL[c.cause],
        pct(c.games),
        pct(c.early),
        c.perGame.toFixed(2),
        String(c.medianTurn),
        [c.parties.map((x) => `${x.id} ${pct(x.share, 0)}`).join(', '), c.by.length ? `by ${c.by.map((x) => `${x.id} ${pct(x.share, 0)}`).join(', ')}` : '']
          .filter(Boolean)
          .join('; '),
      ]);
    }
  }
  return rows;
}
export const WALK_OUT_HEAD = [
  'policy',
  'cause',
  'games with one',
  `on turn 1–${THRESHOLDS.earlyWalkOutTurns}`,
  'per game',
  'median turn',
  'who (and what behind it)',
];

/** By-the-book walk-outs turn by turn, a column per cause seen. */
export function walkOutTurnTable(s: PolicyStats): { head: string[]; rows: (string | number)[][] } {
  const causes = WALK_OUT_CAUSES.filter((c) => s.walkOuts.byTurnCause[c].some((x) => x > 0));
  const rows: (string | number)[][] = [];
  s.walkOuts.byTurn.forEach((x, i) => {
    if (x > 0) rows.push([i + 1, pct(x, 0), ...causes.map((c) => (s.walkOuts.byTurnCause[c][i]! > 0 ? pct(s.walkOuts.byTurnCause[c][i]!, 0) : '·'))]);
  });
  return { head: ['turn', 'any', ...causes.map((c) => CAUSE_LABEL[c])], rows };
}

// ——— Markdown ———

/** Text for Markdown: no raw HTML, no table breaks, one line. */
export function mdText(s: string): string {
  return s
    .replace(/[\\*_`[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim();
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][], align?: string[]) =>
  [row(head), row(align ?? head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');

function flagLines(flags: Flag[], a: ScenarioAnalysis): string[] {
  if (flags.filter((f) => f.severity !== 'note').length === 0) {
    const btb = a.policies.find((p) => p.policy === 'by-the-book');
    const random = a.policies.find((p) => p.policy === 'random');
    const line = `No balance flags${btb ? `: by-the-book play signs an agreement in ${pct(btb.agreement)} of games` : ''}${random ? `, random play in ${pct(random.agreement)}` : ''}.`;
    return [line, ...flags.map((f) => `${FLAG_MARK[f.severity]} — ${f.id}: ${f.message}`)];
  }
  return flags.map((f) => `${FLAG_MARK[f.severity]} — ${f.id}: ${f.message}`);
}

export function renderMarkdown(a: ScenarioAnalysis, ctx: ReportContext): string {
  const out: string[] = [];
  const p = a.policies;
  const injectById = new Map(a.scenario.injects.map((i) => [i.id, i]));
  out.push(`# Balance report: ${mdText(a.scenario.title)}`, '');
  out.push(
    `Pack \`${ctx.pack.id}\` ${mdText(ctx.pack.version)} (${mdText(ctx.file)}), scenario \`${a.scenario.id}\` · ${a.runs} games per policy, seeds ${a.seed}–${a.seed + a.runs - 1}, difficulty ${a.difficulty} · generated ${ctx.generated}`,
    '',
  );

  out.push('## Verdict', '');
  for (const l of flagLines(a.flags, a)) out.push(`- ${l.startsWith('PROBLEM') ? `**${mdText(l)}**` : mdText(l)}`);
  out.push('');

  out.push('## Outcomes', '', 'Share of games ending in each outcome. *Agreement* = signed (reached monitoring): durable or not implemented.', '');
  out.push(
    table(
      ['policy', 'games', 'agreement', ...OUTCOMES.map((o) => OUTCOME_LABEL[o]), 'mean score'],
      p.map((s) => [s.policy, s.games, pct(s.agreement), ...OUTCOMES.map((o) => pct(s.outcomes[o])), s.meanScore.toFixed(1)]),
    ),
    '',
  );

  out.push('## Phases reached', '', 'Share of games that reached each phase (a game that reached negotiation also reached exploratory and agenda).', '');
  out.push(
    table(
      ['policy', ...MAIN_PHASES],
      p.map((s) => [s.policy, ...MAIN_PHASES.map((ph) => pct(s.phaseReach[ph]))]),
    ),
    '',
  );

  out.push('## Why games end without an agreement', '', mdText(STALL_INTRO), '');
  out.push(
    table(
      ['policy', 'not signed', 'stalled in', 'how they ended'],
      stallRows(p).map((r) => r.map((c) => mdText(String(c)))),
      ['---', '---:', '---', '---'],
    ),
    '',
  );
  const unmet = unmetRows(p);
  if (unmet.length)
    out.push(
      table(
        ['never met', 'phase', ...p.map((s) => s.policy)],
        unmet.map((r) => r.map((c) => mdText(String(c)))),
        ['---', '---', ...p.map(() => '---:')],
      ),
      '',
    );

  out.push('## Walk-outs by turn and cause', '', mdText(WALK_OUT_INTRO), '');
  out.push(
    table(
      WALK_OUT_HEAD,
      walkOutRows(p).map((r) => r.map((c) => mdText(String(c)))),
      ['---', '---', '---:', '---:', '---:', '---:', '---'],
    ),
    '',
  );
  const btbW = p.find((s) => s.policy === 'by-the-book');
  if (btbW && btbW.walkOuts.games > 0) {
    const t = walkOutTurnTable(btbW);
    out.push('By-the-book walk-outs turn by turn (share of games with a walk-out of each cause on that turn):', '', table(t.head.map(mdText), t.rows), '');
  }

  out.push('## Turns', '', 'Turns played per game (monitoring turns included); p5 and p95 are the 5th and 95th percentiles.', '');
  out.push(
    table(
      ['policy', 'median', 'p5', 'p95', 'min', 'max'],
      p.map((s) => [s.policy, s.turns.median, s.turns.p5, s.turns.p95, s.turns.min, s.turns.max]),
    ),
    '',
  );

  out.push('## Most frequent sins', '', 'Share of games in which the debrief found each of the seven sins of mediation.', '');
  out.push(
    table(
      ['policy', 'sins'],
      p.map((s) => [
        s.policy,
        s.sins
          .slice(0, 5)
          .map((x) => `${sinName(x.id)} ${pct(x.share, 0)}`)
          .join(', ') || 'none',
      ]),
      ['---', '---'],
    ),
    '',
  );

  out.push('## Exploit checks', '');
  out.push(...exploitIntro(a).map(mdText), '');
  if (a.exploits.length) {
    out.push(
      table(
        ['strategy', 'what it does', 'games', 'agreement', 'by-the-book, same seeds', 'verdict'],
        a.exploits.map((r) => [
          `\`${r.id}\``,
          mdText(r.label),
          r.games,
          pct(r.agreement),
          pct(r.byTheBook),
          r.pays ? '**pays: matches or beats by-the-book**' : 'does not pay',
        ]),
        ['---', '---', '---:', '---:', '---:', '---'],
      ),
      '',
    );
  }

  const btb = p.find((s) => s.policy === 'by-the-book');
  if (btb) {
    out.push(
      '## By-the-book play turn by turn',
      '',
      `The phase at the end of each turn, as a share of by-the-book games (a game already over keeps its last phase). This is the shape of the process under sound practice. ${ENDED_NOTE}`,
      '',
    );
    const cols = PROCESS_PHASES.filter((ph) => btb.byTurn.some((t) => t[ph] > 0));
    out.push(
      table(
        ['turn', ...cols],
        btb.byTurn.map((t, i) => [i + 1, ...cols.map((ph) => (t[ph] ? pct(t[ph], 0) : '·'))]),
      ),
      '',
    );
  }

  out.push('## Injects that most change outcomes', '');
  if (a.ablation.length === 0) {
    out.push(
      a.ablationSeeds === 0 ? 'Not computed (ablation switched off with --ablation 0, or no by-the-book play).' : 'The scenario has no scheduled injects.',
      '',
    );
  } else {
    out.push(
      `By-the-book play on seeds ${a.seed}–${a.seed + a.ablationSeeds - 1}, replayed without each scheduled inject (its contingencies go with it). Δ = without − with, in percentage points: a positive Δ agreement means the game goes better without the inject. ± is the 95% margin of the paired difference; "(noise)" marks changes within it. Strongest effect first. *Why* gives the direction and the reason: the mean change it (and its contingencies) makes to each party's meters in the games it fires in, the walk-outs it causes, and walk-outs and collapse with and without it.`,
      '',
    );
    out.push(
      table(
        ['inject', 'when', 'fired', 'agreement with → without', 'Δ agreement', 'collapse with → without', 'Δ collapse', 'walk-outs with → without', 'why'],
        a.ablation.map((r) => {
          const info = injectById.get(r.inject);
          return [
            `\`${r.inject}\``,
            info ? whenOf(info) : '',
            pct(r.fired, 0),
            `${pct(r.agreementWith)} → ${pct(r.agreementWithout)}`,
            deltaCell(r.agreementDelta, r.agreementMargin),
            `${pct(r.collapseWith)} → ${pct(r.collapseWithout)}`,
            deltaCell(r.collapseDelta, r.collapseMargin),
            `${pct(r.walkOutWith)} → ${pct(r.walkOutWithout)}`,
            mdText(ablationReason(r)),
          ];
        }),
        ['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---'],
      ),
      '',
    );
    const top = a.ablation[0]!;
    const topInfo = injectById.get(top.inject);
    if (ablationIsClear(top) && topInfo) out.push(`Most decisive: \`${top.inject}\` — ${mdText(topInfo.synopsis)} ${mdText(`(${ablationReason(top)})`)}`, '');
  }

  if (a.history) {
    const h = a.history;
    out.push('## History', '', mdText(h.summary), '');
    out.push(
      table(
        ['', 'the real process', 'by-the-book play'],
        [
          [
            'furthest phase',
            h.history.phaseReached,
            `most often ${h.modalPhase}; ${h.history.phaseReached} or further in ${pct(h.reachedAtLeast)}; exactly ${h.history.phaseReached} in ${pct(h.samePhase)}`,
          ],
          [
            'outcome',
            OUTCOME_LABEL[h.history.outcome],
            `most often ${OUTCOME_LABEL[h.modalOutcome]}; ${OUTCOME_LABEL[h.history.outcome]} in ${pct(h.sameOutcome)}`,
          ],
          ['both as in history', '', pct(h.same)],
        ],
        ['---', '---', '---'],
      ),
      '',
    );
    if (h.keyMoments.length) {
      out.push('Key moments of the real process:', '');
      for (const k of h.keyMoments) out.push(`- turn ${k.turn}: ${mdText(k.label)}`);
      out.push('');
    }
  }

  const injectIds = [...new Set([...a.scenario.injects.flatMap((i) => [i.id, ...i.contingencies]), ...p.flatMap((s) => s.injects.map((x) => x.id))])];
  if (injectIds.length) {
    out.push('## Injects fired', '', `Share of games in which each inject (or contingency, indented) fired. ${mdText(CONTINGENCY_NOTE)}`, '');
    const contingency = new Set(a.scenario.injects.flatMap((i) => i.contingencies));
    out.push(
      table(
        ['inject', 'when', ...p.map((s) => s.policy)],
        injectIds.map((id) => {
          const info = injectById.get(id);
          return [
            `${contingency.has(id) ? '↳ ' : ''}\`${id}\``,
            info ? whenOf(info) : contingency.has(id) ? 'contingency' : '',
            ...p.map((s) => pct(s.injects.find((x) => x.id === id)?.share ?? 0, 0)),
          ];
        }),
        ['---', '---', ...p.map(() => '---:')],
      ),
      '',
    );
  }

  out.push('## How to read this report', '');
  out.push(...methodNotes(a).map((l) => `- ${l}`), '');
  return out.join('\n');
}

/** The exploit section's verdict: which degenerate strategies pay, by name, or that none does. */
export function exploitIntro(a: ScenarioAnalysis): string[] {
  if (a.exploitSeeds === 0 || a.exploits.length === 0) return ['Not run (switched off with --exploits 0, or no by-the-book play to compare with).'];
  const paying = a.exploits.filter((r) => r.pays);
  const head = `Degenerate strategies played as bots on seeds ${a.seed}–${a.seed + a.exploitSeeds - 1}, each against by-the-book play on the same seeds: a strategy that signs as often as by-the-book or more means the rules reward the trick over mediation.`;
  const verdict =
    paying.length === 0
      ? `None of the ${a.exploits.length} strategies matches by-the-book.`
      : `${paying.length} of ${a.exploits.length} match or beat by-the-book: ${paying.map((r) => `${r.id} (${pct(r.agreement)} vs ${pct(r.byTheBook)})`).join(', ')}.`;
  return [head, verdict];
}

function methodNotes(a: ScenarioAnalysis): string[] {
  const T = THRESHOLDS;
  return [
    `Policies: random plays any legal move; greedy pushes phases and splits the difference; by-the-book follows sound practice and reads refusals; expert is a strong mediator that sees only the mediator's view and avoids the sins (src/sim/bots/policies.ts). Each plays the same ${a.runs} seeds.`,
    `exploit-pays: a degenerate strategy (src/sim/bots/exploits.ts) signs in at least as many games as by-the-book on the same seeds.`,
    `unwinnable: by-the-book signs in under ${T.unwinnableAgreement}% of games and under ${T.unwinnableAgreementsPhase}% reach the agreements phase. hard-to-close: signs in under ${T.unwinnableAgreement}% although ${T.unwinnableAgreementsPhase}% or more reach agreements.`,
    `trivially-won: random play signs in over ${T.trivialRandomAgreement}% of games, or by-the-book ends durable in over ${T.trivialDurable}% with no collapse.`,
    `skill-does-not-matter: by-the-book signs less than ${T.skillAgreementGap} points more often than random and gets less than ${T.skillPhaseGap} phase further on average.`,
    `history-out-of-reach: by-the-book gets as far as the real process in under ${T.historyReach}% of games. few-runs: under ${T.fewRuns} games per policy.`,
    `early-walk-outs: a party walks out on turn 1–${T.earlyWalkOutTurns} in ${T.earlyWalkOut}% or more of by-the-book games. criterion-never-met: an exit criterion is still unmet when ${T.criterionNeverMet}% or more of by-the-book games end. decisive-inject: removing an inject changes by-the-book agreement by ${T.decisiveInject} points or more (beyond noise); the flag says which way and why.`,
    CONTINGENCY_NOTE,
    'Percentiles are nearest-rank (always a value some game had).',
  ];
}

// ——— HTML ———

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fx = (n: number) => (Math.round(n * 10) / 10).toString();
const svgText = (x: number, y: number, text: string, attrs = '') => `<text x="${fx(x)}" y="${fx(y)}"${attrs ? ` ${attrs}` : ''}>${esc(text)}</text>`;
const rect = (x: number, y: number, w: number, h: number, fill: string, title?: string) =>
  `<rect x="${fx(x)}" y="${fx(y)}" width="${fx(Math.max(0, w))}" height="${fx(Math.max(0, h))}" fill="${fill}">${title ? `<title>${esc(title)}</title>` : ''}</rect>`;
const svg = (w: number, h: number, label: string, body: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}">${body.join('')}</svg>`;

function legend(items: { label: string; color: string }[], x: number, y: number): string[] {
  const out: string[] = [];
  let cx = x;
  for (const it of items) {
    out.push(rect(cx, y - 10, 12, 12, it.color), svgText(cx + 16, y, it.label, 'class="small"'));
    cx += 26 + it.label.length * 6.3;
  }
  return out;
}

/** One horizontal bar per policy, split by outcome. */
export function outcomeChart(p: PolicyStats[]): string {
  const W = 720;
  const left = 100;
  const barW = W - left - 20;
  const rowH = 34;
  const top = 30;
  const H = top + p.length * rowH + 10;
  const body = legend(
    OUTCOMES.map((o) => ({ label: OUTCOME_LABEL[o], color: OUTCOME_COLOR[o] })),
    left,
    16,
  );
  p.forEach((s, i) => {
    const y = top + i * rowH;
    body.push(svgText(left - 8, y + 18, s.policy, 'text-anchor="end"'));
    let x = left;
    for (const o of OUTCOMES) {
      const w = s.outcomes[o] * barW;
      body.push(rect(x, y + 2, w, rowH - 8, OUTCOME_COLOR[o], `${s.policy}: ${OUTCOME_LABEL[o]} ${pct(s.outcomes[o])}`));
      if (w >= 40)
        body.push(
          svgText(x + w / 2, y + 18, pct(s.outcomes[o], 0), `text-anchor="middle" class="on-bar${o === 'partial' || o === 'notImplemented' ? ' dark' : ''}"`),
        );
      x += w;
    }
  });
  return svg(W, H, 'Outcomes by policy', body);
}

/** Grouped bars: for each phase, the share of games of each policy that reached it. */
export function phaseChart(p: PolicyStats[]): string {
  const W = 720;
  const H = 250;
  const left = 44;
  const top = 28;
  const bottom = 36;
  const plotH = H - top - bottom;
  const groupW = (W - left - 10) / MAIN_PHASES.length;
  const barW = Math.min(34, (groupW - 16) / Math.max(1, p.length));
  const body = legend(
    p.map((s) => ({ label: s.policy, color: POLICY_COLOR[s.policy] ?? '#666' })),
    left,
    16,
  );
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + plotH * (1 - v);
    body.push(
      `<line x1="${left}" x2="${W - 10}" y1="${fx(y)}" y2="${fx(y)}" class="grid"/>`,
      svgText(left - 6, y + 4, pct(v, 0), 'text-anchor="end" class="small"'),
    );
  }
  MAIN_PHASES.forEach((ph, g) => {
    const gx = left + g * groupW + (groupW - barW * p.length) / 2;
    p.forEach((s, k) => {
      const h = s.phaseReach[ph] * plotH;
      body.push(rect(gx + k * barW, top + plotH - h, barW - 3, h, POLICY_COLOR[s.policy] ?? '#666', `${s.policy} reached ${ph}: ${pct(s.phaseReach[ph])}`));
    });
    body.push(svgText(left + g * groupW + groupW / 2, H - bottom + 18, ph, 'text-anchor="middle"'));
  });
  return svg(W, H, 'Share of games that reached each phase, by policy', body);
}

/** One small histogram of turns per policy, on a shared axis. */
export function turnChart(p: PolicyStats[]): string {
  const W = 720;
  const left = 100;
  const rowH = 70;
  const top = 10;
  const maxT = Math.max(1, ...p.map((s) => s.turns.histogram.length - 1));
  const minT = Math.min(...p.map((s) => (Number.isFinite(s.turns.min) ? s.turns.min : maxT)));
  const span = maxT - minT + 1;
  const colW = (W - left - 20) / span;
  const H = top + p.length * rowH + 28;
  const body: string[] = [];
  p.forEach((s, i) => {
    const y0 = top + i * rowH;
    const peak = Math.max(1, ...s.turns.histogram);
    body.push(
      svgText(left - 8, y0 + rowH / 2, s.policy, 'text-anchor="end"'),
      svgText(left - 8, y0 + rowH / 2 + 14, `median ${s.turns.median}`, 'text-anchor="end" class="small"'),
    );
    for (let t = minT; t <= maxT; t++) {
      const c = s.turns.histogram[t] ?? 0;
      if (!c) continue;
      const h = (c / peak) * (rowH - 14);
      body.push(
        rect(
          left + (t - minT) * colW + 1,
          y0 + rowH - 6 - h,
          colW - 2,
          h,
          POLICY_COLOR[s.policy] ?? '#666',
          `${s.policy}: ${c} game${c === 1 ? '' : 's'} of ${t} turns (${pct(c / Math.max(1, s.games))})`,
        ),
      );
    }
    body.push(`<line x1="${left}" x2="${W - 20}" y1="${fx(y0 + rowH - 6)}" y2="${fx(y0 + rowH - 6)}" class="axis"/>`);
  });
  const step = span > 30 ? 5 : span > 12 ? 2 : 1;
  for (let t = minT; t <= maxT; t++)
    if ((t - minT) % step === 0 || t === maxT) body.push(svgText(left + (t - minT + 0.5) * colW, H - 10, String(t), 'text-anchor="middle" class="small"'));
  return svg(W, H, 'Turns per game, by policy', body);
}

/** Stacked columns: the phase at the end of each turn, by-the-book. */
export function timelineChart(s: PolicyStats): string {
  const W = 720;
  const H = 260;
  const left = 44;
  const top = 30;
  const bottom = 30;
  const plotH = H - top - bottom;
  const n = Math.max(1, s.byTurn.length);
  const colW = (W - left - 10) / n;
  const used = PROCESS_PHASES.filter((ph) => s.byTurn.some((t) => t[ph] > 0));
  const body = legend(
    used.map((ph) => ({ label: ph, color: PHASE_COLOR[ph] })),
    left,
    16,
  );
  s.byTurn.forEach((t, i) => {
    let y = top + plotH;
    for (const ph of PROCESS_PHASES) {
      const h = t[ph] * plotH;
      if (h <= 0) continue;
      y -= h;
      body.push(rect(left + i * colW + 1, y, colW - 2, h, PHASE_COLOR[ph], `turn ${i + 1}: ${ph} ${pct(t[ph])}`));
    }
    const step = n > 30 ? 5 : n > 15 ? 2 : 1;
    if (i % step === 0 || i === n - 1) body.push(svgText(left + (i + 0.5) * colW, H - 10, String(i + 1), 'text-anchor="middle" class="small"'));
  });
  for (const v of [0, 0.5, 1]) body.push(svgText(left - 6, top + plotH * (1 - v) + 4, pct(v, 0), 'text-anchor="end" class="small"'));
  return svg(W, H, `${s.policy}: phase at the end of each turn`, body);
}

/** Diverging bars: change in agreement and in collapse when each inject is removed. */
export function ablationChart(rows: AblationRow[]): string {
  const W = 720;
  const left = 210;
  const right = 20;
  const rowH = 30;
  const top = 30;
  const H = top + rows.length * rowH + 24;
  const maxAbs = Math.max(0.05, ...rows.flatMap((r) => [Math.abs(r.agreementDelta), Math.abs(r.collapseDelta)]));
  const half = (W - left - right) / 2;
  const mid = left + half;
  const scale = (d: number) => (d / maxAbs) * half;
  const body = legend(
    [
      { label: 'Δ agreement', color: '#1565c0' },
      { label: 'Δ collapse', color: '#c62828' },
    ],
    left,
    16,
  );
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    body.push(svgText(left - 8, y + 17, r.inject, 'text-anchor="end"'));
    const bar = (d: number, dy: number, color: string, what: string) => {
      const w = scale(d);
      body.push(rect(w >= 0 ? mid : mid + w, y + dy, Math.abs(w), 10, color, `without ${r.inject}: ${what} ${signedPoints(d)} points`));
    };
    bar(r.agreementDelta, 4, '#1565c0', 'agreement');
    bar(r.collapseDelta, 15, '#c62828', 'collapse');
  });
  body.push(`<line x1="${fx(mid)}" x2="${fx(mid)}" y1="${top - 4}" y2="${fx(top + rows.length * rowH)}" class="axis"/>`);
  body.push(
    svgText(left, H - 6, `${signedPoints(-maxAbs)} pts`, 'class="small"'),
    svgText(mid, H - 6, '0', 'text-anchor="middle" class="small"'),
    svgText(W - right, H - 6, `${signedPoints(maxAbs)} pts`, 'text-anchor="end" class="small"'),
  );
  return svg(W, H, 'Change in agreement and collapse rates without each inject (by-the-book)', body);
}

/** A Markdown-ish table as HTML, every cell escaped. */
function htmlTable(head: string[], rows: (string | number)[][], numeric = true, textColumns: number[] = [0]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const trs = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric && !textColumns.includes(i) ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

export function renderHtml(a: ScenarioAnalysis, ctx: ReportContext): string {
  const p = a.policies;
  const injectById = new Map(a.scenario.injects.map((i) => [i.id, i]));
  const parts: string[] = [];
  const h2 = (t: string) => parts.push(`<h2>${esc(t)}</h2>`);
  const para = (t: string, cls = '') => parts.push(`<p${cls ? ` class="${cls}"` : ''}>${esc(t)}</p>`);

  parts.push(`<h1>Balance report: ${esc(a.scenario.title)}</h1>`);
  para(
    `Pack ${ctx.pack.id} ${ctx.pack.version} (${ctx.file}), scenario ${a.scenario.id} · ${a.runs} games per policy, seeds ${a.seed}–${a.seed + a.runs - 1}, difficulty ${a.difficulty} · generated ${ctx.generated}`,
    'meta',
  );

  h2('Verdict');
  parts.push(
    `<ul class="flags">${flagLines(a.flags, a)
      .map(
        (l) => `<li class="${l.startsWith('PROBLEM') ? 'problem' : l.startsWith('warning') ? 'warning' : l.startsWith('note') ? 'note' : 'ok'}">${esc(l)}</li>`,
      )
      .join('')}</ul>`,
  );

  h2('Outcomes');
  para('Share of games ending in each outcome. Agreement = signed (reached monitoring): durable or not implemented.');
  parts.push(outcomeChart(p));
  parts.push(
    htmlTable(
      ['policy', 'games', 'agreement', ...OUTCOMES.map((o) => OUTCOME_LABEL[o]), 'mean score'],
      p.map((s) => [s.policy, s.games, pct(s.agreement), ...OUTCOMES.map((o) => pct(s.outcomes[o])), s.meanScore.toFixed(1)]),
    ),
  );

  h2('Phases reached');
  para('Share of games that reached each phase.');
  parts.push(phaseChart(p));
  parts.push(
    htmlTable(
      ['policy', ...MAIN_PHASES],
      p.map((s) => [s.policy, ...MAIN_PHASES.map((ph: PhaseId) => pct(s.phaseReach[ph]))]),
    ),
  );

  h2('Why games end without an agreement');
  para(STALL_INTRO);
  parts.push(htmlTable(['policy', 'not signed', 'stalled in', 'how they ended'], stallRows(p), true, [0, 2, 3]));
  const unmetH = unmetRows(p);
  if (unmetH.length) parts.push(htmlTable(['never met', 'phase', ...p.map((s) => s.policy)], unmetH, true, [0, 1]));

  h2('Walk-outs by turn and cause');
  para(WALK_OUT_INTRO);
  parts.push(htmlTable(WALK_OUT_HEAD, walkOutRows(p), true, [0, 1, 6]));
  const btbW = p.find((s) => s.policy === 'by-the-book');
  if (btbW && btbW.walkOuts.games > 0) {
    const t = walkOutTurnTable(btbW);
    para('By-the-book walk-outs turn by turn (share of games with a walk-out of each cause on that turn):');
    parts.push(htmlTable(t.head, t.rows));
  }

  h2('Turns');
  para('Turns played per game (monitoring turns included), with the median and the 5th–95th percentiles.');
  parts.push(turnChart(p));
  parts.push(
    htmlTable(
      ['policy', 'median', 'p5', 'p95', 'min', 'max'],
      p.map((s) => [s.policy, s.turns.median, s.turns.p5, s.turns.p95, s.turns.min, s.turns.max]),
    ),
  );

  h2('Most frequent sins');
  parts.push(
    htmlTable(
      ['policy', 'sins (share of games)'],
      p.map((s) => [
        s.policy,
        s.sins
          .slice(0, 5)
          .map((x) => `${sinName(x.id)} ${pct(x.share, 0)}`)
          .join(', ') || 'none',
      ]),
      false,
    ),
  );

  h2('Exploit checks');
  for (const l of exploitIntro(a)) para(l);
  if (a.exploits.length) {
    parts.push(
      htmlTable(
        ['strategy', 'what it does', 'games', 'agreement', 'by-the-book, same seeds', 'verdict'],
        a.exploits.map((r) => [r.id, r.label, r.games, pct(r.agreement), pct(r.byTheBook), r.pays ? 'PAYS: matches or beats by-the-book' : 'does not pay']),
        true,
        [0, 1, 5],
      ),
    );
  }

  const btb = p.find((s) => s.policy === 'by-the-book');
  if (btb) {
    h2('By-the-book play turn by turn');
    para(
      `The phase at the end of each turn, as a share of by-the-book games (a game already over keeps its last phase): the shape of the process under sound practice. ${ENDED_NOTE}`,
    );
    parts.push(timelineChart(btb));
  }

  h2('Injects that most change outcomes');
  if (a.ablation.length === 0) para(a.ablationSeeds === 0 ? 'Not computed (--ablation 0, or no by-the-book play).' : 'The scenario has no scheduled injects.');
  else {
    para(
      `By-the-book play on seeds ${a.seed}–${a.seed + a.ablationSeeds - 1}, replayed without each scheduled inject (its contingencies go with it). Δ = without − with, in percentage points: a positive Δ agreement means the game goes better without the inject. ± is the 95% margin of the paired difference. Strongest effect first. "Why" gives the direction and the reason: the mean change it (and its contingencies) makes to each party's meters in the games it fires in, the walk-outs it causes, and walk-outs and collapse with and without it.`,
    );
    parts.push(ablationChart(a.ablation));
    parts.push(
      htmlTable(
        [
          'inject',
          'when',
          'fired',
          'agreement with → without',
          'Δ agreement',
          'collapse with → without',
          'Δ collapse',
          'walk-outs with → without',
          'why',
          'synopsis',
        ],
        a.ablation.map((r) => {
          const info = injectById.get(r.inject);
          return [
            r.inject,
            info ? whenOf(info) : '',
            pct(r.fired, 0),
            `${pct(r.agreementWith)} → ${pct(r.agreementWithout)}`,
            deltaCell(r.agreementDelta, r.agreementMargin),
            `${pct(r.collapseWith)} → ${pct(r.collapseWithout)}`,
            deltaCell(r.collapseDelta, r.collapseMargin),
            `${pct(r.walkOutWith)} → ${pct(r.walkOutWithout)}`,
            ablationReason(r),
            info?.synopsis ?? '',
          ];
        }),
        true,
        [0, 1, 8, 9],
      ),
    );
    const top = a.ablation[0]!;
    const topInfo = injectById.get(top.inject);
    if (ablationIsClear(top) && topInfo) para(`Most decisive: ${top.inject} — ${topInfo.synopsis} (${ablationReason(top)})`);
  }

  if (a.history) {
    const h = a.history;
    h2('History');
    para(h.summary);
    parts.push(
      htmlTable(
        ['', 'the real process', 'by-the-book play'],
        [
          [
            'furthest phase',
            h.history.phaseReached,
            `most often ${h.modalPhase}; ${h.history.phaseReached} or further in ${pct(h.reachedAtLeast)}; exactly ${h.history.phaseReached} in ${pct(h.samePhase)}`,
          ],
          [
            'outcome',
            OUTCOME_LABEL[h.history.outcome],
            `most often ${OUTCOME_LABEL[h.modalOutcome]}; ${OUTCOME_LABEL[h.history.outcome]} in ${pct(h.sameOutcome)}`,
          ],
          ['both as in history', '', pct(h.same)],
        ],
        false,
      ),
    );
    if (h.keyMoments.length) parts.push(`<ul>${h.keyMoments.map((k) => `<li>turn ${esc(k.turn)}: ${esc(k.label)}</li>`).join('')}</ul>`);
  }

  const contingency = new Set(a.scenario.injects.flatMap((i) => i.contingencies));
  const injectIds = [...new Set([...a.scenario.injects.flatMap((i) => [i.id, ...i.contingencies]), ...p.flatMap((s) => s.injects.map((x) => x.id))])];
  if (injectIds.length) {
    h2('Injects fired');
    para(`Share of games in which each inject (↳ contingency) fired. ${CONTINGENCY_NOTE}`);
    parts.push(
      htmlTable(
        ['inject', 'when', ...p.map((s) => s.policy)],
        injectIds.map((id) => {
          const info = injectById.get(id);
          return [
            `${contingency.has(id) ? '↳ ' : ''}${id}`,
            info ? whenOf(info) : contingency.has(id) ? 'contingency' : '',
            ...p.map((s) => pct(s.injects.find((x) => x.id === id)?.share ?? 0, 0)),
          ];
        }),
        true,
        [0, 1],
      ),
    );
  }

  h2('How to read this report');
  parts.push(
    `<ul>${methodNotes(a)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>`,
  );

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Balance: ${a.scenario.title}`)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.meta { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.75rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f4f4f4; }
svg { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; font-size: 13px; }
svg text { fill: #222; } svg .small { font-size: 11px; fill: #555; }
svg .on-bar { fill: #fff; font-size: 11px; } svg .on-bar.dark { fill: #222; }
svg .grid { stroke: #eee; } svg .axis { stroke: #999; }
ul.flags { list-style: none; padding: 0; }
ul.flags li { padding: 0.4rem 0.6rem; margin: 0.3rem 0; border-left: 4px solid #999; background: #f7f7f7; }
ul.flags li.problem { border-color: #c62828; background: #fdecea; font-weight: 600; }
ul.flags li.warning { border-color: #fb8c00; background: #fff4e5; }
ul.flags li.ok { border-color: #2e7d32; background: #edf7ed; }
</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
