/**
 * Issue 8, observation 8: with no data at all the screen and the report said
 * "none: canary tracks control", "margin near control: no CEO tag",
 * "Triggers all armed, none breaching", and an UNKNOWN report tagged nobody.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.js';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { buildReport } from '../../src/report/slack-report.js';
import { META, modelOf as model, NOW, PHASE_START } from '../views/build-input.js';

const EMPTY = { latest: new Map() };
const state = initialWindow(DEFAULT_POLICY, PHASE_START);

describe('no data, no words of comfort', () => {
  const decisions = evaluate(DEFAULT_POLICY, EMPTY, state, NOW);
  const report = buildReport({ meta: META, policy: DEFAULT_POLICY, state, decisions, snapshot: EMPTY, now: NOW });

  it('the report says there is no data instead of reassuring', () => {
    expect(report).toContain('no data: nothing to compare yet');
    expect(report).toContain('*Triggers* no data: none can breach or fire until data arrives');
    expect(report).not.toMatch(/canary tracks control|all armed, none breaching|none above noise/);
  });

  it('an UNKNOWN report tags the CEO and says why', () => {
    expect(decisions.status).toBe('UNKNOWN');
    expect(report).toContain('<@U0CEO> tagged: status UNKNOWN: no usable data on a gated KPI');
  });

  it('the screen says no data for anomalies and the margin', () => {
    const m = model({ snapshot: EMPTY });
    expect(m.anomalies).toEqual([]);
    expect(m.noAnomalies).toBe('no data: nothing to compare yet');
    expect(m.economics.ceoTag).toBeNull();
    expect(m.economics.marginNote).toBe('margin: no data, so no word on the CEO tag');
  });

  it('with data, the same lines say what the data says', () => {
    const m = model({});
    expect(m.noAnomalies).toBe('none above noise on the KPIs with data');
    expect(m.economics.marginNote).toBe('margin within ±3% of control: no CEO tag');
  });

  it('a journey label that holds an e-mail address or a long ID is masked in the report', () => {
    const policy = { ...DEFAULT_POLICY, journeys: [{ name: 'checkout-bob@example.com', critical: true }, { name: 'user-123456789012', critical: false }] };
    const text = buildReport({ meta: META, policy, state, decisions: evaluate(policy, EMPTY, state, NOW), snapshot: EMPTY, now: NOW });
    expect(text).toContain('[email]');
    expect(text).toContain('user-[id]');
    expect(text).not.toMatch(/bob@example\.com|123456789012/);
  });
});
