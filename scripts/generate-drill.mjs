// Writes fixtures/drill-checkout-p95.json, the bundled drill. Deterministic
// (seeded mulberry32, no Date.now, no Math.random), so every run writes the
// same bytes. Run: node scripts/generate-drill.mjs
//
// The story, in minutes from 04:00 UTC in the lowest-traffic trough:
//  0–89   5% canary, healthy. 30–35: canary search P95 at ~125 ms, which
//         passes the 130 ms phase gate but breaches the 120 ms trigger; it
//         recovers at 36, before the 10-minute window, and the trigger re-arms.
//  90     25% (auto-advance: 90 min served, all GREEN).
//  150    50%.
//  165–   canary checkout P95 ~140 ms (control healthy): the 120 ms gate goes
//         RED, the trigger breaches, and at 175 (10 min, 11 checks) it fires:
//         rollback to 0%. Every other KPI stays comfortably inside its gate.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START = Date.parse('2026-11-20T04:00:00Z') / 1000;
const MINUTES = 190;
const TRACKS = ['canary', 'control'];
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

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
const ms = (x) => Math.round(x * 10) / 10;
const cents = (x) => Math.round(x * 100) / 100;
const weightAt = (m) => (m < 90 ? 0.05 : m < 150 ? 0.25 : 0.5);
const minutes = (fn) => Array.from({ length: MINUTES + 1 }, (_, m) => fn(m));

const P95 = { all: 92, checkout: 100, search: 86, 'organic-landing': 72 };

/** P95 for a journey, track and minute: the blip and the regression live here. */
function p95(journey, track, m) {
  const base = P95[journey] + noise(2);
  if (track !== 'canary') return base;
  if (journey === 'search' && m >= 30 && m <= 35) return 124 + rand() * 2;
  if (journey === 'checkout' && m >= 165) return 138 + rand() * 10;
  if (journey === 'all' && m >= 165) return 108 + rand() * 4;
  return base;
}

const series = [];
const add = (kpi, track, journey, fn) => series.push({ kpi, track, journey, samples: minutes((m) => [START + m * 60, fn(m)]) });

for (const journey of Object.keys(P95)) {
  for (const track of TRACKS) {
    const p95s = minutes((m) => p95(journey, track, m));
    const regressed = (m) => track === 'canary' && journey === 'checkout' && m >= 165;
    add('latency_p50', track, journey, (m) => ms(regressed(m) ? 60 + noise(2) : p95s[m] * 0.45));
    add('latency_p95', track, journey, (m) => ms(p95s[m]));
    add('latency_p99', track, journey, (m) => ms(regressed(m) ? 230 + noise(5) : p95s[m] * 1.6));
  }
}

for (const track of TRACKS) {
  const share = (m) => (track === 'canary' ? weightAt(m) : 1 - weightAt(m));
  const burnBy190 = track === 'canary' ? 0.02 : 0.019;
  add('error_5xx_rate', track, 'all', () => sig(0.001 + noise(0.0002)));
  add('error_js_rate', track, 'all', () => sig(0.0015 + noise(0.0002)));
  add('error_budget_burn', track, 'all', (m) => sig((burnBy190 * m) / MINUTES));
  add('payments_e2e_success', track, 'all', () => sig(0.9985 + noise(0.0004)));
  // Payments: each transaction is $9.50–$18.50 (mean $14); totals and the max follow from them.
  const perMinute = track === 'canary' ? 0.4 : 8;
  const tx = [], usd = [], largest = [];
  for (let m = 0, total = 0, max = 0, count = 0; m <= MINUTES; m++) {
    for (const target = Math.floor(m * perMinute); count < target; count++) {
      const amount = cents(9.5 + rand() * 9);
      total += amount;
      max = Math.max(max, amount);
    }
    tx.push(count), usd.push(cents(total)), largest.push(max);
  }
  add('payments_tx_count', track, 'all', (m) => tx[m]);
  add('payments_usd_total', track, 'all', (m) => usd[m]);
  add('payments_max_tx_usd', track, 'all', (m) => largest[m]);
  add('cache_hit', track, 'all', () => sig(0.91 + noise(0.01)));
  add('db_pool_saturation', track, 'all', () => sig(0.55 + noise(0.03)));
  add('cost_per_request', track, 'all', () => sig(0.0031 * (1 + noise(0.015))));
  add('margin', track, 'all', () => sig(0.62 + noise(0.005)));
  add('markup', track, 'all', () => sig(4.6 + noise(0.1)));
  add('requests', track, 'all', (m) => Math.round(20000 * share(m) * (1 + noise(0.02))));
}
// Canary follows control minute by minute: refunds ±10%, cost ±2%, funnels ±1.5% (kept inside, with headroom).
for (const [kpi, base, controlNoise, spread] of [
  ['refund_void_rate', 0.004, 0.05, 0.1],
  ['cost_per_user', 0.042, 0.01, 0.02],
  ['funnel_b2c_conversion', 0.031, 0.01, 0.015],
  ['funnel_b2b_conversion', 0.084, 0.01, 0.015],
]) {
  const control = minutes(() => sig(base * (1 + noise(controlNoise))));
  add(kpi, 'canary', 'all', (m) => sig(control[m] * (1 + noise(spread * 0.8))));
  add(kpi, 'control', 'all', (m) => control[m]);
}

const fixture = {
  version: 1,
  name: 'checkout-p95-regression-at-50',
  description:
    'A web-app canary (v20261120.1) in us-west-2 during the 04:00 UTC trough, auto-advancing 5% → 25% → 50%. At 5% a short search P95 blip (~125 ms for six minutes) passes the 130 ms phase gate but breaches the 120 ms trigger, and recovers before the 10-minute window, so the trigger re-arms. Fifteen minutes into 50%, canary checkout P95 regresses to ~140 ms while control stays near 100 ms; the breach holds for ten minutes across consecutive checks, and at minute 175 the trigger rolls the canary back with no debate. Errors, payments, cache, database, cost and funnels stay healthy throughout.',
  start: iso(START),
  stepSeconds: 60,
  end: iso(START + MINUTES * 60),
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
const out = fileURLToPath(new URL('../fixtures/drill-checkout-p95.json', import.meta.url));
writeFileSync(out, `${head},\n  "series": [\n${body}\n  ]\n}\n`);
console.log(`wrote ${out}: ${series.length} series × ${MINUTES + 1} samples`);
