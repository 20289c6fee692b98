/**
 * `canary-tui region` against a real Prometheus holding seven days of hourly
 * region metrics (backfilled with promtool): us-east-2 has the lowest RPS but
 * 18% spare and is skipped, eu-west-1 has no data and is excluded, us-west-2
 * wins on RPS; the proposed window is the next occurrence of the quietest
 * hour of the week.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill, type BackfillSeries } from '../support/backfill.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { CLI, liveConfig } from './live-helpers.js';

const HOUR = 3600;
/** The last backfilled hour: an hour ago, on the hour (unix seconds). */
const END = Math.floor(Date.now() / 1000 / HOUR) * HOUR - HOUR;
const START = END - 7 * 24 * HOUR;
/** The quietest hour of the week: two days before END. */
const DIP = END - 2 * 24 * HOUR;
const REGIONS: Record<string, { rps: number; spare: number }> = { 'us-west-2': { rps: 1240, spare: 0.42 }, 'us-east-1': { rps: 4200, spare: 0.5 }, 'us-east-2': { rps: 900, spare: 0.18 } };

let prom: PrometheusServer;
beforeAll(async () => {
  const series: BackfillSeries[] = Object.entries(REGIONS).flatMap(([region, r]) => {
    const hours = Array.from({ length: 7 * 24 + 1 }, (_, i) => START + i * HOUR);
    return [
      { name: 'region_rps', labels: { region }, points: hours.map((t) => [t, t === DIP ? r.rps * 0.2 : r.rps] as [number, number]) },
      { name: 'region_spare_ratio', labels: { region }, points: hours.map((t) => [t, r.spare] as [number, number]) },
    ];
  });
  prom = await startPrometheus({ dataDir: await backfill(series) });
}, 60_000);
afterAll(async () => prom?.stop());

describe('canary-tui region', { timeout: 60_000 }, () => {
  it('prints each candidate, the choice with its rationale, and the window the trough proposes', () => {
    const config = liveConfig(prom.url, {
      window: { start: '2026-12-02T18:00:00Z' },
      regions: {
        rpsQuery: `avg_over_time(region_rps{region="{{region}}"}[7d] @ ${END})`,
        spareQuery: `last_over_time(region_spare_ratio{region="{{region}}"}[2h] @ ${END})`,
        troughQuery: 'region_rps{region="{{region}}"}',
        candidates: [{ name: 'us-east-1', coast: 'east' }, { name: 'us-west-2', coast: 'west' }, { name: 'us-east-2', coast: 'east' }, { name: 'eu-west-1' }],
      },
    });
    const r = spawnSync(process.execPath, [CLI, 'region', '--config', config], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^region +coast +7-day RPS +spare +verdict$/);
    expect(lines[2]).toMatch(/^us-west-2 +west +1,2\d\d +42% +CHOSEN$/);
    expect(lines[3]).toMatch(/^us-east-2 +east +8\d\d +18% +skipped: 18% spare, under the 30% needed$/);
    expect(lines[4]).toMatch(/^eu-west-1 +— +— +excluded: no 7-day RPS data$/);
    expect(lines[5]).toMatch(/^Canary region us-west-2: the lowest 7-day RPS among regions with at least 30% spare capacity \(1,2\d\d rps, 42% spare\)\. Others: us-east-1 4,1\d\d rps, 50% spare; us-east-2 skipped: 18% spare, under the 30% needed; eu-west-1 excluded: no 7-day RPS data\.$/);
    const proposed = new Date((DIP + 7 * 24 * HOUR) * 1000).toISOString().replace('.000', '');
    expect(lines[6]).toBe(`Proposed canary window (UTC): ${proposed}, the lowest-RPS hour of the week in us-west-2 (mean 248 rps over 7 days); window.start in the config: 2026-12-02T18:00:00Z`);
  });
});
