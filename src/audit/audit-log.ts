/**
 * Append-only JSONL, one record per decision, flushed to disk before the
 * action is reported done, so a crash never loses what the IC did.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditRecord {
  at: string;
  type: 'action' | 'refusal' | 'trigger' | 'phase' | 'report' | 'report-copy' | 'prompt-cancelled' | 'start' | 'stop' | 'weight-drift';
  operator: string;
  [field: string]: unknown;
}

export interface AuditSink {
  append(record: AuditRecord): void;
  readonly path: string | null;
}

/**
 * The file is 0600 in a 0700 folder: it names operators, hosts and every
 * decision. The folder is made on the first record, not at construction, so
 * a start that fails on bad input leaves nothing behind.
 */
export class FileAuditLog implements AuditSink {
  #dirReady = false;

  constructor(readonly path: string) {}

  append(record: AuditRecord): void {
    if (!this.#dirReady) {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      this.#dirReady = true;
    }
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
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
}
