/**
 * Pre-flight signatures, one JSON line each in the window's folder beside
 * its audit (WINDOW-signatures.jsonl), fsync'd before the signer is told, so
 * a signature survives kill -9 and a restart. `canary-tui sign` appends while
 * the window runs; the window re-reads the file at every check. A line that
 * does not parse (a torn last write) is skipped, never trusted.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Signature } from '../../rules/preflight.js';

export const signaturesPath = (auditDir: string, windowId: string): string => join(auditDir, `${windowId}-signatures.jsonl`);

export class SignatureFile {
  /** Why the file could not be read at the last try (EACCES, EISDIR), or null. */
  problem: string | null = null;
  #last: Signature[] = [];

  constructor(readonly path: string) {}

  append(s: Signature): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ item: s.item, by: s.by, at: new Date(s.at).toISOString() })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Never throws: an unreadable file keeps the last signatures read and says why in `problem`. */
  read(_now?: number): Signature[] {
    if (!existsSync(this.path)) return [];
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
      this.problem = null;
    } catch (e) {
      this.problem = (e as NodeJS.ErrnoException).code ?? 'unreadable';
      return this.#last;
    }
    return (this.#last = text.split('\n').flatMap((line) => {
      try {
        const o = JSON.parse(line) as { item?: unknown; by?: unknown; at?: unknown };
        const at = typeof o.at === 'string' ? Date.parse(o.at) : Number.NaN;
        return typeof o.item === 'string' && typeof o.by === 'string' && Number.isFinite(at) ? [{ item: o.item, by: o.by, at }] : [];
      } catch {
        return [];
      }
    }));
  }
}
