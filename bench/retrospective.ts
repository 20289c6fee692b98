/**
 * Retrospective replay against a real Prometheus: six healthy hours with ten
 * journeys and every KPI of examples/prometheus.yaml, backfilled with promtool
 * at 15 s, replayed by the bin as a whole process with `rehearse --config
 * FILE --from T --to T --headless` at 15 s checks. Reports the wall time, the
 * times real time, and the HTTP requests per check (Prometheus's own request
 * counter), beside the headless replay of a fixture of the same size
 * (bench/replay.ts) for scale. Run: node --import tsx bench/retrospective.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { healthyScenario } from '../test/live/scenario.js';
import { backfill, type BackfillSeries } from '../test/support/backfill.js';
import { startPrometheus } from '../test/support/prometheus-server.js';

const HOURS = 6;
const STEP = 15;
const RUNS = Number(process.env.RUNS ?? 3);
const journeys = Array.from({ length: 10 }, (_, i) => `journey-${i + 1}`);
/** Whole minutes, seven hours ago: the six hours end an hour before now. */
const t0 = Math.floor(Date.now() / 60_000) * 60 - (HOURS + 1) * 3600;
const points = (HOURS * 3600) / STEP;

const series = new Map<string, BackfillSeries>();
healthyScenario({ set: (name, labels, value) => series.set(JSON.stringify([name, labels]), { name, labels, points: Array.from({ length: points + 1 }, (_, i) => [t0 + i * STEP, value] as [number, number]) }) }, journeys);
const prom = await startPrometheus({ dataDir: await backfill([...series.values()]) });
try {
  const example = parse(readFileSync(join(import.meta.dirname, '../examples/prometheus.yaml'), 'utf8')) as Record<string, any>;
  const dir = mkdtempSync(join(tmpdir(), 'canary-retro-bench-'));
  const config = join(dir, 'window.yaml');
  writeFileSync(config, stringify({
    ...example, source: { ...example.source, url: prom.url }, checkInterval: '15s', staleAfter: '1m', reportEvery: '15m',
    journeys: journeys.map((name) => ({ name, critical: false })),
    // Long enough that every check of the six hours is made.
    phases: [{ weight: 5, minDuration: '7h', p95GateMs: 130 }, { weight: 100, minDuration: '1h', p95GateMs: 120 }],
  }));
  const served = async () => {
    const text = await (await fetch(`${prom.url}/metrics`)).text();
    return [...text.matchAll(/^prometheus_http_requests_total\{[^}]*handler="\/api\/v1\/query(?:_range)?"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };
  const cli = join(import.meta.dirname, '../dist/cli.js');
  const iso = (s: number) => new Date(s * 1000).toISOString();
  const walls: number[] = [];
  let checks = 0;
  let requests = 0;
  let statuses = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const before = await served();
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'rehearse', '--config', config, '--from', iso(t0), '--to', iso(t0 + HOURS * 3600), '--headless', '--audit-dir', join(dir, `a${i}`)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    walls.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 5) throw new Error(`exit ${r.status}: ${r.stderr}`);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string });
    checks = lines.filter((l) => l.type === 'check').length;
    statuses = new Set(lines.filter((l) => l.type === 'check').map((l) => l.status!));
    requests = (await served()) - before;
  }
  const wall = [...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)]!;
  console.log(JSON.stringify({
    hours: HOURS, stepSeconds: STEP, journeys: journeys.length, series: series.size, checks, runs: RUNS,
    checkStatuses: [...statuses], wallMedianMs: Math.round(wall), timesRealTime: Math.round((HOURS * 3600 * 1000) / wall),
    msPerCheck: Number((wall / checks).toFixed(2)), requestsPerCheck: Number((requests / checks).toFixed(2)),
  }));
} finally {
  await prom.stop();
}
