/**
 * The webhook adapter against a loopback stub (no real receiver can run on a
 * laptop: it is each company's own service). The stub records what arrives
 * and answers as the test says: 200, 500 echoing the request, or never.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapters/create-adapter.js';
import { WebhookAdapter, type WebhookOptions } from '../../src/adapters/webhook-adapter.js';
import { InputError } from '../../src/config/input-error.js';
import { Redactor } from '../../src/config/secrets.js';

const SECRET = 'wh-tok-5f3a9c1e';
let server: Server;
let base: string;
let mode: 'ok' | 'fail' | 'hang';
let lbWeight: unknown;
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
let redactor: Redactor;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (mode === 'hang') return;
      if (mode === 'fail') return void res.writeHead(500).end(`upstream error; you sent ${req.headers.authorization}`);
      if (req.method === 'POST') lbWeight = (JSON.parse(body) as { canaryWeight: number }).canaryWeight;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ canaryWeight: lbWeight }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  mode = 'ok';
  lbWeight = 0;
  seen.length = 0;
  redactor = new Redactor();
  redactor.add(SECRET);
});

const webhook = (over: Partial<WebhookOptions> = {}) => new WebhookAdapter({
  url: `${base}/weights?key=${SECRET}`, verifyUrl: `${base}/weights`, auth: { header: 'authorization', value: `Bearer ${SECRET}` },
  timeoutMs: 2_000, redactor, phase: (w) => (w === 25 ? 2 : 0), ...over,
});

describe('webhook adapter', () => {
  it('POSTs {canaryWeight, stableWeight, phase} with the auth header, and verifies through verifyUrl', async () => {
    const a = webhook();
    expect(await a.setWeight(25)).toEqual({ ok: true, weight: 25, detail: `POST ${base}/weights answered HTTP 200` });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ canaryWeight: 25, stableWeight: 75, phase: 2 });
    expect(await a.verify!(25)).toEqual({ ok: true, weight: 25, detail: `read back 25% from GET ${base}/weights` });
    expect(seen[1]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(a.describe()).not.toContain(SECRET);
  });

  it('a 500 is a failure with the status, and the echoed secret is scrubbed', async () => {
    mode = 'fail';
    const set = await webhook().setWeight(0);
    expect(set).toEqual({ ok: false, weight: null, detail: `POST ${base}/weights answered HTTP 500: upstream error; you sent Bearer [redacted]` });
    const back = await webhook().getWeight();
    expect(back.detail).toContain('HTTP 500');
    expect(back.detail).not.toContain(SECRET);
  });

  it('a receiver that never answers times out', async () => {
    mode = 'hang';
    const started = Date.now();
    expect(await webhook({ timeoutMs: 200 }).setWeight(0)).toEqual({ ok: false, weight: null, detail: `POST ${base}/weights timed out after 200 ms` });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a refused connection is a failure, not a throw', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const set = await webhook({ url: `http://127.0.0.1:${port}/w` }).setWeight(0);
    expect(set).toEqual({ ok: false, weight: null, detail: `POST http://127.0.0.1:${port}/w cannot connect (ECONNREFUSED)` });
  });

  it('a read-back that disagrees is a mismatch with both values', async () => {
    lbWeight = 50;
    expect(await webhook().verify!(5)).toEqual({ ok: false, weight: 50, detail: 'read back 50%, expected 5%' });
  });

  it('without verifyUrl, verify is unsupported and getWeight cannot read', async () => {
    const a = new WebhookAdapter({ url: `${base}/weights`, timeoutMs: 1_000, redactor });
    expect(await a.verify!(5)).toEqual({ unsupported: true, detail: 'no verifyUrl configured' });
    expect(await a.getWeight()).toMatchObject({ ok: false, weight: null });
    expect(a.describe()).toContain('read-back unsupported');
  });

  describe('built from config', () => {
    let dir: string;
    beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'canary-webhook-')); });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('takes the token from a file, adds the scheme, and registers it with the redactor', async () => {
      writeFileSync(join(dir, 'token'), 'file-secret-777\n');
      const fresh = new Redactor();
      const a = await createAdapter(
        { type: 'webhook', url: `${base}/weights`, auth: { header: 'x-lb-auth', scheme: 'Token', token: { file: join(dir, 'token') } }, timeout: 1_000 },
        { configFile: join(dir, 'window.yaml'), env: {}, redactor: fresh },
      );
      expect(await a.setWeight(5)).toMatchObject({ ok: true });
      expect(seen[0]!.headers['x-lb-auth']).toBe('Token file-secret-777');
      expect(fresh.scrub('file-secret-777')).toBe('[redacted]');
    });

    it('a missing environment variable is bad input naming adapter.auth.token', async () => {
      const err = await createAdapter(
        { type: 'webhook', url: `${base}/weights`, auth: { header: 'authorization', token: { env: 'NO_SUCH_TOKEN_VAR' } }, timeout: 1_000 },
        { configFile: 'window.yaml', env: {}, redactor: new Redactor() },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toBe('window.yaml: adapter.auth.token: expected environment variable NO_SUCH_TOKEN_VAR to be set (it holds the secret)');
    });
  });
});
