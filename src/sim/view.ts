/**
 * What each role may see. The mediator sees public positions and what it has learned; a party
 * sees its own hidden interests and nobody else's; the instructor sees everything, the MSEL included.
 * A stalling party keeps up appearances: others see the commitment it shows, not the one it has.
 */
import type { IssueDef, Scenario } from '../scenario/schema';
import type { LogEntry, Msg, ProcessPhase, Proposal, Role, Seat, SpoilerType, TalkFormat, Visibility, World } from './types';
import type { Game } from './game';
import { worldOf, isOver } from './game';
import { apparentCommitment, criteriaFor } from './rules/criteria';
import { parseRole } from './roles';
import { progress } from './rules/progress';
import { has } from './util';

export interface FactionView {
  id: string;
  name: string;
  party: string;
  influence: number;
  stance: 'moderate' | 'hardline';
  included: boolean;
  satisfaction: number;
  /** 'unknown' until studied (or for roles that may not know). */
  spoiler: SpoilerType | 'unknown';
  strikes: number;
}

export interface PartyView {
  id: string;
  name: string;
  short: string;
  principal: string;
  delegation: string;
  publicStance: string;
  trustInMediator: number;
  commitment: number;
  cohesion: number;
  batna: number;
  trustIn: Record<string, number>;
  seat: Seat;
  attention: number;
  intent: 'sincere' | 'stalling' | 'suspected' | 'unknown';
  signed: boolean;
  compliance?: number;
  factions: FactionView[];
}

export interface ExternalView {
  id: string;
  name: string;
  kind: string;
  description?: string;
  support: Record<string, number>;
  disposition: number;
  /** From the scenario (shared, read-only). */
  leverage: readonly string[];
  engaged: number;
  restraint: boolean;
  guarantee: boolean;
}

export interface IssueView {
  id: string;
  name: string;
  description: string;
  low: string;
  high: string;
  /** From the scenario (shared, read-only). */
  core: readonly string[];
  onAgenda: boolean;
  reframed: boolean;
  commission: boolean;
  publicPos: Record<string, number>;
  /** Hidden values this role knows, per party. */
  known: Record<string, { ideal?: number; weight?: number; reservation?: number }>;
  formula: { value: number; acceptedBy: string[] } | null;
}

export interface View {
  role: Role;
  scenario: { id: string; title: string; period: string; summary: string; turnLength: string; startDate?: string };
  turn: number;
  turnLimit: number;
  ap: number;
  apMax: number;
  phase: ProcessPhase;
  resumePhase: ProcessPhase | null;
  over: boolean;
  talkFormat: TalkFormat;
  visibility: Visibility;
  venue: string | null;
  venues: { id: string; name: string; nearPrincipals: boolean }[];
  progress: number;
  criteria: { msg: Msg; met: boolean }[];
  parties: PartyView[];
  externals: ExternalView[];
  issues: IssueView[];
  agenda: string[] | null;
  proposals: Proposal[];
  verification: number;
  complianceTurns: number;
  monitoringTurns: number;
  knowledge: { briefing: boolean; history: boolean };
  /** Shared with the world (append-only): do not modify. */
  log: readonly LogEntry[];
  /** Instructor only: the master scenario events list and whether each has fired. */
  injects?: { id: string; turn?: number; synopsis: string; fired: boolean; awaitingUntil?: number; learningObjective?: string }[];
  /** Instructor only: the whole world, hidden values included. */
  truth?: World;
}

export function viewFor(g: Game, role: Role): View {
  const s = g.scenario;
  const w = worldOf(g);
  const r = parseRole(role);
  const omniscient = role === 'instructor';
  const ownParty = r?.kind === 'party' ? r.id : r?.kind === 'faction' ? w.factions[r.id!]?.party : undefined;

  const factionRole = r?.kind === 'faction' ? r.id : null;
  const parties: PartyView[] = s.parties.map((def) => {
    const p = w.parties[def.id]!;
    const trustIn: Record<string, number> = {};
    for (const k in p.trustIn) trustIn[k] = Math.round(p.trustIn[k]!);
    const own = ownParty === def.id || omniscient;
    const intent: PartyView['intent'] = own ? p.intent : p.intent === 'stalling' && w.knowledge.history && role === 'mediator' ? 'suspected' : 'unknown';
    const view: PartyView = {
      id: def.id,
      name: def.name,
      short: def.short ?? def.name,
      principal: def.principal,
      delegation: def.delegation,
      publicStance: def.publicStance,
      trustInMediator: Math.round(p.trustInMediator),
      // Appearances: a stalling party shows more commitment than it has.
      commitment: Math.round(own ? p.commitment : apparentCommitment(p)),
      cohesion: Math.round(p.cohesion),
      batna: Math.round(p.batna),
      trustIn,
      seat: p.seat,
      attention: p.attention,
      intent,
      signed: !!w.signatures[def.id],
      factions: def.factions.map((fd) => {
        const f = w.factions[fd.id]!;
        const knows = omniscient || factionRole === fd.id || (role === 'mediator' && w.knowledge.spoilerTypes[fd.id] !== undefined);
        return {
          id: fd.id,
          name: fd.name,
          party: def.id,
          influence: fd.influence,
          stance: f.stance,
          included: f.included,
          satisfaction: Math.round(f.satisfaction),
          spoiler: knows ? f.spoiler : 'unknown',
          strikes: f.strikes,
        };
      }),
    };
    const compliance = w.compliance[def.id];
    if (compliance !== undefined) view.compliance = compliance;
    return view;
  });

  const issues: IssueView[] = s.issues.map((def: IssueDef) => {
    const st = w.issues[def.id]!;
    const known: IssueView['known'] = {};
    for (const pd of s.parties) {
      const pos = def.positions[pd.id]!;
      if (omniscient || ownParty === pd.id) known[pd.id] = { ideal: pos.ideal, weight: pos.weight, reservation: pos.reservation };
      else if (role === 'mediator' && w.knowledge.interests[pd.id]?.[def.id]) known[pd.id] = { ...w.knowledge.interests[pd.id]![def.id] };
    }
    return {
      id: def.id,
      name: def.name,
      description: def.description,
      low: def.low,
      high: def.high,
      core: def.core,
      onAgenda: !!w.agenda?.includes(def.id),
      reframed: st.reframed,
      commission: st.commission,
      publicPos: { ...st.publicPos },
      known,
      formula: st.formula ? { value: st.formula.value, acceptedBy: [...st.formula.acceptedBy] } : null,
    };
  });

  const view: View = {
    role,
    scenario: { id: s.id, title: s.title, period: s.period, summary: s.summary, turnLength: s.turnLength, ...(s.startDate ? { startDate: s.startDate } : {}) },
    turn: w.turn,
    turnLimit: s.turnLimit,
    ap: w.ap,
    apMax: s.actionPoints,
    phase: w.phase,
    resumePhase: w.resumePhase,
    over: isOver(g),
    talkFormat: w.talkFormat,
    visibility: w.visibility,
    venue: w.venue,
    venues: s.venues.map((v) => ({ id: v.id, name: v.name, nearPrincipals: v.nearPrincipals })),
    progress: progress(w),
    criteria: criteriaFor(s, w),
    parties,
    externals: s.externals.map((def) => {
      const e = w.externals[def.id]!;
      const support: Record<string, number> = {};
      for (const k in e.support) support[k] = e.support[k]!;
      const ext: ExternalView = {
        id: def.id,
        name: def.name,
        kind: def.kind,
        support,
        disposition: Math.round(e.disposition),
        leverage: def.leverage,
        engaged: e.engaged,
        restraint: e.restraint,
        guarantee: e.guarantee,
      };
      if (def.description) ext.description = def.description;
      return ext;
    }),
    issues,
    agenda: w.agenda ? [...w.agenda] : null,
    proposals: w.proposals.filter((p) => omniscient || role === 'mediator' || (ownParty !== undefined && has(p.responses, ownParty))).map(hideReasons(ownParty, omniscient || role === 'mediator')),
    verification: w.verification,
    complianceTurns: w.complianceTurns,
    monitoringTurns: s.thresholds.monitoringTurns,
    knowledge: { briefing: w.knowledge.briefing, history: w.knowledge.history },
    // A delegation hears the other side's answers only through the mediator, not verbatim.
    log: omniscient || role === 'mediator' ? w.log : w.log.filter((e) => e.kind !== 'response' || e.party === ownParty),
  };
  if (omniscient) {
    view.injects = s.injects.flatMap((i) => [
      { id: i.id, ...(i.turn !== undefined ? { turn: i.turn } : {}), synopsis: i.synopsis, fired: w.firedInjects.includes(i.id), ...(w.awaiting[i.id] !== undefined ? { awaitingUntil: w.awaiting[i.id] } : {}), ...(i.learningObjective ? { learningObjective: i.learningObjective } : {}) },
      ...i.contingency.map((c) => ({ id: c.id, ...(c.turn !== undefined ? { turn: c.turn } : {}), synopsis: c.synopsis, fired: w.firedInjects.includes(c.id) })),
    ]);
    view.truth = w;
  }
  return view;
}

function hideReasons(ownParty: string | undefined, all: boolean) {
  return (p: Proposal): Proposal => (all ? p : { ...p, reasons: ownParty && p.reasons[ownParty] ? { [ownParty]: p.reasons[ownParty]! } : {} });
}

export { type Scenario };
