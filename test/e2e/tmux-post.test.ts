/**
 * p, y and w in a real terminal (tmux), on the bundled drill waiting at T-0,
 * against a loopback server standing in for Slack's incoming webhook: the
 * confirmation names the channel; the post carries the report; a 500 is
 * said on screen with where the text is kept; w writes the report; the
 * audit records each post and write. The webhook URL is never on screen.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { TmuxSession, waitFor } from './tmux.js';

let tmux: TmuxSession | null = null;
let server: Server | null = null;
afterEach(() => { tmux?.stop(); server?.closeAllConnections(); server?.close(); });

describe('posting the report from the war room (tmux)', { timeout: 60_000 }, () => {
  it('p asks with the channel, y posts; a 500 keeps the text and says where; w writes it; all audited', async () => {
    const bodies: string[] = [];
    let status = 200;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => { bodies.push(body); res.writeHead(status).end(status === 200 ? 'ok' : 'internal_error'); });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/hooksecret42`;
    const dir = mkdtempSync(join(tmpdir(), 'canary-post-'));
    const config = join(dir, 'window.yaml');
    writeFileSync(config, 'slack:\n  webhook: { env: CANARY_SLACK_WEBHOOK }\n  channel: "#ship-room"\n');
    const audit = join(dir, 'audit');
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--config', config, '--speed', '3000', '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color', CANARY_SLACK_WEBHOOK: url });
    await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
    expect(t.screen()).toContain('post to #ship-room');
    t.keys('p');
    await waitFor('the confirmation', () => t.screen().includes('POST the report to #ship-room? press y to post'), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the posted notice', () => t.screen().includes('report posted to #ship-room (Slack answered ok)'), 10_000, () => t.screen());
    expect(bodies).toHaveLength(1);
    const posted = JSON.parse(bodies[0]!) as { text: string };
    expect(posted.text).toMatch(/^\*Canary status 2026-11-20 04:00 UTC\* · web-app v20261120\.1 .* · _REHEARSAL_\n/);
    expect(posted.text).toContain('*Recommendation: NO-GO* · hold: READY at 0%');

    status = 500;
    t.keys('p');
    await waitFor('the confirmation again', () => t.screen().includes('POST the report to #ship-room?'), 5_000, () => t.screen());
    t.keys('y');
    const failed = await waitFor('the failure', () => (t.screen().includes('post failed: Slack answered HTTP 500') ? t.screen() : null), 10_000, () => t.screen());
    expect(failed).toContain('the text is kept at');
    t.keys('w');
    await waitFor('the written notice', () => t.screen().includes('report written to'), 5_000, () => t.screen());
    expect(t.screen()).not.toContain('hooksecret42');
    t.keys('q');
    await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen());

    const file = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!;
    const records = readFileSync(join(audit, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const posts = records.filter((r) => r.type === 'report-post');
    expect(posts.map((r) => [r.ok, r.channel, r.detail])).toEqual([
      [true, '#ship-room', 'posted to #ship-room (Slack answered ok)'],
      [false, '#ship-room', 'Slack answered HTTP 500 "internal_error"'],
    ]);
    const kept = String(posts[1]!.path);
    expect(existsSync(kept) && readFileSync(kept, 'utf8')).toMatch(/^\*Canary status/);
    expect(records.filter((r) => r.type === 'report-write')).toHaveLength(1);
    expect(readFileSync(join(audit, file), 'utf8')).not.toContain('hooksecret42');
  });
});
