/**
 * Secrets come from the environment or a file, never from argv or the config
 * itself: the config names where the secret lives. Every resolved value is
 * registered with the Redactor, which scrubs it from any text before that
 * text reaches the screen, a report, the audit log or an error message.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from './input-error.js';

export const secretRefSchema = z
  .strictObject({ env: z.string().min(1).optional(), file: z.string().min(1).optional() })
  .refine((r) => (r.env === undefined) !== (r.file === undefined), 'expected exactly one of env (a variable name) or file (a path)');

export type SecretRef = z.infer<typeof secretRefSchema>;

/**
 * The one scrubber. A receiver may echo a secret raw, inside JSON, in a URL
 * or as base64 (a Basic header), so each secret is kept in all those forms.
 * Basic auth sends base64 of `user:password`, which shares no piece with the
 * password's own base64 unless the username happens to align: the pair is
 * registered as such (`add(password, { username })`).
 */
export class Redactor {
  readonly #forms = new Set<string>();
  /** Longest first, so a secret holding a shorter one is scrubbed whole rather than around it. */
  #ordered: string[] | null = null;

  add(secret: string, basic?: { username: string }): string {
    if (secret.length < 4) return secret;
    // The raw pair needs nothing of its own: it holds the raw password, which is scrubbed anyway.
    const values = [secret, base64(secret), ...(basic ? [base64(`${basic.username}:${secret}`)] : [])];
    for (const value of values) {
      for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), formEncoded(value)]) this.#forms.add(form);
    }
    this.#ordered = null;
    return secret;
  }

  /** The text with every form of every known secret replaced; apply it before any cut, or a cut secret escapes it. */
  scrub(text: string): string {
    this.#ordered ??= [...this.#forms].sort((a, b) => b.length - a.length);
    let out = text;
    for (const form of this.#ordered) if (out.includes(form)) out = out.split(form).join('[redacted]');
    return out;
  }
}

const base64 = (value: string) => Buffer.from(value).toString('base64');

/** As in a query string or a form body: spaces become "+". */
const formEncoded = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/** The secret's value; a missing one is bad input that names where it was looked for, never the value. */
export function resolveSecret(ref: SecretRef, where: { file: string; path: string }, env: NodeJS.ProcessEnv, redactor: Redactor): string {
  if (ref.env !== undefined) {
    const value = env[ref.env];
    if (!value) throw new InputError(where.file, where.path, `environment variable ${ref.env} to be set (it holds the secret)`);
    return redactor.add(value.trim());
  }
  try {
    const value = readFileSync(ref.file!, 'utf8').trim();
    if (!value) throw new InputError(where.file, where.path, `a non-empty secret file at ${ref.file}`);
    return redactor.add(value);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(where.file, where.path, `a readable secret file at ${ref.file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
