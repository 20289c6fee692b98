/**
 * Reads a file the user named. An unreadable one is bad input, not a crash,
 * and one over the documented limit is refused before a parser sees it: a
 * config or a drill is kilobytes, and a 10 MB YAML file once hung the CLI.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** README (Config) documents these limits. A config is kilobytes; a recorded fixture (JSON, parsed in linear time) of an eight-hour window at 15 s is a few MB. */
export const MAX_INPUT_BYTES = 1024 * 1024;
export const MAX_FIXTURE_BYTES = 32 * MAX_INPUT_BYTES;

const mb = (bytes: number): string => `${(bytes / MAX_INPUT_BYTES).toFixed(1)} MB`;

export async function readInputFile(file: string, what: 'config' | 'fixture'): Promise<string> {
  const unreadable = (code: string) => InputError.said(file, '', `expected a readable ${what} file (${code})`);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw unreadable(info.isDirectory() ? 'EISDIR' : 'not a regular file');
    size = info.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable((e as NodeJS.ErrnoException).code ?? 'error');
  }
  const limit = what === 'fixture' ? MAX_FIXTURE_BYTES : MAX_INPUT_BYTES;
  const tooBig = (bytes: number) => new InputError(file, '', `a ${what} file of at most ${mb(limit).replace('.0', '')} (the documented limit), got ${mb(bytes)}`);
  if (size > limit) throw tooBig(size);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw unreadable((e as NodeJS.ErrnoException).code ?? 'error');
  }
  // The file may have grown between stat and read.
  if (Buffer.byteLength(text) > limit) throw tooBig(Buffer.byteLength(text));
  return text;
}
