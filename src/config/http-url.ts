/**
 * Every URL a config holds (Prometheus, Grafana, billing, webhook) is fetched
 * over HTTP. An ftp:// or file:// URL parses as a URL, so without this rule it
 * passed `check` and failed only inside the window, as a connection error.
 */
import { z } from 'zod';
import { FORMATS, echo } from './zod-words.js';

export const HTTP_URL = FORMATS.url!;

export const httpUrlMessage = (got: unknown): string => `expected ${HTTP_URL}, got ${echo(got)}`;

/** A URL field that takes http: and https: only, with a message that says so. */
export const httpUrl = () => z.url({ protocol: /^https?$/, error: (issue) => httpUrlMessage(issue.input) });

export function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
