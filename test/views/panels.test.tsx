import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { AnomaliesPanel } from '../../views/AnomaliesPanel.js';
import { EventLog } from '../../views/EventLog.js';
import { Footer } from '../../views/Footer.js';
import { GatesPanel } from '../../views/GatesPanel.js';
import { Header } from '../../views/Header.js';
import { HelpOverlay } from '../../views/HelpOverlay.js';
import { activeKeys } from '../../views/keys.js';
import { LatencyPanel } from '../../views/LatencyPanel.js';
import { TriggersPanel } from '../../views/TriggersPanel.js';
import { INITIAL_UI } from '../../views/ui-state.js';
import { lineWith, plain } from './helpers.js';
import { wideFrameOf } from './render-sized.js';
import { sampleModel } from './sample-model.js';

afterEach(() => cleanup());

const frameOf = (tree: React.ReactElement) => plain(render(tree).lastFrame());
const REPLAY = { speed: 60, paused: false, rushing: false };


describe('Header', () => {
  it('shows release, mode, clock, phase, progress, status, recommendation and report countdown', () => {
    const f = frameOf(<Header header={sampleModel('healthy').header} />);
    expect(f).toContain('checkout-api v20250114.1 (3f9c2ab) · us-west-2');
    expect(f).toContain(' REHEARSAL ×60 ');
    expect(f).toContain('14:32:05 UTC');
    expect(f).toContain('Phase 2/4 · 25% · running');
    // 45 of 60 minutes: 15 of 20 cells.
    expect(f).toContain('[███████████████░░░░░] 45m of 1h00m in phase');
    expect(f).toContain('✔ GREEN');
    expect(f).toContain('GO — all gates GREEN, no trigger breaching');
    expect(f).toContain('next report in 12m · adapter: haproxy 127.0.0.1:9999 backend web');
  });

  it.each([
    ['breaching', '▲ YELLOW', 'HOLD — trigger breaching: P95 checkout'],
    ['rolled-back', '✖ RED', 'ROLLBACK — window rolled back'],
    ['stale', '? UNKNOWN', 'HOLD — no usable data: 5xx rate, Payments E2E'],
  ] as const)('prints the %s status as symbol and word', (variant, status, recommendation) => {
    const f = frameOf(<Header header={sampleModel(variant).header} />);
    expect(lineWith(f, recommendation)).toContain(status);
  });

  it('shows the rolled-back window at 0%', () => {
    expect(frameOf(<Header header={sampleModel('rolled-back').header} />)).toContain('Phase 3/4 · 0% · rolled-back');
  });

  it('caps the progress bar when the phase has run past its minimum', () => {
    const header = { ...sampleModel().header, progress: { elapsedMs: 3 * 3_600_000, requiredMs: 3_600_000 } };
    expect(frameOf(<Header header={header} />)).toContain('[████████████████████] 3h00m of 1h00m');
  });
});

describe('LatencyPanel', () => {
  it('prints canary/control for P50, P95 with its status, and P99, under the phase gate', () => {
    const f = frameOf(<LatencyPanel latency={sampleModel('healthy').latency} />);
    expect(f).toContain('P95 gate ≤ 130 ms');
    expect(lineWith(f, 'checkout')).toMatch(/checkout\s+72\/70 ✔\s+112\/108\s+201\/195/);
  });

  it('marks a non-critical journey "(not gated)" and gives it no status symbol', () => {
    const row = lineWith(frameOf(<LatencyPanel latency={sampleModel('healthy').latency} />), 'organic-landing');
    expect(row).toContain('(not gated)');
    expect(row).not.toMatch(/[✔▲✖?]/);
  });

  it('shows a breaching journey YELLOW and a fired one RED', () => {
    expect(lineWith(frameOf(<LatencyPanel latency={sampleModel('breaching').latency} />), 'checkout')).toMatch(/80\/70 ▲\s+125\/108/);
    expect(lineWith(frameOf(<LatencyPanel latency={sampleModel('rolled-back').latency} />), 'checkout')).toMatch(/95\/70 ✖\s+133\/108/);
  });
});

describe('GatesPanel', () => {
  it('prints one row per gate: symbol, label, value and limit', () => {
    const f = frameOf(<GatesPanel gates={sampleModel('healthy').gates} />);
    expect(f).toContain('12/12 GREEN');
    expect(lineWith(f, 'Payments E2E')).toMatch(/✔ Payments E2E\s+99\.82% ≥ limit 99\.5%$/);
    expect(lineWith(f, 'AI markup')).toMatch(/✔ AI markup\s+4\.61x ≥ limit 4x$/);
  });

  it('shows UNKNOWN as "?" with a dash and why the data is missing, never as a pass', () => {
    const row = lineWith(frameOf(<GatesPanel gates={sampleModel('stale').gates} />), '5xx rate');
    expect(row).toMatch(/\? 5xx rate\s+— limit 0\.5%\s+stale \(4m old\)/);
    expect(row).not.toContain('✔');
  });

  it('shows what a YELLOW gate adds beyond its value', () => {
    const row = lineWith(frameOf(<GatesPanel gates={sampleModel('breaching').gates} />), 'P95 checkout');
    expect(row).toMatch(/▲ P95 checkout\s+125 ms ≤ limit 130 ms but > 120 ms rollback trigger$/);
  });
});

describe('TriggersPanel', () => {
  it('counts down a breaching trigger: bar, checks and time left', () => {
    const f = wideFrameOf(<TriggersPanel triggers={sampleModel('breaching').triggers} />);
    expect(f).toContain('0 fired · 1 breaching · 10 armed');
    // 4m10s of 10m: 4 of 10 cells.
    expect(lineWith(f, 'P95 checkout')).toMatch(/^▲ P95 checkout\s+fires > 120 ms for 10m · now 125 ms\s+\[████░░░░░░\] 1\/2 checks fires in 5m50s/);
    expect(lineWith(f, 'Cache hit')).toMatch(/^· Cache hit\s+fires < 85% for 10m\s+· now 91\.4%\s+\[░{10}\] 0\/1 checks armed/);
  });

  it('stops counting checks at the number needed', () => {
    const triggers = sampleModel('breaching', (m) => (m.triggers[0]!.checks = 10)).triggers;
    expect(lineWith(wideFrameOf(<TriggersPanel triggers={triggers} />), 'P95 checkout')).toContain('] 2/2 checks fires in 5m50s');
  });

  it('shows a fired trigger with a full bar and when it fired', () => {
    const row = lineWith(wideFrameOf(<TriggersPanel triggers={sampleModel('rolled-back').triggers} />), 'P95 checkout');
    expect(row).toMatch(/^✖ P95 checkout\s+fires > 120 ms for 10m · now 133 ms\s+\[█{10}\].*FIRED 14:31/);
  });

  it('says why a trigger has no value', () => {
    expect(lineWith(wideFrameOf(<TriggersPanel triggers={sampleModel('stale').triggers} />), '5xx rate')).toMatch(/fires > 0\.5% for 5m\s+· now —\s.*stale \(4m old\)/);
  });
});

describe('AnomaliesPanel and EventLog', () => {
  it('lists only the top three anomalies', () => {
    const f = frameOf(<AnomaliesPanel anomalies={['one', 'two', 'three', 'four']} />);
    expect(f).toContain('1. one');
    expect(f).toContain('3. three');
    expect(f).not.toContain('four');
  });

  it('says so when there is no anomaly', () => {
    expect(frameOf(<AnomaliesPanel anomalies={[]} />)).toContain('none above noise');
    expect(frameOf(<AnomaliesPanel anomalies={[]} none="no data: nothing to compare yet" />)).toContain('no data: nothing to compare yet');
  });

  it('shows the newest events last, marked by tone', () => {
    const f = frameOf(<EventLog events={sampleModel('rolled-back').events} max={2} />);
    expect(f).not.toContain('status report ready');
    expect(f).toContain('14:31 ✖ trigger p95:checkout fired');
    expect(f.trimEnd().split('\n').at(-1)).toContain('14:31 rollback 50%→0% by canary-tui (auto): OK');
  });
});

describe('Footer and HelpOverlay', () => {
  it('lists only the active keys and marks the dangerous one', () => {
    const f = frameOf(<Footer keys={activeKeys(sampleModel('healthy'), INITIAL_UI)} width={120} />);
    expect(f).toMatch(/a\s+advance\s+h\s+hold\s+r\s+rollback \(!\)\s+c\s+copy report\s+\?\s+help\s+q\s+quit/);
    expect(frameOf(<Footer keys={activeKeys(sampleModel('rolled-back'), INITIAL_UI)} width={120} />)).not.toMatch(/advance|hold|rollback/);
  });

  it('in a drill at 80 columns the replay keys get their own line instead of being cut off; wide, one line', () => {
    const m = sampleModel('healthy');
    m.actions.replay = REPLAY;
    const keys = activeKeys(m, INITIAL_UI);
    const narrow = frameOf(<Footer keys={keys} width={80} />).trimEnd().split('\n');
    expect(narrow).toHaveLength(2);
    expect(narrow[0]).toMatch(/q\s+quit$/);
    expect(narrow[1]!.trim()).toMatch(/^space\s+pause\s+\+\s+faster\s+-\s+slower\s+]\s+next event$/);
    expect(frameOf(<Footer keys={keys} width={160} />).trimEnd().split('\n')).toHaveLength(1);
  });

  it('lists every key, says which is dangerous and which cannot be used now, with the symbol legend', () => {
    const f = frameOf(<HelpOverlay model={sampleModel('rolled-back')} />);
    for (const label of ['override…', 'hold', 'rollback', 'copy report', 'help', 'quit']) expect(f).toContain(label);
    expect(lineWith(f, 'rollback')).toContain('(!) dangerous');
    expect(lineWith(f, 'rollback')).toContain('(window is decided)');
    expect(lineWith(f, 'copy report')).not.toContain('(window is decided)');
    expect(f).toContain('✔ GREEN   ▲ YELLOW   ✖ RED   ? UNKNOWN');
    expect(f).toContain('· armed   ▲ breaching   ✖ fired');
  });
});
