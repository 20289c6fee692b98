/**
 * The metric snapshot of every check, one JSON line each, for the audit
 * archive: what the rules judged, value by series, with each sample's age
 * and the series held back and why. An auditor can then redo any decision.
 * A `series` line names the series (`kpi|track|journey`) whenever the set
 * changes; each check line's `values` and `ages` (seconds) follow it in
 * order, so a check costs arrays of numbers, not a hundred keys again.
 * Label values pass through the PII mask (once per series, not per check).
 *
 * Lines are buffered and written at least once a real second, at 256 KB,
 * and at every phase change, report and stop: a live window (a check every
 * 15 s) writes each check as it comes, while a replay at full speed is not
 * slowed by a write per check. (A version with a hundred keys a line cost
 * the six-hour replay bench 19–23%; this one 3–18%, README.) A write that
 * fails (a read-only folder) must not touch the window: the lines are
 * counted as missed, the series is named again, and the next write tries.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { maskPii } from '../comms/pii.js';

interface Missed { count: number; first: string; why: string }

const FLUSH_BYTES = 256 * 1024;
const FLUSH_MS = 1000;

class SnapshotLog {
  missed: Missed | null = null;
  /** The series the last `series` line named, joined; '' forces the next check to name them. */
  #series = '';
  #lines: string[] = [];
  #bytes = 0;
  #firstAt: string | null = null;
  #lastFlush = Date.now();
  readonly #masked = new Map<string, string>();

  constructor(private readonly path: string) {}

  mask(key: string): string {
    let m = this.#masked.get(key);
    if (m === undefined) this.#masked.set(key, (m = maskPii(key)));
    return m;
  }

  /** One check: a `series` line first when the series changed, then its values in that order. */
  addCheck(at: string, keys: readonly string[], line: string): void {
    const joined = keys.join('\n');
    if (joined !== this.#series) {
      this.#series = joined;
      this.add(at, `${JSON.stringify({ at, series: keys.map((k) => this.mask(k)) })}\n`);
    }
    this.add(at, line);
  }

  private add(at: string, line: string): void {
    this.#firstAt ??= at;
    this.#lines.push(line);
    this.#bytes += line.length;
    if (this.#bytes >= FLUSH_BYTES || Date.now() - this.#lastFlush >= FLUSH_MS) this.flush();
  }

  flush(): void {
    this.#lastFlush = Date.now();
    if (!this.#lines.length) return;
    const count = this.#lines.length;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      appendFileSync(this.path, this.#lines.join(''), { mode: 0o600 });
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? String(err);
      this.missed = this.missed ? { ...this.missed, count: this.missed.count + count } : { count, first: this.#firstAt!, why };
      // A lost series line would leave later values read against the one before.
      this.#series = '';
    }
    this.#lines = [];
    this.#bytes = 0;
    this.#firstAt = null;
  }
}

const logs = new WeakMap<Engine, SnapshotLog>();

/** Writes what is buffered (before the archive packs the file). */
export function flushSnapshots(engine: Engine): void {
  logs.get(engine)?.flush();
}

/** What the archive says of the window's snapshots: the checks missed, if any. */
export function snapshotNotes(engine: Engine): string[] {
  const m = logs.get(engine)?.missed;
  return m ? [`snapshots.jsonl misses ${m.count} check(s) from ${m.first} (${m.why})`] : [];
}

export function attachSnapshotLog(engine: Engine, path: string): void {
  const log = new SnapshotLog(path);
  logs.set(engine, log);
  engine.on((e) => {
    if (e.type === 'phase' || e.type === 'report' || e.type === 'stop') log.flush();
    if (e.type !== 'check') return;
    const now = engine.deps.clock.now();
    const snapshot = engine.store.snapshot();
    const keys: string[] = [];
    const values: number[] = [];
    const ages: number[] = [];
    for (const [key, s] of snapshot.latest) {
      keys.push(key);
      values.push(s.value);
      ages.push(Math.round((now - s.at) / 1000));
    }
    const withheld: Record<string, string> = {};
    for (const [key, why] of snapshot.withheld ?? []) {
      let name = log.mask(key);
      for (let n = 2; name in withheld; n++) name = `${log.mask(key)}#${n}`;
      withheld[name] = maskPii(why);
    }
    log.addCheck(e.at, keys, `${JSON.stringify({ at: e.at, phase: e.phase, weight: e.weight, windowStatus: e.windowStatus, status: e.status, recommendation: e.recommendation, gates: e.gates, values, ages, withheld })}\n`);
  });
}
