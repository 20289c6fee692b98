/**
 * An hour of the healthy scenario recorded two hours ago, as backfill for a
 * real Prometheus, with one regression bent in: canary checkout P95 at
 * 140 ms from minute 20. The retrospective and record tests replay it.
 */
import type { BackfillSeries } from '../support/backfill.js';
import { healthyScenario, JOURNEYS } from './scenario.js';

/** Unix seconds, on a whole minute, two hours ago. */
export const T0 = Math.floor(Date.now() / 60_000) * 60 - 2 * 3600;
export const MINUTES = 60;
export const REGRESSION_MINUTE = 20;

export function recordedHour(): BackfillSeries[] {
  const series = new Map<string, BackfillSeries>();
  healthyScenario({ set: (name, labels, value) => series.set(JSON.stringify([name, labels]), { name, labels, points: [[0, value]] }) }, JOURNEYS);
  return [...series.values()].map((s) => {
    const v = s.points[0]![1];
    const bent = s.name === 'web_latency_ms' && s.labels.track === 'canary' && s.labels.journey === 'checkout' && s.labels.quantile === '0.95';
    return { ...s, points: Array.from({ length: MINUTES + 1 }, (_, m) => [T0 + m * 60, bent && m >= REGRESSION_MINUTE ? 140 : v] as [number, number]) };
  });
}

export const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
