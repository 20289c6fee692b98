/**
 * Issue 8, observations 2, 6 and 11: a live window moved traffic the moment
 * it started, an override advanced a window with no data at all, and a
 * resume whose read-back disagreed still showed the saved weight and GO.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type OpenPolicy } from '../../src/engine/engine.js';
import { WindowFile } from '../../src/engine/window-file.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { buildViewModel } from '../../views/build-view-model.js';
import { ControllableAdapter } from './controllable-adapter.js';
import { START, syntheticFixture } from './synthetic.js';

/** Empty until `fill` is set: an empty Prometheus, then one that has data. */
class MaybeEmpty implements Source {
  readonly name = 'maybe-empty';
  fill = false;
  readonly #inner = new FixtureSource(syntheticFixture(200));
  async read(at: number): Promise<SourceResult> {
    return this.fill ? this.#inner.read(at) : { samples: [], problems: [] };
  }
}

function live(open: OpenPolicy = 'ic') {
  const clock = new VirtualClock(START);
  const source = new MaybeEmpty();
  const adapter = new ControllableAdapter();
  const audit = new MemoryAuditLog();
  const meta = {
    release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
    mode: 'LIVE' as const, speed: null, operator: 'alice', sourceName: 'maybe-empty', endsAt: null,
  };
  const policy = { ...DEFAULT_POLICY, checkIntervalMs: 60_000 };
  const engine = new Engine({ policy, clock, source, adapter, audit, meta, open });
  const tick = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await engine.check();
      clock.advance(60_000);
    }
  };
  const screen = () => {
    const v = engine.view();
    return buildViewModel({ meta, policy, state: v.state, decisions: v.decisions, snapshot: v.snapshot, events: [], adapter: 'x', flash: null, health: v.health, openBlockers: v.openBlockers, weightUnknown: v.weightUnknown, now: v.now });
  };
  return { engine, source, adapter, audit, tick, screen };
}

describe('a live window', () => {
  it('starts READY at the weight read back and moves nothing against an empty source', async () => {
    const w = live();
    expect((await w.engine.start()).detail).toBe('READY at 0%: the load balancer agrees');
    await w.tick(5);
    expect(w.adapter.applied).toEqual([]);
    expect(w.engine.state).toMatchObject({ status: 'ready', weight: 0 });
    expect(w.screen().header.recommendation).toBe('HOLD');
    expect(w.screen().header.because).toMatch(/^READY at 0%, not open: no data for 24 gated series/);
    const open = await w.engine.actions.open('alice');
    expect(open.ok).toBe(false);
    expect(open.detail).toMatch(/^refused: cannot open yet: no data for 24 gated series/);
    expect(w.adapter.applied).toEqual([]);
  });

  it('opens on the IC command once every gated KPI has data, and only then', async () => {
    const w = live();
    await w.engine.start();
    w.source.fill = true;
    await w.tick(1);
    expect(w.engine.state.status).toBe('ready');
    expect(w.screen().actions.openBlockers).toEqual([]);
    expect((await w.engine.actions.open('alice')).ok).toBe(true);
    expect(w.engine.state).toMatchObject({ status: 'running', weight: 5 });
    expect(w.adapter.applied).toEqual([5]);
  });

  it('with --open it opens by itself at the first check with data', async () => {
    const w = live('when-ready');
    await w.engine.start();
    await w.tick(3);
    expect(w.adapter.applied).toEqual([]);
    w.source.fill = true;
    await w.tick(1);
    expect(w.adapter.applied).toEqual([5]);
    expect(w.audit.records.find((r) => r.type === 'action')).toMatchObject({ action: 'open', ok: true, operator: 'alice' });
  });

  it('refuses an override advance when every gated KPI is UNKNOWN', async () => {
    const w = live('when-ready');
    await w.engine.start();
    w.source.fill = true;
    await w.tick(1);
    w.source.fill = false;
    w.engine.store.push([]); // nothing new: the old samples go stale
    await w.tick(3);
    expect(w.engine.decisions!.gates.every((g) => g.status === 'UNKNOWN')).toBe(true);
    const r = await w.engine.actions.advance('alice', { override: 'ship it' });
    expect(r).toEqual({ ok: false, detail: 'refused: no data: every gated KPI is UNKNOWN' });
    expect(w.adapter.applied).toEqual([5]);
  });

  it('a resume the load balancer disagrees with holds at the weight it reads, and says HOLD', async () => {
    const w = live();
    w.engine.resumeFrom({ status: 'running', phaseIndex: 1, phaseStartedAt: START - 10 * 60_000, weight: 25, triggers: {}, lastReportAt: null });
    w.adapter.weight = 0;
    const r = await w.engine.start();
    expect(r.detail).toContain('saved weight 25% but the load balancer says 0%');
    w.source.fill = true;
    await w.tick(1);
    const s = w.screen();
    expect(s.header.weight).toBe(0);
    expect(s.header.windowStatus).toBe('held');
    expect(s.header.recommendation).toBe('HOLD');
    expect(s.header.because).toMatch(/^held: resumed phase 2: saved weight 25% but the load balancer says 0%/);
  });

  it('READY follows the weight the load balancer reads, and a fired trigger rolls back a READY canary that has traffic', async () => {
    const w = live();
    await w.engine.start();
    w.source.fill = true;
    await w.tick(1);
    w.adapter.weight = 5; // someone moved the load balancer by hand
    await w.tick(1);
    expect(w.engine.state).toMatchObject({ status: 'ready', weight: 5 });
    expect(w.screen().header.weight).toBe(5);
    expect((await w.engine.actions.rollback('alice', 'not ours')).ok).toBe(true);
    expect(w.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
  });
});

describe('a live window resumed from its saved state', () => {
  const file = () => new WindowFile(join(mkdtempSync(join(tmpdir(), 'canary-resume-')), 'w.state.json'));
  const base = { phaseIndex: 1, phaseStartedAt: START - 60_000, weight: 25, triggers: {}, lastReportAt: null };

  it('a window quit while READY loads again as READY', () => {
    const f = file();
    f.save({ ...base, status: 'ready', phaseIndex: 0, weight: 0 }, START);
    expect(f.load()).toMatchObject({ status: 'ready', weight: 0 });
  });

  it('the stable timer at 100% and GA survive a save and a load (a restart neither promotes early nor loses the freeze)', () => {
    const f = file();
    f.save({ ...base, status: 'running', phaseIndex: 3, weight: 100, stableSince: START - 10_000 }, START);
    expect(f.load()).toMatchObject({ status: 'running', stableSince: START - 10_000 });
    f.save({ ...base, status: 'promoted', phaseIndex: 3, weight: 100, stableSince: START - 10_000, promotedAt: START }, START);
    expect(f.load()).toMatchObject({ status: 'promoted', promotedAt: START });
  });

  it('a window killed while a rollback was unconfirmed resumes rolling back and retries until 0% is read back', async () => {
    const f = file();
    const rollback = { since: START - 30_000, operator: 'alice', reason: 'IC call', detail: 'read back 25%, expected 0%' };
    f.save({ ...base, status: 'rolling-back', rollback }, START);
    const saved = f.load()!;
    expect(saved).toMatchObject({ status: 'rolling-back', rollback });
    const w = live();
    w.adapter.weight = 25;
    w.engine.resumeFrom(saved);
    await w.engine.start();
    w.source.fill = true;
    await w.tick(1);
    expect(w.engine.state).toMatchObject({ status: 'rolled-back', weight: 0 });
    expect(w.adapter.applied).toEqual([0]);
    expect(w.audit.records.find((r) => r.type === 'action')).toMatchObject({ action: 'rollback', operator: 'alice', ok: true });
  });
});
