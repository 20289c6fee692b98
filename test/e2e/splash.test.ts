/**
 * The bin's first line (src/splash.ts): on a terminal, what the run opens,
 * before the war room's code loads; never for headless, check, --help or
 * --version, whose output scripts read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { TmuxSession, waitFor } from './tmux.js';
import { splashText } from '../../src/splash.js';

describe('splashText', () => {
  it('names what a screen run opens, from argv alone', () => {
    expect(splashText([], '1.2.3')).toBe('canary-tui 1.2.3 · opening the bundled drill…');
    expect(splashText(['--speed', '60', '--config', 'ops/window.yaml'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the window in window.yaml…');
    expect(splashText(['rehearse', 'fixtures/drill-x.json', '--speed', '120'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the drill drill-x.json…');
    expect(splashText(['--operator', 'ana', 'rehearse'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the bundled drill…');
    expect(splashText(['--config=ops/window.yaml'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the window in window.yaml…');
    expect(splashText(['rehearse', '--config', 'w.yaml', '--from', '2026-11-26T18:00:00Z'], '1.2.3')).toBe('canary-tui 1.2.3 · opening a rehearsal with w.yaml…');
  });

  it('stays silent where output is read by scripts or another command runs', () => {
    for (const args of [['--headless'], ['check', '--config', 'w.yaml'], ['--help'], ['-V'], ['--version'], ['help'], ['rehearse', '--headless']]) {
      expect(splashText(args, '1.2.3')).toBeNull();
    }
  });
});

describe('the first line on a terminal', { timeout: 30_000 }, () => {
  let tmux: TmuxSession | null = null;
  afterEach(() => tmux?.stop());

  it('gives way to the first frame: nothing of it is left above or beside the war room', async () => {
    const t = (tmux = new TmuxSession(120, 40));
    t.start([process.execPath, CLI, '--speed', '60', '--audit-dir', mkdtempSync(join(tmpdir(), 'canary-splash-'))], { TERM: 'xterm-256color' });
    const screen = await waitFor('the war room', () => (/Rollback triggers/.test(t.screen()) ? t.screen() : null), 15_000, () => t.screen());
    expect(screen).not.toContain('opening the bundled drill');
    expect(screen.split('\n')[0]).toMatch(/^╭/);
  });
});
