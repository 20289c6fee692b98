/**
 * Crash-resume and one driver for a live window: the lock decides whether
 * this instance drives or watches; a driver resumes a saved, undecided
 * window, and a take-over (explicit, or of a dead holder's lock) is audited.
 */
import { join } from 'node:path';
import { isTerminal, type WindowState } from '../../rules/phases.js';
import { MemoryAuditLog, type AuditSink } from '../audit/audit-log.js';
import { acquireLock, currentDriver } from '../engine/driver-lock.js';
import { WindowFile } from '../engine/window-file.js';

export interface LiveWindowState {
  persist: WindowFile;
  resume?: WindowState;
  readOnly?: string;
  release?: () => void;
  audit: AuditSink;
}

const lockPath = (dir: string, windowId: string) => join(dir, `${windowId}.lock`);

/** True when another live instance drives this window and this one was not told to take over: it will only watch. */
export function willOnlyWatch(args: { dir: string; windowId: string; takeOver: boolean }): boolean {
  return !args.takeOver && currentDriver(lockPath(args.dir, args.windowId)) !== null;
}

/** `watchAfterGa`: the config plans the release, so a promoted window is still watched (the checklist, the freeze) and resumes as such. */
export function liveWindowState(args: { dir: string; windowId: string; operator: string; takeOver: boolean; audit: AuditSink; now: Date; watchAfterGa?: boolean }): LiveWindowState {
  const persist = new WindowFile(join(args.dir, `${args.windowId}.state.json`));
  const lock = acquireLock(lockPath(args.dir, args.windowId), args.operator, args.takeOver, args.now);
  if (lock.role === 'viewer') {
    const h = lock.holder;
    // A viewer writes nothing: the driver's audit and state are the record.
    return { persist, audit: new MemoryAuditLog(), readOnly: `read-only viewer: ${h.operator} drives this window (pid ${h.pid} on ${h.host} since ${h.since}); --take-over to drive` };
  }
  if (lock.tookOverFrom) {
    const h = lock.tookOverFrom;
    args.audit.append({
      at: args.now.toISOString(), type: 'action', action: 'take-over', operator: args.operator, ok: true,
      reason: lock.stale ? `lock of a dead process (pid ${h.pid}) taken over` : `--take-over from ${h.operator} (pid ${h.pid} on ${h.host})`,
    });
  }
  const saved = persist.load();
  // A promoted window is resumed too: after GA it is watched until the freeze is over (release-track.ts), never reopened.
  const resumable = saved && (!isTerminal(saved) || (saved.status === 'promoted' && args.watchAfterGa === true));
  return { persist, audit: args.audit, release: lock.release, ...(resumable ? { resume: saved } : {}) };
}
