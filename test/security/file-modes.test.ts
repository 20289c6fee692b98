/**
 * What a window writes (audit, state, lock, copied reports) names operators,
 * hosts and decisions: readable by its owner only, 0600 in a 0700 folder.
 * Issue 9: they were 0644 in a 0755 folder, and a start that failed on bad
 * input still left an empty `.canary-tui/audit/` behind.
 */
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAuditLog } from '../../src/audit/audit-log.js';
import { InputError } from '../../src/config/input-error.js';
import { acquireLock } from '../../src/engine/driver-lock.js';
import { WindowFile } from '../../src/engine/window-file.js';
import { copyReport } from '../../src/report/copy-report.js';
import { setupWindow } from '../../src/run/setup-window.js';

const NOW = new Date('2026-11-26T04:00:00Z');
const mode = (path: string) => statSync(path).mode & 0o777;
/** A folder that does not exist yet, two levels below a fresh temp folder. */
const fresh = () => join(mkdtempSync(join(tmpdir(), 'canary-modes-')), 'canary-tui', 'audit');
const STATE = { status: 'ready', phaseIndex: 0, phaseStartedAt: 0, weight: 0, triggers: {}, lastReportAt: null } as const;

describe('files a window writes are 0600 in 0700 folders', () => {
  it('the audit log: no folder until the first record, then 0700 holding a 0600 file', () => {
    const dir = fresh();
    const log = new FileAuditLog(join(dir, 'w.jsonl'));
    expect(existsSync(dir)).toBe(false);
    log.append({ at: NOW.toISOString(), type: 'start', operator: 'alice' });
    expect([mode(dir), mode(join(dir, '..')), mode(log.path)]).toEqual([0o700, 0o700, 0o600]);
  });

  it('the window state, saved atomically', () => {
    const dir = fresh();
    const file = new WindowFile(join(dir, 'w.state.json'));
    file.save(STATE, NOW.getTime());
    expect([mode(dir), mode(file.path)]).toEqual([0o700, 0o600]);
    expect(file.load()).toEqual(STATE);
  });

  it('the driver lock, taken first or taken over', () => {
    const dir = fresh();
    const lock = acquireLock(join(dir, 'w.lock'), 'alice', false, NOW);
    expect(lock.role).toBe('driver');
    expect([mode(dir), mode(join(dir, 'w.lock'))]).toEqual([0o700, 0o600]);
    const other = join(mkdtempSync(join(tmpdir(), 'canary-modes-')), 'w.lock');
    writeFileSync(other, JSON.stringify({ pid: process.pid, host: 'elsewhere', operator: 'bob', since: NOW.toISOString() }), { mode: 0o644 });
    expect(acquireLock(other, 'alice', true, NOW)).toMatchObject({ role: 'driver', tookOverFrom: { operator: 'bob' } });
    expect(mode(other)).toBe(0o600);
  });

  it('a copied report', async () => {
    const dir = fresh();
    const out = await copyReport('*status*', { dir, now: () => NOW.getTime(), writeClipboard: async () => {}, writeTerminal: () => {} });
    expect([mode(dir), mode(out.path!)]).toEqual([0o700, 0o600]);
  });
});

describe('a start that fails on bad input writes nothing', () => {
  it('a live window whose webhook secret is missing leaves no audit folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-modes-'));
    const config = join(dir, 'window.yaml');
    writeFileSync(config, [
      'source: { type: prometheus, url: "http://127.0.0.1:9", queries: { cache_hit: up } }',
      'adapter: { type: webhook, url: "http://127.0.0.1:9/w", auth: { token: { env: CANARY_TEST_MISSING_TOKEN } } }',
    ].join('\n'));
    const auditDir = join(dir, '.canary-tui', 'audit');
    const started = setupWindow({ config, auditDir, headless: true }, {}, NOW.getTime());
    await expect(started).rejects.toThrow(InputError);
    await expect(started).rejects.toThrow('adapter.auth.token: expected environment variable CANARY_TEST_MISSING_TOKEN to be set');
    expect(existsSync(join(dir, '.canary-tui'))).toBe(false);
  });
});
