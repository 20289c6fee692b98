/**
 * What every end-of-window file is written from: the window's last view
 * (state, decisions, the snapshot they judged) and its audit read back.
 */
import { buildReadout, type Readout } from '../../rules/readout.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { UserConfig } from '../config/schema.js';
import type { ReportInput } from '../report/slack-report.js';

/** The same moment the last report is built from, plus the audit. */
export interface WindowEnd extends Pick<ReportInput, 'meta' | 'policy' | 'state' | 'decisions' | 'snapshot' | 'now'> {
  audit: readonly AuditRecord[];
  windowId: string;
  /** The roster, for who owns the follow-ups. */
  roster?: UserConfig['roster'];
}

export function readoutOf(w: WindowEnd): Readout {
  return buildReadout(w.policy, { snapshot: w.snapshot, now: w.now, staleAfterMs: w.policy.staleAfterMs, minCanaryRequests: w.policy.minCanaryRequests });
}

/** The first line every file starts with: which release, and whether it was a drill. */
export function titleLine(kind: string, w: WindowEnd): string {
  const r = w.meta.release;
  return `# ${kind}: ${r.service} ${r.tag} (\`${r.commit}\`) · ${r.region}${w.meta.mode === 'LIVE' ? '' : ` · ${w.meta.mode}`}`;
}

export function icOf(w: WindowEnd): string {
  const ic = w.meta.release.ic;
  return ic ? `${ic.name} (${ic.contact})` : `${w.meta.operator} (no roster: the operator at the keys)`;
}

export function person(w: WindowEnd, role: keyof NonNullable<UserConfig['roster']>): string {
  const p = w.roster?.[role];
  return p ? `${p.name} (${p.contact})` : `MISSING from the roster`;
}
