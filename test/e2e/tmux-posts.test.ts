/**
 * The posts view in a real terminal (tmux), on the bundled drill waiting at
 * T-0: t opens it at the T-0 post and steps round the four; c copies the
 * post shown (OSC 52 into tmux's buffer), p posts it after y confirms the
 * post and the channel; each is the exact text `canary-tui post` prints,
 * and the audit names the post. A post is not the report that falls due.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { TmuxSession, waitFor } from './tmux.js';
import { recordingServer, type RecordingServer } from '../support/recording-server.js';

let tmux: TmuxSession | null = null;
let server: RecordingServer | null = null;
afterEach(() => { tmux?.stop(); server?.close(); });

describe('the posts view (tmux)', { timeout: 60_000 }, () => {
  it('t shows the T-0 post, then the others; c copies and p posts the one shown, exactly as canary-tui post prints it', async () => {
    server = await recordingServer();
    const bodies = server.seen;
    const dir = mkdtempSync(join(tmpdir(), 'canary-posts-'));
    const config = join(dir, 'window.yaml');
    writeFileSync(config, 'slack:\n  webhook: { env: CANARY_SLACK_WEBHOOK }\n  channel: "#ship-room"\n');
    const env = { CANARY_SLACK_WEBHOOK: `${server.url}/services/T0/B0/postsecret77` };
    const expected = (await promisify(execFile)(process.execPath, [CLI, 'post', 't-0', '--config', config], { env: { ...process.env, ...env } })).stdout.replace(/\n$/, '');
    expect(expected).toMatch(/^\*T-0 · prod release v20261120\.1\*/);

    const audit = join(dir, 'audit');
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--config', config, '--speed', '3000', '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color', DISPLAY: '', WAYLAND_DISPLAY: '', ...env });
    await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
    t.keys('t');
    const shown = await waitFor('the posts view', () => (t.screen().includes('#ship-room posts') ? t.screen() : null), 5_000, () => t.screen());
    expect(shown).toContain('*T-0 · prod release v20261120.1*');
    expect(shown).toContain('*Tag* v20261120.1 · commit `4f9c2ab`');
    expect(shown).toContain(' c  copy post ');

    t.keys('c');
    await waitFor('the copy notice', () => t.screen().includes('t-0 post sent to the terminal (OSC 52; not confirmable)'), 10_000, () => t.screen());
    expect(t.buffer()).toBe(expected);
    // The 04:00 report is still due: a post is not the report.
    expect(t.screen()).toContain('report of 04:00 UTC due');

    t.keys('p');
    await waitFor('the confirmation', () => t.screen().includes('POST the T-0 post to #ship-room? press y to post'), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the posted notice', () => t.screen().includes('t-0 post posted to #ship-room (Slack answered ok)'), 10_000, () => t.screen());
    expect((JSON.parse(bodies[0]!.body) as { text: string }).text).toBe(expected);

    t.keys('t');
    await waitFor('the ack post', () => t.screen().includes('*Acknowledged: CEO_FINAL_DIRECTIVE.md*'), 5_000, () => t.screen());
    t.keys('t');
    const t2h = await waitFor('the T-2h post', () => (t.screen().includes('*DRI roster*') ? t.screen() : null), 5_000, () => t.screen());
    expect(t2h).toContain('• Incident Commander: Ana Ruiz <@U01ANA>');
    t.keys('Escape');
    await waitFor('the dashboard again', () => !t.screen().includes('#ship-room posts') && t.screen().includes('Latency'), 5_000, () => t.screen());
    expect(t.screen()).not.toContain('postsecret77');
    t.keys('q');
    await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen());

    const file = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!;
    const records = readFileSync(join(audit, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r.type === 'report-copy').map((r) => [r.post, r.method])).toEqual([['t-0', 'osc52']]);
    expect(records.filter((r) => r.type === 'report-post').map((r) => [r.post, r.ok])).toEqual([['t-0', true]]);
    const kept = String(records.find((r) => r.type === 'report-post')!.path);
    expect(kept).toMatch(/\/t-0-20261120T040000Z\.md$/);
  });
});
