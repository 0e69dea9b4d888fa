/**
 * Balance statistics: pure functions from game records to the numbers, flags and comparisons the
 * reports show. No I/O, no engine: the tests feed them synthetic records.
 *
 * Definitions (also in scenarios/README.md §8):
 *  - a game reaches a phase when its furthest phase is that one or a later one;
 *  - an *agreement* is a game that reached monitoring (signed: outcome durable or notImplemented);
 *  - percentiles use the nearest-rank method (the p-th percentile is a value some game had).
 */
import type { PolicyId } from '../../sim/bots/policies';
import type { PhaseId, ProcessPhase } from '../../sim/types';
import type { Msg } from '../../sim/types';
import { ENDINGS, WALK_OUT_CAUSES, type Ending, type WalkOutCause } from '../../scenario/trace';
import { MAIN_PHASES, OUTCOMES, PROCESS_PHASES, type GameRecord, type Outcome } from './balanceGames';

/** The thresholds behind the flags, in percentage points of games. */
export const THRESHOLDS = {
  /** Unwinnable: by-the-book signs in fewer than this share of games … */
  unwinnableAgreement: 2,
  /** … and most of its games (fewer than this share reach it) never even get to the agreements phase. */
  unwinnableAgreementsPhase: 50,
  /** Trivially won: random play signs in more than this share of games … */
  trivialRandomAgreement: 30,
  /** … or by-the-book ends durable in more than this share with no collapse at all. */
  trivialDurable: 95,
  /** Skill does not matter: by-the-book signs fewer than this many points more often than random … */
  skillAgreementGap: 10,
  /** … and does not get this many phases further on average. */
  skillPhaseGap: 0.5,
  /** Out of history's reach: by-the-book gets as far as the real process in fewer than this share. */
  historyReach: 5,
  /** Below this many games per policy, rates move by several points from run to run. */
  fewRuns: 200,
  /** A criterion still unmet when by-the-book games end, in at least this share of them. */
  criterionNeverMet: 50,
  /** Walk-outs in the first turns (1 to earlyWalkOutTurns) in at least this share of by-the-book games. */
  earlyWalkOut: 20,
  earlyWalkOutTurns: 2,
  /** An inject whose removal changes by-the-book agreement by at least this many points (beyond noise). */
  decisiveInject: 20,
} as const;

export const isAgreement = (r: Pick<GameRecord, 'phaseReached'>): boolean => r.phaseReached === 'monitoring';
export const isCollapse = (r: Pick<GameRecord, 'outcome'>): boolean => r.outcome === 'collapsed';
export const phaseRank = (p: PhaseId): number => MAIN_PHASES.indexOf(p);

/** Nearest-rank percentile of ascending `sorted` (p in 0..100); NaN for no data. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Share (0..1) of `values` equal to each key, every key present (0 when absent). */
export function distribution<K extends string>(values: readonly string[], keys: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (values.length === 0) return out;
  for (const v of values) if (v in out) out[v as K] += 1;
  for (const k of keys) out[k] /= values.length;
  return out;
}

export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export interface TurnStats {
  median: number;
  p5: number;
  p95: number;
  min: number;
  max: number;
  /** histogram[t] = games that lasted t turns. */
  histogram: number[];
}

export function turnStats(turns: readonly number[]): TurnStats {
  const sorted = [...turns].sort((a, b) => a - b);
  const histogram = new Array<number>((sorted.at(-1) ?? 0) + 1).fill(0);
  for (const t of sorted) histogram[t]! += 1;
  return {
    median: percentile(sorted, 50),
    p5: percentile(sorted, 5),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    histogram,
  };
}

/** Share of games in which each id occurs (at most once per game), most frequent first. */
export function frequencies(lists: readonly (readonly string[])[]): { id: string; share: number }[] {
  const counts = new Map<string, number>();
  for (const l of lists) for (const id of new Set(l)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, c]) => ({ id, share: c / Math.max(1, lists.length) })).sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
}

export interface PolicyStats {
  policy: PolicyId;
  games: number;
  /** Share of games per outcome (0..1). */
  outcomes: Record<Outcome, number>;
  /** Share of games that reached each phase (0..1); non-increasing along the phases. */
  phaseReach: Record<PhaseId, number>;
  /** Share of games whose furthest phase was each phase. */
  furthest: Record<PhaseId, number>;
  agreement: number;
  collapse: number;
  /** Mean furthest phase, 0 = exploratory … 4 = monitoring. */
  meanPhase: number;
  turns: TurnStats;
  meanScore: number;
  sins: { id: string; share: number }[];
  /** Share of games in which each inject or contingency fired. */
  injects: { id: string; share: number }[];
  /** byTurn[t-1][phase] = share of games whose turn t ended in that phase; a game already over counts with its last phase. */
  byTurn: Record<ProcessPhase, number>[];
  /** Walk-outs by turn and by the rule that caused them. */
  walkOuts: WalkOutStats;
  /** Games that did not sign: where they stalled, how they ended, the criteria never met. */
  stalls: StallStats;
}

// ——— Why games end as they do ———

/** Plain words for each walk-out rule (src/scenario/trace.ts walkOutCause). */
export const CAUSE_LABEL: Record<WalkOutCause, string> = {
  batna: 'BATNA above the promise by more than walkOutMargin',
  commitment: 'commitment below 20',
  pretext: 'sanctions shock: a stalling party’s pretext',
  sanctions: 'sanctions shock broke its commitment (below 35)',
  spoiler: 'a spoiler faction called it out',
  inject: 'an inject’s walk-out',
  event: 'another event',
};

export const ENDING_LABEL: Record<Ending, string> = {
  concluded: 'concluded',
  running: 'still running (suspended or unfinished at the end)',
  violations: 'collapsed in monitoring (violations)',
  'all-walked-out': 'collapsed: every party walked out',
  'suspended-too-long': 'collapsed: suspended longer than suspendedMaxTurns',
  'turn-limit': 'collapsed: turn limit reached',
  other: 'collapsed',
};

export interface WalkOutCauseStats {
  cause: WalkOutCause;
  /** Share of games with at least one walk-out of this cause. */
  games: number;
  /** … with one on turns 1–earlyWalkOutTurns. */
  early: number;
  /** Walk-outs of this cause per game. */
  perGame: number;
  /** The turn of the median walk-out of this cause. */
  medianTurn: number;
  /** Who left (share of games in which each party left for this cause), most frequent first. */
  parties: { id: string; share: number }[];
  /** The inject, contingency or faction behind it, if any. */
  by: { id: string; share: number }[];
}

export interface WalkOutStats {
  /** Share of games with at least one walk-out. */
  games: number;
  /** … with one on turns 1–earlyWalkOutTurns. */
  early: number;
  perGame: number;
  /** byTurn[t-1] = share of games with a walk-out on turn t. */
  byTurn: number[];
  /** byTurnCause[cause][t-1] = share of games with a walk-out of that cause on turn t. */
  byTurnCause: Record<WalkOutCause, number[]>;
  /** Causes seen, most frequent first. */
  causes: WalkOutCauseStats[];
}

export function walkOutStats(records: readonly GameRecord[]): WalkOutStats {
  const n = Math.max(1, records.length);
  const E = THRESHOLDS.earlyWalkOutTurns;
  const longest = records.reduce((m, r) => Math.max(m, r.turns, ...r.walkOuts.map((x) => x.turn)), 0);
  const byTurn = new Array<number>(longest).fill(0);
  const byTurnCause = Object.fromEntries(WALK_OUT_CAUSES.map((c) => [c, new Array<number>(longest).fill(0)])) as Record<WalkOutCause, number[]>;
  let games = 0;
  let early = 0;
  let total = 0;
  const per = new Map<WalkOutCause, { games: number; early: number; count: number; turns: number[]; parties: string[][]; by: string[][] }>();
  for (const r of records) {
    if (r.walkOuts.length === 0) continue;
    games++;
    total += r.walkOuts.length;
    if (r.walkOuts.some((x) => x.turn <= E)) early++;
    for (const t of new Set(r.walkOuts.map((x) => x.turn))) byTurn[t - 1]! += 1;
    for (const c of new Set(r.walkOuts.map((x) => x.cause))) {
      const mine = r.walkOuts.filter((x) => x.cause === c);
      let st = per.get(c);
      if (!st) per.set(c, (st = { games: 0, early: 0, count: 0, turns: [], parties: [], by: [] }));
      st.games++;
      st.count += mine.length;
      if (mine.some((x) => x.turn <= E)) st.early++;
      st.turns.push(...mine.map((x) => x.turn));
      st.parties.push(mine.map((x) => x.party));
      st.by.push(mine.map((x) => x.by).filter(Boolean));
      for (const t of new Set(mine.map((x) => x.turn))) byTurnCause[c][t - 1]! += 1;
    }
  }
  const causes: WalkOutCauseStats[] = [...per].map(([cause, st]) => ({
    cause,
    games: st.games / n,
    early: st.early / n,
    perGame: st.count / n,
    medianTurn: percentile(
      [...st.turns].sort((a, b) => a - b),
      50,
    ),
    parties: frequencies(st.parties).map((x) => ({ id: x.id, share: (x.share * st.games) / n })),
    by: frequencies(st.by).map((x) => ({ id: x.id, share: (x.share * st.games) / n })),
  }));
  causes.sort((a, b) => b.games - a.games || a.cause.localeCompare(b.cause));
  return {
    games: games / n,
    early: early / n,
    perGame: total / n,
    byTurn: byTurn.map((c) => c / n),
    byTurnCause: Object.fromEntries(WALK_OUT_CAUSES.map((c) => [c, byTurnCause[c].map((x) => x / n)])) as Record<WalkOutCause, number[]>,
    causes,
  };
}

/** A criterion as the worker recorded it (JSON of the engine's Msg), in words: what was never achieved. */
export function criterionLabel(json: string): string {
  let m: Msg;
  try {
    m = JSON.parse(json) as Msg;
  } catch {
    return json;
  }
  const p = (m.params ?? {}) as Record<string, string | number>;
  switch (m.key) {
    case 'criteria.direct':
      return 'never reached direct talks (face to face)';
    case 'criteria.signed':
      return `${p.party} never signed`;
    case 'criteria.commitment':
      return `${p.party}'s commitment never reached ${p.need}`;
    case 'criteria.trust':
      return `${p.party}'s trust in the mediator never reached ${p.need}`;
    case 'criteria.agenda':
      return 'no agenda accepted by every party';
    case 'criteria.formula':
      return `no formula everyone accepts on ${p.issue}`;
    case 'criteria.atTable':
      return `${p.party} never came back to the table`;
    case 'criteria.compliance':
      return 'compliance did not hold long enough';
    default:
      return m.key;
  }
}

export interface StallStats {
  /** Share of games that did not sign. */
  games: number;
  /** Share of all games that stalled in each phase. */
  stalledIn: Record<PhaseId, number>;
  /** Share of all games ending each way. */
  endings: Record<Ending, number>;
  /** The exit criteria still unmet when unsigned games ended: share of all games, and of the unsigned ones; most frequent first. */
  unmet: { id: string; label: string; phase: PhaseId | 'suspended'; share: number; ofStalled: number }[];
}

export function stallStats(records: readonly GameRecord[]): StallStats {
  const n = Math.max(1, records.length);
  const stalled = records.filter((r) => r.stalledIn !== '');
  const stalledIn = distribution(
    stalled.map((r) => r.stalledIn),
    MAIN_PHASES,
  );
  for (const ph of MAIN_PHASES) stalledIn[ph] *= stalled.length / n;
  // The phase of a criterion: the stalled phase, except "back at the table".
  const phaseOf = new Map<string, PhaseId | 'suspended'>();
  for (const r of stalled)
    for (const u of r.unmet)
      if (!phaseOf.has(u))
        phaseOf.set(u, u.includes('"criteria.atTable"') ? 'suspended' : u.includes('"criteria.direct"') ? 'agreements' : (r.stalledIn as PhaseId));
  const unmet = frequencies(stalled.map((r) => r.unmet)).map((x) => ({
    id: x.id,
    label: criterionLabel(x.id),
    phase: phaseOf.get(x.id) ?? 'exploratory',
    share: (x.share * stalled.length) / n,
    ofStalled: x.share,
  }));
  return {
    games: stalled.length / n,
    stalledIn,
    endings: distribution(
      records.map((r) => r.ending),
      ENDINGS,
    ),
    unmet,
  };
}

export function policyStats(policy: PolicyId, records: readonly GameRecord[]): PolicyStats {
  const n = records.length;
  const furthest = distribution(
    records.map((r) => r.phaseReached),
    MAIN_PHASES,
  );
  const phaseReach = {} as Record<PhaseId, number>;
  let tail = 0;
  for (let i = MAIN_PHASES.length - 1; i >= 0; i--) {
    tail += furthest[MAIN_PHASES[i]!];
    phaseReach[MAIN_PHASES[i]!] = n ? Math.min(1, tail) : 0;
  }
  const longest = records.reduce((m, r) => Math.max(m, r.timeline.length), 0);
  const byTurn: Record<ProcessPhase, number>[] = [];
  for (let t = 0; t < longest; t++)
    byTurn.push(
      distribution(
        records.map((r) => r.timeline[Math.min(t, r.timeline.length - 1)] ?? 'exploratory'),
        PROCESS_PHASES,
      ),
    );
  return {
    policy,
    games: n,
    outcomes: distribution(
      records.map((r) => r.outcome),
      OUTCOMES,
    ),
    phaseReach,
    furthest,
    agreement: n ? records.filter(isAgreement).length / n : 0,
    collapse: n ? records.filter(isCollapse).length / n : 0,
    meanPhase: mean(records.map((r) => phaseRank(r.phaseReached))),
    turns: turnStats(records.map((r) => r.turns)),
    meanScore: mean(records.map((r) => r.score)),
    sins: frequencies(records.map((r) => r.sins)),
    injects: frequencies(records.map((r) => r.injects)),
    byTurn,
    walkOuts: walkOutStats(records),
    stalls: stallStats(records),
  };
}

// ——— Ablation ———

export interface AblationRow {
  inject: string;
  /** Paired seeds compared. */
  seeds: number;
  /** Share of those seeds in which the inject fired with it in place. */
  fired: number;
  agreementWith: number;
  agreementWithout: number;
  /** without − with, in shares (−1..1): positive means removing the inject helps agreement. */
  agreementDelta: number;
  collapseWith: number;
  collapseWithout: number;
  collapseDelta: number;
  /** Half-width of the 95% interval of each paired difference. */
  agreementMargin: number;
  collapseMargin: number;
  /** Share of games with a walk-out, with the inject and without it. */
  walkOutWith: number;
  walkOutWithout: number;
  /** Share of the games it fired in where it (or a contingency) made a party walk out, and who and why. */
  causedWalkOuts: number;
  causedBy: { party: string; cause: WalkOutCause; share: number }[];
  /** What it (and its contingencies) did to the meters in the games it fired in, mean change, largest first. */
  meters: { target: string; meter: string; mean: number }[];
}

/** 1.96 × standard error of the mean of paired differences (each −1, 0 or 1). */
function pairedMargin(diffs: readonly number[]): number {
  const n = diffs.length;
  if (n < 2) return NaN;
  const m = mean(diffs);
  const variance = diffs.reduce((a, d) => a + (d - m) ** 2, 0) / (n - 1);
  return 1.96 * Math.sqrt(variance / n);
}

/** Compare the same seeds played with (`baseline`) and without (`without`) an inject, game by game. */
export function ablationRow(inject: string, baseline: readonly GameRecord[], without: readonly GameRecord[], group: readonly string[] = [inject]): AblationRow {
  if (baseline.length !== without.length) throw new Error(`ablation of ${inject}: ${baseline.length} baseline games but ${without.length} without`);
  const n = baseline.length;
  const share = (rs: readonly GameRecord[], f: (r: GameRecord) => boolean) => (n ? rs.filter(f).length / n : 0);
  const diffs = (f: (r: GameRecord) => boolean) => baseline.map((b, i) => Number(f(without[i]!)) - Number(f(b)));
  const agreementWith = share(baseline, isAgreement);
  const agreementWithout = share(without, isAgreement);
  const collapseWith = share(baseline, isCollapse);
  const collapseWithout = share(without, isCollapse);
  return {
    inject,
    seeds: n,
    fired: share(baseline, (r) => r.injects.includes(inject)),
    agreementWith,
    agreementWithout,
    agreementDelta: agreementWithout - agreementWith,
    collapseWith,
    collapseWithout,
    collapseDelta: collapseWithout - collapseWith,
    agreementMargin: pairedMargin(diffs(isAgreement)),
    collapseMargin: pairedMargin(diffs(isCollapse)),
    walkOutWith: share(baseline, hasWalkOut),
    walkOutWithout: share(without, hasWalkOut),
    ...injectImpact(baseline, inject, group),
  };
}

const hasWalkOut = (r: GameRecord): boolean => r.walkOuts.length > 0;

/** In the games an inject fired in: the walk-outs it caused and its mean effect on each meter. */
export function injectImpact(
  baseline: readonly GameRecord[],
  inject: string,
  group: readonly string[] = [inject],
): Pick<AblationRow, 'causedWalkOuts' | 'causedBy' | 'meters'> {
  const ids = new Set(group);
  const fired = baseline.filter((r) => r.injects.includes(inject));
  const n = Math.max(1, fired.length);
  const by = new Map<string, number>();
  let caused = 0;
  const sums = new Map<string, { target: string; meter: string; sum: number }>();
  for (const r of fired) {
    const mine = r.walkOuts.filter((x) => ids.has(x.by));
    if (mine.length) caused++;
    for (const k of new Set(mine.map((x) => `${x.party}\t${x.cause}`))) by.set(k, (by.get(k) ?? 0) + 1);
    for (const e of r.effects) {
      if (!ids.has(e.id)) continue;
      const k = `${e.target}\t${e.meter}`;
      const s = sums.get(k);
      if (s) s.sum += e.delta;
      else sums.set(k, { target: e.target, meter: e.meter, sum: e.delta });
    }
  }
  return {
    causedWalkOuts: fired.length ? caused / fired.length : 0,
    causedBy: [...by]
      .map(([k, c]) => {
        const [party, cause] = k.split('\t') as [string, WalkOutCause];
        return { party, cause, share: c / n };
      })
      .sort((a, b) => b.share - a.share || a.party.localeCompare(b.party)),
    meters: [...sums.values()]
      .map((x) => ({ target: x.target, meter: x.meter, mean: Math.round((x.sum / n) * 10) / 10 }))
      .filter((x) => x.mean !== 0)
      .sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean) || a.target.localeCompare(b.target) || a.meter.localeCompare(b.meter)),
  };
}

const METER_LABEL: Record<string, string> = { trustInMediator: 'trust in the mediator', commitment: 'commitment', cohesion: 'cohesion', batna: 'BATNA' };
const signed1 = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0');

/** "gov commitment −8, opp trust in gov −6": an inject's largest meter changes. */
export function meterMoves(meters: AblationRow['meters'], max = 4): string {
  return meters
    .slice(0, max)
    .map((m) => `${m.target} ${m.meter.startsWith('trustIn:') ? `trust in ${m.meter.slice(8)}` : (METER_LABEL[m.meter] ?? m.meter)} ${signed1(m.mean)}`)
    .join(', ');
}

/**
 * Which way an inject pushes the talks and why, in one sentence: the direction of its removal's
 * effect on agreement, the meters it moves, the walk-outs it causes, and walk-outs and collapse
 * with and without it.
 */
export function ablationReason(r: AblationRow): string {
  const d = Math.round(Math.abs(r.agreementDelta) * 1000) / 10;
  const clear = ablationIsClear(r);
  const direction =
    r.agreementDelta > 0
      ? `removing it raises agreement by ${d.toFixed(1)} points: it works against the talks`
      : r.agreementDelta < 0
        ? `removing it lowers agreement by ${d.toFixed(1)} points: it helps the talks`
        : 'removing it does not change agreement';
  const why: string[] = [];
  const moves = meterMoves(r.meters);
  if (moves) why.push(`it moves ${moves}`);
  if (r.causedWalkOuts > 0) {
    why.push(
      `it makes a party walk out in ${pct(r.causedWalkOuts, 0)} of the games it fires in (${r.causedBy
        .slice(0, 2)
        .map((c) => `${c.party}: ${CAUSE_LABEL[c.cause]}`)
        .join('; ')})`,
    );
  }
  if (Math.abs(r.walkOutWith - r.walkOutWithout) >= 0.05)
    why.push(`games with it have a walk-out in ${pct(r.walkOutWith, 0)}, without it ${pct(r.walkOutWithout, 0)}`);
  if (Math.abs(r.collapseDelta) >= 0.05) why.push(`collapse ${pct(r.collapseWith, 0)} with it, ${pct(r.collapseWithout, 0)} without`);
  if (why.length === 0 && r.fired === 0) why.push('it never fired in these games');
  return `${direction}${clear ? '' : ' (within noise)'}${why.length ? ` — ${why.join('; ')}` : ''}`;
}

/** The effect used for ordering: the larger of the two absolute changes. */
export const ablationEffect = (r: AblationRow): number => Math.max(Math.abs(r.agreementDelta), Math.abs(r.collapseDelta));

/** Strongest effect first; ties by the sum of both changes, then by id (stable across runs). */
export function sortAblation(rows: readonly AblationRow[]): AblationRow[] {
  return [...rows].sort(
    (a, b) =>
      ablationEffect(b) - ablationEffect(a) ||
      Math.abs(b.agreementDelta) + Math.abs(b.collapseDelta) - (Math.abs(a.agreementDelta) + Math.abs(a.collapseDelta)) ||
      a.inject.localeCompare(b.inject),
  );
}

/** An effect is clear when either change is larger than its 95% margin. */
export const ablationIsClear = (r: AblationRow): boolean =>
  (Math.abs(r.agreementDelta) > 0 && Math.abs(r.agreementDelta) > (r.agreementMargin || 0)) ||
  (Math.abs(r.collapseDelta) > 0 && Math.abs(r.collapseDelta) > (r.collapseMargin || 0));

// ——— History ———

export interface HistoryInfo {
  phaseReached: PhaseId;
  outcome: Outcome;
}

export interface HistoryComparison {
  history: HistoryInfo;
  /** By-the-book games that got at least as far as the real process. */
  reachedAtLeast: number;
  /** … whose furthest phase was the real one. */
  samePhase: number;
  /** … that ended with the real outcome. */
  sameOutcome: number;
  /** … that matched both. */
  same: number;
  /** The most common furthest phase and outcome of by-the-book play. */
  modalPhase: PhaseId;
  modalOutcome: Outcome;
}

const modal = <K extends string>(d: Record<K, number>, keys: readonly K[]): K => keys.reduce((best, k) => (d[k] > d[best] ? k : best), keys[0]!);

export function compareHistory(history: HistoryInfo, records: readonly GameRecord[]): HistoryComparison {
  const n = Math.max(1, records.length);
  const count = (f: (r: GameRecord) => boolean) => records.filter(f).length / n;
  return {
    history,
    reachedAtLeast: count((r) => phaseRank(r.phaseReached) >= phaseRank(history.phaseReached)),
    samePhase: count((r) => r.phaseReached === history.phaseReached),
    sameOutcome: count((r) => r.outcome === history.outcome),
    same: count((r) => r.phaseReached === history.phaseReached && r.outcome === history.outcome),
    modalPhase: modal(
      distribution(
        records.map((r) => r.phaseReached),
        MAIN_PHASES,
      ),
      MAIN_PHASES,
    ),
    modalOutcome: modal(
      distribution(
        records.map((r) => r.outcome),
        OUTCOMES,
      ),
      OUTCOMES,
    ),
  };
}

// ——— Flags ———

export type FlagId =
  | 'unwinnable'
  | 'hard-to-close'
  | 'trivially-won'
  | 'skill-does-not-matter'
  | 'history-out-of-reach'
  | 'few-runs'
  | 'exploit-pays'
  | 'early-walk-outs'
  | 'criterion-never-met'
  | 'decisive-inject';
export interface Flag {
  id: FlagId;
  /** problem: the scenario needs work; warning: look into it; note: read the numbers with care. */
  severity: 'problem' | 'warning' | 'note';
  message: string;
}

export const pct = (share: number, digits = 1): string => `${(100 * share).toFixed(digits)}%`;
const pts = (share: number): string => `${(100 * share).toFixed(1)} points`;

/**
 * The flags for one scenario, from the per-policy statistics (random and by-the-book are needed;
 * a missing policy skips the flags that use it).
 */
export function balanceFlags(stats: Partial<Record<PolicyId, PolicyStats>>, history?: HistoryComparison): Flag[] {
  const flags: Flag[] = [];
  const T = THRESHOLDS;
  const btb = stats['by-the-book'];
  const random = stats.random;
  // For a historical process that never signed, failing to sign may be the point of the exercise.
  const asInHistory =
    history && history.history.phaseReached !== 'monitoring'
      ? ` — as in history: the real process reached ${history.history.phaseReached} and ended ${history.history.outcome}, and by-the-book play ends the same way in ${pct(history.same)} of games; keep it only if the exercise is meant to show why such talks fail`
      : '';
  if (btb) {
    const a = btb.agreement * 100;
    const reach = btb.phaseReach.agreements * 100;
    if (a < T.unwinnableAgreement && reach < T.unwinnableAgreementsPhase) {
      flags.push({
        id: 'unwinnable',
        severity: 'problem',
        message: `by-the-book play signs an agreement in ${pct(btb.agreement)} of games (under ${T.unwinnableAgreement}%) and ${pct(1 - btb.phaseReach.agreements)} never reach the agreements phase (over ${100 - T.unwinnableAgreementsPhase}%): even sound mediation almost never succeeds${asInHistory}`,
      });
    } else if (a < T.unwinnableAgreement) {
      flags.push({
        id: 'hard-to-close',
        severity: 'warning',
        message: `by-the-book play reaches the agreements phase in ${pct(btb.phaseReach.agreements)} of games but signs in only ${pct(btb.agreement)}: check the signing thresholds (signingCohesion, signingCommitment) and the zones of agreement${asInHistory}`,
      });
    }
  }
  const trivial: string[] = [];
  if (random && random.agreement * 100 > T.trivialRandomAgreement) {
    trivial.push(`random play signs an agreement in ${pct(random.agreement)} of games (over ${T.trivialRandomAgreement}%): careless mediation wins too easily`);
  }
  if (btb && btb.outcomes.durable * 100 > T.trivialDurable && btb.collapse === 0) {
    trivial.push(`by-the-book play ends durable in ${pct(btb.outcomes.durable)} of games (over ${T.trivialDurable}%) and never collapses: nothing is at stake`);
  }
  if (trivial.length) flags.push({ id: 'trivially-won', severity: 'problem', message: trivial.join('; ') });
  if (btb && random) {
    const gap = btb.agreement - random.agreement;
    const phaseGap = btb.meanPhase - random.meanPhase;
    if (gap * 100 < T.skillAgreementGap && phaseGap < T.skillPhaseGap) {
      flags.push({
        id: 'skill-does-not-matter',
        severity: 'warning',
        message: `by-the-book play signs ${gap >= 0 ? `only ${pts(gap)} more often` : `${pts(-gap)} less often`} than random play (${pct(btb.agreement)} vs ${pct(random.agreement)}) and gets ${phaseGap.toFixed(2)} phases further on average: good practice is not rewarded`,
      });
    }
  }
  if (history && btb && history.reachedAtLeast * 100 < T.historyReach) {
    flags.push({
      id: 'history-out-of-reach',
      severity: 'warning',
      message: `the real process reached ${history.history.phaseReached}, but by-the-book play gets that far in only ${pct(history.reachedAtLeast)} of games: the scenario is harder than history`,
    });
  }
  const games = Math.min(...Object.values(stats).map((s) => s!.games));
  if (Number.isFinite(games) && games < T.fewRuns) {
    flags.push({
      id: 'few-runs',
      severity: 'note',
      message: `only ${games} games per policy: rates can move by several points between runs; use --runs 1000 for a verdict`,
    });
  }
  return flags;
}

// ——— Exploit checks ———

/** One degenerate strategy against by-the-book play on the same seeds. */
export interface ExploitRow {
  id: string;
  label: string;
  games: number;
  /** Share of its games that signed (reached monitoring). */
  agreement: number;
  /** By-the-book's agreement on the same seeds. */
  byTheBook: number;
  /** It signs at least as often as by-the-book (and at all): the rules reward the trick. */
  pays: boolean;
}

export function exploitRow(id: string, label: string, records: readonly GameRecord[], btbSameSeeds: readonly GameRecord[]): ExploitRow {
  const agreement = records.length ? records.filter(isAgreement).length / records.length : 0;
  const byTheBook = btbSameSeeds.length ? btbSameSeeds.filter(isAgreement).length / btbSameSeeds.length : 0;
  return { id, label, games: records.length, agreement, byTheBook, pays: agreement > 0 && agreement >= byTheBook };
}

/** The flag naming every exploit that pays, or none. */
export function exploitFlag(rows: readonly ExploitRow[]): Flag | null {
  const paying = rows.filter((r) => r.pays);
  if (paying.length === 0) return null;
  return {
    id: 'exploit-pays',
    severity: 'problem',
    message: `${paying.length === 1 ? 'a degenerate strategy signs' : `${paying.length} degenerate strategies sign`} as often as by-the-book play or more: ${paying
      .map((r) => `${r.id} (${r.label}) ${pct(r.agreement)} vs ${pct(r.byTheBook)}`)
      .join('; ')} — the rules reward a pump over mediation`,
  };
}

// ——— Diagnostic flags: why games fail ———

/**
 * Flags on the causes (by-the-book play): walk-outs in the first turns, an exit criterion never met
 * in most games, an inject that decides the outcome (named with its reason).
 */
export function diagnosticFlags(stats: Partial<Record<PolicyId, PolicyStats>>, ablation: readonly AblationRow[] = []): Flag[] {
  const T = THRESHOLDS;
  const flags: Flag[] = [];
  const btb = stats['by-the-book'];
  if (btb && btb.walkOuts.early * 100 >= T.earlyWalkOut) {
    const causes = btb.walkOuts.causes
      .filter((c) => c.early > 0)
      .map((c) => `${CAUSE_LABEL[c.cause]} ${pct(c.early)}${c.parties.length ? ` (${c.parties.map((p) => p.id).join(', ')})` : ''}`)
      .join('; ');
    flags.push({
      id: 'early-walk-outs',
      severity: 'problem',
      message: `a party walks out on turn 1–${T.earlyWalkOutTurns} in ${pct(btb.walkOuts.early)} of by-the-book games (${T.earlyWalkOut}% or more), before the mediator can act: ${causes} — npm run pack -- validate names the party and the rule; npm run sim -- --trace shows the numbers`,
    });
  }
  if (btb) {
    const never = btb.stalls.unmet.filter((u) => u.share * 100 >= T.criterionNeverMet);
    if (never.length) {
      flags.push({
        id: 'criterion-never-met',
        severity: 'warning',
        message: `by-the-book games end with an exit criterion never met: ${never.map((u) => `${u.label} (${u.phase}) ${pct(u.share)}`).join('; ')} (${T.criterionNeverMet}% or more of games): the talks stall there`,
      });
    }
  }
  for (const r of ablation) {
    if (Math.abs(r.agreementDelta) * 100 >= T.decisiveInject && ablationIsClear(r)) {
      flags.push({ id: 'decisive-inject', severity: 'warning', message: `inject "${r.inject}" decides the outcome: ${ablationReason(r)}` });
    }
  }
  return flags;
}
