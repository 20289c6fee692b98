/**
 * Headless replay of a six-hour window checked every 15 s, ten journeys and
 * every KPI, as a whole process (the bin on a fixture file), against
 * `node -e 0` in the same run: how many times faster than real time a drill
 * of that size replays. Target in issue 10: ≥ 30,000x (six hours in 0.72 s).
 * Run: node --import tsx bench/replay.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTHY } from '../src/fixture/synthetic-window.js';
import type { Fixture } from '../src/fixture/schema.js';
import type { KpiId } from '../rules/types.js';

const HOURS = 6;
const STEP = 15;
const JOURNEYS = ['all', ...Array.from({ length: 10 }, (_, i) => `journey-${i + 1}`)];
const RUNS = Number(process.env.RUNS ?? 5);
const start = Date.parse('2026-11-20T04:00:00Z') / 1000;
const points = (HOURS * 3600) / STEP;

const series: Fixture['series'] = [];
for (const [kpi, v] of Object.entries(HEALTHY) as [KpiId, number][]) {
  for (const journey of kpi.startsWith('latency_') ? JOURNEYS : ['all']) {
    for (const track of ['canary', 'control'] as const) {
      series.push({ kpi, track, journey, samples: Array.from({ length: points + 1 }, (_, i) => [start + i * STEP, v] as [number, number]) });
    }
  }
}
const journeys = JOURNEYS.slice(1).map((name) => ({ name, critical: false }));
// Phases long enough that the window is still running when the six hours end: every check of the replay is paid.
const fixture: Fixture = {
  version: 1, name: 'bench-six-hours', description: 'six healthy hours, 15 s checks, ten journeys', start: new Date(start * 1000).toISOString(),
  end: new Date((start + HOURS * 3600) * 1000).toISOString(), stepSeconds: STEP, series,
  config: { checkInterval: '15s', staleAfter: '1m', journeys, phases: [{ weight: 5, minDuration: '7h', p95GateMs: 130 }, { weight: 100, minDuration: '1h', p95GateMs: 120 }] },
};
const dir = mkdtempSync(join(tmpdir(), 'canary-replay-bench-'));
const file = join(dir, 'six-hours.json');
writeFileSync(file, JSON.stringify(fixture));
const cli = join(import.meta.dirname, '../dist/cli.js');

const time = (args: string[]) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 5) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return { ms, checks: r.stdout.split('\n').filter((l) => l.includes('"type":"check"')).length };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare: number[] = [];
const replay: number[] = [];
let checks = 0;
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0']).ms);
  const r = time([cli, 'rehearse', file, '--headless', '--audit-dir', join(dir, `a${i}`)]);
  replay.push(r.ms);
  checks = r.checks;
}
const ms = median(replay);
console.log(JSON.stringify({
  hours: HOURS, stepSeconds: STEP, journeys: JOURNEYS.length - 1, series: series.length, checks, fixtureMb: Number((statSync(file).size / 1048576).toFixed(1)),
  runs: RUNS, nodeMinus0MedianMs: Math.round(median(bare)), replayMedianMs: Math.round(ms), timesRealTime: Math.round((HOURS * 3600 * 1000) / ms),
}));
