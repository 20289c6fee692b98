/**
 * Issue 8, observations 7 and 10, in a real terminal: a paste of a reason
 * and Enter, sent by tmux in one write, used to lose the Enter; q in an
 * undecided live window exited at once, unaudited, saying nothing of the
 * weight the canary stays at.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveConfig } from '../live/live-helpers.js';
import { startPrometheus, type PrometheusServer } from '../support/prometheus-server.js';
import { TmuxSession, waitFor } from './tmux.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

const auditOf = (dir: string) => {
  const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'));
  return file ? readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
};

let prom: PrometheusServer;
beforeAll(async () => {
  prom = await startPrometheus({ targets: [] });
}, 60_000);
afterAll(async () => prom?.stop());

describe('prompts in a real terminal (tmux)', { timeout: 60_000 }, () => {
  let tmux: TmuxSession | null = null;
  afterEach(() => tmux?.stop());

  it('a pasted reason and Enter in one write submit the override, named with its target', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-paste-'));
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--speed', '3000', '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color' });
    // The drill runs to T-0 fast and waits there; at ×1 (every step down) the IC opens it.
    await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
    t.keys('-l', '--', '------------');
    await waitFor('×1', () => /REHEARSAL ×1\b/.test(t.screen()), 5_000, () => t.screen());
    t.keys('o');
    await waitFor('the open confirmation', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the open window', () => t.screen().includes('Phase 1/4 · 5%'), 15_000, () => t.screen());
    t.keys('a');
    await waitFor('the override prompt naming its target', () => t.screen().includes('Override, advance 5% → 25%: reason?'), 5_000, () => t.screen());
    // One tmux command line: the text and the Enter reach the app in a single read.
    t.keys('-l', 'reason text', ';', 'send-keys', '-t', 'e2e', 'Enter');
    await waitFor('the advance', () => auditOf(audit).some((r) => r.action === 'advance'), 10_000, () => t.screen());
    const advance = auditOf(audit).find((r) => r.action === 'advance')!;
    expect(advance).toMatchObject({ operator: 'e2e-ic', fromWeight: 5, toWeight: 25, ok: true });
    expect(String(advance.reason)).toMatch(/^OVERRIDE: reason text \(blocked by: minimum time not served/);
    await waitFor('phase 2 on screen', () => t.screen().includes('Phase 2/4 · 25%'), 5_000, () => t.screen());
    expect(t.screen()).not.toContain('Override, advance');
  });

  it('q in an undecided live window asks, names the weight it leaves, and the quit is audited', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-quit-'));
    const config = liveConfig(prom.url, { checkInterval: '1s', staleAfter: '3s', reportEvery: '1h' });
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--config', config, '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color' });
    await waitFor('the READY window', () => t.screen().includes('LIVE') && t.screen().includes('READY at 0%'), 20_000, () => t.screen());
    t.keys('q');
    await waitFor('the quit question', () => t.screen().includes('QUIT? the canary stays at 0% (window ready); press y to quit'), 5_000, () => t.screen());
    t.keys('n');
    await waitFor('the question gone', () => !t.screen().includes('QUIT?'), 5_000, () => t.screen());
    expect(t.exitStatus()).toBeNull();
    t.keys('q');
    await waitFor('the quit question again', () => t.screen().includes('QUIT?'), 5_000, () => t.screen());
    t.keys('y');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(4);
    expect(auditOf(audit).at(-1)).toMatchObject({ type: 'stop', operator: 'e2e-ic', weight: 0, windowStatus: 'ready', reason: 'the IC quit' });
  });
});
