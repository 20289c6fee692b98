/**
 * The release around the window, as the engine carries it: at every check
 * it ticks the pre-flight gate (probes, signatures), and tells the faces and
 * the audit what changed, once per change: the GO/NO-GO verdict or an item's
 * status, and the lifecycle stage (rules/lifecycle.ts). After GA the window
 * goes on checking until the freeze is over, so the checklist and the
 * freeze's end are on the same record.
 */
import type { Decisions } from '../../rules/evaluate.js';
import { lifecycle, type Lifecycle } from '../../rules/lifecycle.js';
import { ROLE_TITLE } from '../../rules/roles.js';
import type { Policy } from '../../rules/policy.js';
import type { WindowState } from '../../rules/window-machine.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { PreflightHost, PreflightView } from '../preflight/preflight-host.js';
import type { EngineEvent } from './events.js';
import type { SourceHealth } from './source-health.js';
import { AUTO_OPERATOR } from './window-meta.js';

export class ReleaseTrack {
  #lastPreflight: string | null = null;
  #lastStage: string | null = null;

  constructor(private readonly host: PreflightHost, private readonly audit: AuditSink, private readonly readOnly: boolean, private readonly policy: Policy) {}

  /** Pre-flight and the stage as the faces show them. */
  view(state: WindowState, d: Decisions | null, now: number): { preflight: PreflightView; lifecycle: Lifecycle } {
    const preflight = this.host.view(now, state.promotedAt ?? null);
    const stage = lifecycle({
      now, windowStartAt: preflight.windowStartAt, state, policy: this.policy, stable: d?.stable ?? null,
      notGreen: preflight.items.filter((i) => i.status !== 'GREEN').length,
      promotedAt: state.promotedAt ?? null, checklistOpen: preflight.checklist.filter((i) => i.status !== 'GREEN').length,
      freezeMs: this.policy.changeFreezeMs,
    });
    return { preflight, lifecycle: stage };
  }

  blockers(now: number): string[] {
    return this.host.view(now).blockers;
  }

  /** Once per check (and after GA, once per interval): the news since the last one. */
  onCheck(state: WindowState, d: Decisions | null, health: SourceHealth, now: number, at: string): EngineEvent[] {
    this.host.tick(now, d, health, state.status === 'promoted');
    const { preflight: view, lifecycle: stage } = this.view(state, d, now);
    const out: EngineEvent[] = [];
    const key = `${view.go}|${view.early !== null}|${[...view.items, ...view.checklist].map((i) => `${i.item.id}:${i.status}`).join(',')}`;
    if (key !== this.#lastPreflight) {
      this.#lastPreflight = key;
      const items = view.items.map((i) => ({ id: i.item.id, status: i.status, detail: i.detail }));
      if (!this.readOnly) this.audit.append({ at, type: 'lifecycle', operator: AUTO_OPERATOR, preflight: view.go ? 'GO' : 'NO-GO', blockers: view.blockers, items });
      out.push({ type: 'preflight', at, go: view.go, blockers: view.blockers, items });
    }
    const news = this.#stageChange(stage, at);
    if (news) out.push(news);
    return out;
  }

  /** The stage after an action moved the window, when it changed: audited and told once. */
  stageNews(state: WindowState, d: Decisions | null, now: number, at: string): EngineEvent | null {
    return this.#stageChange(this.view(state, d, now).lifecycle, at);
  }

  #stageChange(stage: Lifecycle, at: string): EngineEvent | null {
    if (stage.stage === this.#lastStage) return null;
    this.#lastStage = stage.stage;
    if (!this.readOnly) this.audit.append({ at, type: 'lifecycle', operator: AUTO_OPERATOR, stage: stage.stage, next: stage.next });
    return { type: 'lifecycle', at, stage: stage.stage, message: stage.next };
  }

  /** A DRI signs in the TUI: the same rule as `canary-tui sign`, saved and audited before it is said. */
  async sign(item: string, by: string, now: number, at: string): Promise<{ ok: boolean; detail: string }> {
    if (this.readOnly) return { ok: false, detail: 'this instance only watches; sign with canary-tui sign' };
    const r = await this.host.sign(item, by, now);
    if (!r.ok) return { ok: false, detail: r.why };
    this.audit.append({ at, type: 'signature', operator: r.name, item: r.item, role: ROLE_TITLE[r.role], ...(r.detail ? { detail: r.detail } : {}) });
    return { ok: true, detail: `${r.item} signed by ${r.name} (${ROLE_TITLE[r.role]})${r.detail ? `: ${r.detail}` : ''}` };
  }

  /** After GA the window is watched until the end of the freeze is on the record. */
  goesOn(state: WindowState): boolean {
    return state.status === 'promoted' && this.#lastStage !== 'FREEZE OVER';
  }
}
