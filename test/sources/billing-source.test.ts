import { afterEach, describe, expect, it } from 'vitest';
import { read } from '../../rules/measures.js';
import { DEFAULT_POLICY } from '../../rules/policy.js';
import { seriesKey } from '../../rules/types.js';
import { Redactor } from '../../src/config/secrets.js';
import { BillingSource } from '../../src/sources/billing-source.js';
import { json, startRecordingServer, type Handler, type RecordingServer } from './recording-server.js';

const TOKEN = 'billing-token-abcdef';
let server: RecordingServer | null = null;
afterEach(async () => server?.stop());

const totals = (over: Record<string, number> = {}) => ({ users: 1000, requests: 50_000, cost: 42, revenue: 110, aiRevenue: 46, aiProviderCost: 10, ...over });
const NOW = Date.parse('2026-11-26T10:00:00Z');
/** A billing answer computed at `at` (ISO). */
const answer = (canary = totals(), at = new Date(NOW).toISOString()) => ({ at, tracks: { canary, control: totals() } });

async function billing(handler: Handler, timeoutMs = 2000) {
  server = await startRecordingServer(handler);
  const redactor = new Redactor();
  redactor.add(TOKEN);
  return new BillingSource({ url: `${server.url}/v1/canary-economics`, timeoutMs, authorization: `Bearer ${TOKEN}` }, redactor);
}

describe('billing source (a stub server: no real billing API runs on a laptop)', () => {
  it('turns per-track totals into cost/user, cost/request, margin and markup, asking for the check time', async () => {
    const source = await billing((_req, res) => json(res, 200, answer(totals({ cost: 44.1 }))));
    const r = await source.read(NOW);
    expect(server!.requests[0]!.query.get('time')).toBe('2026-11-26T10:00:00.000Z');
    expect(server!.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const canary = Object.fromEntries(r.samples.filter((s) => s.track === 'canary').map((s) => [s.kpi, Number(s.value.toFixed(6))]));
    expect(canary).toEqual({ cost_per_user: 0.0441, cost_per_request: 0.000882, margin: 0.599091, markup: 4.6 });
  });

  it('zero users give NaN (UNKNOWN to the rules), not a division by zero', async () => {
    const source = await billing((_req, res) => json(res, 200, answer(totals({ users: 0 }))));
    const r = await source.read(NOW);
    expect(r.samples.find((s) => s.track === 'canary' && s.kpi === 'cost_per_user')!.value).toBeNaN();
  });

  it.each([
    ['a wrong shape', (_q: unknown, res: any) => json(res, 200, answer(totals({ cost: -1 }))), 'response tracks.canary.cost: expected number to be >=0'],
    ['an answer with no time', (_q: unknown, res: any) => json(res, 200, { tracks: { canary: totals(), control: totals() } }), 'response at: expected the time the totals were computed (ISO 8601'],
    ['an answer from the future', (_q: unknown, res: any) => json(res, 200, answer(totals(), '2026-11-26T10:05:00Z')), "response at: 2026-11-26T10:05:00Z is ahead of this machine's clock"],
    ['HTTP 500', (_q: unknown, res: any) => json(res, 500, { error: `token ${TOKEN} broke` }), 'HTTP 500'],
    ['an HTML page', (_q: unknown, res: any) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>login</html>'); }, 'the answer was not JSON'],
  ])('%s is a problem that names what was wrong', async (_name, handler, message) => {
    const source = await billing(handler as Handler);
    const r = await source.read(NOW);
    expect(r.samples).toEqual([]);
    expect(r.problems[0]!.message).toContain(message);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('a server that never answers times out as unreachable', async () => {
    const source = await billing(() => undefined, 200);
    const r = await source.read(Date.now());
    expect(r.problems[0]).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('timed out after 200 ms') });
  });

  // Issue 8, observation 12: the answer's `at` was parsed and ignored, so stale billing never looked stale.
  it("stamps every sample with the billing answer's own time, so ten-minute-old totals are stale to the rules", async () => {
    const source = await billing((_req, res) => json(res, 200, answer(totals(), '2026-11-26T09:50:00Z')));
    const r = await source.read(NOW);
    expect(r.problems).toEqual([]);
    expect(new Set(r.samples.map((s) => s.at))).toEqual(new Set([Date.parse('2026-11-26T09:50:00Z')]));
    const ctx = { snapshot: { latest: new Map(r.samples.map((s) => [seriesKey(s.kpi, s.track, s.journey), s])) }, now: NOW, staleAfterMs: DEFAULT_POLICY.staleAfterMs };
    expect(read(ctx, 'cost_per_user', 'canary')).toMatchObject({ value: null, problem: 'cost_per_user canary is stale (10m old)' });
  });
});
