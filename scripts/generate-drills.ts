// Writes the drill library into fixtures/ (run: node --import tsx
// scripts/generate-drills.ts). Each drill is one story told as a bend of a
// healthy window (src/fixture/synthetic-window.ts), with a one-line
// description and the decision the directive requires, which
// test/drills/drill-library.test.ts replays and checks. Deterministic: the
// same bytes every run. The bundled drill has its own generator
// (scripts/generate-drill.mjs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../src/fixture/schema.js';
import { syntheticWindow, type Bend } from '../src/fixture/synthetic-window.js';
import { wholeReleaseDrill } from './whole-release-drill.js';

interface Drill {
  name: string;
  description: string;
  minutes: number;
  bend: Bend;
  expect: NonNullable<Fixture['expect']>;
  /** Layered over CONFIG for this drill only. */
  config?: Record<string, unknown>;
}

const during = (m: number, from: number, to: number) => m >= from && m < to;
/** The CEO's Slack mention: a bare @name would ping nobody. */
const CONFIG = { autoAdvance: true, checkInterval: '1m', staleAfter: '3m', release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', ceoHandle: '<@U07GIL>' } };

const DRILLS: Drill[] = [
  {
    name: 'drill-healthy-promotion', minutes: 370,
    description: 'Six healthy hours, every gate GREEN: the IC advances 5% → 25% → 50% → 100% by hand, each the first check its minimum time is served and never one earlier; leaving 50% needs the CEO\'s gate review; promoted after two hours stable at 100%.',
    bend: (_k, _t, _j, _m, v) => v,
    expect: { outcome: 'promoted', atMinute: 360, phaseWeight: 100 },
    config: { autoAdvance: false },
  },
  {
    name: 'drill-p95-one-journey', minutes: 60,
    description: 'Checkout P95 at 140 ms on the canary from minute 20 while the overall P95 stays at 90 ms: the per-journey trigger fires after its 10 minutes and the canary rolls back.',
    bend: (k, t, j, m, v) => (k === 'latency_p95' && t === 'canary' && j === 'checkout' && m >= 20 ? 140 : v),
    expect: { outcome: 'rolled-back', atMinute: 30, phaseWeight: 5, trigger: 'p95:checkout' },
  },
  {
    name: 'drill-p95-one-check-spike', minutes: 60,
    description: 'Overall and checkout P95 at 180 ms for one check at minute 20, then healthy: a spike is not a trend, nothing fires and the window stays at 5%.',
    bend: (k, t, j, m, v) => (k === 'latency_p95' && t === 'canary' && (j === 'all' || j === 'checkout') && m === 20 ? 180 : v),
    expect: { outcome: 'ended', phaseWeight: 5 },
  },
  {
    name: 'drill-errors-5m', minutes: 60,
    description: 'Canary 5xx at 0.8% from minute 20 for 8 minutes: over 0.5% for 5 minutes, the error trigger fires and the canary rolls back.',
    bend: (k, t, _j, m, v) => (k === 'error_5xx_rate' && t === 'canary' && during(m, 20, 28) ? 0.008 : v),
    expect: { outcome: 'rolled-back', atMinute: 25, phaseWeight: 5, trigger: 'errors:5xx' },
  },
  {
    name: 'drill-errors-3m', minutes: 60,
    description: 'Canary 5xx at 0.8% for 3 minutes from minute 20: the trigger breaches and re-arms before its 5 minutes, no rollback.',
    bend: (k, t, _j, m, v) => (k === 'error_5xx_rate' && t === 'canary' && during(m, 20, 23) ? 0.008 : v),
    expect: { outcome: 'ended', phaseWeight: 5 },
  },
  {
    name: 'drill-cost-markup', minutes: 60,
    description: 'From minute 10, canary cost per user 7% over control and AI markup at 3.8x: both economics triggers run their 15 minutes and the canary rolls back.',
    bend: (k, t, _j, m, v) => (t === 'canary' && m >= 10 && k === 'cost_per_user' ? v * 1.07 : t === 'canary' && m >= 10 && k === 'markup' ? 3.8 : v),
    expect: { outcome: 'rolled-back', atMinute: 25, phaseWeight: 5, trigger: 'econ:cost-per-user' },
  },
  {
    name: 'drill-cost-4pct', minutes: 60,
    description: 'Canary cost per user 4% over control from minute 10: inside the 5% limit, no rollback.',
    bend: (k, t, _j, m, v) => (t === 'canary' && m >= 10 && k === 'cost_per_user' ? v * 1.04 : v),
    expect: { outcome: 'ended', phaseWeight: 5 },
  },
  {
    name: 'drill-payments-refunds', minutes: 60,
    description: 'From minute 15 canary payments E2E success at 99.2% with refunds/voids at 3x control: the payments trigger (under 99.5% for 5 minutes) rolls the canary back.',
    bend: (k, t, _j, m, v) => (t === 'canary' && m >= 15 && k === 'payments_e2e_success' ? 0.992 : t === 'canary' && m >= 15 && k === 'refund_void_rate' ? v * 3 : v),
    expect: { outcome: 'rolled-back', atMinute: 20, phaseWeight: 5, trigger: 'payments:e2e' },
  },
  {
    name: 'drill-cache-db', minutes: 60,
    description: 'From minute 15 the canary cache hit rate collapses to 70% and DB pool saturation climbs to 92%: both infra triggers run their 10 minutes and the canary rolls back.',
    bend: (k, t, _j, m, v) => (t === 'canary' && m >= 15 && k === 'cache_hit' ? 0.7 : t === 'canary' && m >= 15 && k === 'db_pool_saturation' ? 0.92 : v),
    expect: { outcome: 'rolled-back', atMinute: 25, phaseWeight: 5, trigger: 'infra:cache' },
  },
  {
    name: 'drill-margin-3pct', minutes: 60,
    description: 'From minute 10 the canary margin runs 3.5% under control, every gate otherwise GREEN: no trigger fires, and every report tags the CEO for the margin.',
    bend: (k, t, _j, m, v) => (t === 'canary' && m >= 10 && k === 'margin' ? v * 0.965 : v),
    expect: { outcome: 'ended', phaseWeight: 5, ceoTagged: true },
  },
  {
    name: 'drill-prometheus-outage', minutes: 60,
    description: 'No data at all from minute 20 to 35 (the metrics backend is down): every gate UNKNOWN, the window holds after 5 minutes and waits for the IC; no trigger fires on missing data.',
    bend: (_k, _t, _j, m, v) => (during(m, 20, 35) ? null : v),
    expect: { outcome: 'ended', phaseWeight: 5 },
  },
  {
    name: 'drill-control-gap', minutes: 60,
    description: 'The control track has no data from minute 20 to 40: every comparison with control is UNKNOWN, nothing advances or fires on it.',
    bend: (_k, t, _j, m, v) => (t === 'control' && during(m, 20, 40) ? null : v),
    expect: { outcome: 'ended', phaseWeight: 5 },
  },
];

const root = join(import.meta.dirname, '..');
for (const d of DRILLS) {
  const f = syntheticWindow(d.minutes, d.bend);
  const fixture: Fixture = { ...f, name: d.name, description: d.description, config: { ...CONFIG, ...d.config }, expect: d.expect };
  writeFileSync(join(root, 'fixtures', `${d.name}.json`), `${JSON.stringify(fixture)}\n`);
  console.log(`fixtures/${d.name}.json`);
}
const whole = wholeReleaseDrill(CONFIG);
writeFileSync(join(root, 'fixtures', `${whole.name}.json`), `${JSON.stringify(whole)}\n`);
console.log(`fixtures/${whole.name}.json`);
