/**
 * Runs one program from an argv array, without a shell: no word splitting,
 * no globbing, no `;` or `$(...)`, so a config value such as "; touch pwned"
 * reaches the program as one literal argument. Output is kept (the last
 * 64 KB of each stream) for the audit; a timeout kills the program and says so.
 */
import { spawn } from 'node:child_process';

export interface RunResult {
  /** Exit code; null when killed by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Why the program could not be started (ENOENT, EACCES), if it could not. */
  spawnError?: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

const KEEP = 64 * 1024;

export function runArgv(argv: readonly string[], opts: RunOptions): Promise<RunResult> {
  const [program, ...args] = argv;
  return new Promise((resolve) => {
    const out = { stdout: '', stderr: '' };
    let timedOut = false;
    let spawnError: string | undefined;
    const child = spawn(program!, args, { cwd: opts.cwd, env: opts.env, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (stream: 'stdout' | 'stderr') => (chunk: string) => {
      out[stream] = (out[stream] + chunk).slice(-KEEP);
    };
    child.stdout.setEncoding('utf8').on('data', keep('stdout'));
    child.stderr.setEncoding('utf8').on('data', keep('stderr'));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A grandchild may still hold the pipes open; stop waiting for them.
      child.stdout.destroy();
      child.stderr.destroy();
    }, opts.timeoutMs);
    child.once('error', (e: NodeJS.ErrnoException) => {
      spawnError = e.code ?? e.message;
    });
    // 'close' waits for the pipes too, so the output is complete; after a spawn error it still fires.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ...out, timedOut, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/** Substitutes {name} placeholders inside each element; unknown names stay as written. */
export function fillPlaceholders(argv: readonly string[], values: Record<string, string>): string[] {
  return argv.map((a) => a.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole)));
}

/** The tail of a text (errors come last), marked when cut. */
export function tail(text: string, max: number): string {
  const t = text.trim();
  return t.length > max ? `…${t.slice(-max)}` : t;
}
