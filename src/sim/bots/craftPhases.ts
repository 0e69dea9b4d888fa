/**
 * The craft (./craft) phase by phase: what moves the process on from where it stands, read from
 * the mediator's view. One decision per call; the turn's moves so far are in `c.done`.
 */
import type { MediatorCommand, Proposal } from '../types';
import type { PartyView, View } from '../view';
import { issueOf, lastProposal } from './readings';
import { tradeTerms } from './expertTerms';
import { patronSideOf } from './expertGuard';
import {
  bringBack,
  caucusedNow,
  gestureRequest,
  guaranteeAsk,
  madeNow,
  meet,
  nextFaction,
  pick,
  relayCaucus,
  restraintAsk,
  shockTarget,
  trustCaucus,
  venueMove,
  type Craft,
} from './craft';

const allMet = (view: View): boolean => view.criteria.every((c) => c.met);
const TALKS = ['agenda', 'negotiation', 'agreements'];

export function decide(c: Craft): MediatorCommand | null {
  const phase = c.view.phase;
  if (phase === 'suspended') return bringBack(c);
  if (!TALKS.includes(phase)) return pick(c, phaseMove(c), gestureRequest(c), relayCaucus(c, 10), nextFaction(c));
  const v = venueMove(c);
  if (v) return v;
  // Each turn: the first visit to whoever trusts the other side least (it relays +3), the phase's
  // work, one gesture, the other side's visit; factions and shock preparation with what is left.
  return pick(
    c,
    c.level === 'expert' ? null : afterShock(c),
    urgent(c),
    c.level === 'expert' ? null : prepare(c),
    c.level === 'expert' ? null : balancePatrons(c),
    relayCaucus(c, 6),
    phaseMove(c),
    divided(c),
    gestureRequest(c),
    faceCaucus(c),
    relayCaucus(c, 6),
    prepare(c),
    nextFaction(c),
    balance(c),
  );
}

/** A sanctions shock landed this turn or the last: its target is seen at once (face saved, the door kept open). */
function afterShock(c: Craft): MediatorCommand | null {
  const target = shockTarget(c);
  if (!target || target.seat === 'walkedOut' || caucusedNow(c, target.id) > 0) return null;
  for (const e of c.view.externals)
    if (e.leverage.includes('sanctions') && (c.led.hits.get(e.id) ?? -Infinity) >= c.view.turn - 1) return { type: 'caucus', party: target.id };
  return null;
}

/** What costs little and moves the process at once: the next phase when its criteria show met, face to face once trust allows, the agenda. */
function urgent(c: Craft): MediatorCommand | null {
  if (allMet(c.view) && c.view.phase !== 'agreements') return pick(c, { type: 'proposeNextPhase' });
  if (c.view.phase === 'agenda') return agenda(c);
  return meet(c);
}

/** A party whose cohesion runs low for a signing: its factions not yet handled. */
function divided(c: Craft): MediatorCommand | null {
  for (const p of c.view.parties) if (p.cohesion < c.t.signingCohesion) return nextFaction(c, p);
  return null;
}

/** The party a sanctioning power pressures is seen every turn once talks are under way (face saved). */
function faceCaucus(c: Craft): MediatorCommand | null {
  if (c.level !== 'expert') return null;
  const target = shockTarget(c);
  return target && target.seat !== 'walkedOut' && caucusedNow(c, target.id) === 0 ? { type: 'caucus', party: target.id } : null;
}

/** Restraint sought once negotiation is under way: once by the book, kept in place by the expert. */
function prepare(c: Craft): MediatorCommand | null {
  if (c.view.phase === 'agenda') return null;
  // By the book asks once, as the manual says; the expert until it is granted.
  if (c.level !== 'expert' && (c.led.lastAsked.get('restraint')?.size ?? 0) > 0) return null;
  return restraintAsk(c);
}

/** Talk to everyone: once one side's patrons have been engaged, the other side's too (backing, once). */
function balancePatrons(c: Craft): MediatorCommand | null {
  const sides = new Set<string>();
  for (const id of c.led.engaged) {
    const side = patronSideOf(c, id);
    if (side) sides.add(side);
  }
  if (sides.size !== 1) return null;
  for (const e of c.view.externals) {
    const side = patronSideOf(c, e.id);
    if (side && !sides.has(side) && e.disposition >= -40) return { type: 'engageExternal', actor: e.id, ask: 'backing' };
  }
  return null;
}

/** Nothing pressing: the party seen least this turn. */
function balance(c: Craft): MediatorCommand | null {
  for (const p of c.view.parties) if (p.seat !== 'walkedOut' && caucusedNow(c, p.id) === 0) return { type: 'caucus', party: p.id };
  return null;
}

function phaseMove(c: Craft): MediatorCommand | null {
  switch (c.view.phase) {
    case 'exploratory':
      return exploratory(c);
    case 'agenda':
      return agenda(c);
    case 'negotiation':
      return negotiation(c);
    case 'agreements':
      return agreements(c);
    case 'monitoring':
      return monitoring(c);
    default:
      return null;
  }
}

/** Caucus whoever is furthest from the exploratory criteria; call the next phase once they show met. */
function exploratory(c: Craft): MediatorCommand | null {
  if (allMet(c.view)) return pick(c, { type: 'proposeNextPhase' });
  const t = c.t;
  const gap = (p: PartyView) => Math.max(t.exploratoryCommitment - p.commitment, t.exploratoryTrust - p.trustInMediator);
  const order = [...c.view.parties].sort((a, b) => gap(b) - gap(a));
  const cands: (MediatorCommand | null)[] = [];
  for (const p of order) if (gap(p) > 0 && caucusedNow(c, p.id) === 0) cands.push({ type: 'caucus', party: p.id });
  cands.push(relayCaucus(c, 0), nextFaction(c));
  for (const p of order) if (gap(p) > 0 && caucusedNow(c, p.id) === 1) cands.push({ type: 'caucus', party: p.id });
  return pick(c, ...cands);
}

/** The issues some party needs on the agenda, or every issue when none is needed. */
function coreIssues(view: View): string[] {
  const core: string[] = [];
  for (const i of view.issues) if (i.core.length > 0) core.push(i.id);
  if (core.length > 0) return core;
  for (const i of view.issues) core.push(i.id);
  return core;
}

/** Reframe what a party refuses, reassure the distrustful, propose the core issues. */
function agenda(c: Craft): MediatorCommand | null {
  const view = c.view;
  if (allMet(view)) return pick(c, { type: 'proposeNextPhase' });
  const last = lastProposal(view, 'agenda');
  const issues = coreIssues(view);
  const cands: (MediatorCommand | null)[] = [];
  let distrust = false;
  if (last && last.status === 'rejected') {
    for (const party in last.reasons) {
      const r = last.reasons[party]!;
      const ids = String(r.params?.ids ?? '')
        .split(',')
        .filter(Boolean);
      if (r.key === 'response.agenda.refusedIssue') for (const id of ids) if (!issueOf(view, id).reframed) cands.push({ type: 'reframe', issue: id });
      if (r.key === 'response.agenda.missingCore') for (const id of ids) if (!issues.includes(id)) issues.push(id);
      if (r.key === 'response.agenda.distrust') {
        distrust = true;
        cands.push(trustCaucus(c, c.t.agendaTrust + 1));
      }
    }
  }
  // Refused issues known in advance (a party's public refusal) are reframed before asking.
  for (const p of view.parties)
    for (const id of refusedOf(c, p.id)) if (issues.includes(id) && !issueOf(view, id).reframed) cands.push({ type: 'reframe', issue: id });
  // Each party heard in this phase before the first agenda is tabled (terms put to a party the mediator has not sat down with read as arrogance).
  if (!last && c.level !== 'expert')
    for (const p of view.parties)
      if (p.seat !== 'walkedOut' && !c.led.heardSincePhase.has(p.id) && caucusedNow(c, p.id) === 0) cands.push({ type: 'caucus', party: p.id });
  const trustOk = view.parties.every((p) => p.trustInMediator >= c.t.agendaTrust);
  // An agenda still awaiting a delegation's answer (a person's, in class) is not tabled again.
  if (last?.status !== 'pending' && (!last || last.turn < view.turn || (!distrust && cands.length > 0)) && (trustOk || !distrust))
    cands.push({ type: 'proposeAgenda', issues });
  cands.push(trustCaucus(c, c.t.agendaTrust + 1), relayCaucus(c, 0));
  return pick(c, ...cands);
}

/** Issues a party is known to refuse as framed (from its answers so far). */
function refusedOf(c: Craft, party: string): string[] {
  const out: string[] = [];
  for (const prop of c.view.proposals) {
    if (prop.kind !== 'agenda') continue;
    const r = prop.reasons[party];
    if (r?.key === 'response.agenda.refusedIssue')
      out.push(
        ...String(r.params?.ids ?? '')
          .split(',')
          .filter(Boolean),
      );
  }
  return out;
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

/**
 * Meet once trust allows, study the agenda's issues in technical commissions, trade in packages.
 * Terms are tabled early; the issues a refusal names (a red line crossed) are studied first, then
 * the one weighing most. Both trade across issues by weight; the expert also concedes toward a no.
 */
function negotiation(c: Craft): MediatorCommand | null {
  const view = c.view;
  if (allMet(view)) return pick(c, { type: 'proposeNextPhase' });
  const open = openIssues(view);
  const unexplored = open.filter((id) => !issueOf(view, id).commission);
  const cands: (MediatorCommand | null)[] = [meet(c)];
  {
    const last = lastOffer(view);
    const named: string[] = [];
    if (last && last.status === 'rejected') {
      for (const party in last.reasons) {
        const r = last.reasons[party]!;
        if (r.key === 'response.redLine') named.push(...String(r.params?.ids ?? '').split(','));
      }
    }
    const study = named.find((id) => unexplored.includes(id));
    if (study) cands.push({ type: 'technicalCommission', issue: study });
    if (!last || (last.turn < view.turn && !study)) cands.push(unlessRefused(c, last, offer(c, open)));
    // Another issue studied widens the zone: every other turn, or at once after a red line or any no.
    const refused = last !== undefined && last.turn < view.turn && last.status === 'rejected';
    if (unexplored.length > 0 && (!last || last.turn < view.turn - 1 || study || refused))
      cands.push({ type: 'technicalCommission', issue: heaviest(c, unexplored) });
    return pick(c, ...cands);
  }
}

/** The issue the parties weigh most, as far as the mediator knows. */
function heaviest(c: Craft, ids: string[]): string {
  let best = ids[0]!;
  let bestW = -Infinity;
  for (const id of ids) {
    const iss = issueOf(c.view, id);
    let w = 0;
    for (const p of c.view.parties) w += iss.known[p.id]?.weight ?? 5;
    if (w > bestW) {
      bestW = w;
      best = id;
    }
  }
  return best;
}

/** The terms to table now, or null when the last offer is still the best one can justify. */
function offer(c: Craft, open: string[]): MediatorCommand | null {
  const view = c.view;
  const last = lastOffer(view);
  // Terms still awaiting an answer (a person's, in class) are not followed by new ones.
  if (last && (last.turn === view.turn || last.status === 'pending')) return null;
  const fixed: Record<string, number> = {};
  for (const id of view.agenda ?? []) {
    const f = issueOf(view, id).formula;
    if (f && f.acceptedBy.length === view.parties.length) fixed[id] = f.value;
  }
  let terms = tradeTerms(
    view,
    view.agenda ?? open,
    fixed,
    c.g.runner.cached(c.g.scenario, 'bot:tradeTerms', () => new Map<string, Record<string, number>>()),
  );
  if (c.level === 'expert') {
    // Terms that fell short (no red line crossed) are moved toward whoever said no, not recomputed.
    const shortOnly = last && last.status === 'rejected' && last.terms && Object.values(last.reasons).every((r) => r.key !== 'response.redLine');
    if (shortOnly && last.kind === 'package') terms = concede(c, last);
    else if (last && last.status === 'rejected' && last.terms && sameTerms(last.terms, terms)) terms = concede(c, last);
  }
  if (open.length === 1) return { type: 'proposeFormula', issue: open[0]!, value: terms[open[0]!]! };
  return { type: 'proposePackage', terms };
}

/**
 * Terms a party refused are not tabled again unchanged until something has changed for it: its
 * trust in the mediator has grown since it said no (a refused request is not repeated).
 */
function unlessRefused(c: Craft, last: Proposal | undefined, cmd: MediatorCommand | null): MediatorCommand | null {
  if (!cmd || !last || last.status !== 'rejected' || !last.terms) return cmd;
  const same =
    cmd.type === 'proposePackage' ? sameTerms(last.terms, cmd.terms) : cmd.type === 'proposeFormula' && sameTerms(last.terms, { [cmd.issue]: cmd.value });
  if (!same) return cmd;
  const atNo = c.led.refusedAtTrust.get(last.id);
  if (!atNo) return cmd;
  for (const [party, trust] of atNo) {
    const now = c.view.parties.find((p) => p.id === party)?.trustInMediator ?? 0;
    if (now < trust + REPEAT_AFTER_TRUST) return null;
  }
  return cmd;
}

/** How much a refusing party's trust in the mediator must grow before the same terms are worth asking again. */
const REPEAT_AFTER_TRUST = 3;

function lastOffer(view: View): Proposal | undefined {
  const all = view.proposals;
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.kind === 'package' || all[i]!.kind === 'formula') return all[i];
  return undefined;
}

function sameTerms(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  for (const k in b) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * After a no, the terms moved toward each party that said it, on the issue it named (or the one
 * it weighs most), inside the others' known red lines: a concession, not the same terms again.
 */
function concede(c: Craft, rejected: Proposal): Record<string, number> {
  const terms = { ...rejected.terms! };
  for (const party in rejected.responses) {
    if (rejected.responses[party] !== 'reject') continue;
    const named = rejected.reasons[party]?.params?.issue;
    let id = typeof named === 'string' && named in terms ? named : undefined;
    if (!id) {
      let w = -Infinity;
      for (const k in terms) {
        const kw = issueOf(c.view, k).known[party]?.weight ?? 5;
        if (kw > w) {
          w = kw;
          id = k;
        }
      }
    }
    if (!id) continue;
    const iss = issueOf(c.view, id);
    const ideal = iss.known[party]?.ideal ?? iss.publicPos[party] ?? terms[id]!;
    const next = terms[id]! + Math.sign(ideal - terms[id]!) * 4;
    const breaks = c.view.parties.some((p) => {
      const r = iss.known[p.id]?.reservation;
      const i = iss.known[p.id]?.ideal;
      return p.id !== party && r !== undefined && i !== undefined && (next - r) * Math.sign(i - r) < 0;
    });
    if (!breaks) terms[id] = next;
  }
  return terms;
}

/** Face to face, cohesion and commitment for the signing, verification; then the call to sign. */
function agreements(c: Craft): MediatorCommand | null {
  const { view, t } = c;
  const meetNow = meet(c);
  if (meetNow) return pick(c, meetNow);
  const nearP = view.venues.find((v) => v.id === view.venue)?.nearPrincipals ?? false;
  const cohesionNeed = t.signingCohesion - (nearP ? 10 : 0);
  const cands: (MediatorCommand | null)[] = [];
  if (view.talkFormat === 'pendular') cands.push(relayCaucus(c, 0), gestureRequest(c));
  let weak: PartyView | undefined;
  for (const p of view.parties) if (!p.signed && (p.cohesion < cohesionNeed || p.commitment < t.signingCommitment)) weak = weak ?? p;
  const lastSign = lastProposal(view, 'signing');
  if (view.talkFormat === 'direct' && !weak && (!lastSign || lastSign.turn < view.turn)) cands.push({ type: 'proposeNextPhase' });
  if (weak) {
    if (weak.cohesion < cohesionNeed) cands.push(nextFaction(c, weak));
    if (weak.commitment < t.signingCommitment && caucusedNow(c, weak.id) < 2) cands.push({ type: 'caucus', party: weak.id });
  }
  if (view.verification < 25) cands.push({ type: 'designVerification' });
  if (view.talkFormat === 'direct' && madeNow(c, 'jointSession') === 0 && c.level === 'expert' && weak) cands.push({ type: 'jointSession' });
  return pick(c, ...cands);
}

/** Full verification, a guarantor, and the shakiest party seen. */
function monitoring(c: Craft): MediatorCommand | null {
  const view = c.view;
  let shaky: PartyView = view.parties[0]!;
  for (const p of view.parties) if (p.cohesion + p.commitment < shaky.cohesion + shaky.commitment) shaky = p;
  return pick(
    c,
    guaranteeAsk(c),
    view.verification < 100 ? { type: 'designVerification' } : null,
    caucusedNow(c, shaky.id) === 0 ? { type: 'caucus', party: shaky.id } : null,
    nextFaction(c, shaky),
  );
}
