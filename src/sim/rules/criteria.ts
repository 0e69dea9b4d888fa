/**
 * Phase exit criteria, as a list the table can show ("what is still missing to advance") and the
 * statechart's guards can test. Thresholds come from the scenario.
 */
import type { Scenario } from '../../scenario/schema';
import type { Msg, PartyState, ProcessPhase, World } from '../types';
import { agreedIssues } from './progress';
import { NEAR_PRINCIPALS_COHESION } from './numbers';

export interface Criterion {
  msg: Msg;
  met: boolean;
}

const pname = (s: Scenario, id: string) => s.parties.find((p) => p.id === id)?.name ?? id;

/** A stalling party keeps up appearances: it shows, and goes along with early steps on, a commitment it lacks. */
export const STALLING_FACADE = 55;
export const apparentCommitment = (p: PartyState): number => (p.intent === 'stalling' ? Math.max(p.commitment, STALLING_FACADE) : p.commitment);

export function criteriaFor(s: Scenario, w: World, phase: ProcessPhase = w.phase): Criterion[] {
  const t = s.thresholds;
  const parties = Object.values(w.parties);
  switch (phase) {
    case 'exploratory': {
      const out: Criterion[] = [];
      for (const p of parties) {
        out.push({
          msg: { key: 'criteria.commitment', params: { party: pname(s, p.id), need: t.exploratoryCommitment } },
          met: apparentCommitment(p) >= t.exploratoryCommitment,
        });
        out.push({ msg: { key: 'criteria.trust', params: { party: pname(s, p.id), need: t.exploratoryTrust } }, met: p.trustInMediator >= t.exploratoryTrust });
      }
      return out;
    }
    case 'agenda':
      return [{ msg: { key: 'criteria.agenda' }, met: w.agenda !== null }];
    case 'negotiation': {
      const agreed = new Set(agreedIssues(w));
      return (w.agenda ?? []).map((id) => ({
        msg: { key: 'criteria.formula', params: { issue: s.issues.find((i) => i.id === id)?.name ?? id } },
        met: agreed.has(id),
      }));
    }
    case 'agreements':
      return [
        { msg: { key: 'criteria.direct' }, met: w.talkFormat === 'direct' },
        // What a signature needs, from the rule itself (proposals.ts decides it with the same numbers).
        ...parties.map((p) => ({ msg: { key: 'criteria.signed', params: { party: pname(s, p.id), ...signingNeeds(s, w) } }, met: !!w.signatures[p.id] })),
      ];
    case 'monitoring':
      return [
        {
          msg: { key: 'criteria.compliance', params: { done: w.complianceTurns, need: t.monitoringTurns } },
          met: w.complianceTurns >= t.monitoringTurns,
        },
      ];
    case 'suspended':
      return parties.map((p) => ({ msg: { key: 'criteria.atTable', params: { party: pname(s, p.id) } }, met: p.seat !== 'walkedOut' }));
    default:
      return [];
  }
}

/**
 * Every criterion of the phase is met: the same tests as criteriaFor, without building the
 * messages (the statechart's guards ask this on every event). A unit test keeps the two in step.
 */
export function criteriaMet(s: Scenario, w: World, phase: ProcessPhase = w.phase): boolean {
  const t = s.thresholds;
  switch (phase) {
    case 'exploratory':
      for (const id in w.parties) {
        const p = w.parties[id]!;
        if (!(apparentCommitment(p) >= t.exploratoryCommitment && p.trustInMediator >= t.exploratoryTrust)) return false;
      }
      return true;
    case 'agenda':
      return w.agenda !== null;
    case 'negotiation':
      return agreedIssues(w).length === (w.agenda ?? []).length;
    case 'agreements':
      if (w.talkFormat !== 'direct') return false;
      for (const id in w.parties) if (!w.signatures[w.parties[id]!.id]) return false;
      return true;
    case 'monitoring':
      return w.complianceTurns >= t.monitoringTurns;
    case 'suspended':
      for (const id in w.parties) if (w.parties[id]!.seat === 'walkedOut') return false;
      return true;
    default:
      return true;
  }
}

/** The lowest trust any party has in another. A guard asks it on every event while talks are direct. */
export const mutualTrust = (w: World): number => {
  let m = 100;
  for (const id in w.parties) {
    const trustIn = w.parties[id]!.trustIn;
    for (const other in trustIn) m = Math.min(m, trustIn[other]!);
  }
  return m;
};

/** The commitment and cohesion a party needs to sign here (a venue near the principals needs less cohesion). */
export function signingNeeds(s: Scenario, w: World): { needCommitment: number; needCohesion: number } {
  const near = s.venues.find((v) => v.id === w.venue)?.nearPrincipals;
  return { needCommitment: s.thresholds.signingCommitment, needCohesion: s.thresholds.signingCohesion - (near ? NEAR_PRINCIPALS_COHESION : 0) };
}
