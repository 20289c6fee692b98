/**
 * The synthetic monitor keeps running through the window: its state is a
 * line of every report when the release configures one, and a failing
 * endpoint is an anomaly on screen.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { buildReport } from '../../src/report/slack-report.js';
import { buildViewModel } from '../../views/build-view-model.js';
import type { PreflightView } from '../../src/preflight/preflight-host.js';
import { META, NOW, PHASE_START } from '../views/build-input.js';

const EMPTY = { latest: new Map() };
const state = initialWindow(DEFAULT_POLICY, PHASE_START);
const decisions = evaluate(DEFAULT_POLICY, EMPTY, state, NOW);

describe('the synthetic monitor through the window', () => {
  it('is a line of the report, marked when failing, and absent when none is configured', () => {
    const base = { meta: META, policy: DEFAULT_POLICY, state, decisions, snapshot: EMPTY, now: NOW };
    expect(buildReport({ ...base, monitor: { ok: false, detail: '1/3 failing: api 503 Service Unavailable' } })).toContain('\n*Synthetic monitor* ✖ 1/3 failing: api 503 Service Unavailable\n');
    expect(buildReport({ ...base, monitor: { ok: true, detail: '3/3 passing, slowest 41 ms' } })).toContain('\n*Synthetic monitor* 3/3 passing, slowest 41 ms\n');
    expect(buildReport(base)).not.toContain('Synthetic monitor');
  });

  it('a failing endpoint is the first anomaly on screen', () => {
    const preflight = { monitor: [{ name: 'api', url: 'http://127.0.0.1:1/', ok: false, at: NOW, latencyMs: 3, result: '503 Service Unavailable', lastFailure: null }] } as unknown as PreflightView;
    const m = buildViewModel({ meta: META, policy: DEFAULT_POLICY, state, decisions, snapshot: EMPTY, events: [], adapter: 'dry-run', flash: null, now: NOW, preflight });
    expect(m.anomalies[0]).toBe('synthetic monitor: api 503 Service Unavailable');
  });
});
