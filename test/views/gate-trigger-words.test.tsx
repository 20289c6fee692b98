/**
 * What the gate and trigger rows say, from the real rules through the view
 * model to the printed row: every row reads as a true statement. A gate row
 * compares value and limit once ("140.6 ms > limit 120 ms"); a trigger row is
 * a condition and the value now ("fires > 120 ms for 10m · now 100.6 ms");
 * a funnel's delta has one sign on every panel.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { initialWindow } from '../../rules/phases.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { parseConfig } from '../../src/config/load-config.js';
import { toPolicy } from '../../src/config/to-policy.js';
import { GatesPanel } from '../../views/GatesPanel.js';
import { gateCell, triggerCell } from '../../views/grid-cells.js';
import { TriggersPanel } from '../../views/TriggersPanel.js';
import { modelOf, PHASE_START } from './build-input.js';
import { lineWith, plain } from './helpers.js';
import { wideFrameOf } from './render-sized.js';

afterEach(() => cleanup());

const frameOf = (tree: React.ReactElement) => plain(render(tree).lastFrame());
const gatesFrame = (m = modelOf(), width?: number) => frameOf(<GatesPanel gates={m.gates} width={width} />);
const checkoutAt = (ms: number) => modelOf({ values: { latency_p95: [ms, 101] } });

describe('gate rows compare value and limit once', () => {
  it('a RED gate reads "140.6 ms > limit 120 ms", not "limit 120 ms > 120 ms"', () => {
    const m = modelOf({ values: { latency_p95: [140.6, 101] }, state: { ...initialWindow(DEFAULT_POLICY, PHASE_START), phaseIndex: 2, weight: 50 } });
    const row = lineWith(gatesFrame(m), 'P95 overall');
    expect(row).toMatch(/^✖ P95 overall\s+140\.6 ms > limit 120 ms\s*$/);
  });

  it('a GREEN gate reads "≤ limit …", "≥ limit …" or "within limit ±…"', () => {
    const f = gatesFrame();
    expect(lineWith(f, 'P95 overall')).toMatch(/^✔ P95 overall\s+104 ms ≤ limit 130 ms\s*$/);
    expect(lineWith(f, 'Payments E2E')).toMatch(/^✔ Payments E2E\s+99\.82% ≥ limit 99\.5%\s*$/);
    expect(lineWith(f, 'Cost/user vs control')).toMatch(/^✔ Cost\/user vs control\s+\+1\.2% within limit ±5%\s*$/);
  });

  it('a YELLOW journey adds only what its reason says beyond the comparison', () => {
    expect(lineWith(gatesFrame(checkoutAt(125)), 'P95 checkout')).toMatch(/^▲ P95 checkout\s+125 ms ≤ limit 130 ms\s+but > 120 ms rollback trigger$/);
  });

  it('a GREEN gate in a team’s warn band says "near limit" on its row and stays ✔', () => {
    const policy = toPolicy(parseConfig('w.yaml', 'gates: { dbSaturationMax: { threshold: 80%, warn: 70% } }'));
    const m = modelOf({ policy, values: { db_pool_saturation: [0.75, 0.5] } });
    expect(lineWith(gatesFrame(m), 'DB pool saturation')).toMatch(/^✔ DB pool saturation\s+75% ≤ limit 80%\s+near limit \(> 70% warning band\)$/);
    const cell = gateCell(m.gates.find((g) => g.id === 'infra:db')!, { label: 20, value: 6 }, 50);
    expect(cell.tail).toBe('near limit');
  });

  it('an UNKNOWN gate keeps its limit and says why', () => {
    const m = modelOf({ values: { payments_e2e_success: [Number.NaN, 0.998] } });
    expect(lineWith(gatesFrame(m), 'Payments E2E')).toMatch(/^\? Payments E2E\s+— limit 99\.5%\s+payments_e2e_success canary is NaN$/);
  });
});

describe('trigger rows read as conditions', () => {
  it('an armed trigger: "fires > 120 ms for 10m · now 100.6 ms"', () => {
    const m = modelOf({ values: { latency_p95: [100.6, 101] } });
    expect(lineWith(wideFrameOf(<TriggersPanel triggers={m.triggers} />), 'P95 checkout')).toMatch(/^· P95 checkout\s+fires > 120 ms for 10m\s+· now 100\.6 ms\s+\[░{10}\] 0\/2 checks armed$/);
  });

  it('a zero window has no "for 0s"', () => {
    expect(lineWith(wideFrameOf(<TriggersPanel triggers={modelOf().triggers} />), 'Error budget burn')).toMatch(/Error budget burn\s+fires > 5%\s+· now 1\.1%/);
  });

  it('a compact cell keeps the condition whole, dropping the window before the comparison', () => {
    const t = modelOf().triggers.find((x) => x.id === 'p95:search')!;
    expect(triggerCell(t, { label: 22, value: 6 }, 70).tail).toBe('fires > 120 ms for 10m');
    expect(triggerCell(t, { label: 22, value: 6 }, 50).tail).toBe('fires > 120 ms');
    expect(triggerCell(t, { label: 22, value: 6 }, 50).head).toMatch(/^P95 search\s+now 104 ms$/);
  });
});

describe('one sign convention for deltas: canary minus control, over control', () => {
  it('a B2C funnel 0.7% below control is -0.7% on the gate and on the funnels panel', () => {
    const m = modelOf({ values: { funnel_b2c_conversion: [0.03178, 0.032] } });
    const gate = m.gates.find((g) => g.id === 'funnel:b2c')!;
    expect([gate.value, m.funnels.b2c.delta]).toEqual(['-0.7%', '-0.7%']);
    expect(gate.reason).toBe('B2C funnel Δ -0.7% ≥ limit -5%');
    expect(m.funnels.b2c.limit).toBe('≥ -5%');
  });

  it('a funnel past the limit reads "< limit -5%" on both panels', () => {
    const m = modelOf({ values: { funnel_b2b_conversion: [0.0094, 0.01] } });
    expect(m.gates.find((g) => g.id === 'funnel:b2b')!.reason).toBe('B2B funnel Δ -6% < limit -5%');
    expect([m.funnels.b2b.delta, m.funnels.b2b.note]).toEqual(['-6%', '< limit -5%']);
  });
});
