import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { lintPolicy } from '../../src/config/lint.js';
import { parseConfig } from '../../src/config/load-config.js';
import { mergeConfigs, toPolicy } from '../../src/config/to-policy.js';
import { parseDuration } from '../../src/config/units.js';
import { badInput } from './bad-input.js';


describe('durations', () => {
  it.each([
    ['1s', 1000],
    ['5m', 300_000],
    ['90m', 5_400_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('"%s" is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'ten', '5', '5 m', 'm5', '1d'])('"%s" is not a duration', (text) => expect(parseDuration(text)).toBeNull());
});

describe('config to policy', () => {
  it('a config of {} is exactly the directive', () => {
    const policy = toPolicy(parseConfig('empty.yaml', '{}'));
    expect(policy.phases.map((p) => [p.weight, p.minDurationMs / 60_000, p.p95GateMs])).toEqual([
      [5, 90, 130], [25, 60, 130], [50, 90, 120], [100, 120, 120],
    ]);
    expect(policy.gates).toEqual(DEFAULT_POLICY.gates);
    expect(policy.triggers.latencyP95).toEqual({ thresholdMs: 120, forMs: 600_000, consecutiveChecks: 2 });
    expect(policy.reportEveryMs).toBe(900_000);
    expect(policy.staleAfterMs).toBe(2 * policy.checkIntervalMs);
  });

  it('overrides thresholds, durations and shares written as percentages', () => {
    const policy = toPolicy(parseConfig('w.yaml', [
      'checkInterval: 15s',
      'gates:',
      '  errorRateMax: 0.8%',
      '  markupMin: { threshold: 3.5, warn: 3.8 }',
      'triggers:',
      '  latencyP95: { thresholdMs: 150, for: 5m }',
      '  errorRate: { threshold: 1%, for: 90s }',
    ].join('\n')));
    expect(policy.checkIntervalMs).toBe(15_000);
    expect(policy.staleAfterMs).toBe(30_000);
    expect(policy.gates.errorRateMax).toEqual({ threshold: 0.008 });
    expect(policy.gates.markupMin).toEqual({ threshold: 3.5, warn: 3.8 });
    expect(policy.triggers.latencyP95).toEqual({ thresholdMs: 150, forMs: 300_000, consecutiveChecks: 2 });
    expect(policy.triggers.errorRate.threshold).toBeCloseTo(0.01);
    expect(policy.triggers.errorRate.forMs).toBe(90_000);
  });

  it('the refund/void floor defaults to 0.1% and takes a percentage, keeping the other defaults', () => {
    expect(toPolicy(parseConfig('w.yaml', '{}')).triggers.refundVoidRatio.controlFloor).toBe(0.001);
    const t = toPolicy(parseConfig('w.yaml', 'triggers: { refundVoidRatio: { controlFloor: 0.5% } }')).triggers.refundVoidRatio;
    expect(t).toEqual({ threshold: 2, forMs: 300_000, consecutiveChecks: 1, controlFloor: 0.005 });
  });

  it('a drill config is layered under the user config', () => {
    const drill = parseConfig('drill.json', '{"autoAdvance": true, "release": {"tag": "v20261120.1", "region": "us-west-2"}}');
    const user = parseConfig('w.yaml', 'release: { region: eu-west-1 }');
    const merged = mergeConfigs(drill, user);
    expect(merged.autoAdvance).toBe(true);
    expect(merged.release).toEqual({ tag: 'v20261120.1', region: 'eu-west-1' });
  });
});

describe('bad config', () => {
  it('names the file, the path and what was expected for a bad duration', () => {
    const e = badInput('triggers:\n  latencyP95: { for: ten minutes }');
    expect(e.message).toBe('window.yaml: triggers.latencyP95.for: expected a duration such as 1s, 5m, 90m or 2h, got "ten minutes"');
  });

  it('names an array index in the path', () => {
    const e = badInput('phases:\n  - { weight: 5, minDuration: 90m, p95GateMs: 130 }\n  - { weight: 5, minDuration: 60m, p95GateMs: 130 }');
    expect(e.path).toBe('phases[1].weight');
    expect(e.expected).toContain("above the previous phase's 5");
  });

  it('rejects an unknown key instead of ignoring a typo', () => {
    const e = badInput('autoAdvanse: true');
    expect(e.path).toBe('');
    expect(e.message).toBe('window.yaml: (top level): expected only known keys, got unknown key "autoAdvanse"');
  });

  it.each(['""', '"   "'])('rejects a blank operator (%s): an audit line must name someone', (value) => {
    expect(badInput(`operator: ${value}`).message).toBe('window.yaml: operator: expected a name, not blank');
  });

  it('rejects a bad percentage', () => {
    expect(badInput('gates: { errorRateMax: half }').message).toContain('gates.errorRateMax: expected a percentage');
  });

  it('follows a union into the object form the user wrote', () => {
    const e = badInput('gates: { markupMin: { threshold: lots } }');
    expect(e.path).toBe('gates.markupMin.threshold');
    expect(e.expected).toContain('expected number');
  });

  it('reports a YAML syntax error with the file name', () => {
    expect(badInput('gates: [unclosed').message).toMatch(/^window\.yaml: \(top level\): expected valid YAML/);
  });

  it('reports invalid JSON for .json files', () => {
    expect(badInput('{"checkInterval": }', 'w.json').message).toMatch(/^w\.json: \(top level\): expected valid JSON/);
  });
});

describe('lint', () => {
  it('flags the directive’s own overlap: 130 ms gates against the 120 ms trigger at 5% and 25%', () => {
    const lints = lintPolicy(DEFAULT_POLICY);
    expect(lints.map((l) => l.path)).toEqual(['phases[0].p95GateMs', 'phases[1].p95GateMs']);
    expect(lints[0]!.message).toContain('phase 1 (5%): the P95 gate 130 ms is looser than the rollback trigger 120 ms');
  });

  it('says the YELLOW is a critical journey’s, not overall P95’s', () => {
    expect(lintPolicy(DEFAULT_POLICY)[0]!.message).toContain('a critical journey between them passes the gate but rolls back after 10m; the screen shows that journey’s P95 gate YELLOW');
  });

  it('cites no trigger that does not exist: with no critical journey there is no P95 trigger to overlap', () => {
    const policy = toPolicy(parseConfig('w.yaml', 'journeys: [{ name: checkout, critical: false }]'));
    expect(lintPolicy(policy)).toEqual([]);
  });

  it('is silent when the trigger matches every gate', () => {
    const policy = toPolicy(parseConfig('w.yaml', 'triggers: { latencyP95: { thresholdMs: 130 } }'));
    expect(lintPolicy(policy)).toEqual([]);
  });
});
