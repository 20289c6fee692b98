import { describe, expect, it } from 'vitest';
import { freshnessOf, freshnessQueries, selectorsOf } from '../../src/sources/prometheus/freshness.js';

const LABELS = { track: 'track', journey: 'journey', canary: 'canary', control: 'control', overall: 'all' };

describe('the selectors behind a KPI query', () => {
  it.each<[string, string, string[]]>([
    ['a gauge under an aggregation', 'max by (track, journey) (web_latency_ms{quantile="0.95", track=~"canary|control"})', ['web_latency_ms{quantile="0.95", track=~"canary|control"}']],
    ['a rate over a range drops the range', 'sum by (track) (rate(http_requests_total{code=~"5.."}[5m]))', ['http_requests_total{code=~"5.."}']],
    ['a ratio has both sides', 'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))', ['errors_total', 'requests_total']],
    ['a histogram quantile reads the buckets', 'histogram_quantile(0.95, sum by (le, track) (rate(req_seconds_bucket{job="web"}[1m])))', ['req_seconds_bucket{job="web"}']],
    ['braces inside a string are not a selector', 'max(x{path="/a{b}"})', ['x{path="/a{b}"}']],
    ['label lists, offsets and keywords are not selectors', 'max without (pod) (a offset 5m) or on (track) group_left (journey) b', ['a', 'b']],
    ['a bare matcher is a selector', 'max by (track) ({__name__="up", track=~"canary"})', ['{__name__="up", track=~"canary"}']],
    ['a constant has none', 'vector(1)', []],
    ['a comment is not a selector', 'max_over_time(c[5m]) # comment d', ['c']],
  ])('%s', (_name, query, expected) => {
    expect(selectorsOf(query)).toEqual(expected);
  });

  it('asks each selector for its newest sample time per track and journey', () => {
    expect(freshnessQueries('sum(rate(a[5m])) / sum(rate(b[5m]))', LABELS)).toEqual(['max by (track, journey) (timestamp(a))', 'max by (track, journey) (timestamp(b))']);
  });
});

describe('how fresh a value is', () => {
  const m = (entries: Record<string, number>) => new Map(Object.entries(entries));
  it('is the oldest of its selectors\' newest samples for its journey', () => {
    expect(freshnessOf([m({ 'canary|checkout': 100, 'canary|*': 200 }), m({ 'canary|checkout': 90 })], 'canary', 'checkout')).toBe(90);
  });
  it('falls back to the track, then to series with no track label', () => {
    expect(freshnessOf([m({ 'canary|*': 200 })], 'canary', 'all')).toBe(200);
    expect(freshnessOf([m({ '*|*': 50 })], 'control', 'all')).toBe(50);
  });
  it('leaves out a selector that fed nothing (the empty side of an or), and is unknown when none fed it', () => {
    expect(freshnessOf([m({ 'canary|*': 200 }), m({})], 'canary', 'all')).toBe(200);
    expect(freshnessOf([m({}), m({})], 'canary', 'all')).toBeNull();
    expect(freshnessOf([], 'canary', 'all')).toBeNull();
  });
});
