/**
 * The chart after a resume: a resumed window (or a viewer of a running one)
 * asks the source for the P95 since the phase began, once, before its first
 * check; a fresh window asks nothing; a failed read is an error line and the
 * window carries on. Virtual clock, fake source, no waiting.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { WindowState } from '../../rules/phases.js';
import { seriesKey, type KpiId, type Sample } from '../../rules/types.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { WindowFile } from '../../src/engine/window-file.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { eventModels } from '../../views/event-models.js';
import { START, syntheticFixture } from './synthetic.js';

const MINUTE = 60_000;
const PHASE_START = START - 30 * MINUTE;
const UNREACHABLE: SourceResult = { samples: [], problems: [{ kind: 'unreachable', message: 'Prometheus 127.0.0.1:9: cannot connect (ECONNREFUSED)' }] };

/** The synthetic window live, and a look-back that answers canary and control overall P95 from `start` every step, up to `end - lagMs`. */
class LookBackSource implements Source {
  readonly name = 'look-back';
  readonly calls: Array<{ kpis: readonly KpiId[]; start: number; end: number; stepMs: number }> = [];
  readonly #live = new FixtureSource(syntheticFixture(60));
  liveDown = false;
  lagMs = 0;
  answer: 'points' | 'throw' | 'unreachable' = 'points';

  async read(at: number): Promise<SourceResult> {
    return this.liveDown ? UNREACHABLE : this.#live.read(at);
  }

  async history(kpis: readonly KpiId[], start: number, end: number, stepMs: number): Promise<SourceResult> {
    this.calls.push({ kpis, start, end, stepMs });
    if (this.answer === 'throw') throw new Error('connection reset');
    if (this.answer === 'unreachable') return { samples: [], problems: [UNREACHABLE.problems[0]!, UNREACHABLE.problems[0]!] };
    const samples: Sample[] = [];
    for (let at = start, i = 0; at <= end - this.lagMs; at += stepMs, i++) {
      samples.push({ kpi: 'latency_p95', track: 'canary', journey: 'all', value: 100 + i, at }, { kpi: 'latency_p95', track: 'control', journey: 'all', value: 90, at });
    }
    return { samples, problems: [] };
  }
}

const SAVED: WindowState = { status: 'running', phaseIndex: 1, phaseStartedAt: PHASE_START, weight: 25, triggers: {}, lastReportAt: START - MINUTE };

function setup(how: { resume?: boolean; viewerOf?: WindowState } = {}) {
  const clock = new VirtualClock(START);
  const source = new LookBackSource();
  const persist = how.viewerOf ? new WindowFile(join(mkdtempSync(join(tmpdir(), 'canary-history-')), 'w.state.json')) : undefined;
  persist?.save(how.viewerOf!, START);
  const engine = new Engine({
    policy: { ...DEFAULT_POLICY, checkIntervalMs: MINUTE, staleAfterMs: 3 * MINUTE }, clock, source, adapter: new DryRunAdapter(25), audit: new MemoryAuditLog(),
    meta: {
      release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
      mode: 'LIVE', speed: null, operator: 'alice', sourceName: source.name, endsAt: null,
    },
    ...(persist ? { persist, readOnly: 'read-only viewer: bob drives this window' } : {}),
  });
  if (how.resume) engine.resumeFrom(SAVED);
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  const checks = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await engine.check();
      clock.advance(MINUTE);
    }
  };
  return { engine, source, events, checks, clock };
}

const canaryP95 = (engine: Engine) => engine.store.history(seriesKey('latency_p95', 'canary', 'all'));

describe('the P95 chart after a resume', () => {
  it('a resumed window fills the chart from the phase start before its first check, and says so once', async () => {
    const { engine, source, events, checks } = setup({ resume: true });
    await engine.start();
    await checks(3);
    expect(source.calls).toEqual([{ kpis: ['latency_p95'], start: PHASE_START, end: START, stepMs: MINUTE }]);
    const points = canaryP95(engine);
    expect(points[0]).toEqual({ at: PHASE_START, value: 100 });
    expect(points.map((p) => p.at).filter((at) => at <= START)).toEqual(Array.from({ length: 31 }, (_, i) => PHASE_START + i * MINUTE));
    expect(points.at(-1)!.at).toBe(START + 2 * MINUTE);
    const restored = { type: 'history', at: '2026-11-20T04:00:00.000Z', source: 'look-back', points: 62, since: '2026-11-20T03:30:00.000Z' };
    expect(events.filter((e) => e.type === 'history')).toEqual([restored]);
    expect(events.findIndex((e) => e.type === 'history')).toBeLessThan(events.findIndex((e) => e.type === 'check'));
  });

  it('the event log says where the chart came from, how many points and since when', () => {
    const line = eventModels([{ type: 'history', at: '2026-11-20T04:00:00.000Z', source: 'Prometheus 127.0.0.1:9090', points: 62, since: '2026-11-20T03:30:00.000Z' }]);
    expect(line).toEqual([{ at: '04:00', text: 'chart restored from Prometheus 127.0.0.1:9090: 62 points since 03:30', tone: 'info' }]);
  });

  it('a viewer of a running window fills the chart from the driver’s saved phase start', async () => {
    const { engine, source, events, checks } = setup({ viewerOf: SAVED });
    await checks(2);
    expect(source.calls.map((c) => [c.start, c.end])).toEqual([[PHASE_START, START]]);
    expect(canaryP95(engine)[0]!.at).toBe(PHASE_START);
    expect(events.some((e) => e.type === 'history')).toBe(true);
  });

  it('a fresh window asks no history, even when its first check comes a minute after it opened', async () => {
    const { engine, source, events, checks, clock } = setup();
    await engine.start();
    clock.advance(MINUTE);
    await checks(5);
    expect(source.calls).toEqual([]);
    expect(events.some((e) => e.type === 'history')).toBe(false);
    expect(canaryP95(engine)[0]!.at).toBe(START + MINUTE);
  });

  it.each([
    ['throws', 'throw' as const, 'chart history not restored from look-back: connection reset'],
    ['answers that nothing is reachable', 'unreachable' as const, 'chart history not restored: Prometheus 127.0.0.1:9: cannot connect (ECONNREFUSED)'],
  ])('a history read that %s is one error line, and the first check still runs', async (_name, answer, message) => {
    const { engine, source, events, checks } = setup({ resume: true });
    source.answer = answer;
    await engine.start();
    events.length = 0;
    await checks(1);
    expect(events.map((e) => e.type)).toEqual(['error', 'check']);
    expect(events[0]).toEqual({ type: 'error', at: '2026-11-20T04:00:00.000Z', message });
    expect(canaryP95(engine).map((p) => p.at)).toEqual([START]);
  });

  it('restored points keep their own times and are not live data: old ones are STALE and the source still counts as silent', async () => {
    const { engine, source, checks } = setup({ resume: true });
    source.liveDown = true;
    source.lagMs = 5 * MINUTE;
    await engine.start();
    await checks(1);
    expect(engine.store.snapshot().latest.get(seriesKey('latency_p95', 'canary', 'all'))!.at).toBe(START - 5 * MINUTE);
    expect(engine.health.lastSampleAt).toBeNull();
    const gate = engine.decisions!.gates.find((g) => g.id === 'p95:all')!;
    expect(gate.status).toBe('UNKNOWN');
    expect(gate.reason).toBe('P95 overall: UNKNOWN, latency_p95 canary: source unreachable, last value 5m old');
  });
});
