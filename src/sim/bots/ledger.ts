/**
 * What a bot mediator remembers from the log it sees: which spoilers it handled, what it asked of
 * whom and what came of it, which requests were refused and at what trust, what each granted
 * gesture actually bought, who struck or shocked the process. Only the mediator's log (move
 * results, proposal responses, public events) and the view's meters are read — never the dice or
 * a hidden value — so the bots adapt to whatever the rules are rather than to their numbers.
 *
 * Kept per log array in the game's runner: a game played linearly appends to one array, so each
 * decision reads only the new entries.
 */
import type { Game } from '../game';
import type { Proposal } from '../types';
import type { View } from '../view';

export interface CbmRefusal {
  turn: number;
  cbm: string;
  /** The party's trust in the mediator and commitment when it said no. */
  trust: number;
  commitment: number;
  /** It said the gesture cost too much (a test of sincerity it failed), not that it distrusts. */
  costly: boolean;
}

export interface Ledger {
  read: number;
  /** Factions engaged the right way for their spoiler type. */
  handled: Set<string>;
  /** Factions and outside powers the mediator has engaged at all (answering a hit counts). */
  engaged: Set<string>;
  /** ask → outside power → the turn it was last asked. */
  lastAsked: Map<string, Map<string, number>>;
  /** `${actor}:${ask}` → the turn it last refused. */
  refusedAsk: Map<string, number>;
  /** party → its latest refusal of a requested gesture. */
  cbmRefused: Map<string, CbmRefusal>;
  /** `${party}:${cbm}` refused as too costly: do not ask that again. */
  tooCostly: Set<string>;
  /** party → gestures it granted on request, and the other side's trust the last one bought. */
  gestures: Map<string, { count: number; lastGain: number; turn: number }>;
  /** Proposals the mediator tabled that a party rejected: proposal id → the reasons' keys. */
  rejected: Map<number, string[]>;
  /** Proposal id → each refusing party's trust in the mediator when it said no (the same terms are worth tabling again only once it has grown). */
  refusedAtTrust: Map<number, Map<string, number>>;
  /** actor (faction or outside power) → the last turn it hurt the process (strike or sanctions). */
  hits: Map<string, number>;
  /** party → the turn it last walked out. */
  walkOuts: Map<string, number>;
  /** Caucuses per party over the game (partiality is judged on counts). */
  caucuses: Map<string, number>;
  /** Parties caucused since the current phase began, and that phase. */
  caucusedInPhase: Set<string>;
  phase: string;
  /** The turn the current phase began. */
  phaseTurn: number;
  /** Joint sessions that backfired, by turn. */
  backfiredJoint: number;
  /** The turn of the last call for the next phase that the parties refused. */
  refusedNextPhase: number;
  /** Optimistic statements made (a bot that wants to stay honest makes none). */
  optimistic: number;
  /** The pending cbm proposal ids → party and kind, to read the answers. */
  cbmAsked: Map<number, { party: string; cbm: string }>;
  /** Caucuses per party that court it at the table (a shuttle to a party that walked out is not counted). */
  courting: Map<string, number>;
  /** Parties heard (caucus, or a joint session that worked) since the last phase change of any kind. */
  heardSincePhase: Set<string>;
  /** A proposal of the mediator's was refused and no caucus has followed it yet. */
  unheardRefusal: boolean;
  /** The turn the process last changed phase (suspension and return included). */
  lastPhaseTurn: number;
  /** Turns with a move that revealed interests or moved positions (the debrief's adaptive turns). */
  adaptive: Set<number>;
  /** Issues studied on their own (reframe, commission, experts). */
  studied: Set<string>;
}

const fresh = (): Ledger => ({
  read: 0,
  handled: new Set(),
  engaged: new Set(),
  lastAsked: new Map(),
  refusedAsk: new Map(),
  cbmRefused: new Map(),
  tooCostly: new Set(),
  gestures: new Map(),
  rejected: new Map(),
  refusedAtTrust: new Map(),
  hits: new Map(),
  walkOuts: new Map(),
  caucuses: new Map(),
  caucusedInPhase: new Set(),
  phase: 'exploratory',
  phaseTurn: 1,
  backfiredJoint: -Infinity,
  refusedNextPhase: -Infinity,
  optimistic: 0,
  cbmAsked: new Map(),
  courting: new Map(),
  heardSincePhase: new Set(),
  unheardRefusal: false,
  lastPhaseTurn: 1,
  adaptive: new Set(),
  studied: new Set(),
});

/** The ledger of this game's mediator log, brought up to date. */
export function ledgerOf(g: Game, view: View): Ledger {
  const holder = g.runner.cached(view.log, 'bot:ledger', () => ({ ledger: fresh() }));
  let m = holder.ledger;
  if (m.read > view.log.length) m = holder.ledger = fresh();
  if (m.read < view.log.length) {
    for (; m.read < view.log.length; m.read++) readEntry(m, view, view.log[m.read]!);
  }
  return m;
}

/** Moves that reveal interests or move positions (a caucus only when it revealed one). */
const ADAPTIVE = new Set(['changeVenue', 'reframe', 'technicalCommission', 'proposeAgenda', 'proposeFormula', 'proposePackage']);

const proposalId = (key: string, params: Record<string, unknown> | undefined): number | undefined =>
  key.startsWith('move.proposal.') && typeof params?.proposal === 'number' ? params.proposal : undefined;

function readEntry(m: Ledger, view: View, e: View['log'][number]): void {
  switch (e.kind) {
    case 'phase':
      m.heardSincePhase.clear();
      m.lastPhaseTurn = e.turn;
      if (e.to !== 'suspended' && e.from !== 'suspended') {
        m.phase = e.to;
        m.phaseTurn = e.turn;
        m.caucusedInPhase.clear();
      }
      return;
    case 'move': {
      if (e.role !== 'mediator') return;
      const c = e.command as { type: string; [k: string]: unknown };
      const key = e.result.key;
      if (!key.startsWith('refuse')) {
        if (ADAPTIVE.has(c.type) || key === 'move.caucus.revealed') m.adaptive.add(e.turn);
        if (c.type === 'consultExperts' && view.issues.some((i) => i.id === c.subject)) m.adaptive.add(e.turn);
        if (key === 'move.proposal.rejected') m.unheardRefusal = true;
        if (c.type === 'reframe' || c.type === 'technicalCommission') m.studied.add(String(c.issue));
        if (c.type === 'consultExperts') m.studied.add(String(c.subject));
      }
      switch (c.type) {
        case 'engageSpoiler':
          m.engaged.add(String(c.faction));
          if (key === 'move.engageSpoiler.right') m.handled.add(String(c.faction));
          return;
        case 'engageExternal': {
          const actor = String(c.actor);
          const ask = String(c.ask);
          m.engaged.add(actor);
          let byActor = m.lastAsked.get(ask);
          if (!byActor) m.lastAsked.set(ask, (byActor = new Map()));
          byActor.set(actor, e.turn);
          if (key === 'move.engageExternal.refused') m.refusedAsk.set(`${actor}:${ask}`, e.turn);
          return;
        }
        case 'caucus': {
          const party = String(c.party);
          m.caucuses.set(party, (m.caucuses.get(party) ?? 0) + 1);
          m.caucusedInPhase.add(party);
          m.heardSincePhase.add(party);
          m.unheardRefusal = false;
          if (key !== 'move.caucus.shuttle') m.courting.set(party, (m.courting.get(party) ?? 0) + 1);
          return;
        }
        case 'jointSession':
          if (key === 'move.jointSession.backfired') m.backfiredJoint = e.turn;
          else for (const p of view.parties) m.heardSincePhase.add(p.id);
          if (key !== 'move.jointSession.backfired') m.adaptive.add(e.turn);
          return;
        case 'proposeNextPhase':
          if (key === 'move.proposeNextPhase.refused' || key.startsWith('move.signing.refused')) m.refusedNextPhase = e.turn;
          return;
        case 'publicStatement':
          if (c.tone === 'optimistic') m.optimistic++;
          return;
        case 'requestCbm': {
          const id = proposalId(key, e.result.params as Record<string, unknown> | undefined) ?? lastProposalId(view);
          if (id !== undefined) m.cbmAsked.set(id, { party: String(c.party), cbm: String(c.cbm) });
          return;
        }
        default:
          return;
      }
    }
    case 'response': {
      if (e.accept) return;
      // The answer is logged before the move that asked (the party answers at once): read the proposal.
      const asked = m.cbmAsked.get(e.proposal) ?? cbmOf(view, e.proposal);
      if (asked) {
        const p = view.parties.find((x) => x.id === asked.party);
        const costly = e.reason.key === 'response.cbm.costly';
        if (costly) m.tooCostly.add(`${asked.party}:${asked.cbm}`);
        m.cbmRefused.set(asked.party, { turn: e.turn, cbm: asked.cbm, trust: p?.trustInMediator ?? 0, commitment: p?.commitment ?? 0, costly });
        return;
      }
      const keys = m.rejected.get(e.proposal) ?? [];
      keys.push(e.reason.key);
      m.rejected.set(e.proposal, keys);
      const trust = m.refusedAtTrust.get(e.proposal) ?? new Map<string, number>();
      trust.set(e.party, view.parties.find((x) => x.id === e.party)?.trustInMediator ?? 0);
      m.refusedAtTrust.set(e.proposal, trust);
      return;
    }
    case 'event': {
      const eff = e.effect as { kind: string; [k: string]: unknown };
      if (eff.kind === 'spoiler' && typeof eff.faction === 'string') m.hits.set(eff.faction, e.turn);
      else if (eff.kind === 'sanctions' && eff.sanction !== 'relief' && typeof eff.actor === 'string') m.hits.set(eff.actor, e.turn);
      else if (eff.kind === 'walkOut' && typeof eff.party === 'string') m.walkOuts.set(eff.party, e.turn);
      else if (eff.kind === 'cbm' && e.source === 'party' && typeof eff.party === 'string') {
        // What the gesture bought: the largest rise in another party's trust in it.
        let gain = 0;
        for (const ch of e.changes) if (ch.meter === `trustIn:${eff.party}`) gain = Math.max(gain, ch.delta);
        const prev = m.gestures.get(eff.party);
        m.gestures.set(eff.party, { count: (prev?.count ?? 0) + 1, lastGain: gain, turn: e.turn });
      }
      if (e.result.key === 'event.walkOut' && typeof (e.result.params as { party?: unknown } | undefined)?.party === 'string') {
        m.walkOuts.set(String((e.result.params as { party: string }).party), e.turn);
      }
      return;
    }
    default:
      return;
  }
}

function cbmOf(view: View, id: number): { party: string; cbm: string } | undefined {
  const all: Proposal[] = view.proposals;
  const prop = all[id - 1]?.id === id ? all[id - 1] : all.find((q) => q.id === id);
  return prop?.kind === 'cbm' && prop.cbm ? { party: prop.cbm.party, cbm: prop.cbm.cbm } : undefined;
}

function lastProposalId(view: View): number | undefined {
  const all: Proposal[] = view.proposals;
  return all.length ? all[all.length - 1]!.id : undefined;
}

/** Was this outside power asked this in the last `turns` turns? */
export const askedWithinTurns = (m: Ledger, turn: number, actor: string, ask: string, turns: number): boolean =>
  (m.lastAsked.get(ask)?.get(actor) ?? -Infinity) > turn - turns;

/** Did it refuse this ask in the last `turns` turns? */
export const refusedWithin = (m: Ledger, turn: number, actor: string, ask: string, turns: number): boolean =>
  (m.refusedAsk.get(`${actor}:${ask}`) ?? -Infinity) > turn - turns;
