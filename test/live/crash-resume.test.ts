/**
 * kill -9 in the middle of a live window, then the same command again: the
 * window resumes in the same phase with its elapsed time, nothing in the
 * audit is lost or torn, and a second instance can only watch unless it
 * takes over (audited); the restarted window and the viewer refill the
 * phase's chart from Prometheus. Real Prometheus, one per file.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLivePrometheus } from './use-live-prometheus.js';
import { HeadlessRun, liveConfig } from './live-helpers.js';

const live = useLivePrometheus();

const auditLines = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));

describe('crash-resume and one driver', { timeout: 90_000 }, () => {
  it('resumes after kill -9 in the same phase, elapsed time intact; a second instance watches; --take-over is audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-resume-'));
    const config = liveConfig(live.prom.url, {
      checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', noDataHoldAfter: '1h', autoAdvance: true,
      phases: [{ weight: 5, minDuration: '2s', p95GateMs: 130 }, { weight: 25, minDuration: '1h', p95GateMs: 130 }],
    });
    const args = ['--config', config, '--open', '--audit-dir', dir, '--operator', 'ic-one'];
    const first = new HeadlessRun(args);
    live.runs.push(first);
    await first.waitFor('the advance to 25%', (l) => l.type === 'phase' && l.weight === 25);
    const before = await first.waitFor('a check at 25%', (l) => l.type === 'check' && l.weight === 25);
    first.child.kill('SIGKILL');
    await first.exited;
    const audited = auditLines(dir);
    expect(audited.filter((r) => r.type === 'action').map((r) => `${r.action} ${r.fromWeight}->${r.toWeight} ${r.ok}`)).toEqual(['open 0->5 true', 'advance 5->25 true']);

    const second = new HeadlessRun([...args.slice(0, -1), 'ic-two']);
    live.runs.push(second);
    const resumed = await second.waitFor('a check after restart', (l) => l.type === 'check');
    // The dry-run adapter of a new process reads 0%: the window holds at the weight read back, not the saved 25%.
    expect(resumed).toMatchObject({ phase: 2, weight: 0, windowStatus: 'held', phaseStartedAt: before.phaseStartedAt });
    // The chart of the phase is refilled from Prometheus before the first check after the restart.
    const restored = second.lines.find((l) => l.type === 'history');
    expect(restored).toMatchObject({ since: before.phaseStartedAt, source: expect.stringMatching(/^Prometheus 127\.0\.0\.1:\d+$/) });
    expect(restored!.points).toBeGreaterThan(0);
    // The dry-run adapter of a new process starts at 0%: the app says so instead of trusting the saved 25%.
    const warning = second.lines.find((l) => l.type === 'error' && String(l.message).startsWith('resumed phase 2'));
    expect(warning?.message).toBe('resumed phase 2: saved weight 25% but the load balancer says 0% (weight 0%)');
    expect(auditLines(dir).find((r) => r.action === 'take-over')?.reason).toMatch(/^lock of a dead process \(pid \d+\) taken over$/);

    const viewer = new HeadlessRun([...args.slice(0, -1), 'ic-three']);
    live.runs.push(viewer);
    const watched = await viewer.waitFor('a viewer check', (l) => l.type === 'check');
    expect(watched).toMatchObject({ phase: 2, weight: 0, windowStatus: 'held' });
    expect(viewer.lines.find((l) => l.type === 'history')?.points).toBeGreaterThan(0);
    viewer.stop();
    expect(await viewer.exited).toBe(4);
    expect(auditLines(dir).some((r) => r.operator === 'ic-three')).toBe(false);

    const taker = new HeadlessRun([...args.slice(0, -1), 'ic-four', '--take-over']);
    live.runs.push(taker);
    await taker.waitFor('a check by the new driver', (l) => l.type === 'check');
    expect(auditLines(dir).find((r) => r.operator === 'ic-four' && r.action === 'take-over')?.reason).toMatch(/^--take-over from ic-two \(pid \d+ on /);
    for (const r of [second, taker]) r.stop();
  });
});
