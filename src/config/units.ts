/**
 * Human units in config files: durations ("1s", "5m", "90m", "2h", "1h30m")
 * and shares ("0.5%" or the fraction 0.005). Invalid text fails validation
 * with a message that shows the accepted forms.
 */
import { z } from 'zod';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)((?:\d+(?:\.\d+)?(?:ms|s|m|h))*)$/;

/** Milliseconds from "1h30m"-style text, or null when it is not a duration. */
export function parseDuration(text: string): number | null {
  let rest = text.trim();
  if (!rest) return null;
  let total = 0;
  while (rest) {
    const m = DURATION.exec(rest);
    if (!m) return null;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    rest = m[3]!;
  }
  return total;
}

export const durationMs = z.union([z.number().nonnegative(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const ms = parseDuration(v);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 1s, 5m, 90m or 2h, got "${v}"` });
    return z.NEVER;
  }
  return ms;
});

/** A share as a fraction: "0.5%" → 0.005; a bare number is already a fraction. */
export const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `expected a percentage such as 0.5% or a fraction such as 0.005, got "${v}"` });
    return z.NEVER;
  }
  return Number(m[1]) / 100;
});
