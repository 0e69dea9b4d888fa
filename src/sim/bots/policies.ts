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
import { viewFor, type FactionView, type View } from '../view';
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
const madeThisTurn = (view: View, type: string) => movesThisTurn(view).some((c) => c.type === type);

interface Memory {
  read: number;
  handled: Set<string>;
  lastAsked: Map<string, number>;
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
    if (e.command.type === 'engageExternal') m.lastAsked.set(e.command.actor + ':' + e.command.ask, e.turn);
  }
  return m;
}
const lastProposal = (view: View, kind: Proposal['kind']) => [...view.proposals].reverse().find((p) => p.kind === kind);

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
  const pos = Object.values(view.issues.find((i) => i.id === issue)!.publicPos);
  return Math.round(pos.reduce((a, b) => a + b, 0) / Math.max(1, pos.length));
};

export const greedyPolicy: Policy = (g, view) => {
  if (movesThisTurn(view).length > 6) return END;
  const s = g.scenario;
  const lowest = [...view.parties].sort((a, b) => a.commitment - b.commitment)[0]!;
  const struck = view.parties.flatMap((p) => p.factions).find((f) => f.strikes > 0);
  const terms: Record<string, number> = {};
  for (const id of view.agenda ?? []) terms[id] = midpoint(view, id);
  const pick = firstLegal(g, [
    madeThisTurn(view, 'proposeNextPhase') ? null : { type: 'proposeNextPhase' },
    view.phase === 'suspended' ? { type: 'publicStatement', tone: 'critical', party: view.parties.find((p) => p.seat === 'walkedOut')?.id ?? lowest.id } : null,
    view.phase === 'agenda' ? { type: 'proposeAgenda', issues: s.issues.map((i) => i.id) } : null,
    view.phase !== 'exploratory' && view.talkFormat === 'pendular' ? { type: 'jointSession' } : null,
    view.phase === 'negotiation' && Object.keys(terms).length > 1 && !madeThisTurn(view, 'proposePackage') ? { type: 'proposePackage', terms } : null,
    ...(view.agenda ?? []).filter((id) => !view.issues.find((i) => i.id === id)!.formula?.acceptedBy.length).map((id) => ({ type: 'proposeFormula' as const, issue: id, value: midpoint(view, id) })),
    struck ? { type: 'engageSpoiler', faction: struck.id, approach: 'coerce' } : null,
    madeThisTurn(view, 'publicStatement') ? null : { type: 'publicStatement', tone: 'optimistic' },
    { type: 'caucus', party: lowest.id },
  ]);
  return pick ?? END;
};

/** The best formula the mediator can justify from what it knows: inside every known red line, fairest to all. */
export function bestKnownFormula(view: View, issueId: string): number {
  const issue = view.issues.find((i) => i.id === issueId)!;
  let best = midpoint(view, issueId);
  let bestScore = -Infinity;
  for (let x = 0; x <= 100; x++) {
    let worst = Infinity;
    for (const p of view.parties) {
      const k = issue.known[p.id] ?? {};
      const ideal = k.ideal ?? issue.publicPos[p.id]!;
      const res = k.reservation;
      let u: number;
      if (res !== undefined && Math.abs(ideal - res) > 0.5) {
        u = (x - res) / (ideal - res);
        if (u > 1) u = 1;
      } else u = 1 - Math.abs(x - ideal) / 100;
      worst = Math.min(worst, u * (k.weight !== undefined ? 1 : 1));
    }
    if (worst > bestScore) {
      bestScore = worst;
      best = x;
    }
  }
  return best;
}

export const byTheBookPolicy: Policy = (g, view) => {
  const s: Scenario = g.scenario;
  const t = s.thresholds;
  if (movesThisTurn(view).length > 8) return END;
  const mem = memory(view);
  const engagedRight = (fid: string) => mem.handled.has(fid);
  const engagedRecently = (actor: string, ask: string, turns: number) => (mem.lastAsked.get(actor + ':' + ask) ?? -Infinity) > view.turn - turns;
  const factions: FactionView[] = [];
  for (const p of view.parties) for (const f of p.factions) factions.push(f);
  const neediest = minBy(view.parties, (p) => Math.min(p.commitment - t.exploratoryCommitment, p.trustInMediator - t.exploratoryTrust));
  const leastAttended = minBy(view.parties, (p) => p.attention);
  const allMet = view.criteria.every((c) => c.met);

  // Study before acting: the briefing, then the history of earlier talks.
  if (!view.knowledge.briefing || !view.knowledge.history) {
    const study = firstLegal(g, [{ type: 'readBriefing' }, { type: 'studyHistory' }]);
    if (study) return study;
  }

  if (view.phase === 'suspended') {
    const out = view.parties.filter((p) => p.seat === 'walkedOut').sort((a, b) => a.commitment - b.commitment)[0];
    const patron = out && view.externals.find((e) => (e.support[out.id] ?? 0) > 20 && !engagedRecently(e.id, 'backing', 3));
    return firstLegal(g, [out ? { type: 'caucus', party: out.id } : null, patron ? { type: 'engageExternal', actor: patron.id, ask: 'backing' } : null]) ?? END;
  }

  // Spoilers: learn each hardliner's type, then handle it the right way for that type.
  const unknownHard = factions.find((f) => f.stance === 'hardline' && f.spoiler === 'unknown') ?? (view.phase === 'agreements' ? factions.find((f) => f.spoiler === 'unknown') : undefined);
  const toHandle = factions.find((f) => f.spoiler !== 'unknown' && f.spoiler !== 'none' && !engagedRight(f.id));
  const approach = (type: string) => (['induce', 'socialize', 'isolate', 'coerce'] as const).find((a) => rightApproach(type, a))!;
  // Outside powers with sanctions: ask for restraint before shocks land, and for incentives to agree.
  const sanctioners = view.externals.filter((e) => e.leverage.includes('sanctions') && !e.restraint);
  const restraint = sanctioners.find((e) => !engagedRecently(e.id, 'restraint', 3));
  const incentive = view.phase === 'negotiation' || view.phase === 'agreements' ? view.externals.find((e) => (e.leverage.includes('sanctions') || e.leverage.includes('money')) && !engagedRecently(e.id, 'incentive', 99)) : undefined;
  const guarantor = view.externals.find((e) => (e.leverage.includes('guarantees') || e.leverage.includes('mediation')) && !e.guarantee);
  const nearVenue = view.venues.find((v) => v.nearPrincipals && v.id !== view.venue);
  let mutual = 100;
  for (const p of view.parties) for (const k in p.trustIn) mutual = Math.min(mutual, p.trustIn[k]!);
  // Face to face only when they will sit together; until then, gestures build mutual trust.
  const canMeet = mutual >= t.directTalksTrust;
  const distrusted = minBy(view.parties, (p) => trustReceived(view, p.id));
  const askedCbm = madeThisTurn(view, 'requestCbm');
  const gesture: MediatorCommand | null = !canMeet && !askedCbm ? { type: 'requestCbm', party: distrusted.id, cbm: 'prisonerRelease' } : null;

  const phaseMoves: Candidate[] = [];
  switch (view.phase) {
    case 'exploratory': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      phaseMoves.push({ type: 'caucus', party: neediest.id });
      break;
    }
    case 'agenda': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      const last = lastProposal(view, 'agenda');
      const refusedIds = last ? Object.values(last.reasons).flatMap((r) => (r.key === 'response.agenda.refusedIssue' ? String(r.params?.ids ?? '').split(',') : [])) : [];
      for (const id of refusedIds) phaseMoves.push({ type: 'reframe', issue: id });
      const distrust = last && Object.entries(last.reasons).find(([, r]) => r.key === 'response.agenda.distrust');
      if (distrust && last!.turn === view.turn) phaseMoves.push({ type: 'caucus', party: distrust[0] });
      const core = s.issues.filter((i) => i.core.length > 0).map((i) => i.id);
      if (!last || last.turn < view.turn || refusedIds.length === 0) phaseMoves.push({ type: 'proposeAgenda', issues: core.length ? core : s.issues.map((i) => i.id) });
      break;
    }
    case 'negotiation': {
      if (allMet) phaseMoves.push({ type: 'proposeNextPhase' });
      const open = (view.agenda ?? []).filter((id) => !view.issues.find((i) => i.id === id)!.formula?.acceptedBy.length || view.issues.find((i) => i.id === id)!.formula!.acceptedBy.length < view.parties.length);
      const unexplored = open.find((id) => !view.issues.find((i) => i.id === id)!.commission);
      if (canMeet && view.talkFormat === 'pendular') phaseMoves.push({ type: 'jointSession' });
      if (unexplored) phaseMoves.push({ type: 'technicalCommission', issue: unexplored });
      if (incentive) phaseMoves.push({ type: 'engageExternal', actor: incentive.id, ask: 'incentive' });
      if (!unexplored && open.length > 0) {
        const lastPkg = lastProposal(view, 'package');
        if (!lastPkg || lastPkg.turn < view.turn)
          phaseMoves.push(() => {
            const terms: Record<string, number> = {};
            for (const id of view.agenda ?? []) terms[id] = bestKnownFormula(view, id);
            return open.length > 1 ? { type: 'proposePackage', terms } : { type: 'proposeFormula', issue: open[0]!, value: terms[open[0]!]! };
          });
        // Not enough yet: build trust with whoever said no, move closer to the principals.
        const no = lastPkg ? Object.entries(lastPkg.responses).find(([, r]) => r === 'reject') : undefined;
        if (nearVenue) phaseMoves.push({ type: 'changeVenue', venue: nearVenue.id });
        if (no) phaseMoves.push({ type: 'caucus', party: no[0] });
      }
      break;
    }
    case 'agreements': {
      if (view.talkFormat === 'pendular') phaseMoves.push(canMeet ? { type: 'jointSession' } : gesture);
      if (guarantor) phaseMoves.push({ type: 'engageExternal', actor: guarantor.id, ask: 'guarantee' });
      if (view.verification < 50) phaseMoves.push({ type: 'designVerification' });
      const weak = view.parties.find((p) => p.cohesion < t.signingCohesion || p.commitment < t.signingCommitment);
      const lastSign = lastProposal(view, 'signing');
      if (view.talkFormat === 'direct' && !weak && (!lastSign || lastSign.turn < view.turn)) phaseMoves.push({ type: 'proposeNextPhase' });
      if (weak && weak.cohesion < t.signingCohesion) {
        // A divided party cannot sign: bring its factions in, each the right way for its type.
        const f = weak.factions.filter((x) => x.spoiler !== 'unknown').sort((a, b) => a.satisfaction - b.satisfaction)[0];
        if (f) phaseMoves.push({ type: 'engageSpoiler', faction: f.id, approach: approach(f.spoiler) });
      }
      if (weak) phaseMoves.push({ type: 'caucus', party: weak.id });
      break;
    }
    case 'monitoring': {
      if (view.verification < 100) phaseMoves.push({ type: 'designVerification' });
      if (guarantor) phaseMoves.push({ type: 'engageExternal', actor: guarantor.id, ask: 'guarantee' });
      phaseMoves.push({ type: 'caucus', party: [...view.parties].sort((a, b) => a.cohesion + a.commitment - b.cohesion - b.commitment)[0]!.id });
      break;
    }
  }
  if (view.phase === 'negotiation' && gesture && view.turn % 2 === 0) phaseMoves.push(gesture);
  const spoilerWork: Candidate[] = [
    toHandle ? { type: 'engageSpoiler', faction: toHandle.id, approach: approach(toHandle.spoiler) } : null,
    unknownHard ? { type: 'consultExperts', subject: unknownHard.id } : null,
  ];
  // Early, while little is at stake, learn who the spoilers are and handle each the right way.
  if (view.phase === 'exploratory' && !allMet) return firstLegal(g, [...spoilerWork, ...phaseMoves]) ?? END;
  const pick = firstLegal(g, [
    toHandle ? { type: 'engageSpoiler', faction: toHandle.id, approach: approach(toHandle.spoiler) } : null,
    ...phaseMoves.slice(0, 2),
    restraint && view.turn > 1 ? { type: 'engageExternal', actor: restraint.id, ask: 'restraint' } : null,
    unknownHard ? { type: 'consultExperts', subject: unknownHard.id } : null,
    ...phaseMoves.slice(2),
    leastAttended.attention < Math.max(...view.parties.map((p) => p.attention)) - 1 ? { type: 'caucus', party: leastAttended.id } : null,
  ]);
  return pick ?? END;
};

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
  const others = view.parties.filter((p) => p.id !== id);
  return others.reduce((a, p) => a + (p.trustIn[id] ?? 0), 0) / Math.max(1, others.length);
};

export const POLICY: Record<PolicyId, Policy> = { random: randomPolicy, greedy: greedyPolicy, 'by-the-book': byTheBookPolicy };

/** The policy's next command, chosen from the mediator's view of the game. */
export function botCommand(policy: PolicyId, g: Game, dice: Dice): Command {
  return { ...POLICY[policy](g, viewFor(g, 'mediator'), dice), role: 'mediator' } as Command;
}
