// Writes fixtures/drill-checkout-p95.json, the bundled drill. Deterministic
// (seeded mulberry32, no Date.now, no Math.random), so every run writes the
// same bytes. Run: node scripts/generate-drill.mjs
//
// The release starts at T-2h (02:00 UTC): the roster is set, the probes
// and the DRIs' signatures arrive (recorded in `preflight`), the synthetic
// monitor fails the API endpoint until T-1h25m, and SEO signs ten minutes after
// T-1h, so PRE-FLIGHT is NO-GO for a while. At T-0 the IC opens the window.
// The pre-window numbers come from their own seed, so the window's numbers are
// the same bytes they were before the release hours were added.
//
// The story, in minutes from 04:00 UTC (T-0) in the lowest-traffic trough:
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

const T0 = Date.parse('2026-11-20T04:00:00Z') / 1000;
/** Minutes of release before T-0 (T-2h). */
const BEFORE = 120;
const START = T0 - BEFORE * 60;
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
const add = (kpi, track, journey, fn) => series.push({ kpi, track, journey, samples: minutes((m) => [T0 + m * 60, fn(m)]) });

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

// Before T-0: both tracks healthy (the canary's pods take 1% smoke traffic at 0%), payments and burn not counted yet.
const pre = mulberry32(20261119);
const preNoise = (amp) => (pre() * 2 - 1) * amp;
const steady = {
  error_5xx_rate: [0.001, 0.0002], error_js_rate: [0.0015, 0.0002], payments_e2e_success: [0.9985, 0.0004],
  cache_hit: [0.91, 0.01], db_pool_saturation: [0.55, 0.03], cost_per_request: [0.0031, 0.00005], margin: [0.62, 0.005],
  markup: [4.6, 0.1], refund_void_rate: [0.004, 0.0002], cost_per_user: [0.042, 0.0004],
  funnel_b2c_conversion: [0.031, 0.0003], funnel_b2b_conversion: [0.084, 0.0008],
};
function beforeT0(s, m) {
  if (s.kpi.startsWith('latency_')) {
    const p95 = P95[s.journey] + preNoise(2);
    return ms(s.kpi === 'latency_p95' ? p95 : s.kpi === 'latency_p50' ? p95 * 0.45 : p95 * 1.6);
  }
  if (s.kpi === 'requests') return Math.round(20000 * (s.track === 'canary' ? 0.01 : 1) * (1 + preNoise(0.02)));
  if (s.kpi.startsWith('payments_') && s.kpi !== 'payments_e2e_success' || s.kpi === 'error_budget_burn') return 0;
  const [base, amp] = steady[s.kpi];
  return sig(base + preNoise(amp));
}
for (const s of series) s.samples.unshift(...Array.from({ length: BEFORE }, (_, i) => [START + i * 60, beforeT0(s, i)]));
const at = (minute) => iso(START + minute * 60);

const fixture = {
  version: 1,
  name: 'checkout-p95-regression-at-50',
  description:
    'The release from T-2h (02:00 UTC): the roster set, the probes and DRI signatures arriving (the synthetic monitor fails the API until T-1h25m, SEO signs ten minutes after T-1h, so pre-flight is NO-GO until then), and the IC opening at T-0. A web-app canary (v20261120.1) in us-west-2 during the 04:00 UTC trough, auto-advancing 5% → 25% → 50%. At 5% a short search P95 blip (~125 ms for six minutes) passes the 130 ms phase gate but breaches the 120 ms trigger, and recovers before the 10-minute window, so the trigger re-arms. Fifteen minutes into 50%, canary checkout P95 regresses to ~140 ms while control stays near 100 ms; the breach holds for ten minutes across consecutive checks, and at minute 175 the trigger rolls the canary back with no debate. Errors, payments, cache, database, cost and funnels stay healthy throughout.',
  start: iso(START),
  stepSeconds: 60,
  end: iso(T0 + MINUTES * 60),
  config: {
    autoAdvance: true,
    checkInterval: '1m',
    staleAfter: '3m',
    journeys: [{ name: 'checkout', critical: true }, { name: 'search', critical: true }, { name: 'organic-landing', critical: false }],
    release: {
      tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2',
      links: { directive: 'https://git.example.com/web-app/blob/main/CEO_FINAL_DIRECTIVE.md', handoff: 'https://git.example.com/web-app/blob/main/HANDOFF_SUMMARY.md' },
    },
    window: { start: iso(T0) },
    roster: {
      incidentCommander: { name: 'Ana Ruiz', contact: '<@U01ANA>' }, releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' },
      pmB2c: { name: 'Cy Diaz', contact: '<@U03CY>' }, pmB2b: { name: 'Di Egan', contact: '<@U04DI>' },
      securityCompliance: { name: 'Ed Fox', contact: '<@U05ED>' }, dataObservability: { name: 'Fay Gul', contact: '<@U06FAY>' },
      ceo: { name: 'Gil Hart', contact: '<@U07GIL>' },
    },
  },
  // Minutes from the drill's start (T-2h): T-0 is minute 120, the rollback 175 minutes after it.
  expect: { outcome: 'rolled-back', atMinute: BEFORE + 175, phaseWeight: 50, trigger: 'p95:checkout' },
  preflight: {
    probes: [
      { kind: 'synthetic-monitor', ok: false, at: at(5), detail: '1/3 failing: api 503 Service Unavailable' },
      { kind: 'synthetic-monitor', ok: true, at: at(35), detail: '3/3 passing, slowest 38 ms' },
      { kind: 'dashboards', ok: true, at: at(10), detail: '3/3 answering' },
      { kind: 'payment-caps', ok: true, at: at(15), detail: 'enforced 100 tx, $20/tx, $1,500 global (directive: 100 tx, $20/tx, $1,500 global)' },
      { kind: 'billing', ok: true, at: at(20), detail: 'GREEN: cost telemetry within 2% of billing' },
    ],
    signatures: [
      { item: 'infra-lock', by: 'Bo Chen', at: at(25) },
      { item: 'db-changes', by: 'Bo Chen', at: at(30) },
      { item: 'feature-flags', by: 'Bo Chen', at: at(40) },
      { item: 'security', by: 'Ed Fox', at: at(45) },
      { item: 'observability', by: 'Fay Gul', at: at(50) },
      { item: 'seo', by: 'Cy Diaz', at: at(70) },
    ],
  },
};
const head = JSON.stringify(fixture, null, 2).replace(/\n}$/, '');
const body = series.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
const out = fileURLToPath(new URL('../fixtures/drill-checkout-p95.json', import.meta.url));
writeFileSync(out, `${head},\n  "series": [\n${body}\n  ]\n}\n`);
console.log(`wrote ${out}: ${series.length} series × ${BEFORE + MINUTES + 1} samples`);
