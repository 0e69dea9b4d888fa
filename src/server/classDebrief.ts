/**
 * The class debrief (issue 13, DESIGN.md §5 and §8): once an exercise has ended — the instructor
 * ended it or the game is over — the instructor gets the mediator's debrief (the engine's, as in
 * solo play), each delegation's result against its own interests, the timeline of fired injects with
 * the engine's review of the responses, and every channel's transcript. A student gets only its own
 * part: the mediator its debrief, a delegation its own result, every seat the public ending.
 */
import { computeDebrief, delegationResults, worldOf, type Debrief, type DelegationsReport, type Msg, type Role } from '../sim/index';
import type { InjectReview } from '../sim/debrief/index';
import type { Exercise } from './exercise';
import type { ChatMessage, FiredInject } from '../seat/wire';

export type { EndingSummary, TimelineEntry, DebriefNames, ClassDebrief, OwnDebrief } from '../seat/wire';
import type { EndingSummary, TimelineEntry, DebriefNames, ClassDebrief, OwnDebrief } from '../seat/wire';

/** Why there is no debrief yet, or null. */
export function whyNoDebrief(ex: Exercise): Msg | null {
  if (!ex.game) return { key: 'server.debrief.notStarted' };
  if (ex.status !== 'ended' && !ex.over) return { key: 'server.debrief.notEnded' };
  return null;
}

/** The engine's analyses of one state of the exercise, computed once per event (every student asks at the end). */
const analyses = new WeakMap<Exercise, { seq: number; mediator: Debrief; delegations: DelegationsReport }>();
function analyse(ex: Exercise): { mediator: Debrief; delegations: DelegationsReport } {
  const hit = analyses.get(ex);
  if (hit && hit.seq === ex.seq) return hit;
  const world = worldOf(ex.game!);
  const out = { seq: ex.seq, mediator: computeDebrief(ex.scenario, world), delegations: delegationResults(ex.scenario, world) };
  analyses.set(ex, out);
  return out;
}

const summaryOf = (d: Debrief): EndingSummary => ({ outcome: d.outcome, ending: d.ending, phaseReached: d.phaseReached, turnsPlayed: d.turnsPlayed });

function namesOf(ex: Exercise): DebriefNames {
  const s = ex.scenario;
  return {
    parties: s.parties.map((p) => ({ id: p.id, name: p.name, ...(p.short ? { short: p.short } : {}) })),
    issues: s.issues.map((i) => ({ id: i.id, name: i.name })),
    factions: s.parties.flatMap((p) => p.factions.map((f) => ({ id: f.id, name: f.name, party: p.id }))),
    externals: s.externals.map((e) => ({ id: e.id, name: e.name })),
    venues: s.venues.map((v) => ({ id: v.id, name: v.name })),
  };
}

/** Fired injects in order of turn: the engine's review of each scenario inject, joined to the instructor's fired record. */
function timelineOf(ex: Exercise, review: InjectReview[]): TimelineEntry[] {
  const log = worldOf(ex.game!).log;
  const record = (f: FiredInject): TimelineEntry['fired'] => ({ seq: f.seq, at: f.at, edited: f.edited, planned: f.planned, engineTookEdit: f.engineTookEdit });
  const out: TimelineEntry[] = review.map((r) => {
    const f = ex.fired.find((x) => x.inject === r.id);
    const results = f ? f.log : log.filter((e) => e.kind === 'event' && e.id === r.id);
    return {
      turn: r.turn ?? f?.turn ?? null,
      inject: r.id,
      synopsis: f?.synopsis ?? r.synopsis,
      by: f || r.source === 'instructor' ? 'instructor' : 'scenario',
      fired: f ? record(f) : null,
      results: results.flatMap((e) => (e.kind === 'event' ? [e.result] : [])),
      review: r,
    };
  });
  for (const f of ex.fired)
    if (f.inject === null)
      out.push({
        turn: f.turn,
        inject: null,
        synopsis: f.synopsis,
        by: 'instructor',
        fired: record(f),
        results: f.log.flatMap((e) => (e.kind === 'event' ? [e.result] : [])),
        review: null,
      });
  return out.sort((a, b) => (a.turn ?? Infinity) - (b.turn ?? Infinity) || (a.fired?.seq ?? 0) - (b.fired?.seq ?? 0));
}

function transcriptsOf(ex: Exercise): ClassDebrief['transcripts'] {
  const order = ['public', ...ex.scenario.parties.flatMap((p) => [`delegation:${p.id}`, `caucus:${p.id}`])];
  const by = new Map<string, ChatMessage[]>(order.map((c) => [c, []]));
  for (const m of ex.chat) {
    const list = by.get(m.channel);
    if (list) list.push(m);
    else by.set(m.channel, [m]);
  }
  return [...by].map(([channel, messages]) => ({ channel, messages }));
}

/** The instructor's class debrief; call only when `whyNoDebrief` is null. */
export function classDebriefOf(ex: Exercise): ClassDebrief {
  const { mediator, delegations } = analyse(ex);
  return {
    exerciseId: ex.id,
    code: ex.code,
    scenario: { id: ex.scenario.id, title: ex.scenario.title, version: String(ex.scenario.version) },
    status: ex.status,
    seed: ex.seed,
    stateHash: ex.hash,
    summary: summaryOf(mediator),
    names: namesOf(ex),
    seats: ex.seatInfo(() => false).map((s) => ({ role: s.role, name: s.name, playedBy: s.playedBy, holders: s.holders.map((h) => h.name) })),
    mediator,
    delegations,
    timeline: timelineOf(ex, mediator.exercise),
    transcripts: transcriptsOf(ex),
    planned: ex.planned(),
  };
}

/** One seat's own part; call only when `whyNoDebrief` is null. */
export function ownDebriefOf(ex: Exercise, role: Role): OwnDebrief {
  const { mediator, delegations } = analyse(ex);
  const own: OwnDebrief = { role, summary: summaryOf(mediator), names: namesOf(ex) };
  if (role === 'mediator') own.mediator = mediator;
  if (role.startsWith('party:')) {
    const mine = delegations.parties.find((p) => p.party === role.slice(6));
    if (mine) own.delegation = { ...mine, basis: delegations.basis, proposal: delegations.proposal, terms: delegations.terms };
  }
  return own;
}
