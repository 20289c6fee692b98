/**
 * Proves the real-Prometheus harness end to end: the exporter is scraped,
 * odd values and label values survive the trip, a crash and restart keep the
 * port and the data, and backfilled history is queryable at an explicit time.
 * One Prometheus for the whole file (the first scrape takes about 6 s); it
 * starts on a backfilled data dir so the backfill test needs no second server.
 * Tests run in order and each uses its own metric names.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from './backfill.js';
import { startExporter, type Exporter } from './exporter.js';
import { queryVector, startPrometheus, waitForQuery, type PrometheusServer } from './prometheus-server.js';

let exporter: Exporter;
let prom: PrometheusServer;
let backfillDir: string | undefined;
const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;
const ODD = 'a "quoted" \\ back\nslash';

beforeAll(async () => {
  // Given out of order on purpose: backfill() must sort or promtool drops samples.
  backfillDir = await backfill([
    { name: 'canary_support_backfilled', labels: { track: 'canary' }, points: [[HOUR_AGO + 120, 30], [HOUR_AGO, 10], [HOUR_AGO + 60, 20]] },
  ]);
  exporter = await startExporter();
  exporter.set('canary_support_gauge', { track: 'canary', odd: ODD }, 42);
  prom = await startPrometheus({ targets: [exporter.target], dataDir: backfillDir });
  await waitForQuery(prom.url, 'canary_support_gauge', (r) => r.length > 0, 30_000);
}, 60_000);

afterAll(async () => {
  await prom?.stop();
  await exporter?.stop();
  if (backfillDir) rmSync(backfillDir, { recursive: true, force: true });
});

const valueOf = (r: { value: [number, string] }[]) => r.map((s) => s.value[1]);

/** Fetches until the connection is refused (a dying process may reset first); the last error, or undefined. */
async function refusedError(url: string, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/-/ready`);
      last = undefined;
    } catch (e) {
      last = e;
      if ((e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

describe('test support: a real Prometheus scraping the test exporter', { timeout: 60_000 }, () => {
  it('scrapes the gauge with its labels intact, and follows set()', async () => {
    const [s] = await waitForQuery(prom.url, 'canary_support_gauge', (r) => r.length === 1, 10_000);
    expect(s!.metric).toEqual({ __name__: 'canary_support_gauge', job: 'canary', instance: exporter.target, track: 'canary', odd: ODD });
    expect(s!.value[1]).toBe('42');
    expect(exporter.scrapes).toBeGreaterThan(0);
    exporter.set('canary_support_gauge', { odd: ODD, track: 'canary' }, 43.5); // same series, other label order
    const r = await waitForQuery(prom.url, 'canary_support_gauge', (v) => valueOf(v).includes('43.5'), 10_000);
    expect(valueOf(r)).toEqual(['43.5']);
  });

  it('renders NaN and ±Inf so they come back as "NaN", "+Inf", "-Inf"', async () => {
    exporter.set('canary_support_odd', { v: 'nan' }, NaN);
    exporter.set('canary_support_odd', { v: 'pos' }, Infinity);
    exporter.set('canary_support_odd', { v: 'neg' }, -Infinity);
    const text = await (await fetch(`http://${exporter.target}/metrics`)).text();
    expect(text).toContain('canary_support_odd{v="nan"} NaN\ncanary_support_odd{v="pos"} +Inf\ncanary_support_odd{v="neg"} -Inf\n');
    const r = await waitForQuery(prom.url, 'canary_support_odd', (v) => v.length === 3, 10_000);
    const byV = Object.fromEntries(r.map((s) => [s.metric.v, s.value[1]]));
    expect(byV).toEqual({ nan: 'NaN', pos: '+Inf', neg: '-Inf' });
  });

  it('serves histograms that histogram_quantile understands, and remove() makes a series go stale', async () => {
    exporter.setHistogram('canary_support_latency_seconds', { track: 'canary' }, { '1': 100, '0.1': 50, '0.5': 90 }, 30, 100);
    const text = await (await fetch(`http://${exporter.target}/metrics`)).text();
    expect(text).toContain('# TYPE canary_support_latency_seconds histogram\n');
    expect(text).toContain('canary_support_latency_seconds_bucket{track="canary",le="+Inf"} 100\n');
    // rank 75 falls in (0.1, 0.5]: 0.1 + 0.4 * (75 - 50) / (90 - 50) = 0.35
    const q = 'histogram_quantile(0.75, canary_support_latency_seconds_bucket)';
    const [s] = await waitForQuery(prom.url, q, (v) => v.length > 0, 10_000);
    expect(Number(s!.value[1])).toBeCloseTo(0.35, 9);
    const [c] = await queryVector(prom.url, 'canary_support_latency_seconds_count');
    expect(c!.value[1]).toBe('100');

    exporter.remove('canary_support_latency_seconds', { track: 'canary' });
    expect(await waitForQuery(prom.url, 'canary_support_latency_seconds_count', (v) => v.length === 0, 10_000)).toEqual([]);
  });

  it('kill() refuses connections; restart() comes back on the same port with the data from before the crash', async () => {
    exporter.set('canary_support_crash', {}, 1);
    const [before] = await waitForQuery(prom.url, 'canary_support_crash', (v) => valueOf(v).includes('1'), 10_000);
    const seenAt = before!.value[0];
    const { url, port } = prom;

    prom.kill();
    const err = await refusedError(url, 5_000);
    expect((err as { cause?: { code?: string } } | undefined)?.cause?.code).toBe('ECONNREFUSED');

    exporter.set('canary_support_crash', {}, 2);
    prom = await prom.restart();
    expect(prom.port).toBe(port);
    expect(prom.url).toBe(url);
    // Replayed from the WAL: the crash lost nothing already scraped.
    expect(valueOf(await queryVector(prom.url, 'canary_support_crash', seenAt))).toEqual(['1']);
    // And scraping resumes.
    await waitForQuery(prom.url, 'canary_support_crash', (v) => valueOf(v).includes('2'), 20_000);
  });

  it('serves backfilled samples from an hour ago, but only at an explicit time', async () => {
    const at = (t: number) => queryVector(prom.url, 'canary_support_backfilled', t);
    expect(valueOf(await at(HOUR_AGO))).toEqual(['10']);
    expect(valueOf(await at(HOUR_AGO + 60))).toEqual(['20']);
    const [last] = await at(HOUR_AGO + 120);
    expect(last!.metric).toEqual({ __name__: 'canary_support_backfilled', track: 'canary' });
    expect(last!.value[1]).toBe('30');
    expect(valueOf(await queryVector(prom.url, 'count_over_time(canary_support_backfilled[5m])', HOUR_AGO + 120))).toEqual(['3']);
    expect(await queryVector(prom.url, 'canary_support_backfilled')).toEqual([]); // "now": outside the 5 min lookback
  });
});
