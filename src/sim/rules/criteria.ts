/**
 * Phase exit criteria, as a list the table can show ("what is still missing to advance") and the
 * statechart's guards can test. Thresholds come from the scenario.
 */
import type { Scenario } from '../../scenario/schema';
import type { Msg, PartyState, ProcessPhase, World } from '../types';
import { agreedIssues } from './progress';

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
    case 'exploratory':
      return parties.flatMap((p) => [
        { msg: { key: 'criteria.commitment', params: { party: pname(s, p.id), need: t.exploratoryCommitment } }, met: apparentCommitment(p) >= t.exploratoryCommitment },
        { msg: { key: 'criteria.trust', params: { party: pname(s, p.id), need: t.exploratoryTrust } }, met: p.trustInMediator >= t.exploratoryTrust },
      ]);
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
        ...parties.map((p) => ({ msg: { key: 'criteria.signed', params: { party: pname(s, p.id) } }, met: !!w.signatures[p.id] })),
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

export const criteriaMet = (s: Scenario, w: World, phase: ProcessPhase = w.phase): boolean => criteriaFor(s, w, phase).every((c) => c.met);

export const mutualTrust = (w: World): number => {
  let m = 100;
  for (const p of Object.values(w.parties)) for (const v of Object.values(p.trustIn)) m = Math.min(m, v);
  return m;
};
