// Writes fixtures/drill-checkout-p95.json, the bundled drill. Deterministic
// (seeded PRNG), so regenerating gives the same bytes.
//
// The story, in minutes from 04:00 UTC in the lowest-traffic trough:
//  0–89   5% canary, healthy. 30–35: canary search P95 at ~125 ms, which
//         passes the 130 ms phase gate but breaches the 120 ms trigger; it
//         recovers at 36, before the 10-minute window, and the trigger re-arms.
//  90     25% (auto-advance: 90 min served, all GREEN).
//  150    50%.
//  165–   canary checkout P95 ~140 ms: the 120 ms gate goes RED, the trigger
//         breaches, and at 175 (10 min, 11 checks) it fires: rollback to 0%.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const START = Date.parse('2026-11-20T04:00:00Z') / 1000;
const MINUTES = 190;
const TRACKS = ['canary', 'control'];

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261120);
const noise = (amp) => (rand() * 2 - 1) * amp;
const sig = (x, digits = 5) => Number(x.toPrecision(digits));
const weightAt = (m) => (m < 90 ? 0.05 : m < 150 ? 0.25 : 0.5);

const P95 = { all: 92, checkout: 100, search: 86, 'organic-landing': 72 };

/** Canary P95 for a journey at a minute: the blip and the regression live here. */
function p95(journey, track, m) {
  const base = P95[journey] + noise(2);
  if (track !== 'canary') return base;
  if (journey === 'search' && m >= 30 && m <= 35) return 124 + rand() * 2;
  if (journey === 'checkout' && m >= 165) return 138 + rand() * 10;
  if (journey === 'all' && m >= 165) return 108 + rand() * 4;
  return base;
}

const series = [];
const add = (kpi, track, journey, fn) =>
  series.push({ kpi, track, journey, samples: Array.from({ length: MINUTES + 1 }, (_, m) => [START + m * 60, fn(m)]) });

for (const journey of Object.keys(P95)) {
  for (const track of TRACKS) {
    const p95s = Array.from({ length: MINUTES + 1 }, (_, m) => p95(journey, track, m));
    const regressed = (m) => track === 'canary' && journey === 'checkout' && m >= 165;
    add('latency_p95', track, journey, (m) => sig(p95s[m], 4));
    add('latency_p50', track, journey, (m) => sig(regressed(m) ? 60 + noise(2) : p95s[m] * 0.45, 4));
    add('latency_p99', track, journey, (m) => sig(regressed(m) ? 230 + noise(5) : p95s[m] * 1.6, 4));
  }
}

for (const track of TRACKS) {
  const share = (m) => (track === 'canary' ? weightAt(m) : 1 - weightAt(m));
  add('error_5xx_rate', track, 'all', () => sig(0.001 + noise(0.0002)));
  add('error_js_rate', track, 'all', () => sig(0.0015 + noise(0.0002)));
  add('error_budget_burn', track, 'all', (m) => sig((0.02 * m) / MINUTES + 0.00001));
  add('payments_e2e_success', track, 'all', () => sig(0.9985 + noise(0.0004)));
  add('refund_void_rate', track, 'all', () => sig(0.004 * (1 + noise(0.05))));
  let tx = 0;
  let usd = 0;
  let largest = 0;
  add('payments_tx_count', track, 'all', (m) => {
    tx = track === 'canary' ? Math.floor(m * 0.4) : Math.floor(m * 8);
    return tx;
  });
  add('payments_usd_total', track, 'all', () => {
    usd = sig(tx * 14, 6);
    return usd;
  });
  add('payments_max_tx_usd', track, 'all', (m) => {
    largest = tx > 0 ? Math.max(largest, sig(12 + rand() * 6.5, 4)) : 0;
    return m >= 0 ? largest : 0;
  });
  add('cache_hit', track, 'all', () => sig(0.91 + noise(0.01)));
  add('db_pool_saturation', track, 'all', () => sig(0.55 + noise(0.03)));
  add('cost_per_request', track, 'all', () => sig(0.0031 * (1 + noise(0.015))));
  add('margin', track, 'all', () => sig(0.62 + noise(0.005)));
  add('markup', track, 'all', () => sig(4.6 + noise(0.1)));
  add('requests', track, 'all', (m) => Math.round(20000 * share(m) * (1 + noise(0.02))));
}
// Canary stays within ±2% (cost) and ±1.5% (funnels) of control, minute by minute.
for (const [kpi, base, spread] of [['cost_per_user', 0.042, 0.02], ['funnel_b2c_conversion', 0.031, 0.015], ['funnel_b2b_conversion', 0.084, 0.015]]) {
  const control = Array.from({ length: MINUTES + 1 }, () => base * (1 + noise(0.01)));
  add(kpi, 'control', 'all', (m) => sig(control[m]));
  add(kpi, 'canary', 'all', (m) => sig(control[m] * (1 + noise(spread * 0.9))));
}

const fixture = {
  version: 1,
  name: 'checkout-p95-regression-at-50',
  description:
    'A web-app canary in us-west-2 during the 04:00 UTC trough. A short search P95 blip at 5% passes the 130 ms gate but breaches the 120 ms trigger and recovers before it fires. At 50% a checkout P95 regression (~140 ms) holds for ten minutes across two consecutive checks, and the trigger rolls the canary back with no debate.',
  start: new Date(START * 1000).toISOString(),
  end: new Date((START + MINUTES * 60) * 1000).toISOString(),
  stepSeconds: 60,
  config: {
    autoAdvance: true,
    checkInterval: '1m',
    staleAfter: '3m',
    journeys: [{ name: 'checkout', critical: true }, { name: 'search', critical: true }, { name: 'organic-landing', critical: false }],
    release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2' },
  },
  expect: { outcome: 'rolled-back', atMinute: 175, phaseWeight: 50, trigger: 'p95:checkout' },
};
const head = JSON.stringify(fixture, null, 2).replace(/\n}$/, '');
const body = series.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
writeFileSync(join(import.meta.dirname, '../fixtures/drill-checkout-p95.json'), `${head},\n  "series": [\n${body}\n  ]\n}\n`);
