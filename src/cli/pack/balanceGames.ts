/**
 * The balance analyzer's unit of work, shared by the worker threads and the main thread: play one
 * batch of seeds and pack the results into a few typed arrays (light to post between threads, and
 * transferable without a copy).
 *
 * This file imports only the engine, never the pack loader or the CLI, so the bundled worker stays
 * small.
 */
import type { Scenario } from '../../scenario/schema';
import type { Difficulty, PhaseId, ProcessPhase, World } from '../../sim/types';
import { debriefSummary } from '../../sim/debrief';
import { worldOf } from '../../sim/game';
import { playGame } from '../../sim/bots/play';
import type { BotId } from '../../sim/bots/policies';
import { endingKind, ENDINGS, stalledPhase, unmetCriteria, walkOutCause, type Ending, type WalkOutCause } from '../../scenario/trace';

export const OUTCOMES = ['durable', 'notImplemented', 'partial', 'suspended', 'collapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const MAIN_PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'] as const satisfies readonly PhaseId[];
/** Every phase a turn can end in: the five, then the ends and the pause. */
export const PROCESS_PHASES = [...MAIN_PHASES, 'concluded', 'suspended', 'collapsed'] as const satisfies readonly ProcessPhase[];

/**
 * One game as the analyzer sees it: `RunSummary` (src/sim/bots/summary.ts) without the seed,
 * policy and state hash, which the analyzer knows already or does not need.
 */
export interface GameRecord {
  outcome: Outcome;
  phaseReached: PhaseId;
  turns: number;
  score: number;
  /** Ids of the sins committed. */
  sins: string[];
  /** Injects (and contingencies) that fired, in order. */
  injects: string[];
  /** The phase at the end of each turn. */
  timeline: ProcessPhase[];
  /** Every walk-out: the turn, the party, the rule that made it leave (src/scenario/trace.ts) and the event's id if any (inject, faction). */
  walkOuts: WalkOutRecord[];
  /** How the game ended (src/scenario/trace.ts endingKind). */
  ending: Ending;
  /** A game that did not sign: the phase it stalled in ('' for a signed game). */
  stalledIn: PhaseId | '';
  /** … and the exit criteria still unmet when it ended (the stalled phase's, and "back at the table" if it ended suspended), as JSON of the engine's Msg. */
  unmet: string[];
  /** What injects and their contingencies did to the meters: the summed change per inject, target and meter (seat changes are walk-outs). */
  effects: EffectRecord[];
}

export interface WalkOutRecord {
  turn: number;
  party: string;
  cause: WalkOutCause;
  /** The inject, contingency or faction behind it ('' for the walk-out rule at a turn's close). */
  by: string;
}

export interface EffectRecord {
  /** The inject or contingency id. */
  id: string;
  target: string;
  /** trustInMediator, commitment, cohesion, batna, trustIn:<party>, … */
  meter: string;
  delta: number;
}

/** One batch of games to play: seeds are explicit so ablation can replay any subset. */
export interface Job {
  id: number;
  scenario: number;
  /** A policy or an exploit id (src/sim/bots/exploits.ts). */
  policy: BotId;
  difficulty: Difficulty;
  seeds: number[];
  without: string[];
}

/** A list of string lists, as dictionary indices with offsets. */
export interface StringColumn {
  values: Uint16Array;
  /** values[offsets[i] .. offsets[i+1]) belong to game i. */
  offsets: Uint32Array;
}

/** A batch's games, column by column. */
export interface EncodedBatch {
  n: number;
  outcome: Uint8Array;
  phase: Uint8Array;
  turns: Uint16Array;
  score: Float64Array;
  dict: string[];
  sins: StringColumn;
  injects: StringColumn;
  /** Timeline phases as indices into PROCESS_PHASES. */
  timeline: StringColumn;
  /** Walk-outs: "party\tcause\tby" words, with the turn in nums. */
  walkOuts: NumberColumn;
  /** Index into ENDINGS. */
  ending: Uint8Array;
  /** Index into MAIN_PHASES, 255 for a signed game. */
  stalledIn: Uint8Array;
  unmet: StringColumn;
  /** Inject effects: "id\ttarget\tmeter" words, with the change in nums. */
  effects: NumberColumn;
}

/** A string column with a number per entry. */
export interface NumberColumn extends StringColumn {
  nums: Float32Array;
}

/**
 * Play one game and keep what balance needs (no state hash). Only the debrief's summary: the full
 * debrief (timeline, charts, reviews) was a large share of each game's cost, for fields never read.
 */
export function playRecord(scenario: Scenario, policy: BotId, seed: number, difficulty: Difficulty, without: string[]): GameRecord {
  const r = playGame(scenario, { seed, policy, difficulty, withoutInjects: without });
  const w = worldOf(r.game);
  const d = debriefSummary(r.game.scenario, w);
  const { walkOuts, effects } = walkOutsAndEffects(w);
  let stalledIn: PhaseId | '' = '';
  let unmet: string[] = [];
  if (d.phaseReached !== 'monitoring') {
    const { last, stuck } = stalledPhase(w);
    stalledIn = stuck;
    const msgs = unmetCriteria(r.game.scenario, w, stuck);
    if (last === 'suspended' || w.phase === 'suspended') msgs.push(...unmetCriteria(r.game.scenario, w, 'suspended'));
    unmet = msgs.map((m) => JSON.stringify(m));
    // Signing needs face-to-face talks: a game past exploratory that never got there says so, whatever phase it stalled in.
    if (stuck !== 'exploratory' && !everDirect(w) && !unmet.includes(DIRECT)) unmet.push(DIRECT);
  }
  return {
    outcome: d.outcome,
    phaseReached: d.phaseReached,
    turns: w.series.length,
    score: d.score,
    sins: d.sins,
    injects: [...w.firedInjects],
    timeline: w.series.map((x) => x.phase),
    walkOuts,
    ending: endingKind(r.game.scenario, w),
    stalledIn,
    unmet,
    effects,
  };
}

/** The unmet "face-to-face talks" criterion, as criteriaFor words it. */
export const DIRECT = JSON.stringify({ key: 'criteria.direct' });

/** Did the talks ever turn direct (a joint session with enough mutual trust)? */
export function everDirect(w: World): boolean {
  if (w.talkFormat === 'direct') return true;
  for (const e of w.log) if (e.kind === 'move' && e.result.key === 'move.jointSession.direct') return true;
  return false;
}

/**
 * One pass over the log: each seat lost (with the rule behind it, src/scenario/trace.ts) and what
 * each inject or contingency changed, summed per target and meter. Cheap next to the game itself.
 */
export function walkOutsAndEffects(w: World): { walkOuts: WalkOutRecord[]; effects: EffectRecord[] } {
  const walkOuts: WalkOutRecord[] = [];
  const sums = new Map<string, EffectRecord>();
  for (const e of w.log) {
    if (e.kind !== 'event') continue;
    const fromInject = (e.source === 'inject' || e.source === 'contingency') && e.id ? e.id : undefined;
    for (const c of e.changes) {
      if (c.meter === 'seat') {
        if (c.delta >= 0) continue;
        const close = w.series[e.turn - 1]?.turn === e.turn ? w.series[e.turn - 1] : w.series.find((x) => x.turn === e.turn);
        const party = w.parties[c.target];
        const commitment = close?.parties[c.target]?.commitment ?? party?.commitment ?? 0;
        const cause = walkOutCause(e, { commitment, intent: party?.intent ?? 'sincere' });
        const by = fromInject ?? (e.effect.kind === 'spoiler' ? e.effect.faction : e.source === 'party' ? '' : (e.id ?? e.source));
        walkOuts.push({ turn: e.turn, party: c.target, cause, by });
        continue;
      }
      if (!fromInject) continue;
      const key = `${fromInject}\t${c.target}\t${c.meter}`;
      const sum = sums.get(key);
      if (sum) sum.delta += c.delta;
      else sums.set(key, { id: fromInject, target: c.target, meter: c.meter, delta: c.delta });
    }
  }
  const effects = [...sums.values()];
  for (const x of effects) x.delta = Math.round(x.delta * 100) / 100;
  return { walkOuts, effects };
}

function indexOrThrow<T extends string>(list: readonly T[], value: string, what: string): number {
  const i = (list as readonly string[]).indexOf(value);
  if (i < 0) throw new Error(`unknown ${what} "${value}"`);
  return i;
}

const NO_PHASE = 255;

function numbers(c: StringColumn, nums: number[][]): NumberColumn {
  const out = new Float32Array(c.values.length);
  let k = 0;
  for (const l of nums) for (const x of l) out[k++] = x;
  return { ...c, nums: out };
}

export function encodeBatch(records: GameRecord[]): EncodedBatch {
  const n = records.length;
  const dict: string[] = [];
  const dictIndex = new Map<string, number>();
  const word = (s: string) => {
    let i = dictIndex.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      dictIndex.set(s, i);
    }
    return i;
  };
  const column = (lists: string[][], code: (s: string) => number): StringColumn => {
    const offsets = new Uint32Array(n + 1);
    let total = 0;
    lists.forEach((l, i) => {
      offsets[i] = total;
      total += l.length;
    });
    offsets[n] = total;
    const values = new Uint16Array(total);
    let k = 0;
    for (const l of lists) for (const s of l) values[k++] = code(s);
    return { values, offsets };
  };
  const batch: EncodedBatch = {
    n,
    outcome: Uint8Array.from(records, (r) => indexOrThrow(OUTCOMES, r.outcome, 'outcome')),
    phase: Uint8Array.from(records, (r) => indexOrThrow(MAIN_PHASES, r.phaseReached, 'phase')),
    turns: Uint16Array.from(records, (r) => r.turns),
    score: Float64Array.from(records, (r) => r.score),
    dict,
    sins: column(
      records.map((r) => r.sins),
      word,
    ),
    injects: column(
      records.map((r) => r.injects),
      word,
    ),
    timeline: column(
      records.map((r) => r.timeline),
      (p) => indexOrThrow(PROCESS_PHASES, p, 'phase'),
    ),
    walkOuts: numbers(
      column(
        records.map((r) => r.walkOuts.map((x) => `${x.party}\t${x.cause}\t${x.by}`)),
        word,
      ),
      records.map((r) => r.walkOuts.map((x) => x.turn)),
    ),
    ending: Uint8Array.from(records, (r) => indexOrThrow(ENDINGS, r.ending, 'ending')),
    stalledIn: Uint8Array.from(records, (r) => (r.stalledIn === '' ? NO_PHASE : indexOrThrow(MAIN_PHASES, r.stalledIn, 'phase'))),
    unmet: column(
      records.map((r) => r.unmet),
      word,
    ),
    effects: numbers(
      column(
        records.map((r) => r.effects.map((x) => `${x.id}\t${x.target}\t${x.meter}`)),
        word,
      ),
      records.map((r) => r.effects.map((x) => x.delta)),
    ),
  };
  return batch;
}

export function decodeBatch(b: EncodedBatch): GameRecord[] {
  const list = <T>(c: StringColumn, i: number, names: readonly T[]): T[] => {
    const out: T[] = [];
    for (let k = c.offsets[i]!; k < c.offsets[i + 1]!; k++) out.push(names[c.values[k]!]!);
    return out;
  };
  const tagged = (c: NumberColumn, i: number): [string, number][] => {
    const out: [string, number][] = [];
    for (let k = c.offsets[i]!; k < c.offsets[i + 1]!; k++) out.push([b.dict[c.values[k]!]!, c.nums[k]!]);
    return out;
  };
  const out: GameRecord[] = [];
  for (let i = 0; i < b.n; i++) {
    out.push({
      outcome: OUTCOMES[b.outcome[i]!]!,
      phaseReached: MAIN_PHASES[b.phase[i]!]!,
      turns: b.turns[i]!,
      score: b.score[i]!,
      sins: list(b.sins, i, b.dict),
      injects: list(b.injects, i, b.dict),
      timeline: list(b.timeline, i, PROCESS_PHASES),
      walkOuts: tagged(b.walkOuts, i).map(([w, turn]) => {
        const [party, cause, by] = w.split('\t') as [string, WalkOutCause, string];
        return { turn, party, cause, by };
      }),
      ending: ENDINGS[b.ending[i]!]!,
      stalledIn: b.stalledIn[i] === NO_PHASE ? '' : MAIN_PHASES[b.stalledIn[i]!]!,
      unmet: list(b.unmet, i, b.dict),
      effects: tagged(b.effects, i).map(([w, delta]) => {
        const [id, target, meter] = w.split('\t') as [string, string, string];
        return { id, target, meter, delta: Math.round(delta * 100) / 100 };
      }),
    });
  }
  return out;
}

/** The buffers of a batch, to transfer rather than copy. */
export function transferables(b: EncodedBatch): ArrayBuffer[] {
  const cols = [b.sins, b.injects, b.timeline, b.walkOuts, b.unmet, b.effects];
  return [b.outcome, b.phase, b.turns, b.score, b.ending, b.stalledIn, b.walkOuts.nums, b.effects.nums, ...cols.flatMap((c) => [c.values, c.offsets])].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Play a job's seeds in order. Throws with the seed named if the engine fails. */
export function playJob(scenarios: Scenario[], job: Job): EncodedBatch {
  const scenario = scenarios[job.scenario];
  if (!scenario) throw new Error(`no scenario #${job.scenario}`);
  const records: GameRecord[] = [];
  for (const seed of job.seeds) {
    try {
      records.push(playRecord(scenario, job.policy, seed, job.difficulty, job.without));
    } catch (e) {
      const without = job.without.length ? ` without ${job.without.join(', ')}` : '';
      throw new Error(`the engine failed on ${scenario.id}, ${job.policy}, seed ${seed}${without}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    }
  }
  return encodeBatch(records);
}
