/**
 * One driver per window. The first instance takes the lock; a second one
 * opens as a read-only viewer. A lock left by a dead process (kill -9) is
 * stale and taken over; taking over a live one needs --take-over, which
 * the caller audits.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  operator: string;
  since: string;
}

export type LockResult =
  | { role: 'driver'; tookOverFrom: LockHolder | null; stale: boolean; release(): void }
  | { role: 'viewer'; holder: LockHolder };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return { pid: -1, host: hostname(), operator: 'unknown', since: 'unknown' };
  }
}

const isStale = (holder: LockHolder): boolean => holder.host === hostname() && !alive(holder.pid);

/**
 * Who drives now, without taking anything: null when nobody does (no lock,
 * or a dead holder's). Lets a second instance know it will only watch before
 * it builds anything a driver needs.
 */
export function currentDriver(path: string): LockHolder | null {
  if (!existsSync(path)) return null;
  const holder = readHolder(path);
  return isStale(holder) ? null : holder;
}

export function acquireLock(path: string, operator: string, takeOver: boolean, now: Date): LockResult {
  const me: LockHolder = { pid: process.pid, host: hostname(), operator, since: now.toISOString() };
  const release = () => {
    try {
      const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      if (holder.pid === process.pid && holder.host === me.host) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // The lock is the first file a live window writes (the audit folder is made lazily): owner-only, like the rest.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    return { role: 'driver', tookOverFrom: null, stale: false, release };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const holder = readHolder(path);
  const stale = isStale(holder);
  if (!stale && !takeOver) return { role: 'viewer', holder };
  // Replaced whole rather than rewritten in place: a reader never sees half a holder, and the old file's mode goes with it.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(me), { mode: 0o600 });
  renameSync(tmp, path);
  return { role: 'driver', tookOverFrom: holder, stale, release };
}
