/**
 * A soak's instrument: with CANARY_TUI_MEMORY_LOG=FILE, the process appends
 * one JSON line per hour of the window's clock (virtual in a replay): RSS
 * and heap in MB. Started with `node --expose-gc`, it collects garbage first,
 * so the heap figure is what the window retains, not what V8 has yet to
 * free. Off by default; it never writes anything else.
 */
import { appendFileSync } from 'node:fs';
import type { Engine } from '../engine/engine.js';

const HOUR_MS = 3_600_000;
const mb = (bytes: number) => Number((bytes / 1_048_576).toFixed(1));

export function attachMemoryLog(engine: Engine, env: NodeJS.ProcessEnv, startedAt: number): void {
  const file = env.CANARY_TUI_MEMORY_LOG;
  if (!file) return;
  let hour = 1;
  engine.on((e) => {
    if (e.type !== 'check' || Date.parse(e.at) < startedAt + hour * HOUR_MS) return;
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ hour, at: e.at, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), gc: typeof (globalThis as { gc?: unknown }).gc === 'function' })}\n`, { mode: 0o600 });
    hour += 1;
  });
}
