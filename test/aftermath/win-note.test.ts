/**
 * At GA, not when the process ends: drill-whole-release promotes after two
 * hours stable at 100% and stays up through its 24-hour freeze, and the win
 * note and the 7-day cohort review are in the window's folder the check it
 * is promoted, prefilled with the window's deltas and marked for people.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GA_MINUTE } from '../../scripts/whole-release-drill.js';
import type { VirtualClock } from '../../src/clock/virtual-clock.js';
import { closeWindow } from '../../src/aftermath/close-window.js';
import { createEngine } from '../../src/run/create-engine.js';
import { resolveDrill } from '../../src/run/drill-library.js';
import { setupWindow } from '../../src/run/setup-window.js';

describe('the win note and the cohort review', { timeout: 60_000 }, () => {
  it('are written the check the window is promoted, with the deltas, the owners and what people fill in', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-win-'));
    const setup = await setupWindow({ fixture: resolveDrill('drill-whole-release'), headless: true, auditDir, operator: 'Ana Ruiz' }, {}, Date.parse('2026-12-02T00:00:00Z'));
    const clock = setup.clock as VirtualClock;
    const engine = createEngine(setup);
    await engine.start();
    const folder = join(auditDir, `${setup.windowId}-reports`);
    let writtenAt: number | null = null;
    for (let m = 0; m <= GA_MINUTE + 1; m++) {
      await engine.check();
      const s = engine.state;
      if (s.status === 'running' && s.weight === 50 && engine.decisions!.at > s.phaseStartedAt && engine.decisions!.advanceBlockers.length === 0) {
        await engine.actions.advance('Ana Ruiz', { approvedBy: 'Gil Hart (CEO)' });
      }
      if (writtenAt === null && existsSync(join(folder, 'WIN_NOTE.md'))) writtenAt = m;
      clock.advance(60_000);
    }
    expect(engine.state.status).toBe('promoted');
    expect(writtenAt).toBe(GA_MINUTE);
    const note = readFileSync(join(folder, 'WIN_NOTE.md'), 'utf8');
    expect(note).toMatch(/^# Win note: web-app v20261120\.1 \(`4f9c2ab`\) · us-west-2 · REHEARSAL\n/);
    expect(note).toMatch(/GA at 2026-11-20 \d\d:\d\d UTC, after 2h00m stable at 100%\. Window .*: 5% at 06:10 → 25% at 07:40 → 50% at 08:40 → 100% at 10:10/);
    expect(note).toContain('## KPI deltas at GA (canary against control)');
    expect(note).toMatch(/\| P95 checkout \| [\d.]+ ms \| [\d.]+ ms \| [+-][\d.]+% \|/);
    expect(note).toMatch(/\| cost per user \| \$0\.\d+ \| \$0\.\d+ \| [+-][\d.]+% \|/);
    expect(note).toContain('## Anomalies met and resolved');
    expect(note).toContain('- ✎ TO FILL IN: what went well');

    const review = readFileSync(join(folder, 'ENHANCED_GATE_REPORT.md'), 'utf8');
    expect(review).toMatch(/^# ENHANCED_GATE_REPORT · 7-day cohort review: web-app/);
    expect(review).toMatch(/Opened at GA, 2026-11-20 (\d\d:\d\d) UTC; the review is due 2026-11-27 \1 UTC\./);
    expect(review).toContain('Owners: B2C Cy Diaz (<@U03CY>), B2B Di Egan (<@U04DI>), data Fay Gul (<@U06FAY>).');
    for (const section of ['B2C funnel', 'B2B funnel', 'ARPU', 'Conversion', 'Provider activation', 'Unit economics']) expect(review).toContain(`## ${section}\n`);
    expect(review).toMatch(/\| conversion \| [\d.]+% vs [\d.]+% \(Δ [+-][\d.]+%\) \| ✎ TO FILL IN \| ✎ TO FILL IN \|/);
    expect(review).toContain('| ARPU, B2C | not measured by canary-tui | ✎ TO FILL IN | ✎ TO FILL IN |');
    expect(review).toMatch(/\| margin \| [\d.]+% vs [\d.]+% \(Δ [+-][\d.]+%\) \|/);

    // Quitting in the freeze ends a promoted window: the archive holds both files.
    const left = closeWindow(setup, engine, 'promoted', Date.parse('2026-12-02T00:00:00Z'));
    expect(left).toMatchObject({ files: [join(folder, 'WIN_NOTE.md'), join(folder, 'ENHANCED_GATE_REPORT.md')], archive: join(auditDir, `${setup.windowId}.tar.gz`), problem: null });
  });
});
