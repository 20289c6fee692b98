/**
 * Where a window's files live, in one place: the audit, its reports, the
 * metric snapshots, the end-of-window files and the archive all sit in the
 * audit folder under the window's id, so `canary-tui archive` finds them
 * after the process is gone.
 */
import { join } from 'node:path';

export interface WindowPlace {
  auditDir: string;
  windowId: string;
}

export const auditPath = (w: WindowPlace) => join(w.auditDir, `${w.windowId}.jsonl`);
/** Reports written, copied and posted, and the end-of-window files. */
export const reportsDir = (w: WindowPlace) => join(w.auditDir, `${w.windowId}-reports`);
/** In a folder of its own: tools that take the one `.jsonl` beside the window as its audit must not find two. */
export const snapshotsPath = (w: WindowPlace) => join(w.auditDir, `${w.windowId}-snapshots`, 'checks.jsonl');
export const configCopyPath = (w: WindowPlace) => join(w.auditDir, `${w.windowId}-config.json`);
export const archivePath = (w: WindowPlace) => join(w.auditDir, `${w.windowId}.tar.gz`);

/** The window's files outside its reports folder, each with its name in the archive; packed when present. */
export const sideFiles = (w: WindowPlace): Array<{ path: string; name: string }> => [
  { path: auditPath(w), name: 'audit.jsonl' },
  { path: join(w.auditDir, `${w.windowId}-signatures.jsonl`), name: 'signatures.jsonl' },
  { path: snapshotsPath(w), name: 'snapshots.jsonl' },
  { path: join(w.auditDir, `${w.windowId}-score.json`), name: 'score.json' },
  { path: join(w.auditDir, `${w.windowId}-score.txt`), name: 'score.txt' },
  { path: configCopyPath(w), name: 'config.json' },
];
