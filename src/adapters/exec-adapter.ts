/**
 * Any LB with a CLI (kubectl argo rollouts, istioctl, aws, gcloud) through a
 * command given as an argv array and run without a shell. `{weight}`,
 * `{stableWeight}` and `{phase}` are filled in inside argv elements only, so
 * no value can become syntax. Exit code 0 is success; the command's output,
 * secrets scrubbed and cut to ~2 KB, goes into the answer for the audit.
 */
import { basename } from 'node:path';
import type { Redactor } from '../config/secrets.js';
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';
import { fillPlaceholders, runArgv, tail, type RunResult } from './run-argv.js';

export interface ExecOptions {
  command: readonly string[];
  /** Prints the current canary weight on stdout; no placeholders. Without it, read-back is unsupported. */
  getCommand?: readonly string[];
  timeoutMs: number;
  cwd?: string;
  /** The command's whole environment (secretEnv already merged in). */
  env?: NodeJS.ProcessEnv;
  redactor: Redactor;
  /** The phase number a weight belongs to, for {phase}; 0 when none (a rollback). */
  phase?: (weight: number) => number;
}

/** How much command output an answer carries: enough for an error message, not a log dump. */
export const OUTPUT_LIMIT = 2_000;

export class ExecAdapter implements Adapter {
  constructor(private readonly opts: ExecOptions) {}

  describe(): string {
    const shown = this.opts.redactor.scrub(this.opts.command.join(' '));
    return `exec ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}`;
  }

  async setWeight(weight: number): Promise<WeightAnswer> {
    if (!(weight >= 0 && weight <= 100)) return { ok: false, weight: null, detail: `refused weight ${weight}%: expected 0 to 100` };
    const argv = fillPlaceholders(this.opts.command, {
      weight: String(weight),
      stableWeight: String(Number((100 - weight).toFixed(6))),
      phase: String(this.opts.phase?.(weight) ?? 0),
    });
    const run = await this.#run(argv);
    return { ok: run.code === 0 && !run.timedOut, weight: run.code === 0 ? weight : null, detail: this.#detail(argv, run) };
  }

  async getWeight(): Promise<WeightAnswer> {
    if (!this.opts.getCommand) return { ok: false, weight: null, detail: 'no getCommand configured: the weight cannot be read back' };
    const run = await this.#run(this.opts.getCommand);
    if (run.code !== 0 || run.timedOut) return { ok: false, weight: null, detail: this.#detail(this.opts.getCommand, run) };
    const text = run.stdout.trim();
    const weight = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(weight >= 0 && weight <= 100)) {
      return { ok: false, weight: null, detail: `${basename(this.opts.getCommand[0]!)} printed "${this.#scrubbed(text, 200)}", expected a number 0-100` };
    }
    return { ok: true, weight, detail: `read back ${weight}%` };
  }

  async verify(expected: number): Promise<VerifyAnswer> {
    if (!this.opts.getCommand) return { unsupported: true, detail: 'no getCommand configured' };
    const back = await this.getWeight();
    if (!back.ok || back.weight === expected) return back;
    return { ok: false, weight: back.weight, detail: `read back ${back.weight}%, expected ${expected}%` };
  }

  #run(argv: readonly string[]): Promise<RunResult> {
    return runArgv(argv, { timeoutMs: this.opts.timeoutMs, ...(this.opts.cwd ? { cwd: this.opts.cwd } : {}), ...(this.opts.env ? { env: this.opts.env } : {}) });
  }

  #detail(argv: readonly string[], run: RunResult): string {
    const name = basename(argv[0]!);
    const how = run.spawnError
      ? `could not start ${name} (${run.spawnError})`
      : run.timedOut
        ? `${name} timed out after ${this.opts.timeoutMs} ms and was killed`
        : run.code === null
          ? `${name} was killed by ${run.signal}`
          : `${name} exited ${run.code}`;
    const output = [run.stdout.trim(), run.stderr.trim()].filter(Boolean).join('\n');
    return output ? `${how}: ${this.#scrubbed(output, OUTPUT_LIMIT)}` : how;
  }

  /** Scrub first, then cut: a cut could split a secret so the redactor no longer sees it. */
  #scrubbed(text: string, max: number): string {
    return tail(this.opts.redactor.scrub(text), max);
  }
}
