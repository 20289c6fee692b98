/**
 * The file a window records itself into (`--record FILE`). Lines are
 * appended synchronously, one whole line each (recording-lines.ts), so a
 * crash loses at most the line being written and a restarted window carries
 * on in the same file. A recording that cannot be written stops, says so
 * once through `onFailure` (the audit), and never stops the window: the
 * window's own decisions are in the audit either way.
 */
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../config/input-error.js';
import { headerLine, RECORDING_PREFIX, type BodyLine, type RecordingHeader } from './recording-lines.js';

export class RecordingFile {
  #stopped: string | null = null;

  private constructor(readonly path: string, private readonly scrub: (text: string) => string, private readonly onFailure: (message: string) => void) {}

  /**
   * A new file gets the header; an existing one must be this window's own
   * recording (same name), which a restart carries on after a `resume` line.
   * Anything else is refused before the window runs.
   */
  static open(path: string, header: RecordingHeader, scrub: (text: string) => string, onFailure: (message: string) => void): RecordingFile {
    const file = new RecordingFile(path, scrub, onFailure);
    if (existsSync(path)) {
      if (!statSync(path).isFile()) throw new InputError(path, '', 'a file to record into, not a folder or a device');
      const theirs = existingName(path);
      if (theirs !== header.name) {
        const what = theirs === null ? 'it is not a canary-tui recording' : `it records window ${theirs}`;
        throw new InputError(path, '', `a new file, or this window's own recording to carry on (${header.name}); ${what}`);
      }
      file.#write({ type: 'resume', at: Date.parse(header.startedAt) });
    } else {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      file.#write(header);
    }
    if (file.#stopped) throw new InputError(path, '', `a file canary-tui can write (${file.#stopped})`);
    return file;
  }

  /** What open() refuses whatever the window: a folder or device, or a file that is no recording. */
  static check(path: string): void {
    if (!existsSync(path)) return;
    if (!statSync(path).isFile()) throw new InputError(path, '', 'a file to record into, not a folder or a device');
    if (existingName(path) === null) throw new InputError(path, '', "a new file, or this window's own recording to carry on; it is not a canary-tui recording");
  }

  append(line: BodyLine): void {
    this.#write(line);
  }

  /** Why the recording stopped, or null while it runs. */
  get stopped(): string | null { return this.#stopped; }

  #write(line: BodyLine | RecordingHeader): void {
    if (this.#stopped) return;
    try {
      appendFileSync(this.path, `${this.scrub(JSON.stringify(line))}\n`, { mode: 0o600 });
    } catch (e) {
      this.#stopped = (e as NodeJS.ErrnoException).code ?? 'write failed';
      this.onFailure(`recording to ${this.path} stopped (${this.#stopped}); the window goes on, its audit is complete`);
    }
  }
}

/** The window a recording file belongs to, or null when its first line is no recording header. */
function existingName(path: string): string | null {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  let first: string;
  try {
    first = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').split('\n')[0]!;
  } finally {
    closeSync(fd);
  }
  if (!first.startsWith(RECORDING_PREFIX)) return null;
  try {
    const parsed = headerLine.safeParse(JSON.parse(first));
    return parsed.success ? parsed.data.name : null;
  } catch {
    return null;
  }
}
