/**
 * c in a real terminal, both ways the report can reach the IC's clipboard,
 * each holding the exact text saved in the window's folder:
 * - an X display (Xvfb), where clipboardy's xsel owns the CLIPBOARD selection
 *   and xclip, another X client, reads it back;
 * - no display at all (SSH), where the report goes out as OSC 52 and tmux
 *   with `set-clipboard on` puts it in its buffer.
 * The header says a report is due until it is out, then counts down again.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { TmuxSession, waitFor } from './tmux.js';

let tmux: TmuxSession | null = null;
let xvfb: ChildProcess | null = null;
afterEach(() => { tmux?.stop(); xvfb?.kill(); tmux = null; xvfb = null; });

/** A display number nobody holds on this machine. */
function freeDisplay(): number {
  for (let n = 90 + (process.pid % 50); n < 400; n++) if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('no free X display number');
}

function copiedPath(audit: string): string {
  const file = readdirSync(audit).find((f) => f.endsWith('.jsonl'))!;
  const copy = readFileSync(join(audit, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.type === 'report-copy');
  return String(copy!.path);
}

/** The bundled drill waiting at T-0 with its 04:00 report due; c copies it. */
async function copyAtT0(env: Record<string, string>): Promise<{ t: TmuxSession; saved: string }> {
  const audit = mkdtempSync(join(tmpdir(), 'canary-clip-'));
  const t = (tmux = new TmuxSession(160, 40));
  t.start([process.execPath, CLI, '--speed', '3000', '--audit-dir', audit, '--operator', 'e2e-ic'], { TERM: 'xterm-256color', ...env });
  await waitFor('the wait at T-0', () => t.screen().includes('the drill waits for you'), 20_000, () => t.screen());
  expect(t.screen()).toContain('report of 04:00 UTC due: c copies, p posts');
  t.keys('c');
  await waitFor('the copy notice', () => /also saved to/.test(t.screen()), 10_000, () => t.screen());
  await waitFor('the countdown again', () => t.screen().includes('next report in 15m'), 5_000, () => t.screen());
  const saved = readFileSync(copiedPath(audit), 'utf8');
  expect(saved).toMatch(/^\*Canary status 2026-11-20 04:00 UTC\*/);
  return { t, saved };
}

describe('copying the report (tmux)', { timeout: 60_000 }, () => {
  it('on an X display (Xvfb) the clipboard holds the exact report, as xclip reads it', async () => {
    const n = freeDisplay();
    xvfb = spawn('Xvfb', [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '320x240x24'], { stdio: 'ignore' });
    await waitFor('Xvfb', () => existsSync(`/tmp/.X11-unix/X${n}`), 10_000);
    const { t, saved } = await copyAtT0({ DISPLAY: `:${n}`, WAYLAND_DISPLAY: '' });
    expect(t.screen()).toContain('report copied to the clipboard, also saved to');
    const clip = execFileSync('xclip', ['-selection', 'clipboard', '-o'], { env: { ...process.env, DISPLAY: `:${n}` }, encoding: 'utf8', timeout: 5_000 });
    expect(clip).toBe(saved.replace(/\n$/, ''));
  });

  it('with no display the report goes out as OSC 52, and tmux (set-clipboard on) holds the exact text', async () => {
    const { t, saved } = await copyAtT0({ DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(t.screen()).toContain('report sent to the terminal (OSC 52; not confirmable), also saved to');
    expect(t.buffer()).toBe(saved.replace(/\n$/, ''));
  });
});
