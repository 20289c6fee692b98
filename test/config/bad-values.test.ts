/**
 * Issue 9, "bad input accepted": configs that parsed and validated yet made no
 * sense (an ftp URL, a misspelt placeholder, a zero interval, 150%). Each is
 * now bad input naming the path and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { toPolicy } from '../../src/config/to-policy.js';
import { badInput } from './bad-input.js';


const prom = (lines: string) => `source:\n  type: prometheus\n${lines}\n  queries: { latency_p95: "max(x{ {{tracks}} })" }`;

describe('URLs are http(s)', () => {
  it.each([
    ['a Prometheus URL', prom('  url: ftp://x'), 'source.url', 'ftp://x'],
    ['a Grafana URL', prom('  grafana: { url: "file:///etc/passwd", datasourceUid: p, token: { env: T } }'), 'source.grafana.url', 'file:///etc/passwd'],
    ['a billing URL', 'billing: { url: "ftp://billing" }', 'billing.url', 'ftp://billing'],
    ['a webhook URL', 'adapter: { type: webhook, url: "gopher://lb" }', 'adapter.url', 'gopher://lb'],
    ['a webhook verify URL', 'adapter: { type: webhook, url: "https://lb", verifyUrl: "ws://lb" }', 'adapter.verifyUrl', 'ws://lb'],
    ['text that is no URL', 'billing: { url: "not a url" }', 'billing.url', 'not a url'],
  ])('%s', (_name, text, path, got) => {
    expect(badInput(text).message).toBe(`window.yaml: ${path}: expected an http(s) URL such as https://prometheus.example:9090, got "${got}"`);
  });

  it('keeps http and https', () => {
    expect(parseConfig('w.yaml', 'billing: { url: "https://billing.example/v1" }').billing?.url).toBe('https://billing.example/v1');
    expect(parseConfig('w.yaml', prom('  url: http://127.0.0.1:9090')).source).toMatchObject({ url: 'http://127.0.0.1:9090' });
  });
});

describe('placeholders are known', () => {
  it('a misspelt placeholder names the KPI query and the known ones', () => {
    const text = 'source:\n  type: prometheus\n  url: http://p:9090\n  queries:\n    cache_hit: "sum(hits{ {{trakcs}} })"';
    expect(badInput(text).message).toBe(
      'window.yaml: source.queries.cache_hit: expected only known placeholders: unknown placeholder {{trakcs}}; known: {{track}}, {{journey}}, {{canary}}, {{control}}, {{tracks}}',
    );
  });
});

describe('an empty config file is bad input', () => {
  it.each([['empty', ''], ['blank', '  \n\n'], ['comments only', '# to do\n  # later\n']])('%s', (_name, text) => {
    expect(badInput(text).message).toBe('window.yaml: (top level): expected a config mapping such as "checkInterval: 30s" (the file is empty); write {} for every default');
  });

  it('an explicit {} is every default', () => {
    expect(toPolicy(parseConfig('w.yaml', '{}')).checkIntervalMs).toBe(30_000);
  });
});

describe('durations and intervals are above zero', () => {
  it.each([
    ['checkInterval: 0', 'checkInterval', '0'],
    ['checkInterval: 0s', 'checkInterval', '"0s"'],
    ['staleAfter: -5', 'staleAfter', '-5'],
    ['reportEvery: 0ms', 'reportEvery', '"0ms"'],
    ['phases: [{ weight: 5, minDuration: 0, p95GateMs: 130 }]', 'phases[0].minDuration', '0'],
    [prom('  url: http://p\n  timeout: 0s'), 'source.timeout', '"0s"'],
  ])('%s', (text, path, got) => {
    expect(badInput(text).message).toBe(`window.yaml: ${path}: expected a duration above zero such as 1s, 5m, 90m or 2h, got ${got}`);
  });

  it('a trigger window may still be 0s: "at once" is the directive’s own error-budget rule', () => {
    expect(toPolicy(parseConfig('w.yaml', 'triggers: { errorBudgetBurn: { for: 0s } }')).triggers.errorBudgetBurn.forMs).toBe(0);
  });
});

describe('percent shares are within 0–100%', () => {
  it.each([
    ['gates: { cacheHitMin: 150% }', 'gates.cacheHitMin', '"150%"'],
    ['gates: { errorRateMax: -5% }', 'gates.errorRateMax', '"-5%"'],
    ['gates: { paymentsSuccessMin: 1.5 }', 'gates.paymentsSuccessMin', '1.5'],
    ['gates: { dbSaturationMax: { threshold: 80%, warn: 200% } }', 'gates.dbSaturationMax.warn', '"200%"'],
    ['triggers: { errorRate: { threshold: 101% } }', 'triggers.errorRate.threshold', '"101%"'],
  ])('%s', (text, path, got) => {
    expect(badInput(text).message).toBe(`window.yaml: ${path}: expected a share from 0% to 100% (or a fraction from 0 to 1), got ${got}`);
  });

  it('keeps 0% and 100%', () => {
    const g = toPolicy(parseConfig('w.yaml', 'gates: { errorRateMax: 0%, cacheHitMin: 100% }')).gates;
    expect([g.errorRateMax.threshold, g.cacheHitMin.threshold]).toEqual([0, 1]);
  });
});
