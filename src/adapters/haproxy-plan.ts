/**
 * Phase percent → per-server HAProxy weights, and back. Kept pure so the
 * arithmetic is tested without a running HAProxy.
 *
 * The canary group gets `scale × percent / 100` weight units and the stable
 * group the rest; each group's units are split as evenly as whole numbers
 * allow (the first servers take the remainder). With weighted round robin a
 * group's traffic share is its units over the total, so the split inside a
 * group does not change the share. A percent that is not a whole number of
 * units (2.5% at scale 100) is refused rather than rounded: a weight the LB
 * cannot hold exactly would never read back as the phase's weight.
 */

export interface ServerGroups {
  canary: readonly string[];
  stable: readonly string[];
  /** Total weight units across all servers; HAProxy caps one server at 256. */
  scale: number;
}

/** server name → weight, canary servers first. */
export type WeightPlan = Map<string, number>;

export const MAX_SERVER_WEIGHT = 256;

/** The weights for `percent`, or a sentence saying why it cannot be set exactly. */
export function planWeights(percent: number, g: ServerGroups): WeightPlan | string {
  if (!(percent >= 0 && percent <= 100)) return `refused weight ${percent}%: expected 0 to 100`;
  const exact = (percent * g.scale) / 100;
  const canaryUnits = Math.round(exact);
  if (Math.abs(exact - canaryUnits) > 1e-9) {
    return `${percent}% is not a whole number of weight units at scale ${g.scale} (${exact.toFixed(2)}); choose a scale that makes it one`;
  }
  const plan: WeightPlan = new Map();
  split(canaryUnits, g.canary, plan);
  split(g.scale - canaryUnits, g.stable, plan);
  return plan;
}

function split(units: number, servers: readonly string[], into: WeightPlan): void {
  const base = Math.floor(units / servers.length);
  const extra = units - base * servers.length;
  servers.forEach((s, i) => into.set(s, base + (i < extra ? 1 : 0)));
}

/** The canary's traffic share in percent (two decimals), or null when every server is at weight 0. */
export function canaryShare(weights: ReadonlyMap<string, number>, g: ServerGroups): number | null {
  const sum = (names: readonly string[]) => names.reduce((acc, n) => acc + (weights.get(n) ?? 0), 0);
  const canary = sum(g.canary);
  const total = canary + sum(g.stable);
  if (total === 0) return null;
  return Math.round((canary * 10_000) / total) / 100;
}

/** "canary1=5 stable1=95" for details and the audit. */
export const formatWeights = (weights: ReadonlyMap<string, number | null>): string =>
  [...weights].map(([n, w]) => `${n}=${w ?? '?'}`).join(' ');
