/**
 * The 15-minute report, word for word, at fixed virtual times of the
 * bundled drill and two drills of the library: healthy; YELLOW with the CEO
 * tagged by a real Slack mention; a margin 3.5% under control; every gate
 * UNKNOWN; and a decided window, which counts nothing down. The texts live
 * in test/report/golden/ and change only on purpose: CANARY_GOLDEN=write
 * rewrites them, and the diff is reviewed like code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.js';
import { createEngine } from '../../src/run/create-engine.js';
import { resolveDrill } from '../../src/run/drill-library.js';
import { setupWindow } from '../../src/run/setup-window.js';

const GOLDEN = join(import.meta.dirname, 'golden');

async function reportsOf(drill?: string): Promise<Map<string, string>> {
  const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'golden-')), operator: 'golden', ...(drill ? { fixture: resolveDrill(drill) } : {}) }, {}, 0);
  const engine = createEngine(setup);
  const reports = new Map<string, string>();
  engine.on((e: EngineEvent) => { if (e.type === 'report') reports.set(e.at.slice(11, 16), e.text); });
  await engine.start();
  await engine.run(new AbortController().signal);
  return reports;
}

function golden(name: string, text: string | undefined): void {
  expect(text, `no report for ${name}`).toBeDefined();
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text!);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('golden reports', () => {
  it('the bundled drill: healthy at 04:15, YELLOW with the CEO mention at 04:30, decided at 06:55', async () => {
    const reports = await reportsOf();
    golden('bundled-0415-healthy', reports.get('04:15'));
    golden('bundled-0430-yellow', reports.get('04:30'));
    golden('bundled-0655-decided', reports.get('06:55'));
    expect(reports.get('04:15')).toMatch(/\*Recommendation: GO\*/);
    expect(reports.get('04:30')).toContain('\n<@U07GIL> tagged: status YELLOW\n');
    const decided = reports.get('06:55')!;
    expect(decided).not.toMatch(/fires in/);
    expect(decided).toContain('*Next report* none: the window is decided');
    for (const text of reports.values()) {
      expect(text.split('\n')[0]).toMatch(/· _REHEARSAL_$/);
      // The directive's three words only; a hold is NO-GO with its reason.
      expect(text).toMatch(/\n\*Recommendation: (GO|NO-GO|ROLLBACK)\* · /);
      expect(text).not.toMatch(/@ceo|HOLD\*/);
      expect(text.length).toBeLessThan(40_000);
    }
  });

  it('a margin 3.5% under control tags the CEO with the reason; no data is UNKNOWN, tagged, and never GO', async () => {
    const margin = await reportsOf('drill-margin-3pct');
    golden('margin-3pct-0415', margin.get('04:15'));
    expect(margin.get('04:15')).toMatch(/\n<@U07GIL> tagged: margin deviates -3\.\d% from control \(limit ±3%\)\n/);
    const outage = await reportsOf('drill-prometheus-outage');
    const during = [...outage.entries()].find(([, t]) => /status \*UNKNOWN\*/.test(t));
    expect(during, 'a report during the outage').toBeDefined();
    golden('outage-unknown', during![1]);
    expect(during![1]).toMatch(/<@U07GIL> tagged: status UNKNOWN/);
    expect(during![1]).toMatch(/\*Recommendation: NO-GO\* · held: no data for 5m/);
  });
});
