/**
 * The mediator's moves: what each costs, when it is legal (with the reason when it is not), and
 * what it does. Moves that change a statechart region (joint session, public statement, the call
 * to move on) have their effects here too; the machine decides the transition.
 */
import type { Scenario } from '../../scenario/schema';
import type { Change, MediatorCommand, Msg, World } from '../types';
import { addLog, shiftMeter, shiftTrust } from '../world';
import { openProposal } from './proposals';
import { otherIds, clamp, has } from '../util';
import { refreshBatnas } from './batna';
import { isFinal } from './progress';

export const MOVE_COST: Record<MediatorCommand['type'], number> = {
  caucus: 1,
  jointSession: 2,
  proposeAgenda: 1,
  proposeFormula: 1,
  proposePackage: 2,
  reframe: 1,
  requestCbm: 1,
  engageExternal: 1,
  engageSpoiler: 1,
  publicStatement: 1,
  consultExperts: 1,
  studyHistory: 1,
  technicalCommission: 2,
  changeVenue: 1, // and every point left: a venue change costs the turn
  designVerification: 1,
  proposeNextPhase: 1,
  readBriefing: 0,
  endTurn: 0,
};

// Built once: bots ask whyIllegal for every candidate move, so it should allocate only its answer.
const ACTIVE = new Set(['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring']);
const REFRAME_PHASES = new Set(['exploratory', 'agenda', 'negotiation', 'suspended']);
const COMMISSION_PHASES = new Set(['agenda', 'negotiation']);
const VERIFICATION_PHASES = new Set(['negotiation', 'agreements', 'monitoring']);
const CBMS = new Set(['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire']);
const ASKS = new Set(['backing', 'incentive', 'restraint', 'guarantee']);
const APPROACHES = new Set(['induce', 'socialize', 'coerce', 'isolate']);
const TONES = new Set(['sober', 'optimistic', 'critical']);
const refuse = (key: string, params?: Msg['params']): Msg => (params ? { key: `refuse.${key}`, params } : { key: `refuse.${key}` });

/** A venue is open if it is the current one, was offered by an event, or no event is needed to offer it. */
export function venueAvailable(s: Scenario, w: World, venue: string): boolean {
  if (w.venuesOffered.includes(venue)) return true;
  const needsOffer = s.injects.some((i) => i.effect.kind === 'venueOffer' && i.effect.venue === venue) ||
    s.injects.some((i) => i.contingency.some((c) => c.effect.kind === 'venueOffer' && c.effect.venue === venue));
  return !needsOffer;
}

/** Why this move cannot be made now, or null when it can. Illegal moves cost nothing. */
export function whyIllegal(s: Scenario, w: World, cmd: MediatorCommand): Msg | null {
  if (isFinal(w.phase)) return refuse('over');
  const cost = MOVE_COST[cmd.type];
  if (cost > w.ap) return refuse('ap', { need: cost, have: w.ap });
  const phase = w.phase;
  const suspended = phase === 'suspended';
  // Own keys only (`has`): a target named "constructor" or "__proto__" must not find Object's members.
  switch (cmd.type) {
    case 'endTurn':
      return null;
    case 'readBriefing':
      return w.knowledge.briefing ? refuse('alreadyDone') : null;
    case 'caucus':
      return has(w.parties, cmd.party) ? null : refuse('unknownParty', { id: cmd.party });
    case 'jointSession':
      if (suspended) return refuse('suspended');
      if (phase === 'exploratory') return refuse('jointSession.exploratory');
      return null;
    case 'proposeAgenda': {
      if (suspended) return refuse('suspended');
      if (phase !== 'agenda') return refuse('phase', { move: cmd.type, phases: 'agenda' });
      if (!Array.isArray(cmd.issues) || cmd.issues.length === 0) return refuse('agenda.empty');
      const bad = cmd.issues.find((i) => !has(w.issues, i));
      if (bad) return refuse('unknownIssue', { id: bad });
      if (new Set(cmd.issues).size !== cmd.issues.length) return refuse('agenda.duplicate');
      return null;
    }
    case 'proposeFormula':
      if (suspended) return refuse('suspended');
      if (phase !== 'negotiation') return refuse('phase', { move: cmd.type, phases: 'negotiation' });
      if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
      if (!w.agenda?.includes(cmd.issue)) return refuse('notOnAgenda', { id: cmd.issue });
      if (!Number.isFinite(cmd.value) || cmd.value < 0 || cmd.value > 100) return refuse('value');
      return null;
    case 'proposePackage': {
      if (suspended) return refuse('suspended');
      if (phase !== 'negotiation') return refuse('phase', { move: cmd.type, phases: 'negotiation' });
      const entries = Object.entries(cmd.terms ?? {});
      if (entries.length < 2) return refuse('package.small');
      for (const [i, v] of entries) {
        if (!has(w.issues, i)) return refuse('unknownIssue', { id: i });
        if (!w.agenda?.includes(i)) return refuse('notOnAgenda', { id: i });
        if (!Number.isFinite(v) || v < 0 || v > 100) return refuse('value');
      }
      return null;
    }
    case 'reframe':
      if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
      if (!REFRAME_PHASES.has(phase)) return refuse('phase', { move: cmd.type, phases: 'exploratory,agenda,negotiation' });
      return w.issues[cmd.issue]!.reframed ? refuse('alreadyDone') : null;
    case 'requestCbm':
      if (!has(w.parties, cmd.party)) return refuse('unknownParty', { id: cmd.party });
      if (w.parties[cmd.party]!.seat === 'walkedOut') return refuse('walkedOut', { id: cmd.party });
      if (!CBMS.has(cmd.cbm)) return refuse('cbm');
      return null;
    case 'engageExternal':
      if (!has(w.externals, cmd.actor)) return refuse('unknownActor', { id: cmd.actor });
      if (!ASKS.has(cmd.ask)) return refuse('ask');
      return null;
    case 'engageSpoiler':
      if (!has(w.factions, cmd.faction)) return refuse('unknownFaction', { id: cmd.faction });
      if (!APPROACHES.has(cmd.approach)) return refuse('approach');
      return null;
    case 'publicStatement':
      if (!TONES.has(cmd.tone)) return refuse('tone');
      if (cmd.tone === 'critical' && (!cmd.party || !has(w.parties, cmd.party))) return refuse('statement.target');
      return null;
    case 'consultExperts':
      if (has(w.factions, cmd.subject)) return w.knowledge.spoilerTypes[cmd.subject] ? refuse('alreadyKnown') : null;
      if (has(w.issues, cmd.subject)) return idealsKnown(w, cmd.subject) ? refuse('alreadyKnown') : null;
      return refuse('unknownSubject', { id: cmd.subject });
    case 'studyHistory':
      return w.knowledge.history ? refuse('alreadyDone') : null;
    case 'technicalCommission':
      if (!has(w.issues, cmd.issue)) return refuse('unknownIssue', { id: cmd.issue });
      if (!COMMISSION_PHASES.has(phase)) return refuse('phase', { move: cmd.type, phases: 'agenda,negotiation' });
      return w.issues[cmd.issue]!.commission ? refuse('alreadyDone') : null;
    case 'changeVenue': {
      const v = s.venues.find((x) => x.id === cmd.venue);
      if (!v) return refuse('unknownVenue', { id: cmd.venue });
      if (w.venue === cmd.venue) return refuse('venue.same');
      if (!venueAvailable(s, w, cmd.venue)) return refuse('venue.notOffered', { id: cmd.venue });
      return null;
    }
    case 'designVerification':
      if (!VERIFICATION_PHASES.has(phase)) return refuse('phase', { move: cmd.type, phases: 'negotiation,agreements,monitoring' });
      return w.verification >= 100 ? refuse('alreadyDone') : null;
    case 'proposeNextPhase':
      if (suspended) return refuse('suspended');
      if (phase === 'monitoring') return refuse('nextPhase.monitoring');
      if (!ACTIVE.has(phase)) return refuse('over');
      return null;
  }
}

/** The mediator knows every party's ideal point on this issue. */
function idealsKnown(w: World, issue: string): boolean {
  for (const p in w.parties) if (w.knowledge.interests[p]?.[issue]?.ideal === undefined) return false;
  return true;
}

/** Reveal the party's weightiest issue the mediator does not yet understand. */
function revealInterest(s: Scenario, w: World, partyId: string): string | null {
  const known = w.knowledge.interests[partyId]!;
  // The first of the weightiest not fully known (what a stable sort by weight would put first).
  let pick: Scenario['issues'][number] | undefined;
  let best = 0;
  for (const i of s.issues) {
    if (known[i.id]?.ideal !== undefined && known[i.id]?.weight !== undefined) continue;
    const weight = i.positions[partyId]?.weight ?? 0;
    if (!pick || weight > best) {
      pick = i;
      best = weight;
    }
  }
  if (!pick) return null;
  const pos = pick.positions[partyId]!;
  known[pick.id] = { ...known[pick.id], ideal: pos.ideal, weight: pos.weight };
  return pick.id;
}

/** The right way to handle a spoiler depends on its hidden type (Stedman). */
export function rightApproach(type: string, approach: string): boolean {
  switch (type) {
    case 'none':
    case 'limited':
      return approach === 'induce' || approach === 'socialize';
    case 'greedy':
      return approach === 'socialize';
    case 'total':
      return approach === 'isolate' || approach === 'coerce';
    default:
      return false;
  }
}

/** The chance an outside power agrees to hold back its next shock. */
export const restraintChance = (disposition: number): number => clamp((disposition + 60) / 160, 0, 1);

/**
 * Reframing and technical commissions move every party's public position part of the way to its
 * real interest, and show the mediator how much the issue weighs for each (a commission also
 * finds each red line).
 */
function towardInterests(s: Scenario, w: World, issue: string, share: number, redLines: boolean): void {
  const st = w.issues[issue]!;
  const def = s.issues.find((i) => i.id === issue)!;
  for (const pid of Object.keys(w.parties)) {
    const pos = def.positions[pid]!;
    st.publicPos[pid] = Math.round(st.publicPos[pid]! + (pos.ideal - st.publicPos[pid]!) * share);
    const known = w.knowledge.interests[pid]!;
    known[issue] = redLines ? { ...known[issue], weight: pos.weight, reservation: pos.reservation } : { ...known[issue], weight: pos.weight };
  }
}

/** Apply a legal mediator move (other than those a statechart region handles) to a draft. */
export function applyMove(s: Scenario, w: World, cmd: MediatorCommand, roll: () => number): { result: Msg; changes: Change[]; cost: number } {
  const changes: Change[] = [];
  const parties = Object.keys(w.parties);
  const cost = cmd.type === 'changeVenue' ? w.ap : MOVE_COST[cmd.type];
  w.ap -= cost;
  let result: Msg = { key: `move.${cmd.type}.done` };
  switch (cmd.type) {
    case 'readBriefing':
      w.knowledge.briefing = true;
      break;
    case 'caucus': {
      const p = w.parties[cmd.party]!;
      p.attention += 1;
      if (p.seat === 'walkedOut') {
        shiftMeter(w, p.id, 'commitment', 8, changes);
        shiftMeter(w, p.id, 'trustInMediator', 2, changes);
        result = { key: 'move.caucus.shuttle', params: { party: p.id } };
        break;
      }
      let maxOther = 0;
      for (const o of parties) if (o !== p.id) maxOther = Math.max(maxOther, w.parties[o]!.attention);
      // Courting one side far more than the other reads as partiality, and buys less.
      shiftMeter(w, p.id, 'trustInMediator', p.attention > maxOther + 3 ? 1 : 4, changes);
      shiftMeter(w, p.id, 'commitment', w.phase === 'exploratory' ? 5 : 3, changes);
      if (p.trustInMediator >= 35) {
        const issue = revealInterest(s, w, p.id);
        result = issue ? { key: 'move.caucus.revealed', params: { party: p.id, issue } } : { key: 'move.caucus.done', params: { party: p.id } };
      } else result = { key: 'move.caucus.guarded', params: { party: p.id } };
      break;
    }
    case 'proposeAgenda': {
      const prop = openProposal(s, w, 'agenda', { issues: cmd.issues });
      result = proposalResult(prop.status, prop.id);
      break;
    }
    case 'proposeFormula': {
      const prop = openProposal(s, w, 'formula', { terms: { [cmd.issue]: Math.round(cmd.value) } });
      result = proposalResult(prop.status, prop.id);
      break;
    }
    case 'proposePackage': {
      const terms: Record<string, number> = {};
      for (const [i, v] of Object.entries(cmd.terms)) terms[i] = Math.round(v);
      const prop = openProposal(s, w, 'package', { terms });
      result = proposalResult(prop.status, prop.id);
      break;
    }
    case 'reframe': {
      w.issues[cmd.issue]!.reframed = true;
      towardInterests(s, w, cmd.issue, 0.25, false);
      break;
    }
    case 'requestCbm': {
      const prop = openProposal(s, w, 'cbm', { cbm: { party: cmd.party, cbm: cmd.cbm } });
      result = proposalResult(prop.status, prop.id);
      break;
    }
    case 'engageExternal': {
      const a = w.externals[cmd.actor]!;
      const def = s.externals.find((e) => e.id === cmd.actor)!;
      a.engaged += 1;
      if (a.disposition < -40) {
        result = { key: 'move.engageExternal.refused', params: { actor: a.id } };
        break;
      }
      result = { key: `move.engageExternal.${cmd.ask}`, params: { actor: a.id } };
      if (cmd.ask === 'backing') {
        a.disposition = clamp(a.disposition + 10, -100, 100);
        for (const pid of parties) if ((a.support[pid] ?? 0) < 0) shiftMeter(w, pid, 'commitment', 3, changes);
      } else if (cmd.ask === 'incentive') {
        if (!def.leverage.some((l) => l === 'sanctions' || l === 'money')) {
          result = { key: 'move.engageExternal.refused', params: { actor: a.id } };
          break;
        }
        // A conditional incentive: relief for those it pressures, if they agree.
        for (const pid of parties) {
          const p = w.parties[pid]!;
          const bump = (a.support[pid] ?? 0) < 0 ? 10 : 4;
          const before = p.incentive;
          p.incentive = Math.min(20, p.incentive + bump);
          if (p.incentive !== before) changes.push({ target: pid, meter: 'incentive', delta: p.incentive - before });
        }
      } else if (cmd.ask === 'restraint') {
        if (roll() < restraintChance(a.disposition)) a.restraint = true;
        else result = { key: 'move.engageExternal.refused', params: { actor: a.id } };
      } else if (cmd.ask === 'guarantee') {
        if (def.leverage.includes('guarantees') || def.leverage.includes('mediation')) a.guarantee = true;
        else result = { key: 'move.engageExternal.refused', params: { actor: a.id } };
      }
      break;
    }
    case 'engageSpoiler': {
      const f = w.factions[cmd.faction]!;
      if (rightApproach(f.spoiler, cmd.approach)) {
        f.managed = true;
        f.satisfaction = clamp(f.satisfaction + 15);
        if (cmd.approach === 'induce' || cmd.approach === 'socialize') f.included = true;
        if (cmd.approach === 'isolate') f.included = false;
        shiftMeter(w, f.party, 'cohesion', cmd.approach === 'isolate' || cmd.approach === 'coerce' ? 3 : 5, changes);
        result = { key: 'move.engageSpoiler.right', params: { faction: f.id } };
      } else {
        f.managed = false;
        f.satisfaction = clamp(f.satisfaction - 20);
        shiftMeter(w, f.party, 'cohesion', -8, changes);
        result = { key: 'move.engageSpoiler.backfired', params: { faction: f.id } };
      }
      break;
    }
    case 'consultExperts':
      if (has(w.factions, cmd.subject)) {
        w.knowledge.spoilerTypes[cmd.subject] = w.factions[cmd.subject]!.spoiler;
        result = { key: 'move.consultExperts.faction', params: { faction: cmd.subject } };
      } else {
        const def = s.issues.find((i) => i.id === cmd.subject)!;
        for (const pid of parties) w.knowledge.interests[pid]![cmd.subject] = { ...w.knowledge.interests[pid]![cmd.subject], ideal: def.positions[pid]!.ideal };
        result = { key: 'move.consultExperts.issue', params: { issue: cmd.subject } };
      }
      break;
    case 'studyHistory':
      w.knowledge.history = true;
      for (const pid of parties) shiftMeter(w, pid, 'trustInMediator', 2, changes);
      break;
    case 'technicalCommission': {
      w.issues[cmd.issue]!.commission = true;
      towardInterests(s, w, cmd.issue, 0.4, true);
      break;
    }
    case 'changeVenue':
      w.venue = cmd.venue;
      result = { key: 'move.changeVenue.done', params: { venue: cmd.venue } };
      break;
    case 'designVerification':
      w.verification = Math.min(100, w.verification + 25);
      break;
    case 'jointSession':
    case 'publicStatement':
    case 'proposeNextPhase':
    case 'endTurn':
      break; // handled by the statechart's own actions
  }
  refreshBatnas(s, w);
  return { result, changes, cost };
}

function proposalResult(status: string, id: number): Msg {
  if (status === 'accepted') return { key: 'move.proposal.accepted', params: { proposal: id } };
  if (status === 'rejected') return { key: 'move.proposal.rejected', params: { proposal: id } };
  return { key: 'move.proposal.pending', params: { proposal: id } };
}

/** A joint session when the parties will sit together: the format turns direct. */
export function holdJointSession(w: World, direct: boolean): { result: Msg; changes: Change[] } {
  const changes: Change[] = [];
  w.ap -= MOVE_COST.jointSession;
  const ids = Object.keys(w.parties);
  if (!direct) {
    for (const a of ids) for (const b of otherIds(ids, a)) shiftTrust(w, a, b, -5, changes);
    return { result: { key: 'move.jointSession.backfired' }, changes };
  }
  const bump = w.talkFormat === 'direct' ? 4 : 5;
  for (const a of ids) {
    for (const b of otherIds(ids, a)) shiftTrust(w, a, b, bump, changes);
    if (w.talkFormat === 'direct') shiftMeter(w, a, 'commitment', 2, changes);
  }
  return { result: { key: w.talkFormat === 'direct' ? 'move.jointSession.done' : 'move.jointSession.direct' }, changes };
}

export function makeStatement(w: World, cmd: Extract<MediatorCommand, { type: 'publicStatement' }>): { result: Msg; changes: Change[] } {
  const changes: Change[] = [];
  w.ap -= MOVE_COST.publicStatement;
  const ids = Object.keys(w.parties);
  if (cmd.tone === 'sober') for (const p of ids) shiftMeter(w, p, 'trustInMediator', 1, changes);
  if (cmd.tone === 'optimistic') {
    for (const p of ids) shiftMeter(w, p, 'commitment', 3, changes);
    w.optimismTurns.push(w.turn);
  }
  if (cmd.tone === 'critical' && cmd.party) {
    shiftMeter(w, cmd.party, 'trustInMediator', -12, changes);
    for (const o of otherIds(ids, cmd.party)) shiftMeter(w, o, 'trustInMediator', 3, changes);
  }
  return { result: { key: `move.publicStatement.${cmd.tone}`, params: cmd.party ? { party: cmd.party } : {} }, changes };
}

/** The call to move on (in the agreements phase: the call to sign). */
export function proposeNextPhase(s: Scenario, w: World, met: boolean): { result: Msg; changes: Change[] } {
  const changes: Change[] = [];
  w.ap -= MOVE_COST.proposeNextPhase;
  if (w.phase === 'agreements') {
    const prop = openProposal(s, w, 'signing', {});
    const all = Object.values(w.signatures).every(Boolean);
    return { result: all ? { key: 'move.signing.done' } : prop.status === 'pending' ? { key: 'move.proposal.pending', params: { proposal: prop.id } } : { key: 'move.signing.refused' }, changes };
  }
  if (met) return { result: { key: 'move.proposeNextPhase.done', params: { phase: w.phase } }, changes };
  // Pushing before the parties are ready costs a little standing (haste).
  for (const p of Object.keys(w.parties)) shiftMeter(w, p, 'trustInMediator', -2, changes);
  return { result: { key: 'move.proposeNextPhase.refused', params: { phase: w.phase } }, changes };
}

export function logMove(w: World, cmd: MediatorCommand, cost: number, out: { result: Msg; changes: Change[] }): void {
  addLog(w, { turn: w.turn, kind: 'move', role: 'mediator', command: cmd, cost, result: out.result, changes: out.changes });
}

