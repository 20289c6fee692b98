/**
 * The metric snapshot of every check, one JSON line each, for the audit
 * archive: what the rules judged, value by series, with each sample's age
 * and the series held back and why. An auditor can then redo any decision.
 * Label values pass through the PII mask. A write that fails (a read-only
 * folder) must not touch the window: the log stops and says from when.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { maskPii } from '../comms/pii.js';

export interface SnapshotLog {
  /** Null while every check was written; else the first check that was not, and why. */
  readonly brokenAt: { at: string; why: string } | null;
}

export function attachSnapshotLog(engine: Engine, path: string): SnapshotLog {
  const log: { brokenAt: SnapshotLog['brokenAt'] } = { brokenAt: null };
  engine.on((e) => {
    if (e.type !== 'check' || log.brokenAt) return;
    const view = engine.view();
    const now = view.now;
    const samples: Record<string, [number, number]> = {};
    for (const [key, s] of view.snapshot.latest) samples[maskPii(key)] = [s.value, Math.round((now - s.at) / 1000)];
    const withheld = Object.fromEntries([...(view.snapshot.withheld ?? new Map<string, string>())].map(([k, why]) => [maskPii(k), maskPii(why)]));
    const line = { at: e.at, phase: e.phase + 1, weight: e.weight, windowStatus: e.windowStatus, status: e.status, recommendation: e.recommendation, gates: e.gates, samples, withheld };
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      appendFileSync(path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch (err) {
      log.brokenAt = { at: e.at, why: (err as NodeJS.ErrnoException).code ?? String(err) };
    }
  });
  return log;
}
