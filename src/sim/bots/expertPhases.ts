/**
 * The expert, phase by phase: what moves the process on from where it stands, read from the view.
 */
import type { Scenario } from '../../scenario/schema';
import type { MediatorCommand, Proposal } from '../types';
import type { PartyView, View } from '../view';
import { issueOf, lastProposal } from './readings';
import { tradeTerms } from './expertTerms';
import { buildMutualTrust, gestureFrom, repairTrust } from './expertCare';
import { leastTrusted, trustBar, type XFacts } from './expertFacts';
import { refusedWithin, askedWithinTurns } from './ledger';
import { approachFor } from './spoilers';
import { mediatorMayMake } from '../available';

const allMet = (view: View): boolean => view.criteria.every((c) => c.met);

export function phaseMove(x: XFacts): MediatorCommand | null {
  switch (x.view.phase) {
    case 'exploratory':
      return exploratory(x);
    case 'agenda':
      return agenda(x);
    case 'negotiation':
      return negotiation(x);
    case 'agreements':
      return agreements(x);
    case 'monitoring':
      return monitoring(x);
    default:
      return null;
  }
}

/** The first legal candidate. */
function pick(x: XFacts, ...cands: (MediatorCommand | null | undefined)[]): MediatorCommand | null {
  for (const c of cands) if (c && mediatorMayMake(x.g, c)) return c;
  return null;
}

/** Caucus with the party that most needs it to reach the exploratory criteria (balance kept). */
function furthestFromReady(x: XFacts): MediatorCommand | null {
  const t = x.t;
  let worst: PartyView | undefined;
  let worstGap = 0;
  for (const p of x.view.parties) {
    const gap = Math.max(t.exploratoryCommitment + 2 - p.commitment, trustBar(x) - p.trustInMediator);
    if (gap > worstGap && x.mayCaucus(p.id)) {
      worst = p;
      worstGap = gap;
    }
  }
  return worst ? { type: 'caucus', party: worst.id } : null;
}

/** A party not yet heard in this phase (terms tabled to an unheard party are arrogance). */
function unheard(x: XFacts): MediatorCommand | null {
  for (const p of x.view.parties) if (!x.led.caucusedInPhase.has(p.id) && p.seat !== 'walkedOut' && x.mayCaucus(p.id)) return { type: 'caucus', party: p.id };
  for (const p of x.view.parties) if (!x.led.caucusedInPhase.has(p.id) && p.seat !== 'walkedOut') return { type: 'caucus', party: p.id };
  return null;
}

function exploratory(x: XFacts): MediatorCommand | null {
  if (allMet(x.view)) return pick(x, { type: 'proposeNextPhase' });
  return pick(x, furthestFromReady(x), buildMutualTrust(x), repairTrust(x, 5));
}

/** The issues some party needs on the agenda, or every issue when none is needed. */
function agendaToPropose(s: Scenario): string[] {
  const core: string[] = [];
  for (const i of s.issues) if (i.core.length > 0) core.push(i.id);
  if (core.length > 0) return core;
  for (const i of s.issues) core.push(i.id);
  return core;
}

function agenda(x: XFacts): MediatorCommand | null {
  const { view } = x;
  if (allMet(view)) return pick(x, { type: 'proposeNextPhase' });
  const last = lastProposal(view, 'agenda');
  const refusedIds: string[] = [];
  const missing: string[] = [];
  let distrust: string | undefined;
  if (last && last.status === 'rejected') {
    for (const party in last.reasons) {
      const r = last.reasons[party]!;
      if (r.key === 'response.agenda.refusedIssue') refusedIds.push(...String(r.params?.ids ?? '').split(','));
      if (r.key === 'response.agenda.missingCore') missing.push(...String(r.params?.ids ?? '').split(','));
      if (r.key === 'response.agenda.distrust') distrust ??= party;
    }
  }
  // Reframe, before proposing, what a party refuses as framed (refusals known in advance come from the last answer).
  for (const id of refusedIds) if (id && !issueOf(view, id).reframed) return pick(x, { type: 'reframe', issue: id });
  const hear = unheard(x);
  if (hear) return pick(x, hear);
  if (distrust !== undefined) {
    const p = view.parties.find((q) => q.id === distrust)!;
    if (p.trustInMediator < trustBar(x)) return pick(x, x.mayCaucus(p.id) ? { type: 'caucus', party: p.id } : null, repairTrust(x, 0));
  }
  const issues = agendaToPropose(x.s);
  for (const id of missing) if (id && !issues.includes(id)) issues.push(id);
  // After a rejection, ask again only once something changed (a reframe, a caucus) — never the same day unchanged.
  if (last && last.status === 'rejected' && !changedSince(x, last)) return pick(x, repairTrust(x, 3), buildMutualTrust(x));
  return pick(x, { type: 'proposeAgenda', issues }, buildMutualTrust(x));
}

/** Has the mediator done anything since this proposal that could change the answer (a caucus, a reframe, a commission …)? */
function changedSince(x: XFacts, prop: Proposal): boolean {
  const log = x.view.log;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.kind === 'move' && e.role === 'mediator') {
      const c = e.command as { type: string; proposal?: number };
      if (e.result.key.startsWith('move.proposal.') && (e.result.params as { proposal?: number } | undefined)?.proposal === prop.id) return false;
      if (c.type !== 'endTurn' && c.type !== 'proposeNextPhase') return true;
    }
    if (e.kind === 'turn' && e.ended >= prop.turn + 1) return true;
  }
  return false;
}

/** Agenda issues not yet accepted by every party. */
function openIssues(view: View): string[] {
  const open: string[] = [];
  for (const id of view.agenda ?? []) {
    const f = issueOf(view, id).formula;
    if (!f || f.acceptedBy.length < view.parties.length) open.push(id);
  }
  return open;
}

/** Is every party's red line on this issue known (commission, experts, caucus)? */
function studied(view: View, id: string): boolean {
  const iss = issueOf(view, id);
  if (iss.commission) return true;
  for (const p of view.parties) if (iss.known[p.id]?.reservation === undefined) return false;
  return true;
}

/** An incentive for the party that said no, from a power that pressures it and has not refused. */
function incentiveFor(x: XFacts, party: string): MediatorCommand | null {
  if (x.madeNow('engageExternal') > 0) return null;
  for (const e of x.view.externals) {
    if (!(e.leverage.includes('sanctions') || e.leverage.includes('money'))) continue;
    if ((e.support[party] ?? 0) >= 0 || e.disposition < -40) continue;
    if (askedWithinTurns(x.led, x.view.turn, e.id, 'incentive', 4) || refusedWithin(x.led, x.view.turn, e.id, 'incentive', 8)) continue;
    return { type: 'engageExternal', actor: e.id, ask: 'incentive' };
  }
  return null;
}

/** A venue near the principals, when there is one and the table is elsewhere. */
function nearVenue(x: XFacts): MediatorCommand | null {
  const v = x.view.venues.find((q) => q.nearPrincipals && q.id !== x.view.venue);
  return v ? { type: 'changeVenue', venue: v.id } : null;
}

/** Face to face as soon as mutual trust allows (never before: a backfire sets trust back). */
function meet(x: XFacts): MediatorCommand | null {
  return x.canMeet && x.view.talkFormat === 'pendular' && x.led.backfiredJoint < x.view.turn ? { type: 'jointSession' } : null;
}

/** The terms to table: agreed issues kept, the rest traded across issues (./expertTerms). */
function offer(x: XFacts, open: string[]): MediatorCommand {
  const view = x.view;
  const fixed: Record<string, number> = {};
  for (const id of view.agenda ?? []) {
    const f = issueOf(view, id).formula;
    if (f && f.acceptedBy.length === view.parties.length) fixed[id] = f.value;
  }
  const terms = tradeTerms(view, view.agenda ?? open, fixed);
  if (open.length === 1) return { type: 'proposeFormula', issue: open[0]!, value: terms[open[0]!]! };
  return { type: 'proposePackage', terms };
}

/**
 * After a no, the same terms moved a step toward each party that said it, on the issue it weighs
 * most (and inside the others' known red lines): a concession, not the same terms again.
 */
function concede(x: XFacts, rejected: Proposal, saidNo: string[]): MediatorCommand | null {
  if (!rejected.terms) return null;
  const terms = { ...rejected.terms };
  for (const party of saidNo) {
    let bestId: string | undefined;
    let bestW = -Infinity;
    for (const id in terms) {
      const k = issueOf(x.view, id).known[party];
      const w = k?.weight ?? 5;
      if (w > bestW) {
        bestW = w;
        bestId = id;
      }
    }
    if (!bestId) continue;
    const iss = issueOf(x.view, bestId);
    const ideal = iss.known[party]?.ideal ?? iss.publicPos[party] ?? terms[bestId]!;
    const step = Math.sign(ideal - terms[bestId]!) * 3;
    const next = terms[bestId]! + step;
    const breaks = x.view.parties.some((p) => {
      const r = iss.known[p.id]?.reservation;
      const i = iss.known[p.id]?.ideal;
      return p.id !== party && r !== undefined && i !== undefined && (next - r) * Math.sign(i - r) < 0;
    });
    if (step !== 0 && !breaks) terms[bestId] = next;
  }
  if (sameTerms(rejected.terms, terms)) return null;
  const ids = Object.keys(terms);
  return ids.length === 1 ? { type: 'proposeFormula', issue: ids[0]!, value: terms[ids[0]!]! } : { type: 'proposePackage', terms };
}

/** The last terms tabled, their answers and whether the same terms would be tabled again. */
function lastTerms(view: View): Proposal | undefined {
  const all = view.proposals;
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.kind === 'package' || all[i]!.kind === 'formula') return all[i];
  return undefined;
}

function sameTerms(a: Record<string, number> | undefined, b: Record<string, number>): boolean {
  if (!a) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (b[k] === undefined || Math.abs(a[k]! - b[k]!) > 2) return false;
  return true;
}

function negotiation(x: XFacts): MediatorCommand | null {
  const { view } = x;
  if (allMet(view)) return pick(x, { type: 'proposeNextPhase' });
  const open = openIssues(view);
  const hear = unheard(x);
  if (hear) return pick(x, hear);
  const meetNow = meet(x);
  if (meetNow) return pick(x, meetNow);
  if (open.length === 0) return null;
  const last = lastTerms(view);
  const tabled = last !== undefined && last.phase === 'negotiation';
  // Terms only once each party was heard and not on the phase's first day (haste); the issues a
  // red line was hit on are studied in a commission first.
  const redLineIssues = new Set<string>();
  if (last && last.status === 'rejected') {
    for (const p in last.reasons) if (last.reasons[p]!.key === 'response.redLine') for (const id of String(last.reasons[p]!.params?.ids ?? '').split(',')) if (id) redLineIssues.add(id);
  }
  for (const id of redLineIssues) {
    if (issueOf(view, id).commission) continue;
    const c = pick(x, { type: 'technicalCommission', issue: id });
    if (c) return c;
    if (view.ap < 2) return pick(x, buildMutualTrust(x), repairTrust(x, 3));
  }
  if (!tabled && view.turn === x.led.phaseTurn) {
    const unstudied = open.find((id) => !studied(view, id));
    return pick(x, unstudied ? { type: 'technicalCommission', issue: unstudied } : null, buildMutualTrust(x), repairTrust(x, 3));
  }
  const proposal = offer(x, open);
  const terms = proposal.type === 'proposePackage' ? proposal.terms : proposal.type === 'proposeFormula' ? { [proposal.issue]: proposal.value } : {};
  const rejectedNow = last && last.status === 'rejected' ? last : undefined;
  if (!rejectedNow) return pick(x, proposal, buildMutualTrust(x), repairTrust(x, 3));
  // A no: change what made it a no before asking again.
  const saidNo = Object.keys(rejectedNow.responses).filter((p) => rejectedNow.responses[p] === 'reject');
  const redLine = saidNo.some((p) => rejectedNow.reasons[p]?.key === 'response.redLine');
  const fresh = !sameTerms(rejectedNow.terms, terms);
  // A red line hit: the studied issues give new terms at once.
  if (redLine && fresh) return pick(x, proposal, ...levers(x, saidNo));
  if (fresh && changedSince(x, rejectedNow)) return pick(x, proposal, ...levers(x, saidNo));
  const lever = pick(x, ...levers(x, saidNo));
  if (lever) return lever;
  // Nothing else to change this turn: on a later turn, after a caucus, a step toward whoever said no.
  if (rejectedNow.turn < view.turn && changedSince(x, rejectedNow)) return pick(x, fresh ? proposal : concede(x, rejectedNow, saidNo));
  return null;
}

/** What may turn a no into a yes: trust in the mediator, face to face, the principals near, an incentive, gestures. */
function levers(x: XFacts, saidNo: string[]): (MediatorCommand | null)[] {
  const out: (MediatorCommand | null)[] = [];
  for (const id of saidNo) {
    const p = x.view.parties.find((q) => q.id === id);
    if (!p) continue;
    if (p.trustInMediator < 75 && x.mayCaucus(p.id) && x.madeNow('caucus') < 2) out.push({ type: 'caucus', party: p.id });
    out.push(incentiveFor(x, p.id));
  }
  out.push(meet(x), buildMutualTrust(x), x.view.turn >= x.view.turnLimit - 8 ? nearVenue(x) : null);
  return out;
}

/** The signing needs direct talks, commitment and cohesion, a guarantor, verification; then the call. */
function agreements(x: XFacts): MediatorCommand | null {
  const { view, t } = x;
  const meetNow = meet(x);
  if (meetNow) return pick(x, meetNow);
  if (view.talkFormat === 'pendular') {
    const c = pick(x, buildMutualTrust(x), repairTrust(x, 5));
    if (c) return c;
  }
  const nearP = view.venues.find((v) => v.id === view.venue)?.nearPrincipals ?? false;
  const cohesionNeed = t.signingCohesion - (nearP ? 10 : 0);
  let weak: PartyView | undefined;
  for (const p of view.parties) if (!p.signed && (p.cohesion < cohesionNeed + 2 || p.commitment < t.signingCommitment + 2)) weak = weak ?? p;
  const lastSign = lastProposal(view, 'signing');
  const ready = view.talkFormat === 'direct' && !weak && (!lastSign || (lastSign.turn < view.turn && changedSince(x, lastSign)));
  if (ready && view.verification >= 25) return pick(x, { type: 'proposeNextPhase' });
  const cands: (MediatorCommand | null)[] = [guarantee(x), view.verification < 50 ? { type: 'designVerification' } : null];
  if (weak) {
    if (weak.cohesion < cohesionNeed + 2) cands.push(bringIn(x, weak), nearVenue(x));
    cands.push(x.mayCaucus(weak.id) ? { type: 'caucus', party: weak.id } : null);
  }
  if (ready) cands.push({ type: 'proposeNextPhase' });
  return pick(x, ...cands);
}

/** A guarantor for the deal, from a power that can vouch and has not refused. */
function guarantee(x: XFacts): MediatorCommand | null {
  for (const e of x.view.externals) if (e.guarantee) return null;
  for (const e of x.view.externals) {
    if (!(e.leverage.includes('guarantees') || e.leverage.includes('mediation')) || e.disposition < -20) continue;
    if (refusedWithin(x.led, x.view.turn, e.id, 'guarantee', 99) || askedWithinTurns(x.led, x.view.turn, e.id, 'guarantee', 2)) continue;
    return { type: 'engageExternal', actor: e.id, ask: 'guarantee' };
  }
  return null;
}

/** A divided party: bring in its least satisfied faction of known type, the right way, once. */
function bringIn(x: XFacts, weak: PartyView): MediatorCommand | null {
  for (const f of weak.factions) {
    if (f.spoiler === 'unknown') return { type: 'consultExperts', subject: f.id };
  }
  let pickF: (typeof weak.factions)[number] | undefined;
  for (const f of weak.factions) if (!x.led.handled.has(f.id) && (!pickF || f.satisfaction < pickF.satisfaction)) pickF = f;
  if (!pickF) return null;
  return { type: 'engageSpoiler', faction: pickF.id, approach: approachFor(pickF.spoiler as Parameters<typeof approachFor>[0]) };
}

function monitoring(x: XFacts): MediatorCommand | null {
  const { view } = x;
  let shaky: PartyView = view.parties[0]!;
  for (const p of view.parties) if (p.cohesion + p.commitment < shaky.cohesion + shaky.commitment) shaky = p;
  return pick(
    x,
    view.verification < 100 ? { type: 'designVerification' } : null,
    guarantee(x),
    x.mayCaucus(shaky.id) ? { type: 'caucus', party: shaky.id } : null,
    gestureFrom(x, leastTrusted(view)),
  );
}
