/**
 * A window records itself (`--record FILE`) and the recording replays what
 * the window met, not only the numbers: an outage replays as an outage
 * (the same error, the same UNKNOWN gates and hold), a refused query as
 * refused, a NaN as that NaN, a read that threw as a throw. The engine's
 * events on the replay are the live window's, one for one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { DryRunAdapter } from '../../src/adapters/dry-run.js';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { loadFixture } from '../../src/fixture/load-fixture.js';
import { recordingAdapter, RecordingSource } from '../../src/record/recording-decorators.js';
import { RecordingFile } from '../../src/record/recording-file.js';
import { RECORDING_VERSION, type RecordingHeader } from '../../src/record/recording-lines.js';
import { FixtureSource } from '../../src/sources/fixture-source.js';
import { RecordedReadsSource } from '../../src/sources/recorded-reads-source.js';
import type { Source, SourceResult } from '../../src/sources/source.js';
import { START, syntheticFixture } from '../engine/synthetic.js';

const MIN = 60_000;
const header = (name = 'v20261120.1-live'): RecordingHeader => ({
  type: 'recording', version: RECORDING_VERSION, name, mode: 'LIVE', startedAt: new Date(START).toISOString(), source: 'Prometheus 127.0.0.1:9090', config: { checkInterval: '60000ms' },
});
const tmp = () => mkdtempSync(join(tmpdir(), 'canary-recording-'));

/** Prometheus as a window meets it: down for minutes 20-24, a refused query at 30, NaN at 31, a throw at 32. */
class EventfulSource implements Source {
  readonly name = 'Prometheus 127.0.0.1:9090';
  constructor(private readonly inner: Source) {}
  async read(at: number): Promise<SourceResult> {
    const minute = (at - START) / MIN;
    if (minute >= 20 && minute < 25) return { samples: [], problems: [{ kind: 'unreachable', message: 'Prometheus 127.0.0.1:9090: cannot connect (ECONNREFUSED)' }] };
    if (minute === 32) throw new Error('socket hang up');
    const r = await this.inner.read(at);
    if (minute === 30) return { samples: r.samples.filter((s) => s.kpi !== 'latency_p95'), problems: [{ kind: 'bad-query', kpi: 'latency_p95', message: 'latency_p95: bad query: parse error at char 4' }], asked: ['latency_p95', 'error_5xx_rate'] };
    if (minute === 31) return { samples: r.samples.map((s) => (s.kpi === 'latency_p95' && s.track === 'canary' ? { ...s, value: Number.NaN } : s)), problems: [] };
    return r;
  }
}

function engineOn(source: Source, adapter: Adapter = new DryRunAdapter()) {
  const clock = new VirtualClock(START);
  const engine = new Engine({
    policy: { ...DEFAULT_POLICY, checkIntervalMs: MIN, staleAfterMs: 3 * MIN, noDataHoldAfterMs: 3 * MIN },
    clock, source, adapter, audit: new MemoryAuditLog(),
    meta: {
      release: { tag: 'v20261120.1', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', channel: '#ship-room', ceoHandle: '<@U0CEO>' },
      mode: 'REHEARSAL', speed: null, operator: 'alice', sourceName: source.name, endsAt: START + 40 * MIN,
    },
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  return { engine, clock, events };
}

describe('a window recording itself', () => {
  it('replays every read as it was, and the engine decides the same, event for event', async () => {
    const path = join(tmp(), 'window.jsonl');
    const file = RecordingFile.open(path, header(), (t) => t, () => {});
    const live = engineOn(new EventfulSource(new FixtureSource(syntheticFixture(45))));
    const recorded = engineOn(new RecordingSource(live.engine.deps.source, file), recordingAdapter(new DryRunAdapter(), file, live.clock));
    await recorded.engine.start();
    const liveEnd = await recorded.engine.run(new AbortController().signal).catch((e: Error) => e.message);

    const fixture = await loadFixture(path);
    expect(fixture.reads).toHaveLength(41);
    const replay = engineOn(new RecordedReadsSource(fixture.readsFrom!, fixture.reads!, MIN));
    await replay.engine.start();
    const replayEnd = await replay.engine.run(new AbortController().signal).catch((e: Error) => e.message);

    expect(replayEnd).toBe(liveEnd);
    expect(replay.events).toEqual(recorded.events);
    const errors = replay.events.filter((e) => e.type === 'error').map((e) => (e as { message: string }).message);
    expect(errors[0]).toBe('Prometheus 127.0.0.1:9090: cannot connect (ECONNREFUSED)');
    expect(errors).toContain('Prometheus 127.0.0.1:9090: socket hang up');
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.type === 'read' && l.at === START + 31 * MIN).samples.find((s: unknown[]) => s[0] === 'latency_p95' && s[1] === 'canary')[3]).toBe('NaN');
    expect(lines.find((l) => l.type === 'read' && l.at === START + 32 * MIN)).toMatchObject({ error: 'socket hang up', samples: [] });
    expect(lines.filter((l) => l.type === 'adapter')[0]).toMatchObject({ call: 'setWeight', weight: 5, answer: { ok: true, weight: 5 } });
  });

  it('answers a check the window never made with "not in the recording", never an old read', async () => {
    const path = join(tmp(), 'gap.jsonl');
    const file = RecordingFile.open(path, header(), (t) => t, () => {});
    const inner = new FixtureSource(syntheticFixture(10));
    const source = new RecordingSource(inner, file);
    for (const m of [0, 1, 2, 6, 7]) await source.read(START + m * MIN);
    const replay = new RecordedReadsSource('gap', (await loadFixture(path)).reads!, MIN);
    expect((await replay.read(START + 2 * MIN)).samples.length).toBeGreaterThan(0);
    // 25 s late is the same check on the grid; minute 4 was never read (the window was down).
    expect(await replay.read(START + 2 * MIN + 25_000)).toEqual(await replay.read(START + 2 * MIN));
    expect(await replay.read(START + 4 * MIN)).toEqual({ samples: [], problems: [{ kind: 'unreachable', message: 'not in the recording: the window did not read at this time' }] });
  });
});

describe('the recording file', () => {
  it('a restarted window carries on in its own recording; another window\'s file or a folder is refused', () => {
    const dir = tmp();
    const path = join(dir, 'window.jsonl');
    RecordingFile.open(path, header(), (t) => t, () => {}).append({ type: 'read', at: START, samples: [], problems: [] });
    RecordingFile.open(path, { ...header(), startedAt: new Date(START + 5 * MIN).toISOString() }, (t) => t, () => {});
    expect(readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['recording', 'read', 'resume']);
    expect(() => RecordingFile.open(path, header('v20261121.1-live'), (t) => t, () => {})).toThrow(
      `${path}: (top level): expected a new file, or this window's own recording to carry on (v20261121.1-live); it records window v20261120.1-live`,
    );
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'shopping list\n');
    expect(() => RecordingFile.open(notes, header(), (t) => t, () => {})).toThrow(/it is not a canary-tui recording$/);
    expect(readFileSync(notes, 'utf8')).toBe('shopping list\n');
    expect(() => RecordingFile.open(dir, header(), (t) => t, () => {})).toThrow(`${dir}: (top level): expected a file to record into, not a folder or a device`);
  });

  it('a recording that can no longer be written stops once, says so, and the reads still reach the window', async () => {
    const path = join(tmp(), 'window.jsonl');
    const said: string[] = [];
    const file = RecordingFile.open(path, header(), (t) => t.replaceAll('s3cr3t-token', '[redacted]'), (m) => said.push(m));
    const source = new RecordingSource(new FixtureSource(syntheticFixture(5)), file);
    await source.read(START);
    rmSync(path);
    mkdirSync(path);
    const r = await source.read(START + MIN);
    await source.read(START + 2 * MIN);
    expect(r.samples.length).toBeGreaterThan(0);
    expect(said).toEqual([`recording to ${path} stopped (EISDIR); the window goes on, its audit is complete`]);
    expect(file.stopped).toBe('EISDIR');
  });

  it('scrubs every line before it is written', async () => {
    const path = join(tmp(), 'window.jsonl');
    const file = RecordingFile.open(path, header(), (t) => t.replaceAll('s3cr3t-token', '[redacted]'), () => {});
    const leaky: Source = { name: 'leaky', read: async () => ({ samples: [], problems: [{ kind: 'unreachable', message: 'GET http://x/?token=s3cr3t-token failed' }] }) };
    await new RecordingSource(leaky, file).read(START);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('s3cr3t-token');
    expect(text).toContain('token=[redacted] failed');
  });
});

describe('a bad recording', () => {
  const write = (body: string) => {
    const path = join(tmp(), 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify(header())}\n${body}`);
    return path;
  };
  it.each([
    ['{"type":"read","at":1795147200000,"samples":[["latency_p95","canary","checkout","fast",1795147200000]],"problems":[]}\n', 'line 2.samples[0][3]'],
    ['{"type":"read","at":1795147200000,"samples":[],"problems":[]}\n{"type":"read","at":1795147100000,"samples":[],"problems":[]}\n', 'line 3.at: expected reads in increasing time order'],
    ['{"type":"read","at":1795147200000,"samples":[],"problems":[]}\nnot json\n', 'line 3: expected one JSON object'],
    ['', 'line 2: expected at least one read after the header'],
  ])('%s is refused at %s', async (body, where) => {
    const path = write(body);
    await expect(loadFixture(path)).rejects.toThrow(`${path}: ${where}`);
  });
});

describe('a live window READY before the IC opened it', () => {
  it('replays from the check that opened it, so the phases keep their times', async () => {
    const path = join(tmp(), 'late-open.jsonl');
    const file = RecordingFile.open(path, header(), (t) => t, () => {});
    const source = new RecordingSource(new FixtureSource(syntheticFixture(30)), file);
    const adapter = recordingAdapter(new DryRunAdapter(), file, { now: () => START + 5 * MIN + 200, wait: async () => {}, kind: 'real' });
    for (const m of [0, 1, 2, 3, 4, 5]) await source.read(START + m * MIN);
    await adapter.setWeight(5);
    for (const m of [6, 7]) await source.read(START + m * MIN);
    const fixture = await loadFixture(path);
    expect(fixture.start).toBe(new Date(START + 5 * MIN).toISOString());
    expect(fixture.reads).toHaveLength(8);
  });
});
