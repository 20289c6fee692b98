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

export class Redactor {
  readonly #secrets = new Set<string>();

  add(secret: string): string {
    if (secret.length >= 4) this.#secrets.add(secret);
    return secret;
  }

  /** The text with every known secret (and its base64 form, as in basic auth) replaced. */
  scrub(text: string): string {
    let out = text;
    for (const s of this.#secrets) {
      out = out.split(s).join('[redacted]');
      const b64 = Buffer.from(s).toString('base64');
      out = out.split(b64).join('[redacted]');
    }
    return out;
  }
}

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
