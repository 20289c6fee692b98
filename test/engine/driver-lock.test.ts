/** One driver per window: the lock file, read without taking it, and taken. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, currentDriver } from '../../src/engine/driver-lock.js';

const NOW = new Date('2026-11-26T04:00:00Z');
const lockIn = () => join(mkdtempSync(join(tmpdir(), 'canary-lock-')), 'w.lock');
/** A pid that existed and is gone: a child that has already exited. */
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
const holder = (pid: number, operator = 'bob') => JSON.stringify({ pid, host: hostname(), operator, since: NOW.toISOString() });

describe('currentDriver: who drives, without taking anything', () => {
  it('nobody when there is no lock', () => {
    expect(currentDriver(lockIn())).toBeNull();
  });

  it('the holder when its process is alive', () => {
    const path = lockIn();
    writeFileSync(path, holder(process.pid));
    expect(currentDriver(path)).toMatchObject({ pid: process.pid, operator: 'bob' });
  });

  it('nobody when the holder is dead (kill -9 left the lock behind), and the lock is left as it was', () => {
    const path = lockIn();
    writeFileSync(path, holder(deadPid()));
    expect(currentDriver(path)).toBeNull();
    expect(JSON.parse(readFileSync(path, 'utf8')).operator).toBe('bob');
  });
});

describe('acquireLock', () => {
  it('the first instance drives and releasing removes the lock', () => {
    const path = lockIn();
    const lock = acquireLock(path, 'alice', false, NOW);
    expect(lock).toMatchObject({ role: 'driver', tookOverFrom: null, stale: false });
    if (lock.role === 'driver') lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('a second instance watches while the holder lives; --take-over drives and names whom it took from', () => {
    const path = lockIn();
    writeFileSync(path, holder(process.pid));
    expect(acquireLock(path, 'alice', false, NOW)).toMatchObject({ role: 'viewer', holder: { operator: 'bob' } });
    expect(acquireLock(path, 'alice', true, NOW)).toMatchObject({ role: 'driver', stale: false, tookOverFrom: { operator: 'bob' } });
    expect(JSON.parse(readFileSync(path, 'utf8')).operator).toBe('alice');
  });

  it("a dead holder's lock is taken over as stale, without --take-over", () => {
    const path = lockIn();
    writeFileSync(path, holder(deadPid()));
    expect(acquireLock(path, 'alice', false, NOW)).toMatchObject({ role: 'driver', stale: true, tookOverFrom: { operator: 'bob' } });
  });
});
