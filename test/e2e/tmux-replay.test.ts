/**
 * The replay keys in a real terminal (tmux), on the bundled drill at ×1:
 * + speeds it up, space pauses it, ] runs to the next event and stops there
 * (still paused), all shown in the header and listed in the footer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../live/live-helpers.js';
import { TmuxSession, waitFor } from './tmux.js';

let tmux: TmuxSession | null = null;
afterEach(() => tmux?.stop());

const clockOf = (screen: string) => /(\d\d):(\d\d) UTC/.exec(screen)!.slice(1).map(Number).reduce((h, m) => h * 60 + m);

describe('replay controls (tmux)', { timeout: 60_000 }, () => {
  it('+ doubles the speed, space pauses, ] runs to the next event and stays paused', async () => {
    const t = (tmux = new TmuxSession(200, 60));
    t.start([process.execPath, CLI, '--speed', '1', '--audit-dir', mkdtempSync(join(tmpdir(), 'canary-replay-'))], { TERM: 'xterm-256color' });
    const first = await waitFor('the drill at ×1', () => (/REHEARSAL ×1\b/.test(t.screen()) && /Rollback triggers/.test(t.screen()) ? t.screen() : null), 15_000, () => t.screen());
    for (const key of ['pause', 'faster', 'slower', 'next event']) expect(first).toContain(key);
    t.keys('+');
    await waitFor('×2', () => /REHEARSAL ×2\b/.test(t.screen()) || null, 10_000, () => t.screen());
    t.keys('Space');
    const paused = await waitFor('paused', () => (/REHEARSAL ×2 · PAUSED/.test(t.screen()) ? t.screen() : null), 10_000, () => t.screen());
    const before = clockOf(paused);
    t.keys(']');
    // The drill's next event (a report, a trigger, a phase change) is minutes of virtual time away: the clock jumps there and stops.
    const after = await waitFor('the next event, paused again', () => {
      const s = t.screen();
      return /REHEARSAL ×2 · PAUSED/.test(s) && clockOf(s) > before ? s : null;
    }, 20_000, () => t.screen());
    expect(clockOf(after)).toBeGreaterThan(before);
    t.keys('q');
    expect(await waitFor('the exit', () => t.exitStatus() ?? null, 10_000, () => t.screen())).toBe(4);
  });
});
