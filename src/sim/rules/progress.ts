/**
 * How far the process has come, 0..1: the phase reached plus the share of its work done.
 * Spoilers strike more as progress threatens them (Stedman), and the debrief charts it.
 */
import type { PhaseId } from '../../scenario/schema';
import type { ProcessPhase, World } from '../types';

export const PHASE_ORDER: readonly PhaseId[] = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'];

/** The process has ended: nothing more can be done in it. */
export const isFinal = (phase: ProcessPhase): boolean => phase === 'collapsed' || phase === 'concluded';

export function phaseIndex(phase: ProcessPhase): number {
  const i = PHASE_ORDER.indexOf(phase as PhaseId);
  return i;
}

export function agreedIssues(w: World): string[] {
  const all = Object.keys(w.parties);
  return (w.agenda ?? []).filter((id) => {
    const f = w.issues[id]?.formula;
    return !!f && all.every((p) => f.acceptedBy.includes(p));
  });
}

export function progress(w: World): number {
  const phase = w.phase === 'suspended' ? (w.resumePhase ?? 'exploratory') : w.phase;
  if (phase === 'concluded') return 1;
  if (phase === 'collapsed') return 0;
  const i = phaseIndex(phase);
  let within = 0;
  if (phase === 'negotiation' && w.agenda && w.agenda.length > 0) within = agreedIssues(w).length / w.agenda.length;
  if (phase === 'agreements') within = Object.values(w.signatures).filter(Boolean).length / Math.max(1, Object.keys(w.signatures).length);
  return Math.min(1, (Math.max(0, i) + within) / PHASE_ORDER.length);
}
