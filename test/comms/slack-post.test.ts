/**
 * Posting to a Slack incoming webhook, against a loopback server that
 * records each request (Slack itself cannot be had in a test): the body is
 * the report as mrkdwn, the webhook URL (the secret) is in no body, answer
 * or message; a 500, a refusal and a hang are each one clear line. Long
 * reports are shortened by whole table rows to Slack's 40,000 characters.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackPoster, buildSlack } from '../../src/comms/slack-post.js';
import { fitSlackText, SLACK_TEXT_LIMIT } from '../../src/comms/slack-limits.js';
import { Redactor } from '../../src/config/secrets.js';
import { freePort } from '../support/haproxy-server.js';

const TOKEN = 'T0AAA/B0BBB/s3cr3tW3bh00kT0k3n';
const servers: Server[] = [];
afterEach(() => { for (const s of servers.splice(0)) { s.closeAllConnections(); s.close(); } });

interface Seen { method: string; path: string; type: string | undefined; body: string }
async function slackStub(answer: (seen: Seen) => [number, string] | null): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      const s = { method: req.method!, path: req.url!, type: req.headers['content-type'], body };
      seen.push(s);
      const a = answer(s);
      if (a) res.writeHead(a[0], { 'content-type': 'text/plain' }).end(a[1]);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/${TOKEN}`, seen };
}
const poster = (url: string, timeoutMs = 2000) => {
  const r = new Redactor();
  r.add(url);
  return new SlackPoster(url, '#ship-room', timeoutMs, r);
};

describe('SlackPoster', () => {
  it('posts the text as JSON mrkdwn and reports ok only on Slack\'s "ok"', async () => {
    const slack = await slackStub(() => [200, 'ok']);
    const out = await poster(slack.url).post('*Canary status* · all GREEN');
    expect(out).toEqual({ ok: true, detail: 'posted to #ship-room (Slack answered ok)' });
    expect(slack.seen).toHaveLength(1);
    expect(slack.seen[0]).toMatchObject({ method: 'POST', path: `/services/${TOKEN}`, type: 'application/json' });
    expect(JSON.parse(slack.seen[0]!.body)).toEqual({ text: '*Canary status* · all GREEN', mrkdwn: true });
    expect(slack.seen[0]!.body).not.toContain('s3cr3t');
  });

  it('a 500, a refused connection and a hang each say so in one line, never with the URL', async () => {
    // A receiver that echoes the URL back: the answer is scrubbed before it is shown.
    const failing = await slackStub((s) => [500, `internal error on ${s.path}`]);
    const out = await poster(failing.url).post('report');
    expect(out.ok).toBe(false);
    expect(out.detail).toBe('Slack answered HTTP 500 "internal error on /[redacted]"');
    const notOk = await slackStub(() => [200, 'invalid_payload']);
    expect(await poster(notOk.url).post('x')).toEqual({ ok: false, detail: 'Slack answered HTTP 200 "invalid_payload"' });
    const closed = `http://127.0.0.1:${await freePort()}/services/${TOKEN}`;
    expect(await poster(closed).post('x')).toEqual({ ok: false, detail: 'the webhook could not be reached (ECONNREFUSED)' });
    const hang = await slackStub(() => null);
    expect(await poster(hang.url, 300).post('x')).toEqual({ ok: false, detail: 'the webhook could not be reached (no answer within 0.3s)' });
  });

  it('the webhook URL comes from the environment or a file, never the config; a missing one is bad input naming where', () => {
    const config = { slack: { webhook: { env: 'CANARY_SLACK_WEBHOOK' }, timeout: 5000, format: 'text' as const }, release: { channel: '#ship-room-drill' } };
    const built = buildSlack(config, 'window.yaml', { CANARY_SLACK_WEBHOOK: `https://hooks.slack.com/services/${TOKEN}` }, new Redactor());
    expect(built?.channel).toBe('#ship-room-drill');
    expect(() => buildSlack(config, 'window.yaml', {}, new Redactor())).toThrow(/window\.yaml: slack\.webhook: expected environment variable CANARY_SLACK_WEBHOOK to be set/);
    expect(buildSlack({}, 'window.yaml', {}, new Redactor())).toBeNull();
  });
});

describe('Slack\'s limits', () => {
  it('a report over 40,000 characters loses whole table rows, says how many, and keeps everything after the table', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `journey-${String(i).padStart(4, '0')}                    42/41     93/90   149/144`);
    const text = ['*Canary status*', '', '*Latency*', '```', 'journey   P50   P95   P99', ...rows, '```', '*Recommendation: GO* · all gates GREEN'].join('\n');
    const fit = fitSlackText(text);
    expect(text.length).toBeGreaterThan(SLACK_TEXT_LIMIT);
    expect(fit.length).toBeLessThanOrEqual(SLACK_TEXT_LIMIT);
    const kept = fit.split('\n').filter((l) => l.startsWith('journey-'));
    expect(kept.every((l) => rows.includes(l))).toBe(true);
    expect(fit).toContain(`(${2000 - kept.length} more rows not shown: Slack's 40,000-character limit)\n\`\`\`\n*Recommendation: GO* · all gates GREEN`);
    expect(fitSlackText('short')).toBe('short');
  });
});
