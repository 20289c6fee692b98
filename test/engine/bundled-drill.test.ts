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
});
