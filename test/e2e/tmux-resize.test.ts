import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, waitFor } from './tmux.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const longest = (screen: string) => Math.max(...screen.split('\n').map((l) => [...l].length));

describe('the war room re-lays when the terminal is resized (tmux)', { timeout: 60_000 }, () => {
  let tmux: TmuxSession | null = null;
  afterEach(() => tmux?.stop());

  it('80×24 keeps every gate and trigger; 200×60 shows every panel; no line is wider than the terminal', async () => {
    tmux = new TmuxSession(80, 24);
    const t = tmux;
    t.start([process.execPath, CLI, '--speed', '60', '--audit-dir', mkdtempSync(join(tmpdir(), 'canary-resize-'))], { TERM: 'xterm-256color' });
    const compact = await waitFor('the compact frame with data', () => (/Gates \d+\/12/.test(t.screen()) ? t.screen() : null), 15_000, () => t.screen());
    for (const label of ['P95 overall', 'P95 checkout', 'P95 search', '5xx rate', 'Client JS errors', 'Payments E2E', 'Cache hit', 'DB pool saturation', 'Cost/user vs control', 'AI markup', 'B2C funnel Δ', 'B2B funnel Δ', 'Error budget burn', 'Refund/void vs control', 'DB saturation']) {
      expect(compact).toContain(label);
    }
    expect(compact).toContain('Rollback triggers');
    expect(longest(compact)).toBeLessThanOrEqual(80);
    expect(compact.trimEnd().split('\n').length).toBeLessThanOrEqual(24);

    t.resize(200, 60);
    const titles = ['Latency ms canary/control', 'Gates', 'Errors', 'Payments', 'Infra', 'Economics', 'Funnels', 'Rollback triggers', 'Top anomalies', 'Events'];
    const wide = await waitFor('the wide layout', () => (titles.every((x) => t.screen().includes(x)) ? t.screen() : null), 10_000, () => t.screen());
    expect(wide).toContain('P95 this phase');
    expect(longest(wide)).toBeLessThanOrEqual(200);
    t.keys('q');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(4);
  });
});
