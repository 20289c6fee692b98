/**
 * What opening a live window needs from the data: every gated KPI present
 * and fresh on both tracks. A canary at 0% may serve no traffic, so a NaN
 * (a ratio over zero requests) counts as present: the series exists and the
 * pipeline works; what it may not be is missing or stale.
 */
import type { GateDef } from './gates.js';
import { formatDuration } from './format.js';
import type { MeasureContext } from './measures.js';
import { seriesKey, type Track } from './types.js';

export function openBlockers(defs: readonly GateDef[], ctx: MeasureContext): string[] {
  const missing: string[] = [];
  const stale: string[] = [];
  const seen = new Set<string>();
  for (const def of defs) {
    for (const track of ['canary', 'control'] as Track[]) {
      const key = seriesKey(def.kpi, track, def.journey);
      if (seen.has(key)) continue;
      seen.add(key);
      const sample = ctx.snapshot.latest.get(key);
      const name = `${def.kpi}${def.journey === 'all' ? '' : ` ${def.journey}`} ${track}`;
      if (!sample) missing.push(name);
      else if (ctx.now - sample.at > ctx.staleAfterMs) stale.push(`${name} (${formatDuration(ctx.now - sample.at)} old)`);
    }
  }
  return [
    ...(missing.length ? [`no data for ${missing.length} gated series: ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}`] : []),
    ...(stale.length ? [`stale data: ${stale.slice(0, 4).join(', ')}${stale.length > 4 ? ', …' : ''}`] : []),
  ];
}
