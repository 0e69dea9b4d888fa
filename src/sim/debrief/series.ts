/**
 * Each party's meters turn by turn, laid out as parallel arrays ready for charts.
 */
import type { SeriesReport, PartySeries } from './types';
import type { Run } from './run';

const METERS = ['trustInMediator', 'commitment', 'cohesion', 'batna'] as const;

export function meterSeries(run: Run): SeriesReport {
  const records = run.world.series;
  const parties: Record<string, PartySeries> = {};
  for (const p of run.parties) {
    const s = { trustInMediator: [], commitment: [], cohesion: [], batna: [] } as PartySeries;
    for (const r of records) for (const m of METERS) s[m].push(r.parties[p]?.[m] ?? null);
    parties[p] = s;
  }
  return { turns: records.map((r) => r.turn), phases: records.map((r) => r.phase), parties };
}
