/**
 * Bad input (config, fixture, API response) gets one message naming the file,
 * the path inside it and what was expected. The CLI maps it to exit code 2.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export class InputError extends Error {
  /** `expected` names what was expected ("a duration such as 5m"); the message reads "expected …". */
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    sentence = `expected ${expected}`,
  ) {
    super(`${file}: ${path || '(top level)'}: ${sentence}`);
    this.name = 'InputError';
  }

  /** A problem already phrased as a whole sentence: zod's own messages, a file that cannot be read. */
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

type Issue = z.core.$ZodIssue;

/**
 * A union ("0.5%" or {threshold, warn}) fails as a whole with "Invalid input";
 * the useful message is in the branch the user evidently meant: the one that
 * got past the top-level type check.
 */
function explain(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const meant = issue.errors.find((b) => b[0] && (b[0].path.length > 0 || b[0].code !== 'invalid_type')) ?? issue.errors[0]!;
    if (meant[0]) {
      const inner = explain(meant[0]);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  return { path: [...issue.path], message: issue.message };
}

/** The first zod issue as an InputError; one clear message beats a wall of them. */
export function fromZod(file: string, error: z.ZodError): InputError {
  const { path, message } = explain(error.issues[0]!);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return InputError.said(file, formatPath(path), `${message}${more}`);
}

/** Reads a file the user named; an unreadable one is bad input, not a crash. */
export async function readInputFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw InputError.said(file, '', `cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
