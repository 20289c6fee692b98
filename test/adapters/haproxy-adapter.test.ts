/**
 * The HAProxy adapter against a real HAProxy: each phase's weight is set
 * through the runtime API, read back, and then proven by sending 1000
 * requests through the frontend and counting which backend answered.
 * Faults: a missing socket, a server HAProxy does not know, a socket that
 * never answers, a weight changed behind our back, and HAProxy killed.
 * One HAProxy for the file; the tests run in order and the kill comes last.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HaproxyAdapter, type HaproxyOptions } from '../../src/adapters/haproxy-adapter.js';
import { runtimeCommand } from '../../src/adapters/haproxy-runtime.js';
import { getOnce, startHaproxy, type HaproxyServer } from '../support/haproxy-server.js';

let hap: HaproxyServer;
let dir: string;

beforeAll(async () => {
  hap = await startHaproxy();
  dir = mkdtempSync(join(tmpdir(), 'canary-haproxy-test-'));
}, 20_000);

afterAll(async () => {
  await hap?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const adapter = (over: Partial<HaproxyOptions> = {}) =>
  new HaproxyAdapter({ socket: hap.socketPath, backend: 'app', canary: ['canary1'], stable: ['stable1'], timeoutMs: 2_000, ...over });

/** Percent of `n` requests (fresh connection each, 8 at a time) answered by the canary backend (it answers its name, "canary1"). */
async function canaryShareOf(n: number): Promise<number> {
  let sent = 0;
  let canary = 0;
  const bodies = new Set<string>();
  const worker = async () => {
    while (sent < n) {
      sent++;
      const { status, body } = await getOnce(hap.frontendUrl);
      expect(status).toBe(200);
      bodies.add(body);
      if (body === hap.canaryServer) canary++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  expect([...bodies].every((b) => b === hap.canaryServer || b === hap.stableServer)).toBe(true);
  return (canary * 100) / n;
}

describe('HAProxy adapter, phase by phase, with 1000 requests through the real frontend', { timeout: 30_000 }, () => {
  it.each([5, 25, 50, 100, 0].map((target) => ({ target })))('at $target percent the weight reads back and the canary serves that share within ±2 points', async ({ target }) => {
    const a = adapter();
    const set = await a.setWeight(target);
    expect(set).toMatchObject({ ok: true, weight: target });
    expect(await a.verify(target)).toMatchObject({ ok: true, weight: target });
    expect(await a.getWeight()).toMatchObject({ ok: true, weight: target });
    const share = await canaryShareOf(1000);
    process.stdout.write(`haproxy split: target ${target}% measured ${share.toFixed(1)}% canary (${set.detail})\n`);
    expect(Math.abs(share - target)).toBeLessThanOrEqual(2);
  });

  it('speaks the same API over TCP host:port', async () => {
    const a = adapter({ socket: hap.socketTcp });
    expect(await a.setWeight(25)).toMatchObject({ ok: true });
    expect(await a.getWeight()).toMatchObject({ ok: true, weight: 25, detail: 'read back 25% (canary1=25 stable1=75)' });
    expect(a.describe()).toContain(hap.socketTcp);
  });
});

describe('HAProxy adapter faults: every one is an ok:false answer that says why, never a throw', { timeout: 20_000 }, () => {
  it('a missing socket path is named in the answer', async () => {
    const missing = join(dir, 'no-such.sock');
    const a = adapter({ socket: missing });
    const set = await a.setWeight(0);
    expect(set.ok).toBe(false);
    expect(set.detail).toContain(missing);
    expect(set.detail).toContain('no such socket');
    expect(await a.verify(0)).toMatchObject({ ok: false, weight: null });
    expect((await a.getWeight()).detail).toContain(missing);
  });

  it("HAProxy's own error text is surfaced (a server it does not know)", async () => {
    const set = await adapter({ canary: ['canary9'] }).setWeight(5);
    expect(set.ok).toBe(false);
    expect(set.detail).toContain('No such server.');
  });

  it('a socket that accepts but never answers times out per command', async () => {
    const path = join(dir, 'silent.sock');
    const silent: Server = createServer(() => { /* accept and say nothing */ });
    await new Promise<void>((r) => silent.listen(path, r));
    try {
      const set = await adapter({ socket: path, timeoutMs: 150 }).setWeight(5);
      expect(set.ok).toBe(false);
      expect(set.detail).toContain('did not answer');
      expect(set.detail).toContain('150 ms');
    } finally {
      silent.close();
    }
  });

  it('another client changing the weight behind our back is a mismatch with both numbers', async () => {
    const a = adapter();
    expect(await a.setWeight(25)).toMatchObject({ ok: true });
    expect(await runtimeCommand({ path: hap.socketPath }, 'set weight app/canary1 60', 2_000)).toBe('\n');
    const back = await a.verify(25);
    // 60 / (60 + 75) of the traffic is 44.44%
    expect(back).toMatchObject({ ok: false, weight: 44.44 });
    expect((back as { detail: string }).detail).toBe('read back 44.44% (canary1=60 stable1=75), expected 25% (canary1=25 stable1=75)');
  });

  it('HAProxy killed: set, verify and get all answer ok:false with the reason', async () => {
    await hap.kill();
    for (const a of [adapter(), adapter({ socket: hap.socketTcp })]) {
      const set = await a.setWeight(0);
      expect(set.ok).toBe(false);
      expect(set.detail).toMatch(/connection refused|no such socket/);
      expect(await a.verify(0)).toMatchObject({ ok: false, weight: null });
      expect(await a.getWeight()).toMatchObject({ ok: false, weight: null });
    }
  });
});
