/**
 * The pre-flight gate, item by item: probed items GREEN only on a fresh
 * passing probe, RED on a failing one, UNKNOWN when not probed, probed too
 * long ago or not set up; signed items GREEN only when signed by the roster's
 * holder of their role; the roster RED while a role is missing. GO only when
 * every item is GREEN.
 */
import { describe, expect, it } from 'vitest';
import { checklistStatus, preflightStatus, preflightVerdict, type PreflightInputs } from '../../rules/preflight.js';
import { PREFLIGHT_ITEMS } from '../../rules/preflight-items.js';
import type { Roster } from '../../rules/roles.js';

const MIN = 60_000;
const ROSTER: Roster = {
  incidentCommander: { name: 'Ana Ruiz', contact: '<@U01>' }, releaseEng: { name: 'Bo Chen', contact: '<@U02>' },
  pmB2c: { name: 'Cy Diaz', contact: '<@U03>' }, pmB2b: { name: 'Di Egan', contact: '<@U04>' },
  securityCompliance: { name: 'Ed Fox', contact: '<@U05>' }, dataObservability: { name: 'Fay Gul', contact: '<@U06>' },
  ceo: { name: 'Gil Hart', contact: '<@U07>' },
};
const allProbes = (at: number) => Object.fromEntries(['synthetic-monitor', 'prometheus', 'billing', 'payment-caps', 'dashboards'].map((k) => [k, { ok: true, at, detail: `${k} ok` }]));
const signer: Record<string, string> = { 'infra-lock': 'Bo Chen', security: 'ed fox', 'db-changes': 'Bo Chen', 'feature-flags': 'Bo Chen', observability: 'Fay Gul', seo: 'Cy Diaz' };
const green = (now = 100 * MIN): PreflightInputs => ({
  now, probes: allProbes(now - MIN), unconfigured: {}, roster: ROSTER, maxProbeAgeMs: 3 * MIN,
  signatures: Object.entries(signer).map(([item, by]) => ({ item, by, at: now - 10 * MIN })),
});
const of = (i: PreflightInputs, id: string) => preflightStatus(i).find((s) => s.item.id === id)!;

describe('pre-flight', () => {
  it('lists every item of sections 2 and 6 and the roster; all GREEN is GO', () => {
    expect(PREFLIGHT_ITEMS.map((i) => i.id)).toEqual(['infra-lock', 'payment-caps', 'security', 'dashboards', 'synthetic-monitor', 'prometheus', 'billing', 'db-changes', 'feature-flags', 'observability', 'seo', 'roster']);
    const items = preflightStatus(green());
    expect(items.every((i) => i.status === 'GREEN')).toBe(true);
    expect(preflightVerdict(items)).toEqual({ go: true, blockers: [] });
    expect(of(green(), 'security').detail).toBe('signed by ed fox (Security/Compliance) at 01:30 UTC');
  });

  it('a signature by someone who does not hold the role leaves the item UNKNOWN and says who did sign', () => {
    const i = green();
    i.signatures = i.signatures.map((s) => (s.item === 'security' ? { ...s, by: 'Bo Chen' } : s));
    expect(of(i, 'security')).toMatchObject({ status: 'UNKNOWN', detail: "waiting for Security/Compliance (Ed Fox) to sign; Bo Chen signed but is not the roster's Security/Compliance" });
    expect(preflightVerdict(preflightStatus(i))).toEqual({ go: false, blockers: ["Security sign-off UNKNOWN: waiting for Security/Compliance (Ed Fox) to sign; Bo Chen signed but is not the roster's Security/Compliance"] });
  });

  it('probes: a failure is RED with its reason; none, an old one or an unconfigured one is UNKNOWN', () => {
    const failed = green();
    failed.probes['synthetic-monitor'] = { ok: false, at: failed.now - MIN, detail: '1/3 failing: http://127.0.0.1:1/healthz: 500' };
    expect(of(failed, 'synthetic-monitor')).toMatchObject({ status: 'RED', detail: '1/3 failing: http://127.0.0.1:1/healthz: 500' });
    const none = green();
    delete none.probes.billing;
    expect(of(none, 'billing')).toMatchObject({ status: 'UNKNOWN', detail: 'not probed yet' });
    const old = green();
    old.probes.dashboards = { ok: true, at: old.now - 10 * MIN, detail: '3/3 answering' };
    expect(of(old, 'dashboards')).toMatchObject({ status: 'UNKNOWN', detail: 'last probed 10m ago (3/3 answering)' });
    const unset = green();
    unset.unconfigured['payment-caps'] = 'no preflight.paymentCaps source in the config';
    expect(of(unset, 'payment-caps')).toMatchObject({ status: 'UNKNOWN', detail: 'not probed: no preflight.paymentCaps source in the config' });
  });

  it('a role missing from the roster is RED, and the items it signs wait for someone who is not there', () => {
    const i = green();
    const { pmB2b: _, ...rest } = ROSTER;
    i.roster = { ...rest, ceo: { name: 'Gil Hart', contact: ' ' } };
    expect(of(i, 'roster')).toMatchObject({ status: 'RED', detail: 'missing name or contact: PM-B2B, CEO (executive tie-break)' });
    i.roster = { ...i.roster, pmB2c: undefined } as Roster;
    expect(of(i, 'seo')).toMatchObject({ status: 'UNKNOWN', detail: "waiting for PM-B2C, who is not in the roster, to sign; Cy Diaz signed but is not the roster's PM-B2C" });
  });

  it('signatures of another attempt (before T-2h of this window) and checklist items signed before GA do not count', () => {
    const i = green();
    i.signedFrom = i.now - 5 * MIN;
    expect(of(i, 'security')).toMatchObject({ status: 'UNKNOWN', detail: 'waiting for Security/Compliance (Ed Fox) to sign' });
    const early = { ...green(), signatures: [{ item: 'lift-caps', by: 'Bo Chen', at: 50 * MIN }] };
    const checklist = (p: PreflightInputs) => checklistStatus(p).find((s) => s.item.id === 'lift-caps')!.status;
    expect(checklist({ ...early, promotedAt: null })).toBe('UNKNOWN');
    expect(checklist({ ...early, promotedAt: 60 * MIN })).toBe('UNKNOWN');
    expect(checklist({ ...early, promotedAt: 40 * MIN })).toBe('GREEN');
  });
});
