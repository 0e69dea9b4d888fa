/**
 * Players for the debrief's fairness tests, built on the shipped bots and seeing only the
 * mediator's view (plus the scenario's public data):
 *  - `careful(base)`: a sin-aware mediator — the base policy's choices, vetted against each of the
 *    seven sins (a risky move is replaced by the sound one the debrief's "better" line names);
 *  - `sinful(base)`: the same careful player, plus a few sins scripted in on the way (no briefing
 *    or history, an optimistic promise, a refused call to move on, courting one side's patrons, a
 *    public rebuke), to compare scores at the same outcome.
 * Generic: no scenario ids, no rule numbers — only the view, the log and the scenario's thresholds.
 */
import type { Scenario } from '../../src/scenario/schema';
import { applyCommand, applyOwnCommand, createGame, isOver, worldOf, type Game } from '../../src/sim/game';
import type { Command, LogEntry, MediatorCommand, World } from '../../src/sim/types';
import type { PartyView, View } from '../../src/sim/view';
import { mediatorView } from '../../src/sim/bots/mediatorView';
import { POLICY, type Policy } from '../../src/sim/bots/policies';
import { maxCommands } from '../../src/sim/bots/play';
import { mediatorMayMake } from '../../src/sim/available';
import { rightApproach } from '../../src/sim/rules/moves';
import { HALLMARK_CONTRADICTIONS, type Debrief, type Sin } from '../../src/sim/debrief';
import { Dice, seedState } from '../../src/sim/rng';

const END: MediatorCommand = { type: 'endTurn' };
const APPROACHES = ['induce', 'socialize', 'isolate', 'coerce'] as const;
const approachFor = (type: string) => APPROACHES.find((a) => rightApproach(type, a)) ?? 'socialize';
const legal = (g: Game, c: MediatorCommand | null | undefined): MediatorCommand | null => (c && mediatorMayMake(g, c) ? c : null);

type MoveLog = Extract<LogEntry, { kind: 'move' }> & { index: number };

/** What the careful player reads off the view's log once per decision. */
interface Reading {
  view: View;
  moves: MoveLog[];
  /** Index of the last phase change (-1: the start). */
  phaseStart: number;
  thisTurn: MoveLog[];
}

function read(view: View): Reading {
  const moves: MoveLog[] = [];
  let phaseStart = -1;
  view.log.forEach((e, index) => {
    if (e.kind === 'move' && e.role === 'mediator' && !e.result.key.startsWith('refuse')) moves.push({ ...e, index });
    if (e.kind === 'phase') phaseStart = index;
  });
  return { view, moves, phaseStart, thisTurn: moves.filter((m) => m.turn === view.turn) };
}

const of = <T extends MediatorCommand['type']>(r: Reading, type: T) =>
  r.moves.filter((m) => m.command.type === type) as (MoveLog & { command: Extract<MediatorCommand, { type: T }> })[];

/** The side an outside actor clearly backs (its highest support, 20 ahead of the next), from the scenario. */
function patronSide(s: Scenario, actor: string): string | null {
  const support = s.externals.find((x) => x.id === actor)?.support ?? {};
  const ranked = s.parties.map((p) => ({ p: p.id, v: support[p.id] ?? 0 })).sort((a, b) => b.v - a.v);
  return ranked[0] && ranked[0].v > 0 && ranked[0].v - (ranked[1]?.v ?? 0) >= 20 ? ranked[0].p : null;
}

/** Heard in this phase or earlier this turn (caucus, or face to face). */
function heard(r: Reading, party: string): boolean {
  return r.moves.some(
    (m) =>
      (m.index > r.phaseStart || m.turn === r.view.turn) &&
      ((m.command.type === 'caucus' && m.command.party === party) || (m.command.type === 'jointSession' && !m.result.key.includes('backfired'))),
  );
}

/** Courting caucuses per party (a visit to a party that walked out is a shuttle, not favour). */
function courting(r: Reading): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(r.view.parties.map((p) => [p.id, 0]));
  for (const m of of(r, 'caucus')) if (m.result.key !== 'move.caucus.shuttle' && m.command.party in out) out[m.command.party]!++;
  return out;
}

function studied(r: Reading, issue: string): boolean {
  return r.moves.some(
    (m) =>
      (m.command.type === 'technicalCommission' && m.command.issue === issue) ||
      (m.command.type === 'reframe' && m.command.issue === issue) ||
      (m.command.type === 'consultExperts' && m.command.subject === issue),
  );
}

const consulted = (r: Reading, faction: string) => of(r, 'consultExperts').some((m) => m.command.subject === faction);
const engaged = (r: Reading, target: string) =>
  r.moves.some(
    (m) => (m.command.type === 'engageSpoiler' && m.command.faction === target) || (m.command.type === 'engageExternal' && m.command.actor === target),
  );

/** Answer every hit of the last two turns (a strike, a harmful shock) from an actor not yet engaged; go to a party that walked out. */
function answerHits(g: Game, r: Reading): MediatorCommand | null {
  for (const p of r.view.parties)
    if (p.seat === 'walkedOut' && !r.thisTurn.some((m) => m.command.type === 'caucus' && m.command.party === p.id))
      return legal(g, { type: 'caucus', party: p.id });
  for (const e of r.view.log) {
    if (e.kind !== 'event' || e.turn < r.view.turn - 2) continue;
    const eff = e.effect;
    if (eff.kind === 'spoiler' && !engaged(r, eff.faction)) {
      const f = r.view.parties.flatMap((p) => p.factions).find((x) => x.id === eff.faction);
      if (!f) continue;
      if (f.spoiler === 'unknown') return legal(g, { type: 'consultExperts', subject: f.id });
      return legal(g, { type: 'engageSpoiler', faction: f.id, approach: approachFor(f.spoiler) });
    }
    if (eff.kind === 'sanctions' && eff.sanction !== 'relief' && !engaged(r, eff.actor))
      return legal(g, { type: 'engageExternal', actor: eff.actor, ask: 'restraint' });
  }
  return null;
}

/** A move that learns something when the turn would otherwise end with nothing learned (against stalemates). */
function explore(g: Game, r: Reading): MediatorCommand | null {
  const adapted = r.thisTurn.some(
    (m) =>
      ['technicalCommission', 'reframe', 'changeVenue', 'proposePackage', 'proposeFormula', 'proposeAgenda'].includes(m.command.type) ||
      m.result.key === 'move.caucus.revealed',
  );
  if (adapted || !['exploratory', 'agenda', 'negotiation', 'agreements'].includes(r.view.phase)) return null;
  const issues = r.view.agenda ?? r.view.issues.map((i) => i.id);
  for (const i of issues) if (!studied(r, i)) return legal(g, { type: 'technicalCommission', issue: i }) ?? legal(g, { type: 'consultExperts', subject: i });
  const counts = courting(r);
  const least = [...r.view.parties].filter((p) => p.seat !== 'walkedOut').sort((a, b) => counts[a.id]! - counts[b.id]!)[0];
  return least && !r.thisTurn.some((m) => m.command.type === 'caucus' && m.command.party === least.id) ? legal(g, { type: 'caucus', party: least.id }) : null;
}

/** The sound replacement for a risky move, or the move itself when it is sound; null: drop it. */
function vet(g: Game, r: Reading, c: MediatorCommand): MediatorCommand | null {
  const s = g.scenario;
  const v = r.view;
  switch (c.type) {
    case 'engageSpoiler': {
      if (!consulted(r, c.faction)) return { type: 'consultExperts', subject: c.faction };
      const f = v.parties.flatMap((p) => p.factions).find((x) => x.id === c.faction);
      return f && f.spoiler !== 'unknown' ? { ...c, approach: approachFor(f.spoiler) } : c;
    }
    case 'proposeAgenda':
    case 'proposeFormula':
    case 'proposePackage': {
      // Hear every party in this phase first (arrogance), and again after any refusal.
      const lastRejected = [...of(r, 'proposeAgenda'), ...of(r, 'proposeFormula'), ...of(r, 'proposePackage')]
        .filter((m) => m.result.key.includes('rejected'))
        .sort((a, b) => b.index - a.index)[0];
      for (const p of v.parties) {
        const since = lastRejected?.index ?? -1;
        const heardSince = of(r, 'caucus').some((m) => m.command.party === p.id && m.index > since);
        if (!heard(r, p.id) || (lastRejected && lastRejected.turn >= v.turn - 1 && !heardSince)) return { type: 'caucus', party: p.id };
      }
      // Study every issue before terms on it (ignorance, haste).
      if (c.type !== 'proposeAgenda') {
        const issues = c.type === 'proposeFormula' ? [c.issue] : Object.keys(c.terms);
        for (const i of issues) if (!studied(r, i)) return { type: 'technicalCommission', issue: i };
      }
      return c;
    }
    case 'proposeNextPhase': {
      if (v.phase === 'agreements') return v.talkFormat === 'direct' ? c : null;
      return v.criteria.every((x) => x.met) ? c : null;
    }
    case 'jointSession': {
      let mutual = 100;
      for (const p of v.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
      return mutual >= s.thresholds.directTalksTrust ? c : null;
    }
    case 'publicStatement':
      return c.tone === 'sober' && v.phase !== 'exploratory' ? c : null;
    case 'engageExternal': {
      const x = v.externals.find((e) => e.id === c.actor);
      const refusedBefore = of(r, 'engageExternal').some((m) => m.command.actor === c.actor && m.result.key.includes('refused'));
      // A promise only the power can keep: ask for one only of a willing power with something to give
      // (an incentive is relief for a party it pressures).
      if ((c.ask === 'incentive' || c.ask === 'guarantee') && (refusedBefore || !x || x.disposition < 0)) return null;
      if (c.ask === 'incentive' && x && !Object.values(x.support).some((v) => v < 0)) return null;
      // Both sides' patrons, never one side's only (partiality).
      const side = patronSide(s, c.actor);
      if (side) {
        for (const p of s.parties) {
          if (p.id === side) continue;
          const theirs = s.externals.filter((e) => patronSide(s, e.id) === p.id);
          if (theirs.length > 0 && !theirs.some((e) => engaged(r, e.id))) return { type: 'engageExternal', actor: theirs[0]!.id, ask: 'restraint' };
        }
      }
      return c;
    }
    case 'caucus': {
      const target = v.parties.find((p) => p.id === c.party);
      if (!target || target.seat === 'walkedOut') return c;
      const counts = courting(r);
      const after = { ...counts, [c.party]: counts[c.party]! + 1 };
      const lo = Math.min(...Object.values(after));
      const hi = Math.max(...Object.values(after));
      if (hi >= 2 * Math.max(1, lo) && after[c.party] === hi && hi + lo >= 3) {
        const least = [...v.parties].filter((p: PartyView) => p.seat !== 'walkedOut').sort((a, b) => counts[a.id]! - counts[b.id]!)[0];
        return least && least.id !== c.party ? { type: 'caucus', party: least.id } : null;
      }
      return c;
    }
    default:
      return c;
  }
}

/**
 * The base policy, vetted against the seven sins. A base that insists on a move the vetting drops
 * (it would ask again and again) gets its way on the third try, so the game never stalls on a veto:
 * a careful player, not a paralysed one. Make one per game (it remembers its vetoes).
 */
export function careful(base: Policy): Policy {
  const vetoed = new Map<string, number>();
  return (g, view, dice) => {
    const r = read(view);
    if (view.ap <= 0 || r.thisTurn.length > 12) return END;
    if (view.turn === 1 && !view.knowledge.briefing) return legal(g, { type: 'readBriefing' }) ?? END;
    if (!view.knowledge.history) {
      const study = legal(g, { type: 'studyHistory' });
      if (study) return study;
    }
    const hit = answerHits(g, r);
    if (hit) return legal(g, vet(g, r, hit)) ?? hit;
    // An ask the vetting drops is not made: the base is asked again with that power out of sight.
    let c = base(g, view, dice);
    const hidden = new Set<string>();
    while (c.type === 'engageExternal' && vet(g, r, c) === null && hidden.size < 4) {
      hidden.add(c.actor);
      c = base(g, without(view, hidden), dice);
    }
    if (c.type === 'endTurn') return explore(g, r) ?? END;
    // Vet twice at most: a replacement (experts, a commission) is itself checked once more; a caucus to
    // hear a party before terms is never dropped for balance (the party has not been heard).
    const first = vet(g, r, c);
    const second = first && (first === c || first.type === 'caucus' ? first : vet(g, r, first));
    if (!second) {
      const key = JSON.stringify(c);
      const n = (vetoed.get(key) ?? 0) + 1;
      vetoed.set(key, n);
      if (n >= 3) return c;
    }
    return legal(g, second) ?? explore(g, r) ?? END;
  };
}

/** The view with some outside powers out of sight (the same view otherwise: getters read through). */
function without(view: View, actors: Set<string>): View {
  return new Proxy(view, {
    get: (t, k) => (k === 'externals' ? t.externals.filter((e) => !actors.has(e.id)) : (Reflect.get(t, k, t) as unknown)),
  });
}

/**
 * Sins scripted in on the way, then the careful player takes over: no briefing and a call to move on
 * before anything holds (ignorance, haste), an optimistic promise (false promises), one side's
 * patron courted and the other side's never, or else an unprovoked public rebuke (partiality).
 * Make one per game.
 */
export function sinful(base: Policy): Policy {
  const clean = careful(base);
  return (g, view, dice) => {
    const r = read(view);
    const s = g.scenario;
    const favoured = s.parties[s.parties.length - 1]!.id;
    if (view.turn === 1) return legal(g, of(r, 'proposeNextPhase').length === 0 ? { type: 'proposeNextPhase' } : null) ?? END;
    const rivals = s.externals.some((e) => patronSide(s, e.id) !== null && patronSide(s, e.id) !== favoured);
    const courted = rivals ? s.externals.find((e) => patronSide(s, e.id) === favoured) : undefined;
    const scripted: (MediatorCommand | null)[] = [
      view.turn === 2 && of(r, 'publicStatement').length === 0 ? { type: 'publicStatement', tone: 'optimistic' } : null,
      courted && !of(r, 'engageExternal').some((m) => m.command.actor === courted.id) ? { type: 'engageExternal', actor: courted.id, ask: 'backing' } : null,
      // Without patrons on both sides, partiality as an unprovoked public rebuke of one party.
      !courted && view.turn === 2 && of(r, 'publicStatement').length === 1 ? { type: 'publicStatement', tone: 'critical', party: s.parties[0]!.id } : null,
    ];
    for (const c of scripted) {
      const ok = legal(g, c);
      if (ok) return ok;
    }
    const next = clean(g, view, dice);
    if (next.type === 'engageExternal' && patronSide(s, next.actor) !== null && patronSide(s, next.actor) !== favoured) return END;
    return next;
  };
}

/** Play a whole game with a policy over the mediator's view (like playGame, for policies that are not registered). */
export function playWith(scenario: Scenario, policy: Policy, seed: number): World {
  let g = createGame(scenario, { seed });
  const dice = new Dice({ rng: seedState(seed ^ 0x5bd1e995) });
  const cap = maxCommands(scenario);
  for (let n = 0; !isOver(g) && n < cap; n++) {
    let r = applyOwnCommand(g, { ...policy(g, mediatorView(g), dice), role: 'mediator' } as Command);
    if (!r.ok) r = applyCommand(g, { type: 'endTurn', role: 'mediator' });
    if (!r.ok) break;
    g = r.game;
  }
  return worldOf(g);
}

/** The registered policy, by id (the expert when the bots provide one). */
export const policyOf = (id: string): Policy | undefined => (POLICY as Record<string, Policy | undefined>)[id];

// ---- readings of a debrief shared by the fairness tests ----

/** Turns a sin's evidence lines cover: each line's turn, and the turns a "more" line gathers. */
export function linedTurns(s: Sin): Set<number> {
  const out = new Set<number>();
  for (const m of s.evidence) {
    if (typeof m.params?.turn === 'number') out.add(m.params.turn);
    if (typeof m.params?.turns === 'string') for (const t of m.params.turns.split(', ').filter(Boolean)) out.add(Number(t));
  }
  return out;
}

/** Every earned hallmark against every evidence line: none may be one its hallmark contradicts. */
export function contradictions(d: Debrief): string[] {
  const keys = d.sins.flatMap((s) => s.evidence.map((m) => m.key));
  return d.hallmarks
    .filter((h) => h.earned)
    .flatMap((h) => keys.filter((k) => HALLMARK_CONTRADICTIONS[h.id].some((c) => k.startsWith(c))).map((k) => `${h.id} × ${k}`));
}
