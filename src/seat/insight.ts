/**
 * Display data a screen needs and the view does not say outright, computed from the view alone (its
 * scenario thresholds and the criteria's own numbers; never from hidden state, so a remote seat
 * without the scenario file gets the same): each criterion's target and current
 * value as far as the mediator knows it, a warning when a legal move cannot succeed now, and an
 * estimate of how far a refused proposal fell short, from what the mediator has learned.
 */
import type { Msg, Proposal, View } from '../sim/index';
import type { Scenario } from '../scenario/schema';

export interface CriterionDetail {
  msg: Msg;
  met: boolean;
  /** What it stands at now, as the mediator sees it (a number, or a word key), when known. */
  current?: number | string;
  /** What it needs. */
  target?: number | string;
  /** Extra lines (what a signature needs, say). */
  notes?: Msg[];
}

const partyByName = (v: View, name: unknown) => v.parties.find((p) => p.name === name || p.short === name || p.id === name);

/** The lowest trust any party shows in another: what face-to-face talks need (DESIGN §4). */
export const mutualTrustOf = (v: View): number => {
  let m = 100;
  for (const p of v.parties) for (const x of Object.values(p.trustIn)) m = Math.min(m, x);
  return m;
};

/** Every criterion of the phase with its target and current value (as far as the mediator knows). */
export function criterionDetails(v: View, _s?: Scenario | null): CriterionDetail[] {
  const t = v.scenario.thresholds;
  return v.criteria.map((c) => {
    const d: CriterionDetail = { msg: c.msg, met: c.met };
    const params = c.msg.params ?? {};
    const party = partyByName(v, params.party);
    switch (c.msg.key) {
      case 'criteria.commitment':
        if (party) d.current = party.commitment;
        d.target = params.need ?? t.exploratoryCommitment;
        break;
      case 'criteria.trust':
        if (party) d.current = party.trustInMediator;
        d.target = params.need ?? t.exploratoryTrust;
        break;
      case 'criteria.agenda':
        d.current = v.agenda ? v.agenda.length : 0;
        d.target = v.agenda ? v.agenda.length : v.issues.filter((i) => i.core.length > 0).length || 1;
        if (!v.agenda) d.notes = [{ key: 'insight.agendaNeeds', params: { agendaTrust: t.agendaTrust } }];
        break;
      case 'criteria.formula': {
        const iss = v.issues.find((i) => i.name === params.issue || i.id === params.issue);
        d.current = iss?.formula ? iss.formula.acceptedBy.length : 0;
        d.target = v.parties.length;
        if (iss?.formula)
          d.notes = [
            {
              key: 'insight.formulaAt',
              params: {
                value: iss.formula.value,
                parties: iss.formula.acceptedBy.map((id) => v.parties.find((p) => p.id === id)?.short ?? id).join(', ') || '—',
              },
            },
          ];
        break;
      }
      case 'criteria.direct':
        d.current = mutualTrustOf(v);
        d.target = t.directTalksTrust;
        d.notes = [{ key: 'insight.directHow' }];
        break;
      case 'criteria.signed':
        if (party) {
          d.current = party.signed ? 'yes' : 'no';
          d.target = 'yes';
          if (!party.signed) {
            d.notes = [
              {
                key: 'insight.signNeeds',
                params: {
                  commitment: party.commitment,
                  needCommitment: Number(params.needCommitment ?? t.signingCommitment),
                  cohesion: party.cohesion,
                  needCohesion: Number(params.needCohesion ?? t.signingCohesion),
                },
              },
            ];
          }
        }
        break;
      case 'criteria.compliance':
        d.current = Number(params.done ?? v.complianceTurns);
        d.target = Number(params.need ?? v.monitoringTurns);
        break;
      case 'criteria.atTable':
        if (party) {
          d.current = party.seat;
          d.target = 'atTable';
        }
        break;
      default:
        break;
    }
    return d;
  });
}

/**
 * Why a move the engine would accept cannot succeed now, or null: the trainee is told before the
 * action point is spent (and may still try). Only for moves whose outcome the view decides.
 */
export function forecast(v: View, _s: Scenario | null, type: string): Msg | null {
  const t = v.scenario.thresholds;
  if (type === 'proposeNextPhase') {
    if (v.phase === 'agreements') {
      if (v.talkFormat !== 'direct') return { key: 'forecast.signNotDirect' };
      return null;
    }
    const unmet = v.criteria.filter((c) => !c.met);
    if (unmet.length) return { key: 'forecast.nextPhase', params: { count: unmet.length } };
    return null;
  }
  if (type === 'jointSession' && v.talkFormat === 'pendular') {
    const m = mutualTrustOf(v);
    if (m < t.directTalksTrust) return { key: 'forecast.jointSession', params: { value: m, need: t.directTalksTrust } };
  }
  return null;
}

/**
 * How far a refused formula or package fell short for one party, and on which issue, from what the
 * mediator knows of that party (learned red lines, ideals and weights; else its public position).
 */
export function shortfall(v: View, prop: Proposal, partyId: string): Msg | null {
  if (prop.kind !== 'formula' && prop.kind !== 'package') return null;
  if (prop.responses[partyId] !== 'reject') return null;
  const terms = prop.terms ?? {};
  let best: { issue: string; gap: number; kind: 'red' | 'ideal' | 'public'; weight?: number } | null = null;
  for (const [issueId, x] of Object.entries(terms)) {
    const iss = v.issues.find((i) => i.id === issueId);
    if (!iss) continue;
    const k = iss.known[partyId] ?? {};
    if (k.reservation !== undefined && k.ideal !== undefined) {
      const dir = Math.sign(k.ideal - k.reservation) || 1;
      const over = (k.reservation - x) * dir;
      if (over > 0 && (!best || best.kind !== 'red' || over > best.gap)) best = { issue: issueId, gap: Math.round(over), kind: 'red' };
      continue;
    }
    if (best?.kind === 'red') continue;
    const ref = k.ideal ?? iss.publicPos[partyId];
    if (ref === undefined) continue;
    const weight = k.weight ?? 1;
    const gap = Math.abs(ref - x);
    const kind = k.ideal !== undefined ? 'ideal' : 'public';
    if (!best || gap * weight > best.gap * (best.weight ?? 1)) best = { issue: issueId, gap: Math.round(gap), kind, weight };
  }
  if (!best) return null;
  return { key: `insight.short.${best.kind}`, params: { issue: best.issue, gap: best.gap } };
}

/** Why the game ended, in the player's words: the engine's end cause (view.ending). Null while it runs. */
export function endReason(v: View, s: Scenario | null): Msg | null {
  switch (v.ending) {
    case null:
      return null;
    case 'concluded':
      return { key: 'end.concluded', params: { turns: v.complianceTurns } };
    case 'violations':
      return { key: 'end.broken' };
    case 'allWalkedOut':
      return { key: 'end.allWalkedOut' };
    case 'turnLimit':
      return { key: 'end.expired', params: { limit: v.turnLimit } };
    case 'exhausted':
      return { key: 'end.exhausted' };
    case 'suspendedTooLong':
      return {
        key: 'end.suspendedTooLong',
        params: {
          max: s?.thresholds.suspendedMaxTurns ?? v.scenario.thresholds.suspendedMaxTurns,
          parties: v.parties
            .filter((p) => p.seat === 'walkedOut')
            .map((p) => p.short)
            .join(', '),
        },
      };
  }
}
