/**
 * Observed: a read-only audit folder crashed a live window ("internal error:
 * EACCES") with the canary still at 5%. The audit now keeps what it cannot
 * write, in order, says so, and writes it whole once the folder takes it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAuditLog, type AuditRecord } from '../../src/audit/audit-log.js';

const record = (n: number): AuditRecord => ({ at: `2026-12-02T00:00:0${n}.000Z`, type: 'trigger', operator: 'auto', n });

describe('FileAuditLog when its folder cannot be written', () => {
  it('never throws, keeps the records in order, and writes them once it can', () => {
    const root = mkdtempSync(join(tmpdir(), 'canary-kept-'));
    const blocker = join(root, 'audit');
    writeFileSync(blocker, 'a file where the folder should be');
    const log = new FileAuditLog(join(blocker, 'w.jsonl'));
    expect(() => log.append(record(1))).not.toThrow();
    log.append(record(2));
    expect(log.flushPending()).toMatch(/^the audit cannot be written \((EEXIST|ENOTDIR), .*w\.jsonl\): 2 record\(s\) kept in memory, written once it can be$/);
    rmSync(blocker);
    log.append(record(3));
    expect(log.flushPending()).toBeNull();
    const lines = readFileSync(join(blocker, 'w.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    expect(lines.map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('a moved-away audit file is no problem while its folder takes a new one (the probe looks at the folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-probe-'));
    const log = new FileAuditLog(join(dir, 'w.jsonl'));
    log.append(record(1));
    expect(log.flushPending()).toBeNull();
    rmSync(join(dir, 'w.jsonl'));
    // The folder still takes a new file: a moved-away audit file is no problem.
    expect(log.flushPending()).toBeNull();
  });
});
