/**
 * Every item the directive requires before the window: section 2 (GREEN at
 * T-1h) and section 6 (confirmed before T-0), plus the roster of section 8.
 * Each is either probed by canary-tui or signed by the DRI of one role; the
 * text is the directive's, so the pre-flight view and the T-1h post read as
 * the directive does.
 */
import { holdsRole, ROLE_TITLE, type Role, type Roster } from './roles.js';

export type ProbeKind = 'synthetic-monitor' | 'prometheus' | 'billing' | 'payment-caps' | 'dashboards' | 'roster' | 'infra-lock';

export interface PreflightItem {
  id: string;
  section: 2 | 6 | 7 | 8;
  title: string;
  /** What exactly is confirmed. */
  detail: string;
  /** Probed by the tool, or signed by the DRI of `role`; `readBack`: probed instead when the config can read it (an infra lock adapter). */
  check: { probe: ProbeKind } | { signedBy: Role; readBack?: ProbeKind };
}

export const PREFLIGHT_ITEMS: readonly PreflightItem[] = [
  { id: 'infra-lock', section: 2, title: 'Infra lock', detail: 'infra lock active on the prod LB/CDN; provider config freeze in effect', check: { signedBy: 'releaseEng', readBack: 'infra-lock' } },
  { id: 'payment-caps', section: 2, title: 'Payment caps', detail: 'caps enforced: 100 transactions, $20 max/tx, $1,500 global', check: { probe: 'payment-caps' } },
  { id: 'security', section: 2, title: 'Security sign-off', detail: 'FERPA/COPPA posture unchanged; no PII in logs; prompt-injection defences and rate limits enabled; e2e test mode excludes analytics', check: { signedBy: 'securityCompliance' } },
  { id: 'dashboards', section: 2, title: 'Dashboards live', detail: 'Control vs Canary; Enhanced KPIs; Synthetic monitor: every dashboard URL answering', check: { probe: 'dashboards' } },
  { id: 'synthetic-monitor', section: 2, title: 'Synthetic monitor', detail: 'every health endpoint passing, checked every 60 s', check: { probe: 'synthetic-monitor' } },
  { id: 'prometheus', section: 2, title: 'Metrics', detail: 'Prometheus reachable, every configured KPI present for canary and control', check: { probe: 'prometheus' } },
  { id: 'billing', section: 6, title: 'Cost telemetry', detail: 'billing reachable; cost telemetry reconciles with billing within the tolerance', check: { probe: 'billing' } },
  { id: 'db-changes', section: 6, title: 'Database changes', detail: 'backward-compatible; rollback plan tested; migration runtime estimated; long migrations off the request path', check: { signedBy: 'releaseEng' } },
  { id: 'feature-flags', section: 6, title: 'Feature flags', detail: 'new surfaces default-off; kill switch validated', check: { signedBy: 'releaseEng' } },
  { id: 'observability', section: 6, title: 'Observability', detail: 'logs scrubbed for PII; sampling set to capture canary anomalies', check: { signedBy: 'dataObservability' } },
  { id: 'seo', section: 6, title: 'SEO / Auto Page Maker', detail: 'robots, cache behaviour and crawl budget unaffected by canary routing; organic landing latency watched separately', check: { signedBy: 'pmB2c' } },
  { id: 'roster', section: 8, title: 'DRI roster', detail: 'Incident Commander, Release Eng, PM-B2C, PM-B2B, Security/Compliance, Data/Observability and the CEO named with contacts', check: { probe: 'roster' } },
];

/** Directive section 7, pre-approved after two hours stable at 100%: the checklist POST-SUCCESS shows. */
export const POST_SUCCESS_ITEMS: readonly PreflightItem[] = [
  { id: 'lift-caps', section: 7, title: 'Lift payment caps', detail: 'the 100 tx / $20 / $1,500 canary caps lifted', check: { signedBy: 'releaseEng' } },
  { id: 'remove-infra-lock', section: 7, title: 'Remove infra lock', detail: 'the prod LB/CDN lock and the provider config freeze lifted', check: { signedBy: 'releaseEng' } },
  { id: 'win-note', section: 7, title: 'Win note', detail: 'internal win note published: key lessons, anomalies resolved, KPI deltas', check: { signedBy: 'incidentCommander' } },
  { id: 'cohort-review', section: 7, title: '7-day cohort review', detail: 'opened: B2C/B2B funnel, ARPU, conversion, provider activation, unit economics (ENHANCED_GATE_REPORT.md)', check: { signedBy: 'pmB2c' } },
];

export const itemById = (id: string): PreflightItem | undefined => [...PREFLIGHT_ITEMS, ...POST_SUCCESS_ITEMS].find((i) => i.id === id);

/** Items a person signs, in the order the directive lists them (pre-flight, then post-success). */
export const SIGNED_ITEMS = [...PREFLIGHT_ITEMS, ...POST_SUCCESS_ITEMS].filter((i) => 'signedBy' in i.check);

/**
 * Whether `by` may sign `id`: the item exists, a person signs it, and `by`
 * holds its role in the roster. The one rule for `canary-tui sign` and the TUI.
 */
export function checkSignature(id: string, by: string, roster: Roster): { ok: true; item: PreflightItem; role: Role; name: string } | { ok: false; field: 'item' | 'roster' | 'by'; why: string } {
  const item = itemById(id.trim());
  const ids = SIGNED_ITEMS.map((i) => i.id).join(', ');
  if (!item) return { ok: false, field: 'item', why: `no item "${id.trim()}"; a person signs ${ids}` };
  if (!('signedBy' in item.check)) return { ok: false, field: 'item', why: `${item.id} is probed by canary-tui, not signed; a person signs ${ids}` };
  const role = item.check.signedBy;
  const holder = roster[role];
  if (!holder) return { ok: false, field: 'roster', why: `the roster names no ${ROLE_TITLE[role]}, who signs ${item.id}` };
  if (!holdsRole(roster, role, by)) return { ok: false, field: 'by', why: `the roster's ${ROLE_TITLE[role]} (${holder.name}) signs ${item.id}, not "${by.trim()}"` };
  return { ok: true, item, role, name: holder.name };
}
