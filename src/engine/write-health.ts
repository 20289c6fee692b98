/**
 * Whether what must be on disk is: the audit and the saved window state. A
 * read-only or full folder used to crash the window with the canary still
 * carrying traffic. Now the window goes on (a rollback must still be
 * possible), says what is not written, and refuses to open or advance until
 * it is: a decision nobody can audit is not taken. Kept audit records are
 * written, in order, as soon as the folder takes them again.
 */
import type { WindowState } from '../../rules/phases.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { WindowFile } from './window-file.js';

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

export class WriteHealth {
  #stateProblem: string | null = null;
  #auditProblem: string | null = null;
  #told: string[] = [];

  constructor(
    private readonly audit: AuditSink,
    private readonly persist: WindowFile | undefined,
  ) {}

  /** Saves the state; a failure is remembered (and retried with the next save), never thrown. */
  save(state: WindowState, now: number): void {
    if (!this.persist) return;
    try {
      this.persist.save(state, now);
      this.#stateProblem = null;
    } catch (e) {
      this.#stateProblem = `the window state cannot be saved (${codeOf(e)}, ${this.persist.path}): a restart would not resume from here`;
    }
  }

  /** What was not written at the last check: cheap, for every frame and every command's guards. */
  problems(): string[] {
    return [this.#auditProblem, this.#stateProblem].filter((p): p is string => p !== null);
  }

  /**
   * Once a check: retries the kept audit records (and probes the folder), then
   * returns the problems that began since the last check and a line for each
   * that ended: what the event log should say.
   */
  news(): string[] {
    this.#auditProblem = this.audit.flushPending?.() ?? null;
    const now = this.problems();
    const kindOf = (p: string) => p.slice(0, p.indexOf('('));
    const began = now.filter((p) => !this.#told.some((t) => kindOf(t) === kindOf(p)));
    const ended = this.#told.filter((t) => !now.some((p) => kindOf(p) === kindOf(t))).map((t) => `${kindOf(t).replace('cannot be', 'is').trim()} again`);
    this.#told = now;
    return [...began, ...ended];
  }
}
