/**
 * What may leave the audit folder in an archive: every string passes the
 * secret scrubber and the PII mask. JSON is masked value by value, so a
 * number with many digits (0.0061108581562) stays a number and the file
 * stays JSON. The config keeps its secret references ({env}, {file}: names,
 * not secrets) but loses anything under a key that names a credential and
 * any user:password in a URL.
 */
import { writeFileSync } from 'node:fs';
import { maskPii } from '../comms/pii.js';
import type { Redactor } from '../config/secrets.js';

export interface Cleaner {
  redactor?: Redactor | undefined;
  /** The team's own IDs that look like PII but are not (the commit SHA). */
  keep: readonly string[];
}

const CREDENTIAL_KEY = /token|secret|password|passwd|authorization|api[-_]?key|cookie/i;

export function cleanText(text: string, c: Cleaner): string {
  return maskPii(c.redactor ? c.redactor.scrub(text) : text, c.keep);
}

function cleanValue(v: unknown, c: Cleaner, key = ''): unknown {
  if (typeof v === 'string') {
    if (CREDENTIAL_KEY.test(key)) return '[removed]';
    return cleanText(v.replace(/(\w+:\/\/)[^/@\s]*@/g, '$1'), c);
  }
  // Items of an array are what their key names: a list of tokens is still tokens.
  if (Array.isArray(v)) return v.map((x) => cleanValue(x, c, key));
  if (v && typeof v === 'object') {
    // A secret reference names where the secret lives; it is kept so the archive shows how the window was wired.
    // Two keys masked alike (series differing by an e-mail label) both stay: the second is suffixed, never lost.
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const masked = cleanText(k, c);
      let name = masked;
      for (let n = 2; name in out; n++) name = `${masked}#${n}`;
      out[name] = isSecretRef(x) ? x : cleanValue(x, c, k);
    }
    return out;
  }
  return v;
}

/** `{env: NAME}` or `{file: PATH}`: where a secret lives, not the secret. */
export const isSecretRef = (x: unknown): boolean => !!x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 1 && ('env' in x || 'file' in x);

export function cleanJson(value: unknown, c: Cleaner): unknown {
  return cleanValue(value, c);
}

/** A JSON Lines file, line by line; a line that is not JSON is cleaned as text. */
export function cleanJsonLines(text: string, c: Cleaner): string {
  return text.split('\n').map((line) => {
    if (!line.trim()) return line;
    try {
      return JSON.stringify(cleanValue(JSON.parse(line), c));
    } catch {
      return cleanText(line, c);
    }
  }).join('\n');
}

/** The config as the window ran with it, cleaned, beside the audit (the archive packs it). */
export function writeConfigCopy(path: string, config: unknown, c: Cleaner): void {
  writeFileSync(path, `${JSON.stringify(cleanJson(config, c), null, 2)}\n`, { mode: 0o600 });
}
