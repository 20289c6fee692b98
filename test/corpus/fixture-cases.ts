/**
 * Malformed drill fixtures (issue 9's bad-input corpus). A fixture is written
 * as text from a template, so a case can hold what JSON.stringify never
 * writes: 1e999 (which JSON.parse turns into Infinity) or a broken file.
 */
import type { Case } from './cases.js';

const DEFAULTS = {
  version: '1', start: '"2026-11-20T04:00:00Z"', end: '"2026-11-20T05:00:00Z"', step: '60', config: '{}',
  kpi: '"cache_hit"', track: '"canary"', t0: '1795579200', v0: '0.91', t1: '1795579260', v1: '0.9',
};

/** A small valid fixture with some of its literals replaced. */
export function fixtureWith(over: Partial<typeof DEFAULTS> & { samples?: string; series?: string } = {}): string {
  const f = { ...DEFAULTS, ...over };
  const samples = over.samples ?? `[[${f.t0}, ${f.v0}], [${f.t1}, ${f.v1}]]`;
  const series = over.series ?? `[{"kpi": ${f.kpi}, "track": ${f.track}, "samples": ${samples}}]`;
  return `{"version": ${f.version}, "name": "corpus", "start": ${f.start}, "stepSeconds": ${f.step}, "end": ${f.end},\n` +
    ` "config": ${f.config}, "series": ${series}}\n`;
}

const json = (name: string, text: string | (() => string), path: string, says?: string[]): Case => ({ name, file: 'drill.json', text, path, ...(says ? { says } : {}) });

export const FIXTURE_CASES: Case[] = [
  json('value-1e999', fixtureWith({ v1: '1e999' }), 'series[0].samples[1][1]', ['finite']),
  json('value-minus-1e999', fixtureWith({ v0: '-1e999' }), 'series[0].samples[0][1]', ['finite']),
  json('timestamp-1e999', fixtureWith({ t1: '1e999' }), 'series[0].samples[1][0]', ['finite']),
  json('json-syntax-multiline', '{"version": 1,\n  "name": \n}\n', '(top level)', ['expected valid JSON']),
  json('empty-file', '', '(top level)', ['expected valid JSON']),
  json('start-not-a-time', fixtureWith({ start: '"yesterday"' }), 'start', ['ISO 8601']),
  json('end-month-13', fixtureWith({ end: '"2026-13-01T00:00:00Z"' }), 'end', ['ISO 8601']),
  json('end-before-start', fixtureWith({ end: '"2026-11-20T03:00:00Z"' }), 'end'),
  json('version-2', fixtureWith({ version: '2' }), 'version'),
  json('unknown-kpi', fixtureWith({ kpi: '"latency_p42"' }), 'series[0].kpi'),
  json('track-typo', fixtureWith({ track: '"canry"' }), 'series[0].track'),
  json('sample-not-a-pair', fixtureWith({ samples: '[[1795579200]]' }), 'series[0].samples[0]'),
  json('time-backwards', fixtureWith({ t1: '1795579100' }), 'series[0].samples[1][0]'),
  json('no-series', fixtureWith({ series: '[]' }), 'series'),
  json('step-zero', fixtureWith({ step: '0' }), 'stepSeconds'),
  json('config-interval-zero', fixtureWith({ config: '{"checkInterval": 0}' }), 'config.checkInterval'),
  json('config-unknown-key', fixtureWith({ config: '{"autoAdvanse": true}' }), 'config', ['unknown key "autoAdvanse"']),
  json('not-an-object', '[1, 2]', '(top level)'),
  json('oversize', () => fixtureWith().replace('{', `{"pad": "${'x'.repeat(33 * 1024 * 1024)}",`), '(top level)', ['at most 32 MB']),
  { name: 'fixture-missing', file: 'drill.json', path: '(top level)', says: ['ENOENT'] },
];
