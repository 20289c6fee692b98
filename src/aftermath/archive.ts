/**
 * One `.tar.gz` per window for audit: the audit log, the signatures, every
 * report written, copied or posted, the metric snapshot of every check, the
 * config with its secrets removed, the drill score and the end-of-window
 * files, each cleaned of secrets and PII, listed in MANIFEST.json and in
 * SHA256SUMS (`sha256sum -c` checks it). Written to a temporary name and
 * renamed, so a half-written archive never carries the window's name.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../version.js';
import { tarGz, type TarEntry } from './tar-gz.js';
import { cleanJson, cleanJsonLines, cleanText, type Cleaner } from './sanitize.js';
import { archivePath, reportsDir, sideFiles, type WindowPlace } from './window-folder.js';

export interface ArchiveResult {
  path: string;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function cleaned(name: string, raw: Buffer, c: Cleaner): Buffer {
  const text = raw.toString('utf8');
  return Buffer.from(name.endsWith('.jsonl') ? cleanJsonLines(text, c) : name.endsWith('.json') ? cleanJsonText(text, c) : cleanText(text, c), 'utf8');
}

/** A whole JSON document (kept pretty) or JSON Lines: both clean value by value. */
function cleanJsonText(text: string, c: Cleaner): string {
  try {
    return `${JSON.stringify(cleanJson(JSON.parse(text), c), null, 2)}\n`;
  } catch {
    return cleanJsonLines(text, c);
  }
}

/** `notes`: what the manifest must say about gaps (checks whose snapshot could not be written). */
export function archiveWindow(place: WindowPlace, c: Cleaner, now: number, notes: readonly string[] = []): ArchiveResult {
  const entries: TarEntry[] = [];
  for (const { path, name } of sideFiles(place)) {
    if (existsSync(path)) entries.push({ path: `${place.windowId}/${name}`, data: cleaned(name, readFileSync(path), c) });
  }
  const reports = reportsDir(place);
  if (existsSync(reports)) {
    for (const name of readdirSync(reports).sort()) {
      const path = join(reports, name);
      if (statSync(path).isFile()) entries.push({ path: `${place.windowId}/reports/${name}`, data: cleaned(name, readFileSync(path), c) });
    }
  }
  if (!entries.some((e) => e.path.endsWith('/audit.jsonl'))) throw new Error(`no audit log for window ${place.windowId} in ${place.auditDir}`);
  const files = entries.map((e) => ({ path: e.path, bytes: e.data.length, sha256: sha256(e.data) }));
  const manifest = { window: place.windowId, createdAt: new Date(now).toISOString(), tool: `canary-tui ${VERSION}`, cleaned: 'secrets scrubbed; e-mail addresses, phone numbers and long IDs masked', notes, files };
  const sums = files.map((f) => `${f.sha256}  ${f.path.slice(place.windowId.length + 1)}`).join('\n');
  entries.push({ path: `${place.windowId}/MANIFEST.json`, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  entries.push({ path: `${place.windowId}/SHA256SUMS`, data: Buffer.from(`${sums}\n`) });
  const out = archivePath(place);
  mkdirSync(place.auditDir, { recursive: true, mode: 0o700 });
  // Unique to this process: a window closing and `canary-tui archive` at once never rename each other's half.
  const tmp = `${out}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`;
  writeFileSync(tmp, tarGz(entries, now), { mode: 0o600 });
  renameSync(tmp, out);
  return { path: out, files };
}
