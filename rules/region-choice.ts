/**
 * "Select the region with the lowest 7-day RPS and adequate spare capacity;
 * if tied, default to the west coast region with more headroom. Document
 * rationale in the T-2h post." Pure: readings in, the choice and the
 * sentence out. A region without data is excluded and said so, never chosen
 * on a guess.
 */
export interface RegionReading {
  name: string;
  /** Region metadata from config: the tie-break prefers 'west'. */
  coast?: string;
  /** Mean requests per second over the last 7 days; null when Prometheus had none. */
  rps7d: number | null;
  /** Spare capacity, the share of capacity unused (0.42 = 42% free); null when unknown. */
  spare: number | null;
}

export interface RegionRule {
  /** Adequate spare capacity: at least this share free. */
  minSpare: number;
  /** RPS within this share of the lowest counts as a tie. */
  tieWithin: number;
}

export interface RegionRow extends RegionReading { eligible: boolean; why: string }

export interface RegionChoice {
  chosen: string | null;
  /** The sentence for the T-2h post. */
  rationale: string;
  rows: RegionRow[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const rps = (x: number) => `${Math.round(x).toLocaleString('en-US')} rps`;
const usable = (x: number | null): x is number => x !== null && Number.isFinite(x);

export function chooseRegion(readings: readonly RegionReading[], rule: RegionRule): RegionChoice {
  const rows: RegionRow[] = readings.map((r) => {
    if (!usable(r.rps7d)) return { ...r, eligible: false, why: 'excluded: no 7-day RPS data' };
    if (!usable(r.spare)) return { ...r, eligible: false, why: 'excluded: no spare-capacity data' };
    if (r.spare < rule.minSpare) return { ...r, eligible: false, why: `skipped: ${pct(r.spare)} spare, under the ${pct(rule.minSpare)} needed` };
    return { ...r, eligible: true, why: `${rps(r.rps7d)}, ${pct(r.spare)} spare` };
  });
  const eligible = rows.filter((r) => r.eligible).sort((a, b) => a.rps7d! - b.rps7d!);
  const others = rows.filter((r) => !r.eligible).map((r) => `${r.name} ${r.why}`);
  if (!eligible.length) {
    return { chosen: null, rows, rationale: `No region qualifies (at least ${pct(rule.minSpare)} spare capacity and 7-day RPS data): ${others.join('; ')}.` };
  }
  const lowest = eligible[0]!.rps7d!;
  const tied = eligible.filter((r) => r.rps7d! <= lowest * (1 + rule.tieWithin));
  const west = tied.filter((r) => r.coast === 'west');
  const pool = west.length ? west : tied;
  const chosen = [...pool].sort((a, b) => b.spare! - a.spare! || a.rps7d! - b.rps7d!)[0]!;
  const why = tied.length === 1
    ? `the lowest 7-day RPS among regions with at least ${pct(rule.minSpare)} spare capacity (${chosen.why})`
    : `tied for the lowest 7-day RPS (within ${pct(rule.tieWithin)}) with ${tied.filter((r) => r !== chosen).map((r) => r.name).join(', ')}; ${west.length ? 'the west-coast region' : 'the region'} with more headroom (${chosen.why})`;
  const rest = [...eligible.filter((r) => r !== chosen).map((r) => `${r.name} ${r.why}`), ...others];
  return { chosen: chosen.name, rows, rationale: `Canary region ${chosen.name}: ${why}.${rest.length ? ` Others: ${rest.join('; ')}.` : ''}` };
}

/**
 * The window the directive prefers, "during the lowest 7-day RPS trough":
 * the hour of the week (UTC) whose mean RPS over the samples is lowest, at
 * its next occurrence from `now`. Null without samples.
 */
export function troughStart(samples: ReadonlyArray<[ms: number, rps: number]>, now: number): { at: number; meanRps: number } | null {
  const HOUR = 3_600_000;
  const sums = new Map<number, { sum: number; n: number }>();
  for (const [t, v] of samples) {
    if (!Number.isFinite(v)) continue;
    const d = new Date(t);
    const slot = d.getUTCDay() * 24 + d.getUTCHours();
    const s = sums.get(slot) ?? { sum: 0, n: 0 };
    sums.set(slot, { sum: s.sum + v, n: s.n + 1 });
  }
  if (!sums.size) return null;
  const [slot, best] = [...sums].map(([k, s]) => [k, s.sum / s.n] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]!;
  const startOfHour = Math.ceil(now / HOUR) * HOUR;
  for (let h = 0; h < 24 * 7; h++) {
    const t = startOfHour + h * HOUR;
    const d = new Date(t);
    if (d.getUTCDay() * 24 + d.getUTCHours() === slot) return { at: t, meanRps: best };
  }
  return null;
}
