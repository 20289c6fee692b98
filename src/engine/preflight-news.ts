/**
 * Tells the faces and the audit when pre-flight changes: the GO/NO-GO
 * verdict or any item's status, not every check (a countdown or a latency
 * moving is not news). Once per change, in the order they happen.
 */
import type { AuditSink } from '../audit/audit-log.js';
import type { PreflightView } from '../preflight/preflight-host.js';
import type { EngineEvent } from './events.js';
import { AUTO_OPERATOR } from './window-meta.js';

export class PreflightNews {
  #last: string | null = null;

  constructor(private readonly audit: AuditSink, private readonly readOnly: boolean) {}

  news(view: PreflightView, at: string): EngineEvent | null {
    const key = `${view.go}|${view.early !== null}|${view.items.map((i) => `${i.item.id}:${i.status}`).join(',')}`;
    if (key === this.#last) return null;
    this.#last = key;
    const items = view.items.map((i) => ({ id: i.item.id, status: i.status, detail: i.detail }));
    if (!this.readOnly) this.audit.append({ at, type: 'lifecycle', operator: AUTO_OPERATOR, preflight: view.go ? 'GO' : 'NO-GO', blockers: view.blockers, items });
    return { type: 'preflight', at, go: view.go, blockers: view.blockers, items };
  }
}
