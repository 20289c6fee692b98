/**
 * Comms from a live window on a real Prometheus, in a real terminal (tmux),
 * with loopback stand-ins for Slack's webhook and Grafana's API (neither can
 * be had in a test): the posts view copies, writes and posts the T-0 post
 * exactly as `canary-tui post t-0` prints it; the report is copied; opening
 * and rolling back annotate Grafana with the token in the header only; the
 * rolled-back window leaves its rollback report and an archive that holds
 * neither secret.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession, waitFor } from '../e2e/tmux.js';
import { recordingServer, type RecordingServer } from '../support/recording-server.js';
import { CLI, liveConfig } from './live-helpers.js';
import { useLivePrometheus } from './use-live-prometheus.js';

const live = useLivePrometheus();
const servers: RecordingServer[] = [];
let tmux: TmuxSession | null = null;
afterAll(() => { tmux?.stop(); for (const s of servers) s.close(); });

const HOOK = 'T0LIVE/B0LIVE/livehooksecret99';
const TOKEN = 'glsa_liveGrafanaToken_42xyz';

describe('comms from a live window (tmux)', { timeout: 90_000 }, () => {
  it('posts, copies and writes from the posts view, annotates Grafana, and archives the rolled-back window', async () => {
    const slack = await recordingServer();
    const grafana = await recordingServer((n) => [200, JSON.stringify({ id: 500 + n, message: 'Annotation added' })]);
    servers.push(slack, grafana);
    const config = liveConfig(live.prom.url, {
      checkInterval: '1s', staleAfter: '3s', reportEvery: '1h', noDataHoldAfter: '1h',
      release: { tag: 'v20261202.3', commit: '4f9c2ab', service: 'web-app', region: 'us-west-2', links: { directive: 'https://git.example.com/d.md', handoff: 'https://git.example.com/h.md' } },
      slack: { webhook: { env: 'CANARY_SLACK_WEBHOOK' }, channel: '#ship-room' },
      grafana: { url: grafana.url, token: { env: 'CANARY_GRAFANA_TOKEN' }, dashboardUid: 'canary' },
    });
    const env = { CANARY_SLACK_WEBHOOK: `${slack.url}/services/${HOOK}`, CANARY_GRAFANA_TOKEN: TOKEN };
    const expected = (await promisify(execFile)(process.execPath, [CLI, 'post', 't-0', '--config', config], { env: { ...process.env, ...env } })).stdout.replace(/\n$/, '');
    expect(expected).toMatch(/^\*T-0 · prod release v20261202\.3\* · web-app v20261202\.3 \(`4f9c2ab`\)\n/);

    const audit = mkdtempSync(join(tmpdir(), 'canary-live-comms-'));
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--config', config, '--audit-dir', audit, '--operator', 'Ana Ruiz'], { TERM: 'xterm-256color', DISPLAY: '', WAYLAND_DISPLAY: '', ...env });
    await waitFor('the live window with data', () => t.screen().includes('Phase 1/4 · 0% · ready') && t.screen().includes('data 0s old'), 30_000, () => t.screen());
    t.keys('t');
    await waitFor('the posts view at the ack', () => t.screen().includes('*Acknowledged: CEO_FINAL_DIRECTIVE.md*'), 5_000, () => t.screen());
    t.keys('-l', 'ttt');
    await waitFor('the T-0 post', () => t.screen().includes('*T-0 · prod release v20261202.3*'), 5_000, () => t.screen());
    t.keys('c');
    await waitFor('the copy', () => t.screen().includes('t-0 post sent to the terminal (OSC 52'), 10_000, () => t.screen());
    expect(t.buffer()).toBe(expected);
    t.keys('w');
    await waitFor('the write', () => t.screen().includes('the t-0 post written to'), 5_000, () => t.screen());
    t.keys('p');
    await waitFor('the question', () => t.screen().includes('POST the T-0 post to #ship-room?'), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the post', () => t.screen().includes('t-0 post posted to #ship-room (Slack answered ok)'), 10_000, () => t.screen());
    expect(JSON.parse(slack.seen[0]!.body).text).toBe(expected);
    t.keys('Escape');
    t.keys('c');
    await waitFor('the report copied', () => t.screen().includes('report sent to the terminal (OSC 52'), 10_000, () => t.screen());
    expect(t.buffer()).toMatch(/^\*Canary status \d{4}-\d\d-\d\d \d\d:\d\d UTC\* · web-app v20261202\.3 \(`4f9c2ab`\) · us-west-2\n/);

    t.keys('o');
    await waitFor('the open question', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the open window', () => t.screen().includes('Phase 1/4 · 5% · running'), 15_000, () => t.screen());
    t.keys('r');
    await waitFor('the rollback question', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the decided window', () => t.screen().includes('ROLLBACK_REPORT.md and the archive are in'), 15_000, () => t.screen());
    t.keys('q');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(3);

    // Grafana: the open and the rollback, token in the header, never in a body.
    const notes = grafana.seen.map((s) => ({ ...s, body: JSON.parse(s.body) as { text: string; tags: string[]; dashboardUID: string; time: number } }));
    expect(notes.map((n) => [n.path, n.auth, n.body.tags, n.body.dashboardUID])).toEqual([
      ['/api/annotations', `Bearer ${TOKEN}`, ['canary-tui', 'v20261202.3', 'open'], 'canary'],
      ['/api/annotations', `Bearer ${TOKEN}`, ['canary-tui', 'v20261202.3', 'rollback'], 'canary'],
    ]);
    expect(notes[0]!.body.text).toMatch(/^canary-tui v20261202\.3: open 0% → 5% by Ana Ruiz: /);
    expect(grafana.seen.every((s) => !s.body.includes(TOKEN))).toBe(true);
    const id = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!.replace(/\.jsonl$/, '');
    const records = readFileSync(join(audit, `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r.type === 'annotation').map((r) => [r.action, r.ok, r.id])).toEqual([['open', true, 501], ['rollback', true, 502]]);
    expect(records.filter((r) => r.type === 'report-copy').map((r) => r.post ?? 'report')).toEqual(['t-0', 'report']);

    // The archive: the rollback report, the posts written and posted, no secret.
    const archive = join(audit, `${id}.tar.gz`);
    expect(existsSync(archive)).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'canary-live-untar-'));
    execFileSync('tar', ['-xzf', archive, '-C', out]);
    const names = readdirSync(join(out, id, 'reports')).sort();
    expect(names.filter((n) => n.startsWith('t-0-')).length).toBeGreaterThanOrEqual(1);
    expect(names.filter((n) => n.startsWith('report-')).length).toBeGreaterThanOrEqual(1);
    expect(names).toContain('ROLLBACK_REPORT.md');
    expect(readFileSync(join(out, id, 'reports', 'ROLLBACK_REPORT.md'), 'utf8')).toContain('by Ana Ruiz; the load balancer read back');
    const all = execFileSync('sh', ['-c', `cat $(find '${out}' -type f)`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const secret of [TOKEN, 'livehooksecret99']) expect(all).not.toContain(secret);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(out, id), encoding: 'utf8' })).not.toContain('FAILED');
  });
});
