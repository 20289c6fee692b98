/**
 * A point in time on the command line (`--from`, `--to`): RFC 3339
 * (2026-11-26T18:00:00Z, or with an offset) or relative to now (`now`,
 * `-6h`, `-90m`, `-2d`, `-30s`). Relative forms are what an IC types after
 * an incident ("the last six hours"); absolute ones come from a timeline.
 */
import { InputError } from './input-error.js';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i;
const RELATIVE = /^-(\d+(?:\.\d+)?)(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Epoch ms, or bad input naming the flag. */
export function parseTimeArg(flag: string, text: string, now: number): number {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = RELATIVE.exec(t);
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS];
  if (RFC3339.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  throw new InputError(flag, '', `an RFC 3339 time such as 2026-11-26T18:00:00Z, or a relative one such as -6h, -90m or now; got ${JSON.stringify(text.slice(0, 40))}`);
}
