/**
 * The drill library: every fixture shipped in fixtures/ is listed with its
 * description and replayed headless to the decision its `expect` records,
 * which is the directive's: the trigger that must fire, at which minute
 * (±1), at which weight; or no rollback at all. The no-data drills also show
 * that missing data is UNKNOWN and never fires a trigger.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../src/run/headless.js';
import { expectedText, listDrills, resolveDrill } from '../../src/run/drill-library.js';
import { setupWindow } from '../../src/run/setup-window.js';

const drills = await listDrills();

async function replay(path: string) {
  const setup = await setupWindow({ fixture: path, headless: true, auditDir: mkdtempSync(join(tmpdir(), 'canary-drill-')), operator: 'drill-test' }, {}, Date.parse('2026-12-02T00:00:00Z'));
  const lines: Array<Record<string, any>> = [];
  const outcome = await runHeadless(setup, { write: (l) => lines.push(JSON.parse(l)) }, new AbortController().signal);
  const start = Date.parse(setup.policy && lines.find((l) => l.type === 'check')!.at);
  return { outcome, lines, minute: (at: string) => (Date.parse(at) - start) / 60_000 };
}

describe('the drill library', { timeout: 60_000 }, () => {
  it('ships the bundled drill and thirteen more, each with a description and an expected decision', () => {
    expect(drills.map((d) => d.name)).toEqual([
      'drill-cache-db', 'drill-checkout-p95', 'drill-control-gap', 'drill-cost-4pct', 'drill-cost-markup', 'drill-errors-3m',
      'drill-errors-5m', 'drill-healthy-promotion', 'drill-margin-3pct', 'drill-p95-one-check-spike', 'drill-p95-one-journey', 'drill-payments-refunds', 'drill-prometheus-outage', 'drill-whole-release',
    ]);
    for (const d of drills) {
      expect(d.description.length).toBeGreaterThan(40);
      expect(d.expect).toBeDefined();
    }
    expect(expectedText(drills.find((d) => d.name === 'drill-errors-5m')!.expect, 60)).toBe('rolls back at minute 25 (errors:5xx, at 5%)');
    expect(resolveDrill('drill-errors-5m')).toBe(drills.find((d) => d.name === 'drill-errors-5m')!.path);
    expect(resolveDrill('./mine.json')).toBe('./mine.json');
  });

  // A promotion needs an IC at the keys (leaving 50% takes a gate review): healthy-promotion.test.ts plays one.
  it.each(drills.filter((d) => d.expect?.outcome !== 'promoted').map((d) => [d.name, d] as const))('%s replays to its expected decision', async (_name, d) => {
    const { outcome, lines, minute } = await replay(d.path);
    const e = d.expect!;
    expect(outcome).toBe(e.outcome);
    // The drill's score, its last line, agrees (drill-score.ts).
    expect(lines.at(-1)).toMatchObject({ type: 'score', outcome: e.outcome, asExpected: true });
    const rollback = lines.find((l) => l.type === 'action' && l.action === 'rollback');
    if (e.outcome === 'rolled-back') {
      const fired = lines.find((l) => l.type === 'trigger' && l.state === 'fired')!;
      expect(fired.id).toBe(e.trigger);
      expect(Math.abs(minute(rollback!.at) - e.atMinute!)).toBeLessThanOrEqual(1);
      expect(rollback).toMatchObject({ ok: true, fromWeight: e.phaseWeight, toWeight: 0 });
    } else {
      expect(rollback).toBeUndefined();
      expect(lines.filter((l) => l.type === 'check').at(-1)!.weight).toBe(e.phaseWeight);
    }
    const reports = lines.filter((l) => l.type === 'report');
    const tagged = reports.filter((r) => /tagged: .*margin/.test(r.text));
    if (e.ceoTagged) {
      expect(reports.length).toBeGreaterThan(0);
      expect(tagged).toEqual(reports.filter((r) => minute(r.at) > 10));
      expect(tagged.length).toBeGreaterThan(0);
    } else expect(tagged).toEqual([]);
  });

  it('the outage drill: UNKNOWN while the data is gone, held after 5 minutes, no trigger fired', async () => {
    const { lines, minute } = await replay(resolveDrill('drill-prometheus-outage'));
    const dark = lines.filter((l) => l.type === 'check' && minute(l.at) >= 23 && minute(l.at) < 35);
    expect(dark.length).toBeGreaterThan(0);
    expect(dark.every((c) => Object.values(c.gates).every((s) => s === 'UNKNOWN'))).toBe(true);
    const hold = lines.find((l) => l.type === 'action' && l.action === 'hold')!;
    expect(minute(hold.at)).toBeGreaterThanOrEqual(24);
    expect(lines.some((l) => l.type === 'trigger' && l.state === 'fired')).toBe(false);
  });

  it('the control gap: every comparison with control UNKNOWN while it lasts, never GREEN', async () => {
    const { lines, minute } = await replay(resolveDrill('drill-control-gap'));
    const gap = lines.filter((l) => l.type === 'check' && minute(l.at) >= 24 && minute(l.at) < 40);
    expect(gap.length).toBeGreaterThan(0);
    for (const id of ['econ:cost-per-user', 'funnel:b2c', 'funnel:b2b']) expect(gap.every((c) => c.gates[id] === 'UNKNOWN')).toBe(true);
  });
});
