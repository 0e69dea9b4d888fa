/**
 * By the book, phase by phase: the moves that serve the current phase, best first. A list keeps
 * its slots in order — a null still takes one — since the policy weaves other moves in after the
 * first two.
 */
import type { Scenario } from '../../scenario/schema';
import type { MediatorCommand } from '../types';
import type { PartyView, View } from '../view';
import type { Candidate, Facts } from './byTheBookFacts';
import { bestKnownFormula, issueOf, lastProposal, made, minBy, trustReceived } from './readings';
import { guaranteeAsk, incentiveAsk } from './outsidePowers';
import { bringInFaction } from './spoilers';

export const allCriteriaMet = (view: View): boolean => view.criteria.every((c) => c.met);

export function phaseMoves(x: Facts): Candidate[] {
  switch (x.view.phase) {
    case 'exploratory':
      return exploratoryMoves(x);
    case 'agenda':
      return agendaMoves(x);
    case 'negotiation':
      return negotiationMoves(x);
    case 'agreements':
      return agreementsMoves(x);
    case 'monitoring':
      return monitoringMoves(x);
    default:
      return [];
  }
}

/**
 * Until they will sit together, a gesture builds mutual trust (once a turn), from the least trusted
 * party. Refusals are read: a party that said no is not asked again until its trust in the mediator
 * or its commitment has risen since; meanwhile a caucus repairs its trust. A gesture it called too
 * costly is not asked again; a cheaper one is.
 */
export function gesture(x: Facts): MediatorCommand | null {
  if (x.canMeet || made(x.done, 'requestCbm')) return null;
  const p = minBy(x.view.parties, (q) => trustReceived(x.view, q.id));
  if (p.seat === 'walkedOut') return null;
  const refused = x.notes.cbmRefused.get(p.id);
  const granted = x.notes.gestures.get(p.id);
  const stillNo = refused !== undefined && !refused.costly && (granted?.turn ?? -1) < refused.turn && p.trustInMediator <= refused.trust + 1 && p.commitment <= refused.commitment + 3;
  if (stillNo) return made(x.done, 'caucus') ? null : { type: 'caucus', party: p.id };
  const cbm = cheapGesture(x, p.id);
  return cbm ? { type: 'requestCbm', party: p.id, cbm } : null;
}

const CHEAP_GESTURES = ['prisonerRelease', 'humanitarianChannel'] as const;
/** A cheap gesture this party has not called too costly. */
function cheapGesture(x: Facts, party: string): (typeof CHEAP_GESTURES)[number] | null {
  for (const c of CHEAP_GESTURES) if (!x.notes.tooCostly.has(`${party}:${c}`)) return c;
  return null;
}

/** Move on when ready; meanwhile caucus with whoever is furthest from ready. */
function exploratoryMoves(x: Facts): Candidate[] {
  const moves: Candidate[] = [];
  if (allCriteriaMet(x.view)) moves.push({ type: 'proposeNextPhase' });
  const t = x.t;
  const furthest = minBy(x.view.parties, (p) => Math.min(p.commitment - t.exploratoryCommitment, p.trustInMediator - t.exploratoryTrust));
  moves.push({ type: 'caucus', party: furthest.id });
  return moves;
}

/** Reframe refused issues, reassure the distrustful, then propose the core issues. */
function agendaMoves(x: Facts): Candidate[] {
  const { view, s } = x;
  const moves: Candidate[] = [];
  if (allCriteriaMet(view)) moves.push({ type: 'proposeNextPhase' });
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
  for (const id of refusedIds) moves.push({ type: 'reframe', issue: id });
  if (distrust !== undefined && last!.turn === view.turn) moves.push({ type: 'caucus', party: distrust });
  if (!last || last.turn < view.turn || refusedIds.length === 0) moves.push({ type: 'proposeAgenda', issues: agendaToPropose(s) });
  return moves;
}

/** The issues some party needs on the agenda, or every issue when none is needed. */
function agendaToPropose(s: Scenario): string[] {
  const core: string[] = [];
  for (const i of s.issues) if (i.core.length > 0) core.push(i.id);
  if (core.length > 0) return core;
  for (const i of s.issues) core.push(i.id);
  return core;
}

/** Agenda issues not yet accepted by every party. */
function openIssues(view: View): string[] {
  const open: string[] = [];
  for (const id of view.agenda ?? []) {
    const f = issueOf(view, id).formula;
    if (!f?.acceptedBy.length || f.acceptedBy.length < view.parties.length) open.push(id);
  }
  return open;
}

/** Meet, explore each issue in a commission, bring in incentives, then offer the best package. */
function negotiationMoves(x: Facts): Candidate[] {
  const view = x.view;
  const moves: Candidate[] = [];
  if (allCriteriaMet(view)) moves.push({ type: 'proposeNextPhase' });
  const open = openIssues(view);
  const unexplored = open.find((id) => !issueOf(view, id).commission);
  if (x.canMeet && view.talkFormat === 'pendular') moves.push({ type: 'jointSession' });
  if (unexplored) moves.push({ type: 'technicalCommission', issue: unexplored });
  const incentive = incentiveAsk(x);
  if (incentive) moves.push(incentive);
  if (!unexplored && open.length > 0) {
    const lastPkg = lastProposal(view, 'package');
    if (!lastPkg || lastPkg.turn < view.turn) moves.push(bestOffer);
    // Not enough yet: build trust with whoever said no, move closer to the principals.
    let no: string | undefined;
    for (const party in lastPkg?.responses) {
      if (lastPkg!.responses[party] === 'reject') {
        no = party;
        break;
      }
    }
    const nearVenue = view.venues.find((v) => v.nearPrincipals && v.id !== view.venue);
    if (nearVenue) moves.push({ type: 'changeVenue', venue: nearVenue.id });
    if (no !== undefined) moves.push({ type: 'caucus', party: no });
  }
  if (view.turn % 2 === 0) moves.push(gesture);
  return moves;
}

/** The best known formula on every open issue: as a package, or alone when one is left (built only when reached). */
function bestOffer(x: Facts): MediatorCommand {
  const view = x.view;
  const open = openIssues(view);
  const terms: Record<string, number> = {};
  for (const id of view.agenda ?? []) terms[id] = bestKnownFormula(view, id);
  return open.length > 1 ? { type: 'proposePackage', terms } : { type: 'proposeFormula', issue: open[0]!, value: terms[open[0]!]! };
}

/** Meet (or build trust to), get guarantees and verification, firm up weak parties, then sign face to face. */
function agreementsMoves(x: Facts): Candidate[] {
  const { view, t } = x;
  const moves: Candidate[] = [];
  if (view.talkFormat === 'pendular') moves.push(x.canMeet ? { type: 'jointSession' } : gesture(x));
  const vouch = guaranteeAsk(x);
  if (vouch) moves.push(vouch);
  if (view.verification < 50) moves.push({ type: 'designVerification' });
  const weak = view.parties.find((p) => p.cohesion < t.signingCohesion || p.commitment < t.signingCommitment);
  const lastSign = lastProposal(view, 'signing');
  if (view.talkFormat === 'direct' && !weak && (!lastSign || lastSign.turn < view.turn)) moves.push({ type: 'proposeNextPhase' });
  if (weak && weak.cohesion < t.signingCohesion) {
    const bringIn = bringInFaction(weak);
    if (bringIn) moves.push(bringIn);
  }
  if (weak) moves.push({ type: 'caucus', party: weak.id });
  return moves;
}

const cohesionAndCommitment = (p: PartyView) => p.cohesion + p.commitment;
/** Full verification, a guarantor, and attention to the shakiest party. */
function monitoringMoves(x: Facts): Candidate[] {
  const moves: Candidate[] = [];
  if (x.view.verification < 100) moves.push({ type: 'designVerification' });
  const vouch = guaranteeAsk(x);
  if (vouch) moves.push(vouch);
  moves.push({ type: 'caucus', party: minBy(x.view.parties, cohesionAndCommitment).id });
  return moves;
}
