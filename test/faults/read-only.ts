/**
 * Making a folder read-only for the bin under test. Root writes through any
 * mode bits, so a root test runs the bin as `nobody` from a world-readable
 * copy of dist/ (a bundle, self-contained) and owns the folder to nobody;
 * anyone else just runs it as themselves.
 */
import { chmodSync, chownSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI } from '../live/live-helpers.js';

const NOBODY = 65534;
export const asRoot = process.getuid?.() === 0;

export interface Runner {
  as: { cli?: string; uid?: number; gid?: number };
  /** Gives the runner a folder (and the files in it) it may write. */
  own(dir: string): void;
  readOnly(dir: string): void;
  writable(dir: string): void;
}

export function runnerForReadOnly(): Runner {
  if (!asRoot) {
    return { as: {}, own: () => {}, readOnly: (d) => setModes(d, 0o500, 0o400), writable: (d) => setModes(d, 0o700, 0o600) };
  }
  const copy = mkdtempSync(join(tmpdir(), 'canary-dist-'));
  cpSync(dirname(CLI), copy, { recursive: true });
  chmodAll(copy);
  const own = (d: string) => {
    chownSync(d, NOBODY, NOBODY);
    for (const f of readdirSync(d)) chownSync(join(d, f), NOBODY, NOBODY);
  };
  return { as: { cli: join(copy, 'cli.js'), uid: NOBODY, gid: NOBODY }, own, readOnly: (d) => setModes(d, 0o500, 0o400), writable: (d) => setModes(d, 0o700, 0o600) };
}

function setModes(dir: string, dirMode: number, fileMode: number): void {
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), fileMode);
  chmodSync(dir, dirMode);
}

function chmodAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) chmodAll(join(dir, e.name));
    else chmodSync(join(dir, e.name), 0o644);
  }
}

/** A config written by root in a 0700 temp folder, readable by the runner too. */
export function shareConfig(config: string): void {
  chmodSync(dirname(config), 0o755);
  chmodSync(config, 0o644);
}
