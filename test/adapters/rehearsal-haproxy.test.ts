/**
 * The bundled drill, headless, with a config naming a real HAProxy: without
 * --real-adapter the drill leaves HAProxy exactly as it found it; with it,
 * the drill drives 5% → 25% → 50% and its automatic rollback to 0%, each
 * confirmed by reading the weights back from HAProxy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeCommand } from '../../src/adapters/haproxy-runtime.js';
import { runHeadless } from '../../src/run/headless.js';
import { setupWindow } from '../../src/run/setup-window.js';
import { startHaproxy, type HaproxyServer } from '../support/haproxy-server.js';

let hap: HaproxyServer;
let dir: string;
let config: string;

beforeAll(async () => {
  hap = await startHaproxy();
  dir = mkdtempSync(join(tmpdir(), 'canary-rehearsal-'));
  config = join(dir, 'window.yaml');
  writeFileSync(config, `adapter: { type: haproxy, socket: ${hap.socketPath}, backend: app, canary: [canary1], stable: [stable1] }\n`);
}, 20_000);
afterAll(async () => {
  await hap?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const weightOf = async (server: string) => runtimeCommand({ path: hap.socketPath }, `get weight app/${server}`, 2_000);

async function drill(realAdapter: boolean): Promise<Array<Record<string, unknown>>> {
  const setup = await setupWindow({ config, headless: true, auditDir: join(dir, 'audit'), realAdapter }, {}, Date.parse('2026-11-26T04:00:00Z'));
  const lines: string[] = [];
  try {
    expect(await runHeadless(setup, { write: (l) => lines.push(l) }, new AbortController().signal)).toBe('rolled-back');
  } finally {
    setup.release?.();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.type === 'action');
}

describe('a rehearsal and a real HAProxy', { timeout: 60_000 }, () => {
  it('without --real-adapter the drill never touches HAProxy', async () => {
    expect(await runtimeCommand({ path: hap.socketPath }, 'set weight app/canary1 30', 2_000)).toBe('\n');
    const actions = await drill(false);
    expect(actions.map((a) => a.toWeight)).toEqual([5, 25, 50, 0]);
    expect(await weightOf('canary1')).toBe('30 (initial 0)\n\n');
    expect(await weightOf('stable1')).toBe('100 (initial 100)\n\n');
  });

  it('with --real-adapter every phase and the rollback land in HAProxy and are read back', async () => {
    const actions = await drill(true);
    // The engine words the detail; the adapter's part of it names every server's weight.
    expect(actions.map((a) => [a.action, a.toWeight, a.ok, /canary1=\d+ stable1=\d+/.exec(String(a.detail))?.[0]])).toEqual([
      ['open', 5, true, 'canary1=5 stable1=95'],
      ['advance', 25, true, 'canary1=25 stable1=75'],
      ['advance', 50, true, 'canary1=50 stable1=50'],
      ['rollback', 0, true, 'canary1=0 stable1=100'],
    ]);
    expect(await weightOf('canary1')).toBe('0 (initial 0)\n\n');
    expect(await weightOf('stable1')).toBe('100 (initial 100)\n\n');
  });
});
