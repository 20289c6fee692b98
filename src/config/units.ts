/**
 * Human units in config files: durations ("1s", "5m", "90m", "2h", "1h30m")
 * and shares ("0.5%" or the fraction 0.005). Invalid text fails validation
 * with a message that shows the accepted forms.
 */
import { z } from 'zod';
import { echo } from './zod-words.js';

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

const DURATION_FORMS = 'such as 1s, 5m, 90m or 2h';

/**
 * A duration for an interval, a timeout or a phase: above zero, because a
 * zero check interval spins (a headless run printed 30,000 lines in 10 s).
 * Numbers are milliseconds.
 */
export const durationMs = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : parseDuration(v);
  const got = echo(v);
  if (ms === null) ctx.addIssue({ code: 'custom', message: `expected a duration ${DURATION_FORMS}, got ${got}` });
  else if (!(ms > 0)) ctx.addIssue({ code: 'custom', message: `expected a duration above zero ${DURATION_FORMS}, got ${got}` });
  else return ms;
  return z.NEVER;
});

/** How long a trigger's breach must last: 0s is allowed and means "at once" (the directive's error-budget burn). */
export const windowMs = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : parseDuration(v);
  const got = echo(v);
  if (ms === null) ctx.addIssue({ code: 'custom', message: `expected a duration ${DURATION_FORMS}, got ${got}` });
  else if (!(ms >= 0)) ctx.addIssue({ code: 'custom', message: `expected a duration ${DURATION_FORMS}, or 0s for at once, got ${got}` });
  else return ms;
  return z.NEVER;
});

/**
 * A share as a fraction: "0.5%" → 0.005; a bare number is already a
 * fraction. Every share in a config (a rate, a hit ratio, a delta) lies within
 * 0–100%: "150%" or "-5%" is a typo that would make a gate unpassable or moot.
 */
export const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  if (typeof v === 'string' && !m) {
    ctx.addIssue({ code: 'custom', message: `expected a percentage such as 0.5% or a fraction such as 0.005, got ${echo(v)}` });
    return z.NEVER;
  }
  const fraction = typeof v === 'number' ? v : Number(m![1]) / 100;
  if (!(fraction >= 0 && fraction <= 1)) {
    ctx.addIssue({ code: 'custom', message: `expected a share from 0% to 100% (or a fraction from 0 to 1), got ${echo(v)}` });
    return z.NEVER;
  }
  return fraction;
});
