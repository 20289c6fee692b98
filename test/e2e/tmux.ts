/**
 * A real terminal for end-to-end tests: a private tmux server (its own
 * socket, so a developer's sessions are never touched), keys in,
 * capture-pane out. tmux rewrites colour codes, so tests compare text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TmuxSession {
  readonly socket = `canary-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /** tmux 3.3 leaves #{pane_dead_status} empty after respawn-pane, so the shell records the code. */
  readonly exitFile = join(mkdtempSync(join(tmpdir(), 'canary-tmux-')), 'exit-code');

  constructor(
    readonly width = 120,
    readonly height = 40,
  ) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Starts `command` (argv, quoted for tmux's shell) with the final screen kept after exit.
   * CI=true is always set: CI runners set it, and the app must still draw on a terminal.
   */
  start(argv: string[], env: Record<string, string> = {}): void {
    const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const exports = Object.entries({ CI: 'true', ...env }).map(([k, v]) => `${k}='${v}'`).join(' ');
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'e2e', '-x', String(this.width), '-y', String(this.height), 'sleep 3600');
    this.tmux('set-option', '-g', 'remain-on-exit', 'on');
    this.tmux('set-option', '-s', 'set-clipboard', 'on');
    this.tmux('respawn-pane', '-k', '-t', 'e2e', `env ${exports} ${quoted}; echo $? > '${this.exitFile}'`);
  }

  /** Resizes the terminal; the app gets SIGWINCH like under a real window manager. */
  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', 'e2e', '-x', String(width), '-y', String(height));
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'e2e', ...keys);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /** Exit status of the program, or null while it runs. */
  exitStatus(): number | null {
    if (!existsSync(this.exitFile)) return null;
    const text = readFileSync(this.exitFile, 'utf8').trim();
    return text === '' ? null : Number(text);
  }

  buffer(): string {
    try {
      return this.tmux('show-buffer');
    } catch {
      return '';
    }
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

/** Polls `probe` until it returns a value, within a bound; the failure names what was awaited. */
export async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 15_000, last?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `\n--- last screen ---\n${last()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
