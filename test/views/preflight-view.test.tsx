/**
 * The pre-flight view and the header of a planned release, rendered from a
 * real PreflightHost (no probes configured, two signatures): every item with
 * its status word and symbol, who signed, what each unsigned item waits for,
 * the roster; the header's stage and countdown and the IC on duty.
 */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../rules/lifecycle.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { PreflightHost } from '../../src/preflight/preflight-host.js';
import { Header } from '../../views/Header.js';
import { PreflightOverlay } from '../../views/PreflightOverlay.js';
import { releaseModel } from '../../views/release-model.js';
import { plain } from './helpers.js';
import { sampleModel } from './sample-model.js';

const T0 = Date.parse('2026-12-02T18:00:00Z');
const now = T0 - 42 * 60_000;
const roster = { incidentCommander: { name: 'Ana Ruiz', contact: '<@U01ANA>' }, releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' } };
const host = new PreflightHost({ window: { start: new Date(T0).toISOString() }, roster }, DEFAULT_POLICY, {
  read: () => [{ item: 'infra-lock', by: 'Bo Chen', at: now - 600_000 }, { item: 'security', by: 'Bo Chen', at: now - 300_000 }], append: () => {},
}, null);
const view = host.view(now);
const state = { status: 'ready' as const, phaseIndex: 0, phaseStartedAt: now, weight: 0, triggers: {}, lastReportAt: null };
const release = releaseModel(view, lifecycle({ now, windowStartAt: T0, state, policy: DEFAULT_POLICY, notGreen: view.items.filter((i) => i.status !== 'GREEN').length, stable: null }))!;

describe('the pre-flight view', () => {
  it('lists every item with its status, who signed and what the rest wait for', () => {
    const f = plain(render(<PreflightOverlay release={release} width={100} />).lastFrame());
    expect(f).toContain('Pre-flight · NO-GO (11 not GREEN) · stage PRE-FLIGHT · T-0 is 18:00 UTC, in 42m');
    expect(f).toMatch(/✔ GREEN +Infra lock +signed by Bo Chen \(Release Eng\) at 17:08 UTC/);
    expect(f).toMatch(/\? UNKNOWN +Security sign-off +waiting for Security\/Compliance, who is not in the roster, to…/);
    expect(f).toMatch(/\? UNKNOWN +Synthetic monitor +not probed: no preflight\.healthEndpoints in the config/);
    expect(f).toMatch(/✖ RED +DRI roster +missing name or contact: PM-B2C, PM-B2B, Security\/Compliance,…/);
    expect(f).toContain('Incident Commander: Ana Ruiz <@U01ANA>');
    expect(f).toContain('PM-B2B: — missing');
  });

  it('the header says the stage, what the next step needs, and who is IC', () => {
    const f = plain(render(<Header header={sampleModel('healthy').header} width={100} release={release} />).lastFrame());
    expect(f).toContain('PRE-FLIGHT · pre-flight NO-GO: 11 item(s) not GREEN · T-0 in 42m');
    expect(f).toContain('IC Ana Ruiz · next report in');
  });
});

describe('the region in the pre-flight view', () => {
  it('shows the region rule\'s choice and its rationale once Prometheus has answered', async () => {
    const { chooseRegion } = await import('../../rules/region-choice.js');
    const readings = [{ name: 'us-west-2', coast: 'west', rps7d: 1240, spare: 0.42 }, { name: 'us-east-1', coast: 'east', rps7d: 4200, spare: 0.5 }];
    let asked = 0;
    const regions = async () => { asked += 1; return chooseRegion(readings, { minSpare: 0.3, tieWithin: 0.05 }); };
    const h = new PreflightHost({ window: { start: new Date(T0).toISOString() }, roster }, DEFAULT_POLICY, { read: () => [], append: () => {} }, null, [], regions);
    expect(h.view(now).region).toEqual({ chosen: null, rationale: "asking Prometheus for each region's 7-day RPS and spare capacity" });
    h.tick(now, null, { unreachableSince: null, lastSampleAt: null, problems: [] });
    await new Promise((r) => setImmediate(r));
    h.tick(now + 60_000, null, { unreachableSince: null, lastSampleAt: null, problems: [] });
    expect(asked).toBe(1); // once an hour, not at every check
    // Asked twice in one frame, computed once; a change (here the region's answer, then a tick) computes it again.
    expect(h.view(now)).toBe(h.view(now));
    const v = h.view(now);
    expect(v.region).toMatchObject({ chosen: 'us-west-2', rationale: expect.stringMatching(/^Canary region us-west-2: the lowest 7-day RPS/) });
    const r = releaseModel(v, lifecycle({ now, windowStartAt: T0, state, policy: DEFAULT_POLICY, notGreen: 11, stable: null }))!;
    const f = plain(render(<PreflightOverlay release={r} width={100} />).lastFrame());
    expect(f).toContain('Canary region us-west-2 (the rationale goes in the T-2h post)');
    expect(f).toContain('Canary region us-west-2: the lowest 7-day RPS among regions with at least 30% spare capacity');
  });
});
