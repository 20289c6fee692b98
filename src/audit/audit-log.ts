/**
 * Append-only JSONL, one record per decision, flushed to disk before the
 * action is reported done, so a crash never loses what the IC did.
 */
import { accessSync, closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditRecord {
  at: string;
  type: 'action' | 'refusal' | 'trigger' | 'phase' | 'report' | 'report-copy' | 'report-write' | 'report-post' | 'annotation' | 'prompt-cancelled' | 'start' | 'stop' | 'weight-drift' | 'recording' | 'signature' | 'lifecycle';
  operator: string;
  [field: string]: unknown;
}

export interface AuditSink {
  /** Never throws: a record that cannot be written is kept and `flushPending` says so. */
  append(record: AuditRecord): void;
  readonly path: string | null;
  /** Writes the records kept after a failed write, in order; returns why some are still kept, or null when none are. */
  flushPending?(): string | null;
}

/**
 * The file is 0600 in a 0700 folder: it names operators, hosts and every
 * decision. The folder is made on the first record, not at construction, so
 * a start that fails on bad input leaves nothing behind.
 *
 * A write that fails (a read-only or full disk) must not crash a window
 * with traffic on the canary, nor lose the record: it is kept in memory, in
 * order, and written with the next record or the next `flushPending`. The
 * engine refuses to advance while records are kept (engine.ts).
 */
export class FileAuditLog implements AuditSink {
  #dirReady = false;
  #pending: string[] = [];
  #problem: string | null = null;
  #exitHook = false;

  constructor(readonly path: string) {}

  append(record: AuditRecord): void {
    this.#pending.push(`${JSON.stringify(record)}\n`);
    this.flushPending();
  }

  flushPending(): string | null {
    if (!this.#pending.length) return this.#probe();
    try {
      this.#write(this.#pending.join(''));
      this.#pending = [];
      this.#problem = null;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      this.#lastResort();
      this.#problem = `the audit cannot be written (${code}, ${this.path}): ${this.#pending.length} record(s) kept in memory, written once it can be`;
    }
    return this.#problem;
  }

  /** If the process ends with records still kept, they go to stderr, marked, rather than nowhere. */
  #lastResort(): void {
    if (this.#exitHook) return;
    this.#exitHook = true;
    process.once('exit', () => {
      if (!this.#pending.length) return;
      process.stderr.write(`canary-tui: ${this.#pending.length} audit record(s) could not be written to ${this.path}; here they are:\n${this.#pending.join('')}`);
    });
  }

  /** With nothing kept, whether the next record could be written: said before a decision is lost, not after. */
  #probe(): string | null {
    if (!this.#dirReady) return null;
    try {
      // A file moved away (rotated, deleted) is made again by the next record: then the folder must take it.
      accessSync(existsSync(this.path) ? this.path : dirname(this.path), constants.W_OK);
      return null;
    } catch (e) {
      return `the audit cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'}, ${this.path}): no record lost yet`;
    }
  }

  #write(text: string): void {
    if (!this.#dirReady) {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      this.#dirReady = true;
    }
    const fd = openSync(this.path, 'a', 0o600);
    const before = fstatSync(fd).size;
    try {
      // A nearly full disk writes short without throwing: write until every byte is down.
      const bytes = Buffer.from(text);
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } catch (e) {
      // Nothing half-written stays behind: the kept records are written whole, once, later.
      try { ftruncateSync(fd, before); } catch { /* the error below says the file cannot be written */ }
      throw e;
    } finally {
      closeSync(fd);
    }
  }
}

/** Keeps records in memory; for tests and for viewers that must not write. */
export class MemoryAuditLog implements AuditSink {
  readonly path = null;
  readonly records: AuditRecord[] = [];
  append(record: AuditRecord): void {
    this.records.push(record);
  }
}

/** Defence in depth: whatever reaches the audit passes the redactor first. */
export class ScrubbingAuditLog implements AuditSink {
  constructor(
    private readonly inner: AuditSink,
    private readonly scrub: (text: string) => string,
  ) {}

  get path(): string | null {
    return this.inner.path;
  }

  append(record: AuditRecord): void {
    this.inner.append(JSON.parse(this.scrub(JSON.stringify(record))) as AuditRecord);
  }

  flushPending(): string | null {
    return this.inner.flushPending?.() ?? null;
  }
}
