/**
 * Malformed configs (issue 9's bad-input corpus): every config observation of
 * the issue, and the mistakes a person makes when writing one by hand.
 */
import type { Case } from './cases.js';
import { fixtureWith } from './fixture-cases.js';

const live = (extra = '', queries = 'latency_p95: "max(x{ {{tracks}} })"') =>
  `source:\n  type: prometheus\n  url: http://127.0.0.1:9\n  queries: { ${queries} }\n${extra}`;
const MB10 = 10 * 1024 * 1024;
const yaml = (name: string, text: string | (() => string), path: string, says?: string[]): Case => ({ name, file: 'window.yaml', text, path, ...(says ? { says } : {}) });

export const CONFIG_CASES: Case[] = [
  yaml('source-url-ftp', 'source: { type: prometheus, url: "ftp://x", queries: {} }', 'source.url', ['http(s) URL']),
  yaml('source-url-file', 'source: { type: prometheus, url: "file:///etc/passwd", queries: {} }', 'source.url'),
  yaml('grafana-url-ftp', 'source: { type: prometheus, grafana: { url: "ftp://g", datasourceUid: p, token: { env: T } }, queries: {} }', 'source.grafana.url'),
  yaml('billing-url-ftp', live('billing: { url: "ftp://billing" }'), 'billing.url'),
  yaml('billing-url-text', live('billing: { url: "not a url" }'), 'billing.url'),
  yaml('webhook-url-gopher', 'adapter: { type: webhook, url: "gopher://lb" }', 'adapter.url'),
  yaml('webhook-verify-ws', 'adapter: { type: webhook, url: "https://lb", verifyUrl: "ws://lb" }', 'adapter.verifyUrl'),
  yaml('placeholder-trakcs', live('', 'latency_p95: "max(x{ {{trakcs}} })"'), 'source.queries.latency_p95', ['{{trakcs}}']),
  yaml('placeholder-spaced', live('', 'latency_p95: "x", cache_hit: "y{ {{ canray }} }"'), 'source.queries.cache_hit', ['{{canray}}']),
  yaml('empty-file', '', '(top level)', ['empty']),
  yaml('whitespace-only', '  \n\n\t\n', '(top level)', ['empty']),
  yaml('comments-only', '# to be written\n  # later\n', '(top level)', ['empty']),
  yaml('check-interval-0', 'checkInterval: 0', 'checkInterval', ['above zero']),
  yaml('check-interval-0s', 'checkInterval: 0s', 'checkInterval', ['above zero']),
  yaml('stale-after-negative', 'staleAfter: -5', 'staleAfter'),
  yaml('report-every-0ms', 'reportEvery: 0ms', 'reportEvery'),
  yaml('min-duration-0', 'phases: [{ weight: 5, minDuration: 0, p95GateMs: 130 }]', 'phases[0].minDuration'),
  yaml('source-timeout-0s', live('', 'latency_p95: "x"').replace('url:', 'timeout: 0s\n  url:'), 'source.timeout'),
  yaml('webhook-timeout-0', 'adapter: { type: webhook, url: "https://lb", timeout: 0 }', 'adapter.timeout'),
  yaml('cache-hit-150', 'gates: { cacheHitMin: 150% }', 'gates.cacheHitMin', ['0% to 100%']),
  yaml('error-rate-minus-5', 'gates: { errorRateMax: -5% }', 'gates.errorRateMax', ['0% to 100%']),
  yaml('payments-fraction-1.5', 'gates: { paymentsSuccessMin: 1.5 }', 'gates.paymentsSuccessMin'),
  yaml('warn-band-200', 'gates: { dbSaturationMax: { threshold: 80%, warn: 200% } }', 'gates.dbSaturationMax.warn'),
  yaml('trigger-threshold-101', 'triggers: { errorRate: { threshold: 101% } }', 'triggers.errorRate.threshold'),
  yaml('ceo-margin-negative', 'ceoMarginDeviation: -1%', 'ceoMarginDeviation'),
  yaml('fixture-missing', 'source: { type: fixture, path: ./nowhere.json }', 'source.path', ['nowhere.json: (top level): expected a readable fixture file (ENOENT)']),
  { ...yaml('fixture-bad-json', 'source: { type: fixture, path: drill.json }', 'source.path', ['drill.json: (top level): expected valid JSON']), beside: { 'drill.json': '{"version": 1,\n' } },
  { ...yaml('fixture-infinite', 'source: { type: fixture, path: drill.json }', 'source.path', ['series[0].samples[1][1]: expected a finite number']), beside: { 'drill.json': fixtureWith({ v1: '1e999' }) } },
  yaml('secret-missing', live().replace('url:', 'bearerToken: { env: CORPUS_UNSET_TOKEN }\n  url:'), 'source.bearerToken', ['CORPUS_UNSET_TOKEN']),
  yaml('billing-token-missing', live('billing: { url: "https://billing.example", token: { env: CORPUS_UNSET_BILLING } }'), 'billing.token'),
  yaml('unknown-top-key', 'autoAdvanse: true', '(top level)', ['unknown key "autoAdvanse"']),
  yaml('unknown-nested-key', 'gates: { cachHitMin: 85% }', 'gates', ['unknown key "cachHitMin"']),
  yaml('unknown-kpi-query', live('', 'latency_p42: "x"'), 'source.queries', ['unknown key "latency_p42"']),
  { name: 'many-unknown-keys', file: 'window.json', text: () => JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`key${i}`, i]))), path: '(top level)', says: ['and 39999 more'] },
  yaml('yaml-10mb', () => `a: "${'x'.repeat(MB10)}"\n`, '(top level)', ['at most 1 MB', 'got 10.0 MB']),
  { name: 'json-10mb-keys', file: 'window.json', text: () => `{${Array.from({ length: MB10 / 20 }, (_, i) => `"k${String(i).padStart(12, '0')}":1`).join(',')}}`, path: '(top level)', says: ['at most 1 MB'] },
  yaml('yaml-syntax', 'gates: [unclosed', '(top level)', ['expected valid YAML']),
  { name: 'json-syntax', file: 'window.json', text: '{"checkInterval":\n\n }', path: '(top level)', says: ['expected valid JSON'] },
  yaml('yaml-nested-too-deep', () => `a: ${'['.repeat(50_000)}`, '(top level)', ['expected valid YAML']),
  yaml('duplicate-key', 'checkInterval: 30s\ncheckInterval: 1m', 'checkInterval', ['appears twice']),
  yaml('list-not-mapping', '- checkInterval: 30s', '(top level)'),
  yaml('scalar-not-mapping', 'hello', '(top level)'),
  yaml('adapter-type-unknown', 'adapter: { type: nginx }', 'adapter.type'),
  yaml('source-type-unknown', 'source: { type: datadog }', 'source.type'),
  yaml('release-tag-bad', 'release: { tag: "1.2.3" }', 'release.tag'),
  yaml('duration-text', 'checkInterval: soon', 'checkInterval'),
  yaml('duration-infinite', 'checkInterval: .inf', 'checkInterval'),
  yaml('phase-weight-150', 'phases: [{ weight: 150, minDuration: 1h, p95GateMs: 130 }]', 'phases[0].weight'),
  yaml('phase-weights-flat', 'phases: [{ weight: 5, minDuration: 1h, p95GateMs: 130 }, { weight: 5, minDuration: 1h, p95GateMs: 130 }]', 'phases[1].weight'),
  yaml('journey-twice', 'journeys: [{ name: checkout }, { name: checkout }]', 'journeys[1].name'),
  yaml('operator-blank', 'operator: "  "', 'operator'),
  yaml('on-trigger-maybe', 'onTrigger: maybe', 'onTrigger'),
  yaml('url-and-grafana', 'source: { type: prometheus, url: "http://p", grafana: { url: "http://g", datasourceUid: p, token: { env: T } }, queries: {} }', 'source'),
  yaml('haproxy-socket-bad', 'adapter: { type: haproxy, socket: "", backend: web, canary: [c], stable: [s] }', 'adapter.socket'),
  yaml('payment-caps-zero', 'paymentCaps: { maxTransactions: 0 }', 'paymentCaps.maxTransactions'),
  yaml('markup-negative', 'gates: { markupMin: -1 }', 'gates.markupMin'),
  { name: 'config-missing', file: 'window.yaml', path: '(top level)', says: ['expected a readable config file (ENOENT)'] },
  { name: 'config-is-folder', file: 'window.yaml', folder: true, path: '(top level)', says: ['EISDIR'] },
];
