/**
 * Proposals: agendas, formulas, packages, requested gestures and the call to sign. Every party
 * answers; the engine answers for the seats no human holds, human seats answer with `respond`.
 * A proposal settles when nobody is left to answer.
 */
import type { CbmKind, Scenario } from '../../scenario/schema';
import type { Change, Msg, Proposal, ProposalKind, World } from '../types';
import { acceptanceScore, ACCEPT_THRESHOLD, brokenRedLines, issueUtility, positionOf } from './utility';
import { applyEffect } from './effects';
import { addLog, shiftMeter, shiftTrust } from '../world';
import { CBM_COST, GESTURE, SUCCESS, TELLS } from './numbers';
import { signingNeeds } from './criteria';
import { isHumanSeat } from '../roles';

export const isHumanParty = (w: World, partyId: string): boolean => isHumanSeat(w, 'party', partyId);

const issueName = (s: Scenario, id: string) => s.issues.find((i) => i.id === id)?.name ?? id;

/** The terms a signing puts to the parties: every agreed formula on the agenda. */
export function agreedTerms(w: World): Record<string, number> {
  const terms: Record<string, number> = {};
  for (const id of w.agenda ?? []) {
    const f = w.issues[id]?.formula;
    if (f) terms[id] = f.value;
  }
  return terms;
}

/** How an engine-played party answers; the reason is what it tells the mediator. */
export function decide(s: Scenario, w: World, prop: Proposal, partyId: string): { accept: boolean; reason: Msg } {
  const p = w.parties[partyId]!;
  const def = s.parties.find((d) => d.id === partyId)!;
  const t = s.thresholds;
  switch (prop.kind) {
    case 'agenda': {
      const list = prop.issues ?? [];
      const missing = s.issues.filter((i) => i.core.includes(partyId) && !list.includes(i.id)).map((i) => i.id);
      if (missing.length)
        return {
          accept: false,
          reason: { key: 'response.agenda.missingCore', params: { issues: missing.map((i) => issueName(s, i)).join(', '), ids: missing.join(',') } },
        };
      const refused = list.filter((i) => def.refuses.includes(i) && !w.issues[i]?.reframed);
      if (refused.length)
        return {
          accept: false,
          reason: { key: 'response.agenda.refusedIssue', params: { issues: refused.map((i) => issueName(s, i)).join(', '), ids: refused.join(',') } },
        };
      if (p.trustInMediator < t.agendaTrust) return { accept: false, reason: { key: 'response.agenda.distrust' } };
      return { accept: true, reason: { key: 'response.agenda.accept' } };
    }
    case 'formula':
    case 'package':
    case 'signing': {
      const terms = prop.kind === 'signing' ? agreedTerms(w) : (prop.terms ?? {});
      const broken = brokenRedLines(s, partyId, terms, w);
      if (broken.length)
        return { accept: false, reason: { key: 'response.redLine', params: { issues: broken.map((i) => issueName(s, i)).join(', '), ids: broken.join(',') } } };
      if (prop.kind === 'signing') {
        const need = signingNeeds(s, w);
        if (w.talkFormat !== 'direct') return { accept: false, reason: { key: 'response.signing.notDirect' } };
        if (p.commitment < need.needCommitment) return { accept: false, reason: { key: 'response.signing.commitment' } };
        if (p.cohesion < need.needCohesion) return { accept: false, reason: { key: 'response.signing.cohesion' } };
      }
      const score = acceptanceScore(s, w, partyId, terms);
      if (score < ACCEPT_THRESHOLD[prop.kind])
        return { accept: false, reason: notEnough(s, w, p.trustInMediator, partyId, terms, ACCEPT_THRESHOLD[prop.kind] - score) };
      return { accept: true, reason: { key: prop.kind === 'signing' ? 'response.signing.accept' : 'response.accept' } };
    }
    case 'cbm': {
      const cost = CBM_COST[prop.cbm!.cbm];
      // A stalling party grants cheap gestures readily (appearances) and refuses any costly step:
      // a concrete, costly request is the mediator's test of sincerity.
      if (p.intent === 'stalling') {
        if (cost >= GESTURE.costlyFrom) return { accept: false, reason: { key: 'response.cbm.costly' } };
        if (p.trustInMediator >= 35 && p.commitment >= 40) return { accept: true, reason: { key: 'response.cbm.accept' } };
        return { accept: false, reason: { key: 'response.cbm.refused' } };
      }
      const trustNeed = 45 + 5 * (cost - 1);
      if (p.trustInMediator >= trustNeed && p.commitment >= 40) return { accept: true, reason: { key: 'response.cbm.accept' } };
      return { accept: false, reason: { key: cost >= GESTURE.costlyFrom ? 'response.cbm.costly' : 'response.cbm.refused' } };
    }
  }
}

/**
 * What a party says when terms fall short: a party that trusts the mediator says which issue
 * weighs most against the terms (trust ≥ 50) and how far short they fall (trust ≥ 65).
 */
function notEnough(s: Scenario, w: World, trust: number, partyId: string, terms: Record<string, number>, short: number): Msg {
  if (trust < TELLS.issue) return { key: 'response.notEnough' };
  let worst = '';
  let worstValue = -Infinity;
  for (const [issue, x] of Object.entries(terms)) {
    const pos = positionOf(s, issue, partyId, w);
    if (!pos) continue;
    // What holds it back: how much it cares times how far the terms are from its ideal.
    const v = pos.weight * (1 - issueUtility(pos, x));
    if (v > worstValue) {
      worstValue = v;
      worst = issue;
    }
  }
  if (!worst) return { key: 'response.notEnough' };
  if (trust < TELLS.distance) return { key: 'response.notEnough.issue', params: { issue: worst } };
  return { key: 'response.notEnough.distance', params: { issue: worst, short: Math.max(1, Math.round(short)) } };
}

export function openProposal(
  s: Scenario,
  w: World,
  kind: ProposalKind,
  data: { issues?: string[]; terms?: Record<string, number>; cbm?: { party: string; cbm: CbmKind } },
): Proposal {
  const prop: Proposal = { id: w.proposals.length + 1, turn: w.turn, phase: w.phase, kind, ...data, responses: {}, reasons: {}, status: 'pending' };
  const answering = kind === 'cbm' ? [data.cbm!.party] : Object.keys(w.parties);
  w.proposals.push(prop);
  for (const pid of answering) {
    if (isHumanParty(w, pid)) {
      prop.responses[pid] = 'pending';
      continue;
    }
    const { accept, reason } = decide(s, w, prop, pid);
    recordResponse(w, prop, pid, accept, reason);
  }
  settle(s, w, prop);
  return prop;
}

export function recordResponse(w: World, prop: Proposal, partyId: string, accept: boolean, reason: Msg): void {
  prop.responses[partyId] = accept ? 'accept' : 'reject';
  prop.reasons[partyId] = reason;
  addLog(w, { turn: w.turn, kind: 'response', proposal: prop.id, party: partyId, accept, reason });
}

/** Each thing agreed together makes the next easier: commitment, mutual trust and each camp's unity grow with success. */
function buildOnSuccess(w: World, scale: number): void {
  const ids = Object.keys(w.parties);
  for (const a of ids) {
    shiftMeter(w, a, 'commitment', 3 * scale);
    shiftMeter(w, a, 'cohesion', SUCCESS.unite * scale);
    for (const b of ids) if (a !== b) shiftTrust(w, a, b, 3 * scale);
  }
}

/** Does this accepted proposal change what stands agreed (a new agenda, a new value on an issue)? */
function agreesSomethingNew(w: World, prop: Proposal): boolean {
  if (prop.kind === 'agenda') return !w.agenda || w.agenda.join() !== (prop.issues ?? []).join();
  if (prop.kind === 'signing') return true;
  const all = Object.keys(w.parties).length;
  for (const [issue, value] of Object.entries(prop.terms ?? {})) {
    const f = w.issues[issue]?.formula;
    if (!f || f.value !== value || f.acceptedBy.length !== all) return true;
  }
  return false;
}

/** Once every answer is in, apply what was agreed. */
export function settle(s: Scenario, w: World, prop: Proposal): void {
  const answers = Object.entries(prop.responses);
  if (answers.some(([, r]) => r === 'pending')) return;
  const accepted = answers.filter(([, r]) => r === 'accept').map(([p]) => p);
  prop.status = accepted.length === answers.length ? 'accepted' : 'rejected';
  // No pump: agreeing again to what is already agreed is no new step.
  if (prop.status === 'accepted' && prop.kind !== 'cbm' && agreesSomethingNew(w, prop)) buildOnSuccess(w, prop.kind === 'package' ? 2 : 1);
  else if (prop.status === 'accepted' && prop.kind !== 'cbm') prop.repeat = true;
  switch (prop.kind) {
    case 'agenda':
      if (prop.status === 'accepted') w.agenda = [...(prop.issues ?? [])];
      break;
    case 'formula':
    case 'package':
      // The latest formula on each issue stands, with whoever accepted it: the table shows both.
      for (const [issue, value] of Object.entries(prop.terms ?? {})) {
        const st = w.issues[issue];
        if (st) st.formula = { value, acceptedBy: accepted, proposedTurn: w.turn };
      }
      break;
    case 'signing':
      for (const p of accepted) w.signatures[p] = true;
      break;
    case 'cbm':
      if (prop.status === 'accepted' && prop.cbm) {
        const changes: Change[] = [];
        const effect = { kind: 'cbm' as const, party: prop.cbm.party, cbm: prop.cbm.cbm };
        const result = applyEffect(s, w, effect, changes);
        addLog(w, { turn: w.turn, kind: 'event', source: 'party', effect, result, changes });
      }
      break;
  }
}
