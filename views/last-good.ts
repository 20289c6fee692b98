/**
 * While a source is down or a series has gone quiet, the IC still wants the
 * last numbers seen, marked as old, rather than a screen of dashes. The rules
 * judge stale data UNKNOWN (and keep doing so); this only decides what the
 * panels print: a readout taken without the staleness limit fills the values
 * the fresh readout lacks, and every pair filled that way is remembered so
 * the panels grey it. Values missing for any other reason (NaN, too little
 * canary traffic, a zero control) stay missing, because the second readout
 * misses them too.
 */
import type { MeasureContext } from '../rules/measures.js';
import type { Policy } from '../rules/policy.js';
import { buildReadout, pairOf, type Pair, type Readout } from '../rules/readout.js';

export interface ShownReadout {
  readout: Readout;
  /** True for a pair that shows at least one last-good (stale) value. */
  isStale: (p: Pair) => boolean;
}

const FRESH = (): boolean => false;

/**
 * The readout the panels print. The second readout and the walk run only when
 * some series is past the limit: the screen is rebuilt after every check, and
 * a healthy window should not pay for an outage it is not having.
 */
export function shownReadout(policy: Policy, ctx: MeasureContext): ShownReadout {
  const fresh = buildReadout(policy, ctx);
  let anyStale = false;
  for (const s of ctx.snapshot.latest.values()) {
    if (ctx.now - s.at > ctx.staleAfterMs) {
      anyStale = true;
      break;
    }
  }
  return anyStale ? withLastGood(fresh, buildReadout(policy, { ...ctx, staleAfterMs: Infinity })) : { readout: fresh, isStale: FRESH };
}

const isPair = (v: unknown): v is Pair =>
  typeof v === 'object' && v !== null && 'canary' in v && 'control' in v && 'delta' in v;

export function withLastGood(fresh: Readout, lastGood: Readout): ShownReadout {
  const stale = new WeakSet<Pair>();
  const fill = (now: unknown, last: unknown): unknown => {
    if (isPair(now) && isPair(last)) {
      if ((now.canary !== null || last.canary === null) && (now.control !== null || last.control === null)) return now;
      const filled = pairOf(now.canary ?? last.canary, now.control ?? last.control);
      stale.add(filled);
      return filled;
    }
    if (Array.isArray(now)) return now.map((item, i) => fill(item, (last as unknown[] | undefined)?.[i]));
    // Plain numbers (the payment caps' counts) are not filled: a cap is a hard stop, judged on live counts only.
    if (typeof now === 'object' && now !== null) {
      return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, fill(v, (last as Record<string, unknown> | undefined)?.[k])]));
    }
    return now;
  };
  return { readout: fill(fresh, lastGood) as Readout, isStale: (p) => stale.has(p) };
}
