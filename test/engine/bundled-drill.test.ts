import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { loadFixture } from '../../src/fixture/load-fixture.js';
import { bundledDrillPath } from '../../src/run/bundled-drill.js';
import { setupWindow } from '../../src/run/setup-window.js';

describe('the bundled drill on the virtual clock', () => {
  it('reaches 50% and rolls back at the minute the drill expects, with no sleeps', async () => {
    const fixture = await loadFixture(bundledDrillPath());
    const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'drill-')), operator: 'test' }, {}, 0);
    const engine = new Engine(setup);
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.start();
    const outcome = await engine.run(new AbortController().signal);
    expect(outcome).toBe(fixture.expect!.outcome);
    const rollback = events.find((e) => e.type === 'action' && e.action === 'rollback');
    const minute = (Date.parse(rollback!.at) - Date.parse(fixture.start)) / 60_000;
    expect(minute).toBe(fixture.expect!.atMinute);
    expect(rollback).toMatchObject({ fromWeight: fixture.expect!.phaseWeight, toWeight: 0, ok: true });
    expect(events.find((e) => e.type === 'trigger' && e.state === 'fired')).toMatchObject({ id: fixture.expect!.trigger });
    // Only the checkout trigger ever fired; the search blip re-armed.
    expect(events.filter((e) => e.type === 'trigger' && e.state === 'fired')).toHaveLength(1);
  });

  it('starts at T-2h and walks the release: PREPARING, PRE-FLIGHT NO-GO until SEO signs, READY at T-0, open, rollback', async () => {
    const fixture = await loadFixture(bundledDrillPath());
    const t0 = Date.parse((fixture.config as { window: { start: string } }).window.start);
    expect(t0 - Date.parse(fixture.start)).toBe(2 * 3_600_000);
    const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'drill-')), operator: 'test' }, {}, 0);
    const engine = new Engine(setup);
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.start();
    await engine.run(new AbortController().signal);
    const minuteOf = (at: string) => (Date.parse(at) - Date.parse(fixture.start)) / 60_000;
    const stages = events.flatMap((e) => (e.type === 'lifecycle' ? [[e.stage, minuteOf(e.at)]] : []));
    expect(stages.slice(0, 4)).toEqual([['PREPARING', 0], ['PRE-FLIGHT', 60], ['READY', 120], ['RUNNING', 120]]);
    expect(stages.at(-1)).toEqual(['ROLLED BACK', 295]);
    // GO arrives only with the last signature (SEO, ten minutes after T-1h); nothing opens before T-0.
    const go = events.find((e) => e.type === 'preflight' && e.go);
    expect(minuteOf(go!.at)).toBe(70);
    const open = events.find((e) => e.type === 'action' && e.action === 'open');
    expect(open).toMatchObject({ ok: true, toWeight: 5 });
    expect(minuteOf(open!.at)).toBe(120);
  });
});
