import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, waitFor } from './tmux.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

function auditRecords(dir: string): Record<string, unknown>[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  if (files.length !== 1) return [];
  return readFileSync(join(dir, files[0]!), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the built bin in a real terminal (tmux)', { timeout: 60_000 }, () => {
  let tmux: TmuxSession | null = null;
  afterEach(() => tmux?.stop());

  it('shows the drill, rolls back on r then y, logs it, copies the report and quits with code 3', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-e2e-'));
    tmux = new TmuxSession(120, 40);
    const t = tmux;
    t.start([process.execPath, CLI, '--speed', '3000', '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color' });
    const first = await waitFor('the first frame', () => (t.screen().includes('REHEARSAL') ? t.screen() : null), 15_000, () => t.screen());
    expect(first).toContain('Phase 1/4');
    expect(first).toContain('checkout');
    expect(first).toContain('web-app v20261120.1');
    // The drill starts at T-2h and its clock stops at T-0 for the IC: slow it to ×60 (five steps down), then open.
    await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
    expect(t.screen()).toContain('04:00 UTC');
    t.keys('-l', '--', '-----');
    await waitFor('×60', () => t.screen().includes('×60'), 5_000, () => t.screen());
    t.keys('o');
    await waitFor('the open confirmation', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    await waitFor('the open window', () => t.screen().includes('Phase 1/4 · 5% · running'), 10_000, () => t.screen());
    expect(auditRecords(audit).find((r) => r.action === 'open')).toMatchObject({ at: '2026-11-20T04:00:00.000Z', operator: 'e2e-ic', ok: true });
    t.keys('r');
    await waitFor('the rollback confirmation', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    const after = await waitFor('the rolled-back screen', () => (/rolled-back/i.test(t.screen()) ? t.screen() : null), 10_000, () => t.screen());
    expect(after).toMatch(/5%→0%/);
    const rollback = auditRecords(audit).find((r) => r.action === 'rollback');
    expect(rollback).toMatchObject({ operator: 'e2e-ic', fromWeight: 5, toWeight: 0, ok: true, verified: 'confirmed' });
    // The window has been packed once already when the IC copies its last report.
    await waitFor('the end-of-window notice', () => t.screen().includes('and the archive are in'), 10_000, () => t.screen());
    t.keys('c');
    await waitFor('the copy notice', () => /saved to/.test(t.screen()), 10_000, () => t.screen());
    // OSC 52 cannot be confirmed, and the notice says so; the report is always saved in the window's folder.
    expect(t.screen()).toMatch(/sent to the terminal \(OSC 52; not confirmable\), also saved to|copied to the clipboard, also saved to/);
    if (t.screen().includes('OSC 52')) expect(t.buffer()).toContain('*Recommendation: ROLLBACK*');
    t.keys('q');
    const code = await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen());
    expect(code).toBe(3);
    // The report copied after the decision is in the archive: quitting packed the folder again.
    const id = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!.replace(/\.jsonl$/, '');
    const listed = execFileSync('tar', ['-tzf', join(audit, `${id}.tar.gz`)], { encoding: 'utf8' });
    expect(listed).toMatch(new RegExp(`${id}/reports/report-20261120T\\d{6}Z\\.md`));
  });

  it('plays the whole drill fast and rolls back by itself at 50% on the checkout P95 trigger, deciding as headless does', async () => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-e2e-'));
    tmux = new TmuxSession(120, 40);
    const t = tmux;
    t.start([process.execPath, CLI, '--speed', '3000', '--audit-dir', audit], { TERM: 'xterm-256color' });
    // At T-0 the IC opens (the clock waits for it); from then on the window decides by itself.
    await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
    t.keys('o');
    await waitFor('the open confirmation', () => /press y to confirm/i.test(t.screen()), 5_000, () => t.screen());
    t.keys('y');
    const done = await waitFor('the automatic rollback', () => (/rolled-back/i.test(t.screen()) ? t.screen() : null), 30_000, () => t.screen());
    expect(done).toContain('ROLLBACK');
    expect(done).toMatch(/P95 checkout/);
    const rollback = auditRecords(audit).find((r) => r.action === 'rollback');
    expect(rollback).toMatchObject({ operator: 'canary-tui (auto)', fromWeight: 50, toWeight: 0, ok: true, phase: 3 });
    // The decided window's files: said on screen, in the folder, the archive beside them.
    await waitFor('the end-of-window files', () => t.screen().includes('Drill score: rolled-back (as the directive requires) · ROLLBACK_REPORT.md, the score and the archive are in'), 10_000, () => t.screen());
    const id = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!.replace(/\.jsonl$/, '');
    expect(readFileSync(join(audit, `${id}-reports`, 'ROLLBACK_REPORT.md'), 'utf8')).toContain('by canary-tui, automatically (pre-approved on any trigger)');
    expect(existsSync(join(audit, `${id}.tar.gz`))).toBe(true);
    t.keys('q');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(3);
    // The same decisions at the same virtual times as headless, where nothing is drawn and time does not wait.
    const headless = mkdtempSync(join(tmpdir(), 'canary-e2e-'));
    expect(spawnSync(process.execPath, [CLI, '--headless', '--audit-dir', headless], { encoding: 'utf8' }).status).toBe(3);
    expect(decisions(auditRecords(audit))).toEqual(decisions(auditRecords(headless)));
    expect(decisions(auditRecords(audit)).length).toBeGreaterThan(6);
  });
});

/** What was decided when: the audit's actions, triggers and phases, without who (the TUI and headless name the same operator anyway). */
function decisions(records: Record<string, unknown>[]): string[] {
  return records.filter((r) => ['action', 'trigger', 'phase'].includes(r.type as string))
    .map((r) => [r.at, r.type, r.action ?? r.id ?? r.phase, r.state ?? '', r.fromWeight ?? '', r.toWeight ?? r.weight ?? '', r.ok ?? ''].join(' '));
}
