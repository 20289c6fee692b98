/**
 * Turns the engine's actions into Grafana annotations, one at a time in
 * the order they happened, and audits each answer (`annotation`, with
 * Grafana's id or why not). The engine never waits for Grafana.
 */
import type { AuditSink } from '../audit/audit-log.js';
import type { Engine } from '../engine/engine.js';
import type { GrafanaAnnotator } from './grafana-annotations.js';

const queues = new WeakMap<Engine, () => Promise<void>>();

/** Waits for the annotations still in flight (each audited), so the archive and the exit come after them. */
export function annotationsSettled(engine: Engine): Promise<void> {
  return queues.get(engine)?.() ?? Promise.resolve();
}

export function attachAnnotations(engine: Engine, grafana: GrafanaAnnotator, audit: AuditSink, tag: string): { settled(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  queues.set(engine, () => queue);
  engine.on((e) => {
    if (e.type !== 'action' || !e.ok) return;
    const text = `canary-tui ${tag}: ${e.action} ${e.fromWeight}% → ${e.toWeight}% by ${e.operator}: ${e.reason}`;
    queue = queue.then(async () => {
      const out = await grafana.annotate(Date.parse(e.at), text, [tag, e.action]);
      audit.append({ at: e.at, type: 'annotation', operator: e.operator, action: e.action, ok: out.ok, detail: out.detail, ...(out.id !== undefined ? { id: out.id } : {}) });
    });
  });
  return { settled: () => queue };
}
