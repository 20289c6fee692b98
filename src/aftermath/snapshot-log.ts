/**
 * The metric snapshot of every check, one JSON line each, for the audit
 * archive: what the rules judged, value by series, with each sample's age
 * and the series held back and why. An auditor can then redo any decision.
 * Label values pass through the PII mask. A write that fails (a read-only
 * folder) must not touch the window: that check's line is missed and
 * counted, and the next check tries again.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { maskPii } from '../comms/pii.js';

export interface SnapshotLog {
  /** The checks whose line could not be written: how many, the first, and why. */
  readonly missed: { count: number; first: string; why: string } | null;
}

const logs = new WeakMap<Engine, SnapshotLog>();

/** What the archive says of the window's snapshots: the checks missed, if any. */
export function snapshotNotes(engine: Engine): string[] {
  const m = logs.get(engine)?.missed;
  return m ? [`snapshots.jsonl misses ${m.count} check(s) from ${m.first} (${m.why})`] : [];
}

export function attachSnapshotLog(engine: Engine, path: string): SnapshotLog {
  const log: { missed: SnapshotLog['missed'] } = { missed: null };
  logs.set(engine, log);
  engine.on((e) => {
    if (e.type !== 'check') return;
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
      const why = (err as NodeJS.ErrnoException).code ?? String(err);
      log.missed = log.missed ? { ...log.missed, count: log.missed.count + 1 } : { count: 1, first: e.at, why };
    }
  });
  return log;
}
