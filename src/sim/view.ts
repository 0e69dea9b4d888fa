/**
 * What each role may see. The mediator sees public positions and what it has learned; a party
 * sees its own hidden interests and nobody else's; the instructor sees everything, the MSEL included.
 * A stalling party keeps up appearances: others see the commitment it shows, not the one it has.
 */
import { endCause, type EndCause } from './rules/ending';
import type { Scenario } from '../scenario/schema';
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
  /** Shared by every view of the scenario (read-only). */
  /** The scenario's public face, its thresholds included (the criteria already state them): a remote seat has no scenario file. */
  scenario: Readonly<{
    id: string;
    title: string;
    period: string;
    summary: string;
    turnLength: string;
    startDate?: string;
    thresholds: Readonly<Scenario['thresholds']>;
  }>;
  turn: number;
  turnLimit: number;
  ap: number;
  apMax: number;
  phase: ProcessPhase;
  resumePhase: ProcessPhase | null;
  over: boolean;
  /** Why the game ended (rules/ending.ts), or null while it goes on. */
  ending: EndCause | null;
  talkFormat: TalkFormat;
  visibility: Visibility;
  venue: string | null;
  /** Shared by every view of the scenario (read-only). */
  venues: readonly Readonly<{ id: string; name: string; nearPrincipals: boolean }>[];
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

/** Who is looking, and so what they may see. */
export interface Viewer {
  role: Role;
  /** The instructor sees everything. */
  all: boolean;
  mediator: boolean;
  /** The party this role sits in (a faction's party too). */
  ownParty: string | undefined;
  /**
   * The party whose secrets this role holds: a delegation's own. A faction sits in its party but
   * does not see its reservation values, weights, hidden intent or true commitment (DESIGN.md §6).
   */
  delegation: string | undefined;
  faction: string | null;
}

export function viewerOf(w: World, role: Role): Viewer {
  const r = parseRole(role);
  return {
    role,
    all: role === 'instructor',
    mediator: role === 'mediator',
    ownParty: r?.kind === 'party' ? r.id : r?.kind === 'faction' ? w.factions[r.id!]?.party : undefined,
    delegation: r?.kind === 'party' ? r.id : undefined,
    faction: r?.kind === 'faction' ? r.id! : null,
  };
}

/** The trainee's seat, and the bots'. */
export const MEDIATOR: Viewer = { role: 'mediator', all: false, mediator: true, ownParty: undefined, delegation: undefined, faction: null };

type Fixed = Pick<View, 'scenario' | 'venues'>;
/** The parts of a view that never change in a game: built once per line of games (scenarios are immutable). */
export function fixedPartsOf(g: Game): Fixed {
  const s = g.scenario;
  return g.runner.cached(s, 'view:fixed', () => ({
    scenario: {
      id: s.id,
      title: s.title,
      period: s.period,
      summary: s.summary,
      turnLength: s.turnLength,
      ...(s.startDate ? { startDate: s.startDate } : {}),
      thresholds: s.thresholds,
    },
    venues: s.venues.map((v) => ({ id: v.id, name: v.name, nearPrincipals: v.nearPrincipals })),
  }));
}

// The parts of a view, each built alone: the bots' view (bots/mediatorView.ts) builds only those it reads.

export function partyViews(s: Scenario, w: World, v: Viewer): PartyView[] {
  const parties: PartyView[] = [];
  for (const def of s.parties) {
    const p = w.parties[def.id]!;
    const trustIn: Record<string, number> = {};
    for (const k in p.trustIn) trustIn[k] = Math.round(p.trustIn[k]!);
    const own = v.delegation === def.id || v.all;
    const intent: PartyView['intent'] = own ? p.intent : p.intent === 'stalling' && w.knowledge.history && v.mediator ? 'suspected' : 'unknown';
    const factions: FactionView[] = [];
    for (const fd of def.factions) {
      const f = w.factions[fd.id]!;
      const knows = v.all || v.faction === fd.id || (v.mediator && w.knowledge.spoilerTypes[fd.id] !== undefined);
      factions.push({
        id: fd.id,
        name: fd.name,
        party: def.id,
        influence: fd.influence,
        stance: f.stance,
        included: f.included,
        satisfaction: Math.round(f.satisfaction),
        spoiler: knows ? f.spoiler : 'unknown',
        strikes: f.strikes,
      });
    }
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
      factions,
    };
    const compliance = w.compliance[def.id];
    if (compliance !== undefined) view.compliance = compliance;
    parties.push(view);
  }
  return parties;
}

export function issueViews(s: Scenario, w: World, v: Viewer): IssueView[] {
  const issues: IssueView[] = [];
  for (const def of s.issues) {
    const st = w.issues[def.id]!;
    const known: IssueView['known'] = {};
    for (const pd of s.parties) {
      if (v.all || v.delegation === pd.id) {
        const pos = def.positions[pd.id]!;
        known[pd.id] = { ideal: pos.ideal, weight: pos.weight, reservation: pos.reservation };
      } else if (v.mediator) {
        const learned = w.knowledge.interests[pd.id]?.[def.id];
        if (learned) known[pd.id] = { ...learned };
      }
    }
    issues.push({
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
    });
  }
  return issues;
}

export function externalViews(s: Scenario, w: World): ExternalView[] {
  const externals: ExternalView[] = [];
  for (const def of s.externals) {
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
    externals.push(ext);
  }
  return externals;
}

/** The mediator and the instructor see every proposal and every answer's reasons; a party, those put to it and its own reasons. */
export function proposalsSeenBy(w: World, v: Viewer): Proposal[] {
  if (v.all || v.mediator) return w.proposals.slice();
  const own = v.ownParty;
  const seen: Proposal[] = [];
  if (own === undefined) return seen;
  // A delegation reads its own answers' reasons; a faction only what was put to its party.
  const reasons = v.delegation === own;
  for (const p of w.proposals) {
    if (!has(p.responses, own)) continue;
    const { counters, ...rest } = p;
    const seenProp: Proposal = { ...rest, reasons: reasons && p.reasons[own] ? { [own]: p.reasons[own]! } : {} };
    // A counter-offer is the delegation's own answer: the other side hears it only through the mediator.
    const mine = reasons ? counters?.[own] : undefined;
    if (mine) seenProp.counters = { [own]: mine };
    seen.push(seenProp);
  }
  return seen;
}

/** A delegation hears the other side's answers only through the mediator, not verbatim. */
export const logSeenBy = (w: World, v: Viewer): readonly LogEntry[] =>
  v.all || v.mediator ? w.log : w.log.filter((e) => (e.kind === 'response' ? v.delegation !== undefined && e.party === v.delegation : !isOthersAnswer(e, v)));

/** A delegation's own `respond` move names its answer and any counter-offer: only it and the mediator read that. */
const isOthersAnswer = (e: LogEntry, v: Viewer): boolean => e.kind === 'move' && e.command.type === 'respond' && e.role !== v.role;

export function viewFor(g: Game, role: Role): View {
  const s = g.scenario;
  const w = worldOf(g);
  const v = viewerOf(w, role);
  const fixed = fixedPartsOf(g);
  const view: View = {
    role,
    scenario: fixed.scenario,
    turn: w.turn,
    turnLimit: s.turnLimit,
    ap: w.ap,
    apMax: s.actionPoints,
    phase: w.phase,
    resumePhase: w.resumePhase,
    over: isOver(g),
    ending: endCause(s, w),
    talkFormat: w.talkFormat,
    visibility: w.visibility,
    venue: w.venue,
    venues: fixed.venues,
    progress: progress(w),
    criteria: criteriaFor(s, w),
    parties: partyViews(s, w, v),
    externals: externalViews(s, w),
    issues: issueViews(s, w, v),
    agenda: w.agenda ? [...w.agenda] : null,
    proposals: proposalsSeenBy(w, v),
    verification: w.verification,
    complianceTurns: w.complianceTurns,
    monitoringTurns: s.thresholds.monitoringTurns,
    knowledge: { briefing: w.knowledge.briefing, history: w.knowledge.history },
    log: logSeenBy(w, v),
  };
  if (v.all) {
    view.injects = s.injects.flatMap((i) => [
      {
        id: i.id,
        ...(i.turn !== undefined ? { turn: i.turn } : {}),
        synopsis: i.synopsis,
        fired: w.firedInjects.includes(i.id),
        ...(w.awaiting[i.id] !== undefined ? { awaitingUntil: w.awaiting[i.id] } : {}),
        ...(i.learningObjective ? { learningObjective: i.learningObjective } : {}),
      },
      ...i.contingency.map((c) => ({
        id: c.id,
        ...(c.turn !== undefined ? { turn: c.turn } : {}),
        synopsis: c.synopsis,
        fired: w.firedInjects.includes(c.id),
      })),
    ]);
    view.truth = w;
  }
  return view;
}

export { type Scenario };
