/**
 * Issue 9: no secret in any output. Every secret a config can hold gets a
 * unique value; the built bin runs a live window headless against remotes
 * that answer only 401, 500, HTML and garbage, each echoing the request's
 * headers (echo-stub.ts). Then the headless stream, stderr and every file
 * under the audit folder must hold no 8-character piece of any secret, raw
 * or base64 (alone, and as the Basic header's user:password). Three configs,
 * because Authorization carries one credential at a time: bearer, basic
 * auth, or Grafana's token. Then the same window on a screen: the TUI in
 * tmux (its environment, never its argv, holds the secrets), every frame
 * captured while the failures arrive, a copied report, and its files.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TmuxSession, waitFor } from '../e2e/tmux.js';
import { CLI, HeadlessRun } from '../live/live-helpers.js';
import { FAILURES, startEchoStub, type EchoStub } from './echo-stub.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (name: string) => `${name}-${randomBytes(9).toString('hex')}`;
const QUERIES = { latency_p95: 'max by ({{track}}, {{journey}}) (p95{ {{tracks}} })', cache_hit: 'max by ({{track}}) (cache{ {{tracks}} })' };
const env = (secrets: Record<string, string>) => Object.fromEntries(Object.entries(secrets).map(([k, v]) => [`LEAK_${k.toUpperCase()}`, v]));
const ref = (name: string) => ({ env: `LEAK_${name.toUpperCase()}` });

/** Each case: its secrets, and its config given the stub's URL and a folder for secret files. */
const CASES: Array<[string, Record<string, string>, (url: string, dir: string, s: Record<string, string>) => Record<string, unknown>]> = [
  ['bearer token, tenant and secret headers, billing token from a file, webhook token', { bearer: secret('bearer'), tenant: secret('tenant'), apikey: secret('apikey'), billing: secret('billing'), hook: secret('hook') }, (url, dir, s) => ({
    source: { type: 'prometheus', url, bearerToken: ref('bearer'), secretHeaders: { 'X-Scope-OrgID': ref('tenant'), 'X-Api-Key': ref('apikey') }, queries: QUERIES },
    billing: { url: `${url}/billing`, token: { file: secretFile(dir, 'billing', s.billing!) } },
    adapter: { type: 'webhook', url: `${url}/hook`, verifyUrl: `${url}/hook/verify`, auth: { scheme: 'Bearer', token: ref('hook') } },
  })],
  ['basic auth, exec adapter secret env', { password: secret('password'), execenv: secret('execenv') }, (url, _dir) => ({
    source: { type: 'prometheus', url, basicAuth: { username: 'ic-bot', password: ref('password') }, queries: QUERIES },
    adapter: { type: 'exec', command: [process.execPath, '-e', 'process.exit(1)'], secretEnv: { EXEC_SECRET: ref('execenv') },
      getCommand: [process.execPath, '-e', 'console.log("weight for", process.env.EXEC_SECRET); console.error(process.env.EXEC_SECRET); process.exit(1)'] },
  })],
  ['Grafana service-account token', { grafana: secret('grafana'), billing: secret('billing') }, (url) => ({
    source: { type: 'prometheus', grafana: { url, datasourceUid: 'prom', token: ref('grafana') }, queries: QUERIES },
    billing: { url: `${url}/billing`, token: ref('billing') },
  })],
];

function secretFile(dir: string, name: string, value: string): string {
  writeFileSync(join(dir, name), `${value}\n`, { mode: 0o600 });
  return join(dir, name);
}

/** Every form a secret may leave in, as 8-character pieces. */
function pieces(secrets: Record<string, string>): string[] {
  const forms = Object.values(secrets).flatMap((s) => [s, b64(s)]);
  if (secrets.password) forms.push(b64(`ic-bot:${secrets.password}`));
  return forms.flatMap((f) => Array.from({ length: f.length - 7 }, (_, i) => f.slice(i, i + 8)));
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

async function until(what: string, ok: () => boolean, run: HeadlessRun, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${run.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let stub: EchoStub | null = null;
let tmux: TmuxSession | null = null;
afterEach(async () => {
  tmux?.stop();
  tmux = null;
  await stub?.stop();
});

/** A new folder with the case's config pointed at the stub. */
function windowFor(configOf: (typeof CASES)[number][2], secrets: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'canary-leak-'));
  const config = join(dir, 'window.yaml');
  writeFileSync(config, stringify({ release: { tag: 'v20261126.1' }, checkInterval: '300ms', staleAfter: '1s', ...configOf(stub!.url, dir, secrets) }));
  return { audit: join(dir, 'audit'), config };
}

const allServed = (secrets: Record<string, string>) => () => stub!.served.prometheus!.size === FAILURES.length
  && (!('billing' in secrets) || stub!.served.billing!.size === FAILURES.length);

describe('no secret reaches any output of a live window', { timeout: 40_000 }, () => {
  it.each(CASES)('%s', async (_name, secrets, configOf) => {
    stub = await startEchoStub();
    const { audit, config } = windowFor(configOf, secrets);
    const run = new HeadlessRun(['--config', config, '--open', '--audit-dir', audit, '--operator', 'leak-test'], env(secrets));
    await until('every failure from every remote', allServed(secrets), run);
    const checks = run.lines.filter((l) => l.type === 'check').length;
    await until('a check after the last failure', () => run.lines.filter((l) => l.type === 'check').length > checks + 1, run);
    run.stop();
    expect(await run.exited).toBe(4);
    const outputs = [JSON.stringify(run.lines), run.stderr, ...filesUnder(audit).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(pieces(secrets).filter((p) => outputs.includes(p))).toEqual([]);
    // The echoes did reach the output, and were scrubbed there.
    expect(outputs).toContain('[redacted]');
    expect(run.lines.some((l) => l.type === 'error' && /HTTP 200: the server answered HTML/.test(l.message))).toBe(true);
    // The webhook's read-back was asked (and failed, echoing); its detail stays inside the READY blockers.
    if (secrets.hook) expect([...stub.served.webhook!]).toContain('401');
  });

  it.each(CASES)('%s, on screen (tmux)', async (_name, secrets, configOf) => {
    stub = await startEchoStub();
    const { audit, config } = windowFor(configOf, secrets);
    // The tmux server, and so the pane, inherits the environment it starts with.
    const vars = env(secrets);
    Object.assign(process.env, vars);
    const t = (tmux = new TmuxSession(200, 60));
    try {
      t.start([process.execPath, CLI, '--config', config, '--open', '--audit-dir', audit, '--operator', 'leak-test'], { TERM: 'xterm-256color' });
    } finally {
      for (const k of Object.keys(vars)) delete process.env[k];
    }
    const screens: string[] = [];
    const deadline = Date.now() + 20_000;
    let after = 0;
    // Every frame while the failures arrive, then ten more (about a second's worth).
    while (after < 10) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for every failure on screen; last screen:\n${screens.at(-1)}`);
      screens.push(t.screen());
      if (allServed(secrets)()) after += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
    t.keys('c');
    screens.push(await waitFor('the copy said', () => (/report (saved|copied)|not confirmable|clipboard/i.test(t.screen()) ? t.screen() : null), 10_000, () => t.screen()), t.buffer());
    const outputs = [...screens, ...filesUnder(audit).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(pieces(secrets).filter((p) => outputs.includes(p))).toEqual([]);
    expect(screens.some((sc) => /LIVE/.test(sc))).toBe(true);
    // The failing answers did reach the screen (the event log, the banner), scrubbed.
    expect(screens.some((sc) => /HTTP (401|500)|HTML|\[redacted\]/.test(sc))).toBe(true);
  });
});
