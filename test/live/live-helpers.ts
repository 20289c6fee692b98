/**
 * Runs the built bin headless against a live config and lets a test read its
 * JSON lines as they stream, waiting for a line with a bound (real servers
 * are involved, so time is real; nothing sleeps a fixed amount).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const CLI = join(import.meta.dirname, '../../dist/cli.js');
const EXAMPLE = join(import.meta.dirname, '../../examples/prometheus.yaml');

export type Line = Record<string, any>;

/** examples/prometheus.yaml pointed at the test Prometheus, with test-sized durations layered on; `source` keys merge into its source. */
export function liveConfig(promUrl: string, overrides: Record<string, unknown>): string {
  const config = parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, any>;
  const { source, ...rest } = overrides as { source?: Record<string, unknown> };
  config.source = { ...config.source, ...source, url: promUrl };
  Object.assign(config, rest);
  const dir = mkdtempSync(join(tmpdir(), 'canary-live-'));
  const file = join(dir, 'window.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

export class HeadlessRun {
  readonly lines: Line[] = [];
  /** When each line arrived (Date.now()), index for index with `lines`: recovery times are measured from these. */
  readonly receivedAt: number[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stderr = '';

  /** `as` runs the bin from another copy (`cli`) and as another user (a root test makes a folder read-only only for someone else). */
  constructor(args: string[], env: NodeJS.ProcessEnv = {}, as: { cli?: string; uid?: number; gid?: number } = {}) {
    const { cli = CLI, ...ids } = as;
    this.child = spawn(process.execPath, [cli, '--headless', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...ids });
    let buffer = '';
    this.child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        this.lines.push(JSON.parse(buffer.slice(0, nl)) as Line);
        this.receivedAt.push(Date.now());
        buffer = buffer.slice(nl + 1);
      }
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The first line (from `from` on) matching `match`, waited for with a bound. */
  async waitFor(what: string, match: (l: Line) => boolean, timeoutMs = 20_000, from = 0): Promise<Line> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last lines:\n${this.lines.slice(-5).map((l) => JSON.stringify(l).slice(0, 300)).join('\n')}\nstderr: ${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The first line received at or after `sinceMs` (wall clock) matching `match`, with its arrival time. */
  async waitForSince(what: string, match: (l: Line) => boolean, sinceMs: number, timeoutMs = 20_000): Promise<{ line: Line; at: number }> {
    const from = this.receivedAt.findIndex((t) => t >= sinceMs);
    const line = await this.waitFor(what, (l) => this.receivedAt[this.lines.indexOf(l)]! >= sinceMs && match(l), timeoutMs, from < 0 ? this.lines.length : from);
    return { line, at: this.receivedAt[this.lines.indexOf(line)]! };
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}
