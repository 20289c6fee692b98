/**
 * Append-only JSONL, one record per decision, flushed to disk before the
 * action is reported done, so a crash never loses what the IC did.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditRecord {
  at: string;
  type: 'action' | 'refusal' | 'trigger' | 'phase' | 'report' | 'report-copy' | 'prompt-cancelled' | 'start' | 'stop';
  operator: string;
  [field: string]: unknown;
}

export interface AuditSink {
  append(record: AuditRecord): void;
  readonly path: string | null;
}

export class FileAuditLog implements AuditSink {
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  append(record: AuditRecord): void {
    const fd = openSync(this.path, 'a');
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
