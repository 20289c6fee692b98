/**
 * The KPI panels from plain view models: values, symbols (so the screen
 * reads under NO_COLOR), the CEO flag, cap warnings, and the chart's box.
 */
import chalk from 'chalk';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EconomicsPanel } from '../../views/EconomicsPanel.js';
import { ErrorsPanel } from '../../views/ErrorsPanel.js';
import { FunnelsPanel } from '../../views/FunnelsPanel.js';
import { InfraPanel } from '../../views/InfraPanel.js';
import { LatencyChart } from '../../views/LatencyChart.js';
import { PaymentsPanel } from '../../views/PaymentsPanel.js';
import { lineWith, plain } from './helpers.js';
import { renderSized } from './render-sized.js';
import { sampleModel } from './sample-model.js';

/** Renders in a terminal exactly as wide as the panel, so any overflow would wrap and show. */
function frameOf(tree: React.ReactElement, width: number, rows = 40): string {
  const r = renderSized(tree, width, rows);
  const f = plain(r.lastFrame());
  r.unmount();
  return f;
}

const lines = (f: string) => f.split('\n');

describe('ErrorsPanel', () => {
  it('splits 5xx and client JS, canary/control against the gate, and the budget burn with its trigger', () => {
    const f = frameOf(<ErrorsPanel errors={sampleModel('healthy').errors} width={60} />, 60);
    expect(lines(f)[0]).toBe('Errors canary/control · burn: share of the daily budget');
    expect(lineWith(f, '5xx')).toMatch(/^✔ 5xx\s+0\.12%\/0\.1% ≤ 0\.5%$/);
    expect(lineWith(f, 'client JS')).toMatch(/^✔ client JS\s+0\.08%\/0\.07% ≤ 0\.5%$/);
    expect(lineWith(f, 'budget burn')).toMatch(/^· budget burn\s+1\.1%\/0\.9% fires > 5%$/);
  });

  it('shows stale data as "?" with why, never as a pass, and keeps the last good values', () => {
    const row = lineWith(frameOf(<ErrorsPanel errors={sampleModel('stale').errors} width={60} />, 60), '5xx');
    expect(row).toMatch(/^\? 5xx\s+0\.12%\/0\.1% ≤ 0\.5%\s+stale \(4m old\)$/);
  });

  it('greys the last good values and nothing else on the row', () => {
    // Ink colours through chalk, which sees no terminal here; basic ANSI is enough to see the dim.
    const level = chalk.level;
    chalk.level = 1;
    onTestFinished(() => {
      chalk.level = level;
    });
    const r = renderSized(<ErrorsPanel errors={sampleModel('stale').errors} width={60} />, 60, 40);
    const raw = r.lastFrame() ?? '';
    r.unmount();
    const line = raw.split('\n').find((l) => plain(l).includes('5xx'))!;
    // \x1b[2m is SGR dim: the pair is inside it, the label before it is not.
    expect(line).toMatch(/\x1b\[2m\s*0\.12%\/0\.1%/);
    expect(line).not.toMatch(/\x1b\[2m[^\x1b]*5xx/);
    const fresh = renderSized(<ErrorsPanel errors={sampleModel('healthy').errors} width={60} />, 60, 40);
    expect((fresh.lastFrame() ?? '').split('\n').find((l) => plain(l).includes('5xx'))).not.toMatch(/\x1b\[2m\s*0\.12%/);
    fresh.unmount();
  });

  it('drops the aside and the limit whole when narrow, and keeps canary/control', () => {
    const f = frameOf(<ErrorsPanel errors={sampleModel('healthy').errors} width={29} />, 29);
    expect(lines(f)[0]).toBe('Errors');
    expect(lineWith(f, '5xx')).toMatch(/^✔ 5xx\s+0\.12%\/0\.1%$/);
  });
});

describe('PaymentsPanel', () => {
  it('shows E2E against 99.5%, refund/void with its ratio, and each cap with its share', () => {
    const f = frameOf(<PaymentsPanel payments={sampleModel('healthy').payments} width={50} />, 50);
    expect(lineWith(f, 'E2E success')).toMatch(/^✔ E2E success\s+99\.82%\/99\.85%\s+≥ 99\.5%$/);
    expect(lineWith(f, 'refund/void')).toMatch(/^· refund\/void\s+0\.42%\/0\.4% 1\.05x fires > 2x$/);
    expect(lineWith(f, 'tx count')).toMatch(/^✔ tx count\s+37 of 100\s+37%$/);
    expect(lineWith(f, 'largest tx')).toMatch(/^▲ largest tx\s+\$18\.40 of \$20\s+92%$/);
    expect(lineWith(f, 'total')).toMatch(/^✔ total\s+\$412 of \$1,500\s+27%$/);
  });

  it('marks a cap nearing with ▲ and a cap reached with ✖', () => {
    const f = frameOf(<PaymentsPanel payments={sampleModel('breaching').payments} width={50} />, 50);
    expect(lineWith(f, 'tx count')).toMatch(/^▲ tx count\s+80 of 100\s+80%$/);
    expect(lineWith(f, 'largest tx')).toMatch(/^✖ largest tx\s+\$20 of \$20 100%$/);
    expect(lineWith(f, 'total')).toMatch(/^✔ total\s+\$1,190 of \$1,500\s+79%$/);
  });

  it('shows an unknown count as "?" and no share', () => {
    expect(lineWith(frameOf(<PaymentsPanel payments={sampleModel('stale').payments} width={50} />, 50), 'tx count')).toMatch(/^\? tx count\s+— of 100$/);
  });
});

describe('InfraPanel and FunnelsPanel', () => {
  it('shows cache hit and DB pool against their gates', () => {
    const f = frameOf(<InfraPanel infra={sampleModel('healthy').infra} width={40} />, 40);
    expect(lineWith(f, 'cache hit')).toMatch(/^✔ cache hit 91\.4%\/91% ≥ 85%$/);
    expect(lineWith(f, 'DB pool')).toMatch(/^✔ DB pool\s+52%\/50% ≤ 80%$/);
  });

  it('shows B2C and B2B conversion, canary/control, the change and its floor in the same sign', () => {
    const f = frameOf(<FunnelsPanel funnels={sampleModel('healthy').funnels} width={40} />, 40);
    expect(lineWith(f, 'B2C')).toMatch(/^✔ B2C 3\.19%\/3\.2% -0\.4% ≥ -5%$/);
    expect(lineWith(f, 'B2B')).toMatch(/^✔ B2B\s+1\.1%\/1\.1% \+0\.2% ≥ -5%$/);
  });
});

describe('EconomicsPanel', () => {
  it('shows cost per user with its Δ and gate, cost per request, margin and markup', () => {
    const f = frameOf(<EconomicsPanel economics={sampleModel('healthy').economics} width={60} />, 60);
    expect(lineWith(f, 'cost/user')).toMatch(/^✔ cost\/user\s+\$0\.412\/\$0\.407 \+1\.2%\s+±5%$/);
    expect(lineWith(f, 'cost/request')).toMatch(/^ {2}cost\/request \$0\.0021\/\$0\.0021 \+0\.5%$/);
    expect(lineWith(f, 'margin ')).toMatch(/^ {2}margin\s+41\.2%\/40\.8%\s+\+1% CEO at ±3%$/);
    expect(lineWith(f, 'AI markup')).toMatch(/^✔ AI markup\s+4\.61x\/4\.58x\s+≥ 4x$/);
    expect(f).toContain('no CEO tag');
  });

  it('flags "tag CEO" with ▲ when margin deviates past the policy', () => {
    const f = frameOf(<EconomicsPanel economics={sampleModel('breaching').economics} width={60} />, 60);
    expect(f).toContain('▲ tag CEO: margin deviates -3.2% from control (limit ±3%)');
    expect(f).not.toContain('no CEO tag');
  });
});

describe('LatencyChart', () => {
  it.each([30, 62, 119])('stays inside a %i-column box with its title and legend', (width) => {
    const chart = { canary: Array.from({ length: 700 }, (_, i) => 100 + (i % 30)), control: Array.from({ length: 700 }, () => 100), thresholdMs: 130 };
    const f = frameOf(<LatencyChart chart={chart} width={width} height={12} />, width);
    expect(lines(f).length).toBeLessThanOrEqual(12);
    for (const line of lines(f)) expect([...line].length).toBeLessThanOrEqual(width);
    expect(lines(f)[0]).toMatch(/^P95 this phase/);
  });

  it('names each line in the legend by its stroke, so it reads without colour', () => {
    const f = frameOf(<LatencyChart chart={sampleModel('breaching').chart} width={62} height={12} />, 62);
    expect(lines(f)[0]).toBe('P95 this phase  ─ canary  · control  ╌ gate 130 ms');
    // The gate is the top of the scale: a dashed line from the axis.
    expect(lines(f)[1]).toMatch(/^130[┤┼]╌+/);
  });

  it('says so when the phase has no P95 sample yet', () => {
    expect(frameOf(<LatencyChart chart={{ canary: [], control: [], thresholdMs: 130 }} width={62} height={12} />, 62)).toContain('no P95 samples in this phase yet');
  });
});
