/**
 * Receivers that echo the request back (a 401 page, a proxy's debug body):
 * what they echo must leave the process scrubbed. Issue 9: the Basic
 * header's base64 of user:password passed, and a token straddling the
 * 300-character cut leaked its first part, because the cut came first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPluginAdapter } from '../../src/adapters/plugin-adapter.js';
import { WebhookAdapter } from '../../src/adapters/webhook-adapter.js';
import { Redactor } from '../../src/config/secrets.js';
import { createPrometheusDriver } from '../../src/sources/prometheus/prometheus-client.js';
import { prometheusSourceSchema } from '../../src/sources/prometheus/prometheus-config.js';
import { PrometheusSource } from '../../src/sources/prometheus/prometheus-source.js';
import { json, startRecordingServer, type Handler, type RecordingServer } from '../sources/recording-server.js';

const TOKEN = 'tok-3f9a7c2e5b8d1a6f4c0e9b7d';
let server: RecordingServer | null = null;
afterEach(async () => server?.stop());

/** Every 8-character piece of `secret` found in `text`. */
const pieces = (text: string, secret: string) =>
  Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8)).filter((p) => text.includes(p));

async function prometheusAgainst(handler: Handler, extra: Record<string, unknown>, env: NodeJS.ProcessEnv) {
  server = await startRecordingServer(handler);
  const cfg = prometheusSourceSchema.parse({ type: 'prometheus', url: server.url, batch: false, queries: { cache_hit: 'cache_ratio' }, ...extra });
  const redactor = new Redactor();
  return new PrometheusSource(cfg, createPrometheusDriver(cfg, { configFile: 'w.yaml', env, redactor }), redactor);
}

describe('an echoed Authorization header', () => {
  it('Basic: base64 of user:password is scrubbed from the 401 text', async () => {
    const pair = Buffer.from(`ic-bot:${TOKEN}`).toString('base64');
    const source = await prometheusAgainst(
      (req, res) => json(res, 401, { status: 'error', errorType: 'unauthorized', error: `you sent ${req.headers.authorization}` }),
      { basicAuth: { username: 'ic-bot', password: { env: 'PROM_PW' } } }, { PROM_PW: TOKEN },
    );
    const r = await source.read(Date.now());
    expect(server!.requests[0]!.headers.authorization).toBe(`Basic ${pair}`);
    expect(r.problems[0]!.message).toMatch(/: HTTP 401: you sent Basic \[redacted\]$/);
    expect(pieces(JSON.stringify(r), pair)).toEqual([]);
  });
});

describe('scrub first, then cut', () => {
  it('Prometheus error text: a token straddling character 300 leaves no piece behind', async () => {
    // "HTTP 401: " (10) + 270 dots + "Bearer " (7): the token starts at 287 and crosses the cut at 300.
    const source = await prometheusAgainst(
      (req, res) => json(res, 401, { status: 'error', errorType: 'unauthorized', error: `${'.'.repeat(270)}${req.headers.authorization} more` }),
      { bearerToken: { env: 'PROM_TOKEN' } }, { PROM_TOKEN: TOKEN },
    );
    const r = await source.read(Date.now());
    const message = r.problems[0]!.message;
    expect(message).toContain(`HTTP 401: ${'.'.repeat(270)}Bearer [redac`);
    expect(pieces(message, TOKEN)).toEqual([]);
  });

  it('webhook response body: a token straddling character 300 leaves no piece behind', async () => {
    // 280 dots + "Bearer " (7): the token starts at 287 of the body and crosses the cut at 300.
    server = await startRecordingServer((req, res) => res.writeHead(500).end(`${'.'.repeat(280)}${req.headers.authorization} and more`));
    const redactor = new Redactor();
    redactor.add(TOKEN);
    const hook = new WebhookAdapter({ url: `${server.url}/w`, auth: { header: 'authorization', value: `Bearer ${TOKEN}` }, timeoutMs: 2_000, redactor });
    const answer = await hook.setWeight(5);
    expect(answer.detail).toBe(`POST ${server.url}/w answered HTTP 500: ${'.'.repeat(280)}Bearer [redacted] an…`);
    expect(pieces(answer.detail, TOKEN)).toEqual([]);
  });

  it('a plugin that fails to import: a multi-line secret (a key file) is scrubbed before the message is cut to one line', async () => {
    const key = 'key-line-one-7c2e5b8d\nkey-line-two-1a6f4c0e';
    const redactor = new Redactor();
    redactor.add(key);
    const dir = mkdtempSync(join(tmpdir(), 'canary-plugin-'));
    writeFileSync(join(dir, 'lb.mjs'), `throw new Error(${JSON.stringify(`cannot use ${key}`)});\n`);
    const loaded = loadPluginAdapter('./lb.mjs', {}, { configFile: join(dir, 'window.yaml'), redactor });
    await expect(loaded).rejects.toThrow('"./lb.mjs" failed: cannot use [redacted]');
    const message = await loaded.then(() => '', (e: Error) => e.message);
    expect(pieces(message, key.split('\n')[0]!)).toEqual([]);
  });
});
