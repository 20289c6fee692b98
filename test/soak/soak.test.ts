/**
 * The soak: an eight-hour window (480 checks, one a minute, promoted at the
 * end) replayed by the built bin, headless and then with the TUI in tmux at
 * ×6000, each started with `node --expose-gc` and CANARY_TUI_MEMORY_LOG so it
 * writes RSS and the heap left after a collection at every virtual hour
 * (src/run/memory-log.ts). Both must stay at or under 150 MB at every hour
 * and, after the first hour, within 10% of the second hour's figure: the store is preallocated and the event log
 * capped, so nothing may grow with the window's length.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, waitFor } from '../e2e/tmux.js';
import { syntheticFixture } from '../engine/synthetic.js';
import { CLI } from '../live/live-helpers.js';

const HOURS = 8;
const LIMIT_MB = 150;
/**
 * Flat within 10% after the first hour: hours 2 to 8 against hour 2. The
 * first hour is V8 warming up (its RSS rose 18% into hour 2 once under Node
 * 22 on a loaded machine, then moved 1.4% in six hours).
 */
const FLAT = 1.1;
/**
 * RSS also moves by whole allocator and code-space steps that have nothing to
 * do with the window: a headless run that lasts 0.4 s once went from 72.5 to
 * 81 MB on a loaded CI machine while its heap after GC stayed flat (10.0 to
 * 10.4 MB). RSS may therefore also move up to this many MB; the heap after a
 * collection, which is where a leak shows, keeps the 10% alone.
 */
const RSS_NOISE_MB = 12;
const dir = mkdtempSync(join(tmpdir(), 'canary-soak-'));
const fixture = join(dir, 'eight-hours.json');
const f = syntheticFixture(HOURS * 60);
f.config = {
  checkInterval: '1m', staleAfter: '3m', autoAdvance: true,
  phases: [{ weight: 5, minDuration: '2h', p95GateMs: 130 }, { weight: 25, minDuration: '2h', p95GateMs: 130 }, { weight: 50, minDuration: '2h', p95GateMs: 120 }, { weight: 100, minDuration: '2h', p95GateMs: 120 }],
} as typeof f.config;
writeFileSync(fixture, JSON.stringify(f));

interface Hour { hour: number; rssMb: number; heapUsedMb: number; gc: boolean }
const readLog = (file: string): Hour[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Hour) : []);

function expectFlat(hours: Hour[]): void {
  expect(hours.map((h) => h.hour)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(hours.every((h) => h.gc)).toBe(true);
  for (const key of ['rssMb', 'heapUsedMb'] as const) {
    const series = hours.map((h) => h[key]);
    expect(Math.max(...series), `${key} ${series.join(', ')}`).toBeLessThanOrEqual(LIMIT_MB);
    const settled = series.slice(1);
    const allowed = key === 'rssMb' ? Math.max(settled[0]! * FLAT, settled[0]! + RSS_NOISE_MB) : settled[0]! * FLAT;
    expect(Math.max(...settled), `${key} after the first hour: ${settled.join(', ')}`).toBeLessThanOrEqual(allowed);
  }
}

let tmux: TmuxSession | null = null;
afterEach(() => tmux?.stop());

describe('an eight-hour soak', { timeout: 60_000 }, () => {
  it('headless: RSS and retained heap flat within 10% and under 150 MB, hour by hour', () => {
    const log = join(dir, 'headless.jsonl');
    const run = spawnSync(process.execPath, ['--expose-gc', CLI, 'rehearse', fixture, '--headless', '--audit-dir', join(dir, 'a1')], {
      env: { ...process.env, CANARY_TUI_MEMORY_LOG: log }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0); // promoted
    expectFlat(readLog(log));
  });

  it('the TUI in tmux at ×6000: the same, with every frame drawn', async () => {
    const log = join(dir, 'tui.jsonl');
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, '--expose-gc', CLI, 'rehearse', fixture, '--speed', '6000', '--audit-dir', join(dir, 'a2')], { TERM: 'xterm-256color', CANARY_TUI_MEMORY_LOG: log });
    await waitFor('eight hours logged', () => readLog(log).length >= HOURS || null, 40_000, () => t.screen());
    await waitFor('the promotion on screen', () => /PROMOTED|promoted/.test(t.screen()) || null, 10_000, () => t.screen());
    expectFlat(readLog(log));
  });
});
