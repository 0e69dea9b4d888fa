/**
 * Durability: an agreement is a process, not a solution — did compliance hold through monitoring?
 */
import type { DurabilityReport } from './types';
import { phaseRank, type Run } from './run';
import { phaseReached } from './outcome';

export function analyseDurability(run: Run): DurabilityReport {
  const required = run.scenario.thresholds.monitoringTurns;
  const held = run.world.complianceTurns;
  const series = run.world.series;
  const compliance: Record<string, (number | null)[]> = {};
  for (const p of run.parties) compliance[p] = series.map((r) => r.parties[p]?.compliance ?? null);
  return {
    reachedMonitoring: phaseRank(phaseReached(run)) >= phaseRank('monitoring'),
    heldTurns: held,
    requiredTurns: required,
    ratio: required > 0 ? Math.min(1, held / required) : 0,
    violations: run.world.violations,
    turns: series.map((r) => r.turn),
    compliance,
  };
}
