/**
 * HAProxy through its runtime API: the phase's percent becomes per-server
 * weights on one backend (`set weight BACKEND/SERVER N`), and every read is
 * `get weight` on every server, so the share reported is the share HAProxy
 * actually applies, whoever set it. Failures are answers (ok:false with
 * HAProxy's own words), never throws: a rollback must be able to say it
 * did not happen.
 */
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';
import { canaryShare, formatWeights, planWeights, type ServerGroups, type WeightPlan } from './haproxy-plan.js';
import {
  formatRuntimeAddress, parseGetWeight, parseRuntimeAddress, replyText, runtimeCommand, type RuntimeAddress,
} from './haproxy-runtime.js';

export interface HaproxyOptions {
  /** Unix socket path or "host:port" of a `stats socket ... level admin`. */
  socket: string;
  backend: string;
  canary: readonly string[];
  stable: readonly string[];
  /** Total weight units across all servers (default 100, so 5% is canary 5 / stable 95). */
  scale?: number;
  /** Per command, not per operation. */
  timeoutMs?: number;
}

type Read = { weights: Map<string, number> } | { error: string };

export class HaproxyAdapter implements Adapter {
  readonly #address: RuntimeAddress;
  readonly #groups: ServerGroups;

  constructor(private readonly opts: HaproxyOptions) {
    const address = parseRuntimeAddress(opts.socket);
    if (!address) throw new Error(`not a unix socket path or host:port: ${opts.socket}`);
    this.#address = address;
    this.#groups = { canary: opts.canary, stable: opts.stable, scale: opts.scale ?? 100 };
  }

  describe(): string {
    return `haproxy ${formatRuntimeAddress(this.#address)} backend ${this.opts.backend} (canary ${this.opts.canary.join(',')}; stable ${this.opts.stable.join(',')})`;
  }

  async getWeight(): Promise<WeightAnswer> {
    const read = await this.#readAll();
    if ('error' in read) return { ok: false, weight: null, detail: read.error };
    const share = canaryShare(read.weights, this.#groups);
    if (share === null) return { ok: false, weight: null, detail: `every server is at weight 0, no traffic is served (${formatWeights(read.weights)})` };
    return { ok: true, weight: share, detail: `read back ${share}% (${formatWeights(read.weights)})` };
  }

  async setWeight(weight: number): Promise<WeightAnswer> {
    const plan = planWeights(weight, this.#groups);
    if (typeof plan === 'string') return { ok: false, weight: null, detail: plan };
    const done: string[] = [];
    for (const [server, w] of await this.#order(plan)) {
      const command = `set weight ${this.opts.backend}/${server} ${w}`;
      let reply: string;
      try {
        reply = await runtimeCommand(this.#address, command, this.#timeout);
      } catch (e) {
        return { ok: false, weight: null, detail: `${command}: ${(e as Error).message}${partly(done)}` };
      }
      // Success is an empty line; anything else is HAProxy explaining why not.
      if (reply.length === 0 || reply.trim() !== '') {
        return { ok: false, weight: null, detail: `${command}: HAProxy said "${replyText(reply)}"${partly(done)}` };
      }
      done.push(`${server}=${w}`);
    }
    return { ok: true, weight, detail: `set ${weight}% (${formatWeights(plan)})` };
  }

  async verify(expected: number): Promise<VerifyAnswer> {
    const plan = planWeights(expected, this.#groups);
    const read = await this.#readAll();
    if ('error' in read) return { ok: false, weight: null, detail: read.error };
    const share = canaryShare(read.weights, this.#groups);
    const want = typeof plan === 'string' ? plan : formatWeights(plan);
    if (share !== null && share === Math.round(expected * 100) / 100) {
      return { ok: true, weight: share, detail: `read back ${share}% (${formatWeights(read.weights)})` };
    }
    return {
      ok: false,
      weight: share,
      detail: `read back ${share ?? 'no traffic'}${share === null ? '' : '%'} (${formatWeights(read.weights)}), expected ${expected}% (${want})`,
    };
  }

  get #timeout(): number {
    return this.opts.timeoutMs ?? 5_000;
  }

  /** `get weight` on every server; the first failure ends the read (a dead socket fails them all). */
  async #readAll(): Promise<Read> {
    const weights = new Map<string, number>();
    for (const server of [...this.opts.canary, ...this.opts.stable]) {
      const command = `get weight ${this.opts.backend}/${server}`;
      let reply: string;
      try {
        reply = await runtimeCommand(this.#address, command, this.#timeout);
      } catch (e) {
        return { error: `${command}: ${(e as Error).message}` };
      }
      const w = parseGetWeight(reply);
      if (w === null) return { error: `${command}: HAProxy said "${replyText(reply)}"` };
      weights.set(server, w);
    }
    return { weights };
  }

  /**
   * Raises before cuts, so the backend never passes through "every server at
   * 0" (a 503 for everyone) on the way from 100% to 0% or back. When the
   * current weights cannot be read, stable servers go first: a rollback's
   * stable side is the one that must not be at zero.
   */
  async #order(plan: WeightPlan): Promise<Array<[string, number]>> {
    const read = await this.#readAll();
    const current = 'weights' in read ? read.weights : null;
    const rise = ([s, w]: [string, number]) => (current ? w - (current.get(s) ?? 0) : this.opts.stable.includes(s) ? 1 : 0);
    return [...plan].sort((a, b) => rise(b) - rise(a));
  }
}

/** Which servers took their new weight before the failure: the LB may now be between two phases. */
const partly = (done: string[]): string => (done.length ? ` (already set: ${done.join(' ')})` : '');
