/**
 * The pre-flight gate (directive section 2: "must be GREEN at T-1h", and the
 * section 6 checks before T-0). Pure: each item's status from the probes,
 * the signatures and the roster, at `now`. Missing is never GREEN: an item
 * not probed yet, probed too long ago, or not signed is UNKNOWN and says
 * what it waits for; a failed probe is RED with its reason.
 */
import { formatDuration } from './format.js';
import { POST_SUCCESS_ITEMS, PREFLIGHT_ITEMS, type PreflightItem, type ProbeKind } from './preflight-items.js';
import { holdsRole, missingRoles, ROLE_TITLE, type Roster } from './roles.js';
import type { Status } from './types.js';

export interface ProbeResult {
  ok: boolean;
  at: number;
  /** What was seen, safe to show: "3/3 endpoints passing", "500 from /healthz". */
  detail: string;
}

export interface Signature {
  item: string;
  by: string;
  at: number;
}

export interface PreflightInputs {
  now: number;
  probes: Partial<Record<ProbeKind, ProbeResult>>;
  /** A probe the config does not set up, and which key would. */
  unconfigured: Partial<Record<ProbeKind, string>>;
  signatures: readonly Signature[];
  roster: Roster;
  /** A probe older than this says nothing about now. */
  maxProbeAgeMs: number;
  /**
   * Signatures before this count for another attempt (12 h before T-0, when
   * window.start is set): a retry of the same tag another day is signed again.
   */
  signedFrom?: number;
  /** GA; a checklist item signed before it is no post-success action. Absent before GA. */
  promotedAt?: number | null;
  /** Probes the config can read that replace a signature (an item's `readBack`): the infra lock adapter. */
  readBacks?: ReadonlySet<ProbeKind>;
}

export interface ItemStatus {
  item: PreflightItem;
  status: Status;
  detail: string;
  /** The signature that makes a signed item GREEN. */
  signed?: Signature;
}

export function preflightStatus(inputs: PreflightInputs): ItemStatus[] {
  return PREFLIGHT_ITEMS.map((item) => statusOf(item, inputs));
}

/** The post-success checklist (section 7): each item signed by its role's DRI. */
export function checklistStatus(inputs: PreflightInputs): ItemStatus[] {
  return POST_SUCCESS_ITEMS.map((item) => statusOf(item, inputs));
}

function statusOf(item: PreflightItem, f: PreflightInputs): ItemStatus {
  // What can be read back is read back: a signature does not outrank the load balancer's own answer.
  if ('signedBy' in item.check && item.check.readBack && f.readBacks?.has(item.check.readBack)) return probed(item, item.check.readBack, f);
  if ('signedBy' in item.check) {
    const role = item.check.signedBy;
    const from = item.section === 7 ? (f.promotedAt ?? Number.POSITIVE_INFINITY) : (f.signedFrom ?? Number.NEGATIVE_INFINITY);
    const mine = f.signatures.filter((s) => s.item === item.id && s.at >= from);
    const valid = mine.filter((s) => holdsRole(f.roster, role, s.by)).at(-1);
    if (valid) return { item, status: 'GREEN', detail: `signed by ${valid.by} (${ROLE_TITLE[role]}) at ${new Date(valid.at).toISOString().slice(11, 16)} UTC`, signed: valid };
    const stray = mine.at(-1);
    const waiting = `waiting for ${ROLE_TITLE[role]}${f.roster[role] ? ` (${f.roster[role]!.name})` : ', who is not in the roster,'} to sign`;
    return { item, status: 'UNKNOWN', detail: stray ? `${waiting}; ${stray.by} signed but is not the roster's ${ROLE_TITLE[role]}` : waiting };
  }
  return probed(item, item.check.probe, f);
}

function probed(item: PreflightItem, kind: ProbeKind, f: PreflightInputs): ItemStatus {
  if (kind === 'roster') {
    const missing = missingRoles(f.roster);
    return missing.length
      ? { item, status: 'RED', detail: `missing name or contact: ${missing.map((r) => ROLE_TITLE[r]).join(', ')}` }
      : { item, status: 'GREEN', detail: 'every role named with a contact' };
  }
  const unconfigured = f.unconfigured[kind];
  if (unconfigured) return { item, status: 'UNKNOWN', detail: `not probed: ${unconfigured}` };
  const probe = f.probes[kind];
  if (!probe) return { item, status: 'UNKNOWN', detail: 'not probed yet' };
  const age = f.now - probe.at;
  if (age > f.maxProbeAgeMs) return { item, status: 'UNKNOWN', detail: `last probed ${formatDuration(age)} ago (${probe.detail})` };
  return { item, status: probe.ok ? 'GREEN' : 'RED', detail: probe.detail };
}

/** GO only when every item is GREEN; otherwise NO-GO and why, for the header, the open guard and the T-1h post. */
export function preflightVerdict(items: readonly ItemStatus[]): { go: boolean; blockers: string[] } {
  const notGreen = items.filter((i) => i.status !== 'GREEN');
  return { go: notGreen.length === 0, blockers: notGreen.map((i) => `${i.item.title} ${i.status}: ${i.detail}`) };
}
