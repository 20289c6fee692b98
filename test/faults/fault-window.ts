/**
 * One live headless window for a fault: examples/prometheus.yaml pointed at
 * `url`, checked every second, one long 5% phase (so nothing advances under
 * the test's feet), a 2 s source timeout, values valid for a minute, and its
 * own audit folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadlessRun, liveConfig, type Line } from '../live/live-helpers.js';

export interface FaultWindow {
  run: HeadlessRun;
  config: string;
  auditDir: string;
  args: string[];
}

export function faultConfig(url: string, overrides: Record<string, unknown> = {}): string {
  return liveConfig(url, {
    // staleAfter far above the fault's length: a gate must go UNKNOWN because the check knows it has no new value, not because the old one aged out.
    checkInterval: '1s', staleAfter: '1m', reportEvery: '1h', noDataHoldAfter: '3s',
    phases: [{ weight: 5, minDuration: '1h', p95GateMs: 130 }, { weight: 25, minDuration: '1h', p95GateMs: 130 }],
    ...overrides,
    source: { timeout: '2s', ...(overrides.source as Record<string, unknown> | undefined) },
  });
}

export function startFaultWindow(url: string, overrides: Record<string, unknown> = {}, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): FaultWindow {
  const config = faultConfig(url, overrides);
  const auditDir = mkdtempSync(join(tmpdir(), 'canary-fault-audit-'));
  const args = ['--config', config, '--open', '--audit-dir', auditDir, '--operator', 'ic-fault', ...extraArgs];
  return { run: new HeadlessRun(args, env), config, auditDir, args };
}

/** Checks that began at or after `sinceMs` (their `at` is the engine's clock, wall time in a live window). */
export const checksSince = (run: HeadlessRun, sinceMs: number, untilMs = Infinity): Line[] =>
  run.lines.filter((l) => l.type === 'check' && Date.parse(l.at) >= sinceMs && Date.parse(l.at) < untilMs);

/** The first error message at or after `sinceMs`, one line. */
export const errorSince = (run: HeadlessRun, sinceMs: number): string | undefined =>
  run.lines.find((l, i) => l.type === 'error' && run.receivedAt[i]! >= sinceMs)?.message as string | undefined;
