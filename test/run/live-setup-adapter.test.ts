/**
 * A live window's adapter and its lock: a viewer never builds the real
 * adapter (a plugin's code must not run in a second instance), and a driver
 * whose adapter config is bad exits with the lock and the audit untouched.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { setupWindow } from '../../src/run/setup-window.js';

const TAG = 'v20261126.3';
/** A plugin that leaves a mark when it is built, and one per build. */
const PLUGIN = `import { appendFileSync } from 'node:fs';
export function createAdapter({ mark }) {
  appendFileSync(mark, 'built\\n');
  const answer = async (w) => ({ ok: true, weight: w ?? 0, detail: 'ok' });
  return { describe: () => 'marking plugin', getWeight: () => answer(0), setWeight: answer };
}
`;

function liveWindow(adapterLine: string) {
  const dir = mkdtempSync(join(tmpdir(), 'canary-live-setup-'));
  writeFileSync(join(dir, 'lb.mjs'), PLUGIN);
  const config = join(dir, 'w.yaml');
  writeFileSync(config, [
    `release: { tag: ${TAG} }`,
    // Never contacted: setting up a window reads nothing from its source.
    'source: { type: prometheus, url: "http://127.0.0.1:9", queries: { latency_p95: "x" } }',
    adapterLine.replace('MARK', join(dir, 'built.txt')),
  ].join('\n'));
  const auditDir = join(dir, 'audit');
  return { dir, config, auditDir, marks: () => (existsSync(join(dir, 'built.txt')) ? readFileSync(join(dir, 'built.txt'), 'utf8').trim().split('\n').length : 0) };
}

const PLUGIN_LINE = 'adapter: { type: plugin, module: ./lb.mjs, options: { mark: "MARK" } }';

describe('a live window builds its adapter only when it drives', () => {
  it('the driver builds the plugin once; a second instance watches with a stand-in that refuses, and never builds it', async () => {
    const w = liveWindow(PLUGIN_LINE);
    const driver = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'alice' }, {}, Date.now());
    expect(driver.readOnly).toBeUndefined();
    expect(driver.adapter.describe()).toBe('marking plugin');
    expect(w.marks()).toBe(1);

    const viewer = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'bob' }, {}, Date.now());
    expect(viewer.readOnly).toMatch(/^read-only viewer: alice drives this window/);
    expect(viewer.adapter.describe()).toBe('plugin (driven by the other instance; this viewer never touches it)');
    expect(await viewer.adapter.setWeight(0)).toEqual({ ok: false, weight: null, detail: 'a read-only viewer never touches the load balancer' });
    expect(w.marks()).toBe(1);
    driver.release?.();
  });

  it('--take-over builds the real adapter', async () => {
    const w = liveWindow(PLUGIN_LINE);
    const first = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'alice' }, {}, Date.now());
    const taker = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'bob', takeOver: true }, {}, Date.now());
    expect(taker.readOnly).toBeUndefined();
    expect(taker.adapter.describe()).toBe('marking plugin');
    expect(w.marks()).toBe(2);
    taker.release?.();
    first.release?.();
  });

  it('a driver whose adapter secret is missing exits 2 with no lock taken and nothing audited', async () => {
    const w = liveWindow('adapter: { type: webhook, url: "http://127.0.0.1:9/lb", auth: { header: Authorization, token: { env: NO_SUCH_LB_TOKEN } } }');
    const e = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'alice' }, {}, Date.now()).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toContain('adapter.auth.token: expected environment variable NO_SUCH_LB_TOKEN to be set');
    const left = existsSync(w.auditDir) ? readdirSync(w.auditDir) : [];
    expect(left).toEqual([]);
  });

  it('a dead holder is no reason to watch: the lock of a killed driver is taken over and the adapter built', async () => {
    const w = liveWindow(PLUGIN_LINE);
    const first = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'alice' }, {}, Date.now());
    // The first driver "dies": its lock names a process that no longer exists.
    writeFileSync(join(w.auditDir, `${TAG}-live.lock`), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), operator: 'alice', since: 'x' }));
    const next = await setupWindow({ config: w.config, auditDir: w.auditDir, operator: 'bob' }, {}, Date.now());
    expect(next.readOnly).toBeUndefined();
    expect(w.marks()).toBe(2);
    next.release?.();
    first.release?.();
  });
});
