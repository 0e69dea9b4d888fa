/**
 * Each delegation's result against its own interests, for the class debrief: the deal the process
 * ended with, issue by issue against the party's ideal, red line and weight, its value set against
 * the party's BATNA, and the red lines it crosses. Uses the hidden interests, so only the instructor
 * sees every party's result and a delegation only its own.
 *
 * Which deal: the signed terms when every party signed; else the terms every party accepted
 * (unsigned); else the last formula or package the mediator tabled; else none.
 */
import type { Scenario } from '../../scenario/schema';
import type { World } from '../types';
import { utility } from './agreement';

export type TermsBasis = 'signed' | 'agreed' | 'tabled' | 'none';

export interface IssueResult {
  issue: string;
  /** The value the terms set. */
  value: number;
  ideal: number;
  /** The party's red line (its reservation point in the scenario). */
  redLine: number;
  /** The party's weight on this issue, as the scenario gives it. */
  weight: number;
  /** 1 at the ideal, 0 at the red line, negative past it. */
  utility: number;
  crossed: boolean;
}

export interface DelegationResult {
  party: string;
  /** Issue by issue, for the issues of the terms this party holds a position on. */
  issues: IssueResult[];
  /** Issues the party holds a position on that the terms leave open. */
  uncovered: string[];
  /** Weighted utility of the terms on a 0..100 scale (100 = its ideal on every issue; negative past red lines); null without terms. */
  value: number | null;
  /** What the party expects without a deal at the end (0..100). */
  batna: number;
  /** value − batna; null without terms. */
  margin: number | null;
  redLinesCrossed: string[];
  signed: boolean;
  /** Its answer to the tabled terms (basis 'tabled'), else null. */
  answer: 'accept' | 'reject' | 'pending' | null;
}

export interface DelegationsReport {
  basis: TermsBasis;
  /** The tabled proposal's id (basis 'tabled'), else null. */
  proposal: number | null;
  terms: Record<string, number>;
  parties: DelegationResult[];
}

/** The deal the process ended with, and on what basis it is taken. */
function dealOf(world: World, parties: string[]): { basis: TermsBasis; terms: Record<string, number>; proposal: number | null } {
  const agreed: Record<string, number> = {};
  for (const id in world.issues) {
    const f = world.issues[id]!.formula;
    if (f && parties.every((p) => f.acceptedBy.includes(p))) agreed[id] = f.value;
  }
  const allSigned = parties.length > 0 && parties.every((p) => world.signatures[p] === true);
  if (Object.keys(agreed).length > 0) return { basis: allSigned ? 'signed' : 'agreed', terms: agreed, proposal: null };
  for (let i = world.proposals.length - 1; i >= 0; i--) {
    const p = world.proposals[i]!;
    if ((p.kind === 'package' || p.kind === 'formula') && p.terms && Object.keys(p.terms).length > 0)
      return { basis: 'tabled', terms: { ...p.terms }, proposal: p.id };
  }
  return { basis: 'none', terms: {}, proposal: null };
}

export function delegationResults(scenario: Scenario, world: World): DelegationsReport {
  const parties = scenario.parties.map((p) => p.id).filter((id) => world.parties[id]);
  const deal = dealOf(world, parties);
  const tabled = deal.proposal !== null ? world.proposals.find((p) => p.id === deal.proposal) : undefined;
  const results = parties.map((party): DelegationResult => {
    const issues: IssueResult[] = [];
    const uncovered: string[] = [];
    for (const def of scenario.issues) {
      const pos = def.positions[party];
      if (!pos) continue;
      const value = deal.terms[def.id];
      if (value === undefined) {
        uncovered.push(def.id);
        continue;
      }
      const u = utility(pos, value);
      issues.push({ issue: def.id, value, ideal: pos.ideal, redLine: pos.reservation, weight: pos.weight, utility: u, crossed: u < 0 });
    }
    // A weighted average over the issues the terms settle (equal weights when none is stated), as the debrief's party values.
    const total = issues.reduce((a, r) => a + r.weight, 0);
    const value = issues.length === 0 ? null : 100 * issues.reduce((a, r) => a + (total > 0 ? r.weight / total : 1 / issues.length) * r.utility, 0);
    const batna = world.parties[party]!.batna;
    return {
      party,
      issues,
      uncovered,
      value: value === null ? null : round1(value),
      batna,
      margin: value === null ? null : round1(value - batna),
      redLinesCrossed: issues.filter((r) => r.crossed).map((r) => r.issue),
      signed: world.signatures[party] === true,
      answer: tabled ? (tabled.responses[party] ?? null) : null,
    };
  });
  return { basis: deal.basis, proposal: deal.proposal, terms: deal.terms, parties: results };
}

const round1 = (x: number): number => {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r; // no -0
};
