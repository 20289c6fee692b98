/**
 * The synthetic monitor against real loopback HTTP servers: one healthy,
 * one answering 500, one that hangs past the timeout, and a port nobody
 * listens on. Rounds follow the window's virtual clock (every 60 s of it);
 * the network waits are real and bounded by the timeout.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyntheticMonitor } from '../../src/preflight/synthetic-monitor.js';
import { freePort } from '../support/haproxy-server.js';

const servers: Server[] = [];
let healthy = '';
let failing = '';
let hanging = '';
let refused = '';
let failingStatus = 500;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/healthz`;
}

beforeAll(async () => {
  healthy = await serve((_q, res) => res.end('ok'));
  failing = await serve((_q, res) => { res.statusCode = failingStatus; res.end('down'); });
  hanging = await serve(() => { /* never answers */ });
  refused = `http://127.0.0.1:${await freePort()}/healthz`;
});
afterAll(() => { for (const s of servers) { s.closeAllConnections(); s.close(); } });

const T0 = Date.parse('2026-12-02T16:00:00Z');

describe('the synthetic monitor', { timeout: 20_000 }, () => {
  it('shows each endpoint pass or fail with its reason and latency; RED while any fails', async () => {
    const m = new SyntheticMonitor(
      [{ name: 'web', url: healthy }, { name: 'api', url: failing }, { name: 'search', url: hanging }, { name: 'auth', url: refused }],
      { intervalMs: 60_000, timeoutMs: 300 },
    );
    expect(m.probe()).toBeUndefined();
    m.tick(T0);
    await m.settled();
    const byName = Object.fromEntries(m.statuses().map((s) => [s.name, s]));
    expect(byName.web).toMatchObject({ ok: true, result: '200 OK', at: T0, lastFailure: null });
    expect(byName.api).toMatchObject({ ok: false, result: '500 Internal Server Error', lastFailure: { at: T0, result: '500 Internal Server Error' } });
    expect(byName.search).toMatchObject({ ok: false, result: 'timed out after 300 ms' });
    expect(byName.search!.latencyMs).toBeGreaterThanOrEqual(290);
    expect(byName.auth).toMatchObject({ ok: false, result: 'connection refused' });
    expect(m.probe()).toEqual({ ok: false, at: T0, detail: '3/4 failing: api 500 Internal Server Error; search timed out after 300 ms; auth connection refused' });
  });

  it('probes every 60 s of the window clock, not at every check; a recovered endpoint keeps its last failure', async () => {
    failingStatus = 500;
    const m = new SyntheticMonitor([{ name: 'web', url: healthy }, { name: 'api', url: failing }], { intervalMs: 60_000, timeoutMs: 1000 });
    m.tick(T0);
    await m.settled();
    failingStatus = 200;
    // Checks every 15 s: the next round is due at +60 s, not before.
    for (const s of [15, 30, 45]) {
      m.tick(T0 + s * 1000);
      await m.settled();
    }
    expect(m.statuses().find((s) => s.name === 'api')).toMatchObject({ ok: false, at: T0 });
    m.tick(T0 + 60_000);
    await m.settled();
    expect(m.statuses().find((s) => s.name === 'api')).toMatchObject({ ok: true, at: T0 + 60_000, result: '200 OK', lastFailure: { at: T0, result: '500 Internal Server Error' } });
    expect(m.probe()).toMatchObject({ ok: true, at: T0 + 60_000, detail: expect.stringMatching(/^2\/2 passing, slowest \d+ ms$/) });
  });
});
