/**
 * What went well: spoilers handled the right way for their type after experts said what they were,
 * injects answered as the exercise expected and in time, and the hallmarks earned — the positive
 * side of the debrief, as data and as lines.
 */
import type { Msg } from '../types';
import type { Hallmark, SpoilerReport, WentWell } from './types';
import type { InjectReview } from './exercise';
import { nameOf, type Run } from './run';

export function wentWell(run: Run, spoilers: SpoilerReport[], review: InjectReview[], hallmarks: Hallmark[]): WentWell {
  const handled = spoilers.flatMap((s) => {
    const right = s.studied ? s.engagements.find((e) => e.right) : undefined;
    return right ? [{ faction: s.faction, turn: right.turn, approach: right.approach }] : [];
  });
  const injects = review.flatMap((r) => (r.met === true && r.respondedTurn !== undefined ? [{ id: r.id, turn: r.turn, respondedTurn: r.respondedTurn }] : []));
  const earned = hallmarks.filter((h) => h.earned).map((h) => h.id);
  const lines: Msg[] = [
    ...handled.map((h) => ({ key: 'debrief.well.spoiler', params: { faction: nameOf(run, h.faction), approach: h.approach, turn: h.turn } })),
    ...injects.map((i) => ({ key: 'debrief.well.inject', params: { inject: i.id, turn: i.respondedTurn } })),
    ...earned.map((id) => ({ key: `debrief.hallmark.${id}.name` })),
  ];
  return { spoilers: handled, injects, hallmarks: earned, lines };
}
