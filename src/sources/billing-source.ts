/**
 * Unit economics from the billing system: an HTTP JSON endpoint answering
 * cost, revenue and AI-provider cost per track (shape in README). Another
 * billing system plugs in by writing one file like this one.
 */
import { z } from 'zod';
import type { KpiId, Sample, Track } from '../../rules/types.js';
import { OVERALL } from '../../rules/types.js';
import { formatPath } from '../config/input-error.js';
import { describeIssue } from '../config/zod-words.js';
import type { Redactor } from '../config/secrets.js';
import type { Source, SourceResult } from './source.js';

const trackTotals = z.strictObject({
  users: z.number().nonnegative(),
  requests: z.number().nonnegative(),
  cost: z.number().nonnegative(),
  revenue: z.number().nonnegative(),
  aiRevenue: z.number().nonnegative(),
  aiProviderCost: z.number().nonnegative(),
});

export const billingResponseSchema = z.object({
  /** When the totals were computed: the samples' own time, which decides whether they are stale. */
  at: z.iso.datetime({ offset: true }),
  tracks: z.object({ canary: trackTotals, control: trackTotals }),
});

export interface BillingOptions {
  url: string;
  timeoutMs: number;
  /** Authorization header value, already resolved from env or file. */
  authorization?: string;
}

/** What one billing answer holds; a failed read leaves every one of them without data. */
export const BILLING_KPIS: readonly KpiId[] = ['cost_per_user', 'cost_per_request', 'margin', 'markup'];

/** Clock skew tolerated between the billing system and this machine. */
const FUTURE_SLACK_MS = 60_000;

export class BillingSource implements Source {
  readonly name: string;

  constructor(
    private readonly opts: BillingOptions,
    private readonly redactor: Redactor,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.name = `billing ${new URL(opts.url).host}`;
  }

  async read(at: number): Promise<SourceResult> {
    let body: unknown;
    try {
      const url = new URL(this.opts.url);
      url.searchParams.set('time', new Date(at).toISOString());
      const res = await this.fetchImpl(url, {
        headers: { accept: 'application/json', ...(this.opts.authorization ? { authorization: this.opts.authorization } : {}) },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      if (!res.ok) return this.#fail('bad-response', `HTTP ${res.status}`);
      const text = await res.text();
      try {
        body = JSON.parse(text);
      } catch {
        return this.#fail('bad-response', 'the answer was not JSON');
      }
    } catch (e) {
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      return this.#fail('unreachable', timeout ? `timed out after ${this.opts.timeoutMs} ms` : 'cannot connect');
    }
    const parsed = billingResponseSchema.safeParse(body);
    if (!parsed.success) {
      // The same words as for a bad config: what was expected and what came, never zod's own.
      const issue = describeIssue(parsed.error.issues[0]!, body);
      const path = formatPath(issue.path) || '(top level)';
      const said = path === 'at' ? 'expected the time the totals were computed (ISO 8601, e.g. 2026-11-26T10:00:00Z)' : issue.sentence;
      return this.#fail('bad-response', `response ${path}: ${said}`);
    }
    const computedAt = Date.parse(parsed.data.at);
    // A clock ahead of ours would make old totals look fresh for as long as it is ahead.
    if (computedAt > at + FUTURE_SLACK_MS) return this.#fail('bad-response', `response at: ${parsed.data.at} is ahead of this machine's clock; expected a time at or before the check`);
    return { samples: economics(parsed.data, Math.min(computedAt, at)), problems: [], asked: BILLING_KPIS };
  }

  #fail(kind: 'unreachable' | 'bad-response', message: string): SourceResult {
    return { samples: [], problems: [{ kind, kpi: 'cost_per_user', message: this.redactor.scrub(`${this.name}: ${message}`) }], asked: BILLING_KPIS };
  }
}

/** Per-track totals → the KPIs the rules judge, stamped with the billing answer's own time. A zero denominator gives NaN, which the rules show as UNKNOWN. */
export function economics(data: z.infer<typeof billingResponseSchema>, at: number): Sample[] {
  const out: Sample[] = [];
  for (const track of ['canary', 'control'] as Track[]) {
    const t = data.tracks[track];
    const push = (kpi: KpiId, value: number) => out.push({ kpi, track, journey: OVERALL, value, at });
    push('cost_per_user', t.users > 0 ? t.cost / t.users : Number.NaN);
    push('cost_per_request', t.requests > 0 ? t.cost / t.requests : Number.NaN);
    push('margin', t.revenue > 0 ? (t.revenue - t.cost) / t.revenue : Number.NaN);
    push('markup', t.aiProviderCost > 0 ? t.aiRevenue / t.aiProviderCost : Number.NaN);
  }
  return out;
}
