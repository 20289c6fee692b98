/**
 * zod's words ("Unrecognized key", "Invalid URL") say what is wrong but not
 * what was wanted, and someone fixing a config at T-1h needs the latter. Each
 * issue becomes one sentence that starts with "expected", and nothing the user
 * wrote is echoed at length: a 10 MB file of unknown keys gets three of them.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Keys and values echoed back are clipped to this many characters. */
const ECHO_CHARS = 40;
/** Unknown keys listed by name; the rest are counted. */
const LISTED_KEYS = 3;

export const clip = (text: string, max = ECHO_CHARS): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const quote = (text: string): string => JSON.stringify(clip(text));

/** What the user wrote at `path`, short: "ftp://x" quoted, numbers bare, anything else by kind. */
export function echo(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** What a string format means to a person; every URL a config holds is fetched over http(s). */
export const FORMATS: Record<string, string> = {
  url: 'an http(s) URL such as https://prometheus.example:9090',
  datetime: 'an ISO 8601 UTC time such as 2026-11-26T18:00:00Z',
};

/** zod's own sentence minus its label ("Invalid input: expected string…" → "expected string…"). */
function zodSentence(message: string): string {
  const bare = message.replace(/^(Invalid input|Invalid option|Too small|Too big|Invalid [\w ]+?): /, '');
  return /^expected\b/i.test(bare) ? bare.replace(/^E/, 'e') : `expected valid input (${clip(bare, 120)})`;
}

/** An issue that says only "not this kind of value" at the top: the user did not mean that branch. */
function wrongKind(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((b) => !b[0] || wrongKind(b[0]));
}

/**
 * A union ("0.5%" or {threshold, warn}) fails as a whole with "Invalid input";
 * the useful message is in the branch the user evidently meant: the one that
 * got past the top-level type check.
 */
function innermost(issue: Issue): { issue: Issue; path: PropertyKey[] } {
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const meant = issue.errors.find((b) => b[0] && !wrongKind(b[0])) ?? issue.errors[0]!;
    if (meant[0]) {
      const inner = innermost(meant[0]);
      return { issue: inner.issue, path: [...issue.path, ...inner.path] };
    }
  }
  return { issue, path: [...issue.path] };
}

/** The path to point at and the sentence ("expected …") for one zod issue; `input` is what was validated. */
export function describeIssue(top: Issue, input: unknown): { path: PropertyKey[]; sentence: string } {
  const { issue, path } = innermost(top);
  const got = () => echo(valueAt(input, path));
  if (issue.code === 'unrecognized_keys') {
    const [first, ...rest] = issue.keys.map(quote);
    const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, LISTED_KEYS - 1).join(', ')}${rest.length >= LISTED_KEYS ? ', …' : ''})` : '';
    // The path stays the mapping's (a typo is one of its keys); the message names the keys.
    return { path, sentence: `expected only known keys, got unknown key ${first}${more}` };
  }
  if (/^expected\b/.test(issue.message)) return { path, sentence: issue.message };
  if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    return { path, sentence: `expected ${article} ${issue.expected}, but the key is missing` };
  }
  if (issue.code === 'invalid_format') {
    return { path, sentence: `expected ${FORMATS[issue.format] ?? `text in ${issue.format} format`}, got ${got()}` };
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const options = (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ');
    return { path, sentence: `expected one of ${options}, got ${got()}` };
  }
  return { path, sentence: zodSentence(issue.message) };
}
