/**
 * The whole release in one drill on the virtual clock (drill-whole-release):
 * T-2h10m → PREPARING → PRE-FLIGHT at T-1h (NO-GO until the last signature)
 * → READY at T-0, opened by itself once GO → the phases → the gate review at
 * 50% (the IC records the CEO's approval) → two hours STABLE AT 100% → GA,
 * POST-SUCCESS until the checklist is signed → the 24-hour FREEZE → its end.
 * The audit holds every step.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../src/clock/virtual-clock.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { createEngine } from '../../src/run/create-engine.js';
import { resolveDrill } from '../../src/run/drill-library.js';
import { setupWindow } from '../../src/run/setup-window.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { GA_MINUTE, T0_MINUTE } from '../../scripts/whole-release-drill.js';

describe('drill-whole-release', { timeout: 60_000 }, () => {
  it('walks T-2h to the end of the freeze, every step on the record', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-whole-release-'));
    const setup = await setupWindow({ fixture: resolveDrill('drill-whole-release'), headless: true, auditDir, operator: 'Ana Ruiz' }, {}, Date.parse('2026-12-02T00:00:00Z'));
    expect(setup.open).toBe('when-ready');
    const clock = setup.clock as VirtualClock;
    const start = clock.now();
    const minute = (at: string) => (Date.parse(at) - start) / 60_000;
    const engine = createEngine(setup);
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.start();
    let review: string | null = null;
    for (let m = 0; m <= GA_MINUTE + 24 * 60 + 2; m++) {
      await engine.check();
      // The IC at the 50% gate review: the CEO joins and approves as soon as every gate is GREEN and the time is served.
      const s = engine.state;
      if (s.status === 'running' && s.weight === 50 && engine.decisions!.at > s.phaseStartedAt && engine.decisions!.advanceBlockers.length === 0 && !review) {
        const r = await engine.actions.advance('Ana Ruiz', { approvedBy: 'Gil Hart (CEO)' });
        expect(r, `minute ${m}`).toMatchObject({ ok: true });
        review = `${m}`;
      }
      clock.advance(60_000);
    }
    const stages = events.filter((e): e is Extract<EngineEvent, { type: 'lifecycle' }> => e.type === 'lifecycle').map((e) => `${minute(e.at)} ${e.stage}`);
    expect(stages).toEqual([
      '0 PREPARING', `${T0_MINUTE - 60} PRE-FLIGHT`, `${T0_MINUTE} READY`, `${T0_MINUTE} RUNNING`,
      `${T0_MINUTE + 241} STABLE AT 100%`, `${GA_MINUTE} POST-SUCCESS`, `${GA_MINUTE + 45} FREEZE`, `${GA_MINUTE + 24 * 60} FREEZE OVER`,
    ]);
    const verdicts = events.filter((e): e is Extract<EngineEvent, { type: 'preflight' }> => e.type === 'preflight');
    // Every item GREEN at minute 85; what is left is T-0 itself.
    expect(verdicts.find((v) => v.go)).toMatchObject({ blockers: ['T-0 is 06:10 UTC, in 45m'] });
    expect(minute(verdicts.find((v) => v.go)!.at)).toBe(85);
    const opened = events.find((e) => e.type === 'action' && e.action === 'open')!;
    expect(minute(opened.at)).toBe(T0_MINUTE);
    const phases = events.filter((e) => e.type === 'action' && e.action === 'advance' && e.ok).map((e) => `${minute(e.at)} ${(e as { toWeight: number }).toWeight}`);
    expect(phases).toEqual([`${T0_MINUTE + 90} 25`, `${T0_MINUTE + 150} 50`, `${T0_MINUTE + 240} 100`, `${GA_MINUTE} 100`]);
    expect(review).toBe(`${T0_MINUTE + 240}`);
    expect(engine.state).toMatchObject({ status: 'promoted', promotedAt: start + GA_MINUTE * 60_000 });
    const audit = readFileSync(setup.audit.path!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((r) => r.type === 'lifecycle' && r.stage).map((r) => r.stage)).toEqual(['PREPARING', 'PRE-FLIGHT', 'READY', 'RUNNING', 'STABLE AT 100%', 'POST-SUCCESS', 'FREEZE', 'FREEZE OVER']);
    expect(audit.find((r) => r.type === 'action' && r.action === 'advance' && r.toWeight === 100).reason).toContain('gate review approved by Gil Hart (CEO) (the CEO joined)');
  });
});

describe('a release is a drill of its own', () => {
  it('a team config with a roster layered over an ordinary drill leaves it an ordinary drill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-layered-'));
    const config = join(dir, 'team.yaml');
    writeFileSync(config, 'roster:\n  incidentCommander: { name: Ana Ruiz, contact: "<@U01ANA>" }\nwindow: { start: 2030-01-01T00:00:00Z }\n');
    const setup = await setupWindow({ fixture: resolveDrill('drill-errors-5m'), config, headless: true, auditDir: dir }, {}, Date.parse('2026-12-02T00:00:00Z'));
    expect(setup.preflight).toBeUndefined();
    expect(setup.open).toBe('at-start');
  });
});
