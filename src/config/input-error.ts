/**
 * Bad input (config, fixture, API response) gets one message naming the file,
 * the path inside it and what was expected. The CLI maps it to exit code 2.
 */
import type { z } from 'zod';
import { clip, describeIssue } from './zod-words.js';

export class InputError extends Error {
  /** `expected` names what was expected ("a duration such as 5m"); the message reads "expected …". */
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    sentence = `expected ${expected}`,
  ) {
    // One line, always: a wrapped parser message must not split the CLI's one bad-input line.
    super(`${file}: ${path || '(top level)'}: ${sentence}`.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'InputError';
  }

  /** A problem already phrased as a whole sentence ("expected …"). */
  static said(file: string, path: string, sentence: string): InputError {
    return new InputError(file, path, sentence, sentence);
  }
}

/** "series[3].samples[10][0]" from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * The first zod issue as an InputError; one clear message beats a wall of
 * them. `input` (what was validated) lets the message quote what was written.
 */
export function fromZod(file: string, error: z.ZodError, input?: unknown): InputError {
  const { path, sentence } = describeIssue(error.issues[0]!, input);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  // A key the user wrote may be any length; the path names it clipped.
  return InputError.said(file, formatPath(path.map((p) => (typeof p === 'string' ? clip(p) : p))), `${sentence}${more}`);
}
