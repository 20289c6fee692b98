// The drill of the whole release (drill-whole-release): T-2h10m to the end
// of the 24-hour freeze after GA, on the virtual clock. Healthy numbers
// throughout; what happens around the window is recorded in the fixture's
// `preflight`: the synthetic monitor failing an endpoint and recovering, the
// other probes, each DRI's signature at its time (one of them after T-1h, so
// PRE-FLIGHT is NO-GO for a while), and the post-success checklist after GA.
// Written by scripts/generate-drills.ts.
import type { Fixture } from '../src/fixture/schema.js';
import { SYNTHETIC_START, syntheticWindow } from '../src/fixture/synthetic-window.js';

const MIN = 60_000;
/** T-0: 130 minutes after the drill starts (T-2h10m). */
export const T0_MINUTE = 130;
/** Phases 90 + 60 + 90 + 120 minutes after T-0, when every gate stays GREEN and the IC gives the gate review at once. */
export const GA_MINUTE = T0_MINUTE + 360;
const at = (minute: number) => new Date(SYNTHETIC_START + minute * MIN).toISOString();

export const ROSTER = {
  incidentCommander: { name: 'Ana Ruiz', contact: '<@U01ANA>' }, releaseEng: { name: 'Bo Chen', contact: '<@U02BO>' },
  pmB2c: { name: 'Cy Diaz', contact: '<@U03CY>' }, pmB2b: { name: 'Di Egan', contact: '<@U04DI>' },
  securityCompliance: { name: 'Ed Fox', contact: '<@U05ED>' }, dataObservability: { name: 'Fay Gul', contact: '<@U06FAY>' },
  ceo: { name: 'Gil Hart', contact: '<@U07GIL>' },
};

export function wholeReleaseDrill(config: Record<string, unknown>): Fixture {
  const f = syntheticWindow(GA_MINUTE + 30);
  return {
    ...f,
    name: 'drill-whole-release',
    description: 'The whole release on the virtual clock: T-2h10m with the roster set, probes and DRI signatures arriving (the synthetic monitor fails one endpoint until T-1h30m, SEO signs 15 minutes after T-1h), GO, the IC opens at T-0, every phase GREEN, the gate review at 50%, two hours stable at 100%, the post-success checklist, and the 24-hour freeze.',
    // The freeze runs 24 hours after GA; the numbers stop 30 minutes after it (a decided window reads nothing more).
    end: at(GA_MINUTE + 24 * 60 + 5),
    config: { ...config, autoAdvance: true, window: { start: at(T0_MINUTE) }, roster: ROSTER },
    expect: { outcome: 'promoted', atMinute: GA_MINUTE, phaseWeight: 100 },
    preflight: {
      probes: [
        { kind: 'synthetic-monitor', ok: false, at: at(5), detail: '1/3 failing: api 503 Service Unavailable' },
        { kind: 'synthetic-monitor', ok: true, at: at(40), detail: '3/3 passing, slowest 41 ms' },
        { kind: 'dashboards', ok: true, at: at(15), detail: '3/3 answering' },
        { kind: 'payment-caps', ok: true, at: at(20), detail: 'enforced 100 tx, $20/tx, $1,500 global (directive: 100 tx, $20/tx, $1,500 global)' },
        { kind: 'billing', ok: true, at: at(25), detail: 'GREEN: cost telemetry within 2% of billing' },
      ],
      signatures: [
        { item: 'infra-lock', by: 'Bo Chen', at: at(30) },
        { item: 'db-changes', by: 'Bo Chen', at: at(35) },
        { item: 'feature-flags', by: 'Bo Chen', at: at(45) },
        { item: 'security', by: 'Ed Fox', at: at(55) },
        { item: 'observability', by: 'Fay Gul', at: at(65) },
        { item: 'seo', by: 'Cy Diaz', at: at(85) },
        { item: 'lift-caps', by: 'Bo Chen', at: at(GA_MINUTE + 10) },
        { item: 'remove-infra-lock', by: 'Bo Chen', at: at(GA_MINUTE + 12) },
        { item: 'win-note', by: 'Ana Ruiz', at: at(GA_MINUTE + 30) },
        { item: 'cohort-review', by: 'Cy Diaz', at: at(GA_MINUTE + 45) },
      ],
    },
  };
}
