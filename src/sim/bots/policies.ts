/**
 * Bot mediators. Each sees only the mediator's view (no hidden truths) and plays the same commands
 * a trainee does. They exist to test the engine and to check a scenario's balance:
 *  - random: any legal move;
 *  - greedy: the impatient mediator — pushes phases, splits the difference, speaks optimistically;
 *  - by-the-book: sound practice — studies first, talks to everyone, handles spoilers by type,
 *    engages outside powers before shocks, reframes, uses technical commissions, trades in packages.
 */
import type { Scenario } from '../../scenario/schema';
import type { Command, LogEntry, MediatorCommand, Proposal } from '../types';
import type { Game } from '../game';
import type { FactionView, IssueView, PartyView, View } from '../view';
import { mediatorView } from './mediatorView';
import { legalCommands, mediatorMayMake } from '../available';
import { MEDIATOR_MOVES } from '../../scenario/schema';
import { Dice } from '../rng';
import { rightApproach } from '../rules/moves';

export type PolicyId = 'random' | 'greedy' | 'by-the-book';
export const POLICIES: PolicyId[] = ['random', 'greedy', 'by-the-book'];

export interface BotState {
  rng: number[];
}

export type Policy = (g: Game, view: View, dice: Dice) => MediatorCommand;

const legal = mediatorMayMake;
type Candidate = MediatorCommand | null | undefined | (() => MediatorCommand | null | undefined);
/** The first legal candidate; a function candidate is only built when reached (some are costly). */
const firstLegal = (g: Game, cands: Candidate[]): MediatorCommand | null => {
  for (const c of cands) {
    const cmd = typeof c === 'function' ? c() : c;
    if (cmd && legal(g, cmd)) return cmd;
  }
  return null;
};
const END: MediatorCommand = { type: 'endTurn' };

/** Moves made this turn, from the mediator's log (read backwards: only the tail matters). */
function movesThisTurn(view: View): MediatorCommand[] {
  const out: MediatorCommand[] = [];
  for (let i = view.log.length - 1; i >= 0; i--) {
    const e = view.log[i]!;
    if (e.turn < view.turn) break;
    if (e.kind === 'move' && e.role === 'mediator') out.push(e.command as MediatorCommand);
  }
  return out;
}
const made = (moves: readonly MediatorCommand[], type: MediatorCommand['type']) => moves.some((c) => c.type === type);

interface Memory {
  read: number;
  handled: Set<string>;
  /** ask → outside power → the turn it was last asked. */
  lastAsked: Map<string, Map<string, number>>;
}
/** Per log array: a game played linearly appends to one array, so only new entries are read. */
const memories = new WeakMap<readonly LogEntry[], Memory>();

/** Which spoilers were handled rightly, when each outside power was last asked what. */
function memory(view: View): Memory {
  let m = memories.get(view.log);
  if (!m || m.read > view.log.length) {
    m = { read: 0, handled: new Set(), lastAsked: new Map() };
    memories.set(view.log, m);
  }
  for (; m.read < view.log.length; m.read++) {
    const e = view.log[m.read]!;
    if (e.kind !== 'move') continue;
    if (e.command.type === 'engageSpoiler' && e.result.key === 'move.engageSpoiler.right') m.handled.add(e.command.faction);
    if (e.command.type === 'engageExternal') {
      let byActor = m.lastAsked.get(e.command.ask);
      if (!byActor) m.lastAsked.set(e.command.ask, (byActor = new Map()));
      byActor.set(e.command.actor, e.turn);
    }
  }
  return m;
}

/** The latest proposal of a kind. */
function lastProposal(view: View, kind: Proposal['kind']): Proposal | undefined {
  const all = view.proposals;
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.kind === kind) return all[i];
  return undefined;
}

const issueOf = (view: View, id: string): IssueView => view.issues.find((i) => i.id === id)!;

/** Any legal move: a move type at random, then a legal target for it (cheaper than listing all). */
export const randomPolicy: Policy = (g, _view, dice) => {
  const types = [...MEDIATOR_MOVES] as MediatorCommand['type'][];
  while (types.length > 0) {
    const type = types.splice(dice.int(0, types.length - 1), 1)[0]!;
    const cmds = legalCommands(g, type);
    if (cmds.length === 0) continue;
    const cmd = cmds[dice.int(0, cmds.length - 1)]!;
    return cmd.type === 'proposeFormula' ? { ...cmd, value: dice.int(0, 100) } : cmd;
  }
  return END;
};

const midpoint = (view: View, issue: string): number => {
  const pos = issueOf(view, issue).publicPos;
  let sum = 0;
  let n = 0;
  for (const k in pos) {
    sum += pos[k]!;
    n++;
  }
  return Math.round(sum / Math.max(1, n));
};

export const greedyPolicy: Policy = (g, view) => {
  const done = movesThisTurn(view);
  if (done.length > 6) return END;
  const s = g.scenario;
  const lowest = minBy(view.parties, (p) => p.commitment);
  const agenda = view.agenda ?? [];
  const pick = firstLegal(g, [
    made(done, 'proposeNextPhase') ? null : { type: 'proposeNextPhase' },
    view.phase === 'suspended' ? { type: 'publicStatement', tone: 'critical', party: view.parties.find((p) => p.seat === 'walkedOut')?.id ?? lowest.id } : null,
    view.phase === 'agenda' ? { type: 'proposeAgenda', issues: s.issues.map((i) => i.id) } : null,
    view.phase !== 'exploratory' && view.talkFormat === 'pendular' ? { type: 'jointSession' } : null,
    () => {
      if (view.phase !== 'negotiation') return null;
      const terms: Record<string, number> = {};
      for (const id of agenda) terms[id] = midpoint(view, id);
      return Object.keys(terms).length > 1 && !made(done, 'proposePackage') ? { type: 'proposePackage', terms } : null;
    },
    // Split the difference on every issue nobody has accepted yet.
    () => firstLegal(g, agenda.filter((id) => !issueOf(view, id).formula?.acceptedBy.length).map((id) => ({ type: 'proposeFormula' as const, issue: id, value: midpoint(view, id) }))),
    () => {
      const struck = firstFaction(view, (f) => f.strikes > 0);
      return struck ? { type: 'engageSpoiler', faction: struck.id, approach: 'coerce' } : null;
    },
    made(done, 'publicStatement') ? null : { type: 'publicStatement', tone: 'optimistic' },
    { type: 'caucus', party: lowest.id },
  ]);
  return pick ?? END;
};

/** The best formula the mediator can justify from what it knows: inside every known red line, fairest to all. */
export function bestKnownFormula(view: View, issueId: string): number {
  const issue = issueOf(view, issueId);
  // Per party, once: where it wants to be, and the red line when known and apart from the ideal.
  const n = view.parties.length;
  const ideals: number[] = [];
  const lines: (number | undefined)[] = [];
  for (const p of view.parties) {
    const k = issue.known[p.id];
    const ideal = k?.ideal ?? issue.publicPos[p.id]!;
    const res = k?.reservation;
    ideals.push(ideal);
    lines.push(res !== undefined && Math.abs(ideal - res) > 0.5 ? res : undefined);
  }
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let x = 0; x <= 100; x++) {
    let worst = Infinity;
    for (let i = 0; i < n; i++) {
      const ideal = ideals[i]!;
      const res = lines[i];
      let u: number;
      if (res !== undefined) {
        u = (x - res) / (ideal - res);
        if (u > 1) u = 1;
      } else u = 1 - Math.abs(x - ideal) / 100;
      worst = Math.min(worst, u);
    }
    if (worst > bestScore) {
      bestScore = worst;
      best = x;
    }
  }
  // No score at all (unknowable positions): split the difference.
  return best ?? midpoint(view, issueId);
}

const APPROACHES = ['induce', 'socialize', 'isolate', 'coerce'] as const;
/** The right way to handle a spoiler of this type. */
const approach = (type: string) => APPROACHES.find((a) => rightApproach(type, a))!;

export const byTheBookPolicy: Policy = (g, view) => {
  const s: Scenario = g.scenario;
  const t = s.thresholds;
  const done = movesThisTurn(view);
  if (done.length > 8) return END;

  // Study before acting: the briefing, then the history of earlier talks.
  if (!view.knowledge.briefing || !view.knowledge.history) {
    const study = firstLegal(g, [{ type: 'readBriefing' }, { type: 'studyHistory' }]);
    if (study) return study;
  }

  const mem = memory(view);
  const engagedRight = (fid: string) => mem.handled.has(fid);
  const engagedRecently = (actor: string, ask: string, turns: number) => (mem.lastAsked.get(ask)?.get(actor) ?? -Infinity) > view.turn - turns;

  if (view.phase === 'suspended') {
    let out: PartyView | undefined;
    for (const p of view.parties) if (p.seat === 'walkedOut' && (!out || p.commitment < out.commitment)) out = p;
    const patron = out && view.externals.find((e) => (e.support[out.id] ?? 0) > 20 && !engagedRecently(e.id, 'backing', 3));
    return firstLegal(g, [out ? { type: 'caucus', party: out.id } : null, patron ? { type: 'engageExternal', actor: patron.id, ask: 'backing' } : null]) ?? END;
  }

  const allMet = view.criteria.every((c) => c.met);
  // Spoilers: learn each hardliner's type, then handle it the right way for that type.
  const unknownHard = firstFaction(view, (f) => f.stance === 'hardline' && f.spoiler === 'unknown') ?? (view.phase === 'agreements' ? firstFaction(view, (f) => f.spoiler === 'unknown') : undefined);
  const toHandle = firstFaction(view, (f) => f.spoiler !== 'unknown' && f.spoiler !== 'none' && !engagedRight(f.id));
  let mutual = 100;
  for (const p of view.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
  // Face to face only when they will sit together; until then, gestures build mutual trust.
  const canMeet = mutual >= t.directTalksTrust;
  const gesture = (): MediatorCommand | null => (!canMeet && !made(done, 'requestCbm') ? { type: 'requestCbm', party: minBy(view.parties, (p) => trustReceived(view, p.id)).id, cbm: 'prisonerRelease' } : null);
  // Outside powers who vouch for a deal, until one has.
  const guarantor = () => view.externals.find((e) => (e.leverage.includes('guarantees') || e.leverage.includes('mediation')) && !e.guarantee);

  const phaseMoves: Candidate[] = [];
  switch (view.phase) {
    case 'exploratory': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      phaseMoves.push({ type: 'caucus', party: minBy(view.parties, (p) => Math.min(p.commitment - t.exploratoryCommitment, p.trustInMediator - t.exploratoryTrust)).id });
      break;
    }
    case 'agenda': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      const last = lastProposal(view, 'agenda');
      const refusedIds: string[] = [];
      let distrust: string | undefined;
      if (last) {
        for (const party in last.reasons) {
          const r = last.reasons[party]!;
          if (r.key === 'response.agenda.refusedIssue') refusedIds.push(...String(r.params?.ids ?? '').split(','));
          if (r.key === 'response.agenda.distrust' && distrust === undefined) distrust = party;
        }
      }
      for (const id of refusedIds) phaseMoves.push({ type: 'reframe', issue: id });
      if (distrust !== undefined && last!.turn === view.turn) phaseMoves.push({ type: 'caucus', party: distrust });
      if (!last || last.turn < view.turn || refusedIds.length === 0) {
        const core = s.issues.filter((i) => i.core.length > 0).map((i) => i.id);
        phaseMoves.push({ type: 'proposeAgenda', issues: core.length ? core : s.issues.map((i) => i.id) });
      }
      break;
    }
    case 'negotiation': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      const agenda = view.agenda ?? [];
      const open = agenda.filter((id) => {
        const f = issueOf(view, id).formula;
        return !f?.acceptedBy.length || f.acceptedBy.length < view.parties.length;
      });
      const unexplored = open.find((id) => !issueOf(view, id).commission);
      if (canMeet && view.talkFormat === 'pendular') phaseMoves.push({ type: 'jointSession' });
      if (unexplored) phaseMoves.push({ type: 'technicalCommission', issue: unexplored });
      const incentive = view.externals.find((e) => (e.leverage.includes('sanctions') || e.leverage.includes('money')) && !engagedRecently(e.id, 'incentive', 99));
      if (incentive) phaseMoves.push({ type: 'engageExternal', actor: incentive.id, ask: 'incentive' });
      if (!unexplored && open.length > 0) {
        const lastPkg = lastProposal(view, 'package');
        if (!lastPkg || lastPkg.turn < view.turn)
          phaseMoves.push(() => {
            const terms: Record<string, number> = {};
            for (const id of agenda) terms[id] = bestKnownFormula(view, id);
            return open.length > 1 ? { type: 'proposePackage', terms } : { type: 'proposeFormula', issue: open[0]!, value: terms[open[0]!]! };
          });
        // Not enough yet: build trust with whoever said no, move closer to the principals.
        let no: string | undefined;
        for (const party in lastPkg?.responses) {
          if (lastPkg!.responses[party] === 'reject') {
            no = party;
            break;
          }
        }
        const nearVenue = view.venues.find((v) => v.nearPrincipals && v.id !== view.venue);
        if (nearVenue) phaseMoves.push({ type: 'changeVenue', venue: nearVenue.id });
        if (no !== undefined) phaseMoves.push({ type: 'caucus', party: no });
      }
      break;
    }
    case 'agreements': {
      if (view.talkFormat === 'pendular') phaseMoves.push(canMeet ? { type: 'jointSession' } : gesture());
      const vouch = guarantor();
      if (vouch) phaseMoves.push({ type: 'engageExternal', actor: vouch.id, ask: 'guarantee' });
      if (view.verification < 50) phaseMoves.push({ type: 'designVerification' });
      const weak = view.parties.find((p) => p.cohesion < t.signingCohesion || p.commitment < t.signingCommitment);
      const lastSign = lastProposal(view, 'signing');
      if (view.talkFormat === 'direct' && !weak && (!lastSign || lastSign.turn < view.turn)) phaseMoves.push({ type: 'proposeNextPhase' });
      if (weak && weak.cohesion < t.signingCohesion) {
        // A divided party cannot sign: bring its factions in, each the right way for its type.
        let f: FactionView | undefined;
        for (const x of weak.factions) if (x.spoiler !== 'unknown' && (!f || x.satisfaction < f.satisfaction)) f = x;
        if (f) phaseMoves.push({ type: 'engageSpoiler', faction: f.id, approach: approach(f.spoiler) });
      }
      if (weak) phaseMoves.push({ type: 'caucus', party: weak.id });
      break;
    }
    case 'monitoring': {
      if (view.verification < 100) phaseMoves.push({ type: 'designVerification' });
      const vouch = guarantor();
      if (vouch) phaseMoves.push({ type: 'engageExternal', actor: vouch.id, ask: 'guarantee' });
      phaseMoves.push({ type: 'caucus', party: minBy(view.parties, (p) => p.cohesion + p.commitment).id });
      break;
    }
  }
  if (view.phase === 'negotiation' && view.turn % 2 === 0) phaseMoves.push(gesture);
  const handle: MediatorCommand | null = toHandle ? { type: 'engageSpoiler', faction: toHandle.id, approach: approach(toHandle.spoiler) } : null;
  const consult: MediatorCommand | null = unknownHard ? { type: 'consultExperts', subject: unknownHard.id } : null;
  // Early, while little is at stake, learn who the spoilers are and handle each the right way.
  if (view.phase === 'exploratory' && !allMet) return firstLegal(g, [handle, consult, ...phaseMoves]) ?? END;
  const cands: Candidate[] = [handle];
  for (let i = 0; i < phaseMoves.length && i < 2; i++) cands.push(phaseMoves[i]);
  // Outside powers with sanctions: ask for restraint before shocks land.
  cands.push(() => {
    if (view.turn <= 1) return null;
    const restraint = view.externals.find((e) => e.leverage.includes('sanctions') && !e.restraint && !engagedRecently(e.id, 'restraint', 3));
    return restraint ? { type: 'engageExternal', actor: restraint.id, ask: 'restraint' } : null;
  });
  cands.push(consult);
  for (let i = 2; i < phaseMoves.length; i++) cands.push(phaseMoves[i]);
  cands.push(() => {
    const leastAttended = minBy(view.parties, (p) => p.attention);
    let most = -Infinity;
    for (const p of view.parties) most = Math.max(most, p.attention);
    return leastAttended.attention < most - 1 ? { type: 'caucus', party: leastAttended.id } : null;
  });
  return firstLegal(g, cands) ?? END;
};

/** The first faction, party by party, that matches. */
function firstFaction(view: View, match: (f: FactionView) => boolean): FactionView | undefined {
  for (const p of view.parties) for (const f of p.factions) if (match(f)) return f;
  return undefined;
}

/** The first item with the lowest score (stable, like taking the head of a sort). */
function minBy<T>(items: readonly T[], score: (t: T) => number): T {
  let best = items[0]!;
  let bestScore = score(best);
  for (let i = 1; i < items.length; i++) {
    const v = score(items[i]!);
    if (v < bestScore) {
      best = items[i]!;
      bestScore = v;
    }
  }
  return best;
}

/** How much the other parties trust this one. */
const trustReceived = (view: View, id: string): number => {
  let sum = 0;
  let n = 0;
  for (const p of view.parties) {
    if (p.id === id) continue;
    sum += p.trustIn[id] ?? 0;
    n++;
  }
  return sum / Math.max(1, n);
};

export const POLICY: Record<PolicyId, Policy> = { random: randomPolicy, greedy: greedyPolicy, 'by-the-book': byTheBookPolicy };

/** The policy's next command, chosen from the mediator's view of the game. */
export function botCommand(policy: PolicyId, g: Game, dice: Dice): Command {
  return { ...POLICY[policy](g, mediatorView(g), dice), role: 'mediator' } as Command;
}
