/**
 * Grafana annotations against a loopback server that records each request
 * (a company's Grafana cannot be had in a test): the body holds the time,
 * the text and the tags and never the token; the token is in the
 * Authorization header; an annotation is done only when Grafana returns its
 * id; a 500 is one clear line without the token even when Grafana echoes it;
 * the window's actions are annotated in order and each answer is audited;
 * a drill never annotates.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachAnnotations } from '../../src/comms/annotate-window.js';
import { buildGrafana, GrafanaAnnotator } from '../../src/comms/grafana-annotations.js';
import { configSchema } from '../../src/config/schema.js';
import { Redactor } from '../../src/config/secrets.js';
import { setupWindow } from '../../src/run/setup-window.js';
import { harness, syntheticFixture } from '../engine/synthetic.js';

const TOKEN = 'glsa_s3cr3tGrafanaT0ken_abc123';
const servers: Server[] = [];
afterEach(() => { for (const s of servers.splice(0)) { s.closeAllConnections(); s.close(); } });

interface Seen { method: string; path: string; auth: string | undefined; body: string }
async function grafanaStub(answer: (seen: Seen, n: number) => [number, string]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      const s = { method: req.method!, path: req.url!, auth: req.headers.authorization, body };
      seen.push(s);
      const [status, text] = answer(s, seen.length);
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const annotator = (url: string, dashboardUid?: string) => {
  const r = new Redactor();
  r.add(TOKEN);
  return new GrafanaAnnotator(`${url}/`, TOKEN, { dashboardUid, tags: ['canary-tui'], timeoutMs: 2000 }, r);
};

describe('Grafana annotations', () => {
  it('posts the time, text and tags with the token in the header only; done when Grafana returns the id', async () => {
    const g = await grafanaStub(() => [200, '{"id":41,"message":"Annotation added"}']);
    const out = await annotator(g.url, 'canary-dash').annotate(Date.parse('2026-11-20T04:00:00Z'), 'open 0% → 5%', ['v20261120.1', 'open']);
    expect(out).toEqual({ ok: true, id: 41, detail: 'Grafana annotation 41 added' });
    expect(g.seen).toHaveLength(1);
    expect(g.seen[0]).toMatchObject({ method: 'POST', path: '/api/annotations', auth: `Bearer ${TOKEN}` });
    expect(JSON.parse(g.seen[0]!.body)).toEqual({ time: Date.parse('2026-11-20T04:00:00Z'), text: 'open 0% → 5%', tags: ['canary-tui', 'v20261120.1', 'open'], dashboardUID: 'canary-dash' });
    expect(g.seen[0]!.body).not.toContain(TOKEN);
  });

  it('a 500 is one clear line, the token scrubbed even when Grafana echoes it; a 200 without an id is no evidence', async () => {
    const g = await grafanaStub((_s, n) => (n === 1 ? [500, `{"message":"bad token ${TOKEN}"}`] : [200, '{"message":"ok"}']));
    const failed = await annotator(g.url).annotate(0, 'x', []);
    expect(failed).toEqual({ ok: false, detail: 'Grafana answered HTTP 500 "{"message":"bad token [redacted]"}"' });
    expect(await annotator(g.url).annotate(0, 'x', [])).toEqual({ ok: false, detail: 'Grafana answered HTTP 200 "{"message":"ok"}"' });
  });

  it('a Grafana that is not there is said so', async () => {
    const g = await grafanaStub(() => [200, '{}']);
    servers.splice(0).forEach((s) => { s.closeAllConnections(); s.close(); });
    const out = await annotator(g.url).annotate(0, 'x', []);
    expect(out.ok).toBe(false);
    expect(out.detail).toMatch(/^Grafana could not be reached \(ECONNREFUSED\)$/);
  });

  it('annotates the open, each advance, a hold, a resume and a rollback, in order, each answer audited', async () => {
    const g = await grafanaStub((_s, n) => (n === 3 ? [500, 'down'] : [200, JSON.stringify({ id: 100 + n })]));
    const h = harness(syntheticFixture(30));
    const attached = attachAnnotations(h.engine, annotator(g.url), h.audit, 'v20261120.1');
    await h.engine.start(); // a drill's harness opens at its start
    await h.engine.check();
    await h.engine.actions.hold('alice', 'IC hold');
    await h.engine.actions.resume('alice', 'IC resumes');
    await h.engine.actions.rollback('alice', 'IC rollback');
    await attached.settled();
    const bodies = g.seen.map((s) => JSON.parse(s.body) as { text: string; tags: string[] });
    expect(bodies.map((b) => b.tags.at(-1))).toEqual(['open', 'hold', 'resume', 'rollback']);
    expect(bodies[0]!.text).toBe('canary-tui v20261120.1: open 0% → 5% by alice: ' + (h.events.find((e) => e.type === 'action' && e.action === 'open') as { reason: string }).reason);
    const audited = h.audit.records.filter((r) => r.type === 'annotation').map((r) => [r.action, r.ok, r.id ?? r.detail]);
    expect(audited).toEqual([['open', true, 101], ['hold', true, 102], ['resume', false, 'Grafana answered HTTP 500 "down"'], ['rollback', true, 104]]);
  });

  it('a drill does not annotate and needs no token; without its token a live config is bad input at grafana.token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-grafana-'));
    const config = join(dir, 'team.yaml');
    writeFileSync(config, 'grafana:\n  url: http://127.0.0.1:9\n  token: { env: CANARY_GRAFANA_TOKEN }\n');
    const drill = await setupWindow({ config, headless: true, auditDir: dir }, { CANARY_GRAFANA_TOKEN: TOKEN }, Date.parse('2026-12-02T00:00:00Z'));
    expect(drill.grafana).toBeUndefined();
    expect((await setupWindow({ config, headless: true, auditDir: dir }, {}, Date.parse('2026-12-02T00:00:00Z'))).grafana).toBeUndefined();
    const parsed = configSchema.parse({ grafana: { url: 'http://127.0.0.1:9', token: { env: 'CANARY_GRAFANA_TOKEN' } } });
    expect(() => buildGrafana(parsed, config, {}, new Redactor())).toThrow(`${config}: grafana.token: expected environment variable CANARY_GRAFANA_TOKEN to be set (it holds the secret)`);
  });

  it('a Grafana URL with user:password is refused, and an unreachable one never says its URL', async () => {
    const bad = configSchema.safeParse({ grafana: { url: 'https://svc:pw-secret@grafana.example.com', token: { env: 'T' } } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('expected a URL without user:password in it');
    const out = await annotator('http://127.0.0.1:1/some/path-secret').annotate(0, 'x', []);
    expect(out.ok).toBe(false);
    expect(out.detail).not.toContain('path-secret');
  });
});
