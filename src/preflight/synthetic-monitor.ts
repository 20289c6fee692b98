/**
 * The directive's synthetic monitor: "running at 60s with all health
 * endpoints passing". Every interval of the window's clock it GETs each
 * configured endpoint and keeps, per endpoint, pass or fail, the latency
 * and the last failure with its reason. It is ticked by the window's own
 * check (one thing drives a clock), and a round runs beside the check rather
 * than inside it, so a hanging endpoint never delays the gates; the network
 * wait is real time, bounded by the timeout.
 */
import type { ProbeResult } from '../../rules/preflight.js';

export interface HealthEndpoint {
  name: string;
  url: string;
}

export interface EndpointStatus {
  name: string;
  url: string;
  ok: boolean;
  /** When this round started, on the window's clock. */
  at: number;
  /** Real milliseconds from request to answer (or to giving up). */
  latencyMs: number;
  /** "200", "500 Internal Server Error", "timed out after 2s", "connection refused". */
  result: string;
  lastFailure: { at: number; result: string } | null;
}

export class SyntheticMonitor {
  readonly #status = new Map<string, EndpointStatus>();
  #lastRoundAt: number | null = null;
  #round: Promise<void> | null = null;
  /** Rounds answered so far: what a cached view of them is keyed on. */
  rounds = 0;

  constructor(private readonly endpoints: readonly HealthEndpoint[], private readonly opts: { intervalMs: number; timeoutMs: number; acceptRedirects?: boolean }) {}

  /** Starts a round when one is due and none is running; never waits for it. */
  tick(now: number): void {
    if (this.#round || (this.#lastRoundAt !== null && now - this.#lastRoundAt < this.opts.intervalMs)) return;
    this.#lastRoundAt = now;
    this.#round = Promise.all(this.endpoints.map((e) => this.#probe(e, now))).then(() => { this.#round = null; this.rounds += 1; });
  }

  /** Resolves when the round under way (if any) has answered: for tests and a clean exit. */
  settled(): Promise<void> {
    return this.#round ?? Promise.resolve();
  }

  statuses(): EndpointStatus[] {
    return this.endpoints.flatMap((e) => this.#status.get(e.name) ?? []);
  }

  /** The pre-flight item: GREEN only when every endpoint passed in the last round. */
  probe(): ProbeResult | undefined {
    const all = this.statuses();
    if (all.length < this.endpoints.length) return undefined;
    const failing = all.filter((s) => !s.ok);
    const at = Math.min(...all.map((s) => s.at));
    return failing.length
      ? { ok: false, at, detail: `${failing.length}/${all.length} failing: ${failing.map((s) => `${s.name} ${s.result}`).join('; ')}` }
      : { ok: true, at, detail: `${all.length}/${all.length} passing, slowest ${Math.max(...all.map((s) => s.latencyMs))} ms` };
  }

  async #probe(e: HealthEndpoint, at: number): Promise<void> {
    const started = performance.now();
    let ok = false;
    let result: string;
    try {
      const res = await fetch(e.url, { signal: AbortSignal.timeout(this.opts.timeoutMs), redirect: 'manual' });
      await res.body?.cancel();
      // A dashboard behind a login answers 302: it is up. A health endpoint must say 2xx.
      ok = res.status >= 200 && res.status < (this.opts.acceptRedirects ? 400 : 300);
      result = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    } catch (err) {
      result = failureOf(err, this.opts.timeoutMs);
    }
    const prev = this.#status.get(e.name);
    const latencyMs = Math.round(performance.now() - started);
    this.#status.set(e.name, { name: e.name, url: e.url, ok, at, latencyMs, result, lastFailure: ok ? prev?.lastFailure ?? null : { at, result } });
  }
}

/** Why a GET got no answer, in words; never the URL's credentials (none are allowed in health URLs). */
function failureOf(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs >= 1000 ? `${timeoutMs / 1000}s` : `${timeoutMs} ms`}`;
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  return code ? `no answer (${code})` : 'no answer';
}
