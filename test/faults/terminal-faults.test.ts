/**
 * The terminal failing the IC: resized to 40×12 and back during a live
 * window (real Prometheus, the TUI in tmux). At 40×12 the status, the weight
 * and the recommendation stay on screen and nothing is wider or taller than
 * the terminal; back at 120×40 the full frame returns.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { useLivePrometheus } from '../live/use-live-prometheus.js';
import { TmuxSession, waitFor } from '../e2e/tmux.js';
import { readAudit, recordFault } from './fault-record.js';
import { faultConfig } from './fault-window.js';

const live = useLivePrometheus();
let tmux: TmuxSession | null = null;
afterEach(() => tmux?.stop());

const lines = (screen: string) => screen.replace(/\n+$/, '').split('\n');
const widest = (screen: string) => Math.max(...lines(screen).map((l) => [...l].length));

describe('terminal faults', { timeout: 60_000 }, () => {
  it('resized to 40×12 and back: the header stays, nothing overflows, the full frame returns', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-fault-tty-'));
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--config', faultConfig(live.prom.url), '--open', '--audit-dir', auditDir, '--operator', 'ic-fault'], { TERM: 'xterm-256color' });
    await waitFor('the live window at 5%', () => /Phase 1\/2 · 5% · running/.test(t.screen()) && /Gates 12\/12/.test(t.screen()), 30_000, () => t.screen());
    t.resize(40, 12);
    const small = await waitFor('the 40×12 frame', () => {
      const s = t.screen();
      return lines(s)[1]?.startsWith('Phase 1/2 · 5% · running') ? s : null;
    }, 10_000, () => t.screen());
    expect(lines(small).length).toBeLessThanOrEqual(12);
    expect(widest(small)).toBeLessThanOrEqual(40);
    expect(lines(small)[0]).toContain('LIVE');
    expect(lines(small)[2]).toMatch(/GREEN\s+GO/);
    const back = Date.now();
    t.resize(120, 40);
    await waitFor('the full frame', () => t.screen().includes('╭') && /Gates 12\/12 GREEN/.test(t.screen()), 10_000, () => t.screen());
    const recoveryMs = Date.now() - back;
    expect(widest(t.screen())).toBeLessThanOrEqual(120);
    t.keys('q');
    await waitFor('the quit question', () => /quit/i.test(t.screen()), 10_000, () => t.screen());
    t.keys('y');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(4);
    const audit = readAudit(auditDir);
    expect(audit.torn).toEqual([]);
    expect(audit.records.at(-1)).toMatchObject({ type: 'stop', weight: 5 });
    recordFault({ id: 'resize-40x12', fault: 'Terminal resized to 40×12 and back', says: `${lines(small)[1]!.trim()} / ${lines(small)[2]!.trim()}`, noGreenOnMissing: 'n/a', auditIntact: true, recovered: true, recoveryMs, measured: 'resize back → full frame' });
  });
});
