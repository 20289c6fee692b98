/**
 * Tells the faces and the audit when pre-flight changes: the GO/NO-GO
 * verdict or any item's status, not every check (a countdown or a latency
 * moving is not news). Once per change, in the order they happen.
 */
import type { Decisions } from '../../rules/evaluate.js';
import { lifecycle, type Lifecycle } from '../../rules/lifecycle.js';
import type { Policy } from '../../rules/policy.js';
import type { WindowState } from '../../rules/window-machine.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { PreflightHost, PreflightView } from '../preflight/preflight-host.js';
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

/** Pre-flight and the lifecycle stage as the faces show them (rules/lifecycle.ts). */
export function releaseView(host: PreflightHost, state: WindowState, d: Decisions | null, policy: Policy, now: number): { preflight: PreflightView; lifecycle: Lifecycle } {
  const preflight = host.view(now);
  const stage = lifecycle({
    now, windowStartAt: preflight.windowStartAt, state, policy, stable: d?.stable ?? null,
    notGreen: preflight.items.filter((i) => i.status !== 'GREEN').length,
    promotedAt: state.promotedAt ?? null, checklistOpen: preflight.checklist.filter((i) => i.status !== 'GREEN').length,
  });
  return { preflight, lifecycle: stage };
}
