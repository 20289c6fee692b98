/**
 * The infra lock on the prod LB/CDN through the team's own programs (config
 * `preflight.infraLock`). canary-tui never claims the lock is set or lifted
 * from a command's exit code alone: `status` must print `locked` or
 * `unlocked`, and a removal counts only when the read after it says
 * `unlocked`. Only the first word of stdout is shown: stderr may carry a
 * token and stays out of the screen and the audit.
 */
import { runArgv, type RunResult } from '../adapters/run-argv.js';

export interface InfraLockConfig {
  status: string[];
  remove: string[];
  timeout: number;
}

export type LockRead = { state: 'locked' | 'unlocked'; detail: string } | { state: null; detail: string };

export class InfraLock {
  constructor(private readonly cfg: InfraLockConfig, private readonly env: NodeJS.ProcessEnv = process.env) {}

  async read(): Promise<LockRead> {
    const r = await runArgv(this.cfg.status, { timeoutMs: this.cfg.timeout, env: this.env });
    const failed = failure('status', r, this.cfg.timeout);
    if (failed) return { state: null, detail: failed };
    const word = r.stdout.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (word === 'locked' || word === 'unlocked') return { state: word, detail: `read back: ${word}` };
    return { state: null, detail: `status printed ${JSON.stringify(word.slice(0, 40))}, expected locked or unlocked` };
  }

  /** Runs `remove`, then reads the lock back: ok only when it reads `unlocked`. */
  async remove(): Promise<{ ok: boolean; detail: string }> {
    const r = await runArgv(this.cfg.remove, { timeoutMs: this.cfg.timeout, env: this.env });
    const failed = failure('remove', r, this.cfg.timeout);
    const back = await this.read();
    if (back.state === 'unlocked') return { ok: true, detail: `lock removed; ${back.detail}` };
    return { ok: false, detail: `${failed ?? 'remove exited 0'}, but ${back.state === 'locked' ? 'the lock still reads back locked' : `the lock could not be read back (${back.detail})`}` };
  }
}

function failure(what: string, r: RunResult, timeoutMs: number): string | null {
  if (r.spawnError) return `${what} could not start (${r.spawnError})`;
  if (r.timedOut) return `${what} did not answer within ${timeoutMs / 1000}s`;
  if (r.code !== 0) return `${what} exited ${r.code ?? r.signal}`;
  return null;
}
