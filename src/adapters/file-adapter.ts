/**
 * Writes the canary weight to a file that GitOps tooling (Argo CD, Flux, a
 * cron'd script) watches. The write is atomic (temp file in the same
 * directory, fsync, rename, fsync of the directory), so a watcher never reads
 * half a file and a crash leaves either the old weight or the new one.
 *
 * File format: {"canaryWeight": N, "stableWeight": 100 - N, "updatedAt": ISO}.
 * Read-back reads the file, which proves the write landed, not that the
 * watcher applied it; describe() says so.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';

export interface WeightFile {
  canaryWeight: number;
  stableWeight: number;
  updatedAt: string;
}

export class FileAdapter implements Adapter {
  /** `now` is injectable so tests can pin `updatedAt`. */
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  describe(): string {
    return `file ${this.path} (read-back checks the file, not the tool that applies it)`;
  }

  async getWeight(): Promise<WeightAnswer> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no weight file yet' : `cannot read the weight file (${code ?? 'error'})`;
      return { ok: false, weight: null, detail: `${why}: ${this.path}` };
    }
    const weight = parseWeightFile(text);
    if (weight === null) return { ok: false, weight: null, detail: `${this.path} holds no valid {"canaryWeight": 0-100}` };
    return { ok: true, weight, detail: `read back ${weight}% from ${this.path}` };
  }

  async setWeight(weight: number): Promise<WeightAnswer> {
    if (!(weight >= 0 && weight <= 100)) return { ok: false, weight: null, detail: `refused weight ${weight}%: expected 0 to 100` };
    const body: WeightFile = { canaryWeight: weight, stableWeight: 100 - weight, updatedAt: this.now().toISOString() };
    try {
      await writeAtomically(this.path, `${JSON.stringify(body, null, 2)}\n`);
    } catch (e) {
      return { ok: false, weight: null, detail: `cannot write ${this.path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
    return { ok: true, weight, detail: `wrote ${weight}% to ${this.path}` };
  }

  async verify(expected: number): Promise<VerifyAnswer> {
    const back = await this.getWeight();
    if (!back.ok || back.weight === expected) return back;
    return { ok: false, weight: back.weight, detail: `read back ${back.weight}% from ${this.path}, expected ${expected}%` };
  }
}

/** The canary weight in a weight file's text, or null when the text is not one. */
export function parseWeightFile(text: string): number | null {
  try {
    const w = (JSON.parse(text) as { canaryWeight?: unknown } | null)?.canaryWeight;
    return typeof w === 'number' && w >= 0 && w <= 100 ? w : null;
  } catch {
    return null;
  }
}

/** Temp file beside the target (rename is only atomic within one file system), fsync, rename, fsync the directory. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx', 0o644);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  // The rename itself must survive a power cut; some file systems refuse to fsync a directory, which is not worth failing for.
  const dir = await open(dirname(path), 'r').catch(() => null);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}
