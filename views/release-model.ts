/**
 * The release around the window as the screen shows it: the lifecycle
 * stage and what the next step needs (header), and the pre-flight view
 * (its own key): every item with its status, who signed or what was probed,
 * the synthetic monitor per endpoint, the roster and, after GA, the
 * post-success checklist. Null when the config plans no release.
 */
import { ROLE_TITLE, ROLES } from '../rules/roles.js';
import type { Status } from '../rules/types.js';
import type { Lifecycle } from '../rules/lifecycle.js';
import type { PreflightView } from '../src/preflight/preflight-host.js';

export interface ReleaseItemModel { id: string; title: string; status: Status; detail: string }

export interface ReleaseModel {
  stage: string;
  next: string;
  go: boolean;
  /** The IC on duty, from the roster. */
  ic: string | null;
  blockers: string[];
  /** "T-0 is 18:00 UTC, in 42m" until T-0. */
  early: string | null;
  /** The region rule's choice and the rationale for the T-2h post; null without a regions section. */
  region: { chosen: string | null; rationale: string } | null;
  items: ReleaseItemModel[];
  checklist: ReleaseItemModel[];
  monitor: Array<{ name: string; ok: boolean; result: string; latencyMs: number; lastFailure: string | null }>;
  roster: Array<{ role: string; who: string }>;
}

const itemModel = (i: PreflightView['items'][number]): ReleaseItemModel => ({ id: i.item.id, title: i.item.title, status: i.status, detail: i.detail });

export function releaseModel(preflight: PreflightView | undefined, stage: Lifecycle | undefined): ReleaseModel | null {
  if (!preflight || !stage) return null;
  const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
  return {
    stage: stage.stage,
    next: stage.next,
    go: preflight.go,
    ic: preflight.roster.incidentCommander?.name ?? null,
    blockers: preflight.blockers,
    early: preflight.early,
    region: preflight.region,
    items: preflight.items.map(itemModel),
    checklist: preflight.checklist.map(itemModel),
    monitor: preflight.monitor.map((m) => ({
      name: m.name, ok: m.ok, result: m.result, latencyMs: m.latencyMs,
      lastFailure: m.lastFailure ? `${m.lastFailure.result} at ${hhmm(m.lastFailure.at)}` : null,
    })),
    roster: ROLES.map((r) => ({ role: ROLE_TITLE[r], who: preflight.roster[r] ? `${preflight.roster[r]!.name} ${preflight.roster[r]!.contact}` : '— missing' })),
  };
}
