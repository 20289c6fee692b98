/**
 * An in-house traffic service behind an HTTP endpoint: POST
 * {canaryWeight, stableWeight, phase} as JSON with an auth header from a
 * secret, and a timeout. 2xx is success. An optional verifyUrl answers
 * {"canaryWeight": N} to a GET; without one, read-back is unsupported and
 * said so. Details never carry the auth header, the URL's query or
 * credentials, and pass the redactor besides.
 */
import type { Redactor } from '../config/secrets.js';
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';

export interface WebhookOptions {
  url: string;
  verifyUrl?: string;
  /** Header name and its full value (scheme included), already resolved from the secret. */
  auth?: { header: string; value: string };
  timeoutMs: number;
  redactor: Redactor;
  phase?: (weight: number) => number;
  fetchImpl?: typeof fetch;
}

type Reply = { status: number; text: string } | { error: string };

/** Characters of a response body shown in a detail: enough for an error message, not a page. */
const BODY_SHOWN = 300;

export class WebhookAdapter implements Adapter {
  constructor(private readonly opts: WebhookOptions) {}

  describe(): string {
    return `webhook POST ${shown(this.opts.url)}${this.opts.verifyUrl ? '' : ' (no verifyUrl: read-back unsupported)'}`;
  }

  async setWeight(weight: number): Promise<WeightAnswer> {
    if (!(weight >= 0 && weight <= 100)) return { ok: false, weight: null, detail: `refused weight ${weight}%: expected 0 to 100` };
    const body = { canaryWeight: weight, stableWeight: Number((100 - weight).toFixed(6)), phase: this.opts.phase?.(weight) ?? 0 };
    const reply = await this.#call(this.opts.url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if ('error' in reply) return { ok: false, weight: null, detail: reply.error };
    const ok = reply.status >= 200 && reply.status < 300;
    return { ok, weight: ok ? weight : null, detail: this.#say(`POST ${shown(this.opts.url)} answered HTTP ${reply.status}`, ok ? '' : reply.text) };
  }

  async getWeight(): Promise<WeightAnswer> {
    if (!this.opts.verifyUrl) return { ok: false, weight: null, detail: 'no verifyUrl configured: the weight cannot be read back' };
    const where = `GET ${shown(this.opts.verifyUrl)}`;
    const reply = await this.#call(this.opts.verifyUrl, { method: 'GET' });
    if ('error' in reply) return { ok: false, weight: null, detail: reply.error };
    if (reply.status < 200 || reply.status >= 300) return { ok: false, weight: null, detail: this.#say(`${where} answered HTTP ${reply.status}`, reply.text) };
    let weight: unknown;
    try {
      weight = (JSON.parse(reply.text) as { canaryWeight?: unknown } | null)?.canaryWeight;
    } catch {
      weight = undefined;
    }
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= 100)) {
      return { ok: false, weight: null, detail: this.#say(`${where} answered no {"canaryWeight": 0-100}`, reply.text) };
    }
    return { ok: true, weight, detail: `read back ${weight}% from ${where}` };
  }

  async verify(expected: number): Promise<VerifyAnswer> {
    if (!this.opts.verifyUrl) return { unsupported: true, detail: 'no verifyUrl configured' };
    const back = await this.getWeight();
    if (!back.ok || back.weight === expected) return back;
    return { ok: false, weight: back.weight, detail: `read back ${back.weight}%, expected ${expected}%` };
  }

  async #call(url: string, init: RequestInit): Promise<Reply> {
    const auth = this.opts.auth ? { [this.opts.auth.header]: this.opts.auth.value } : {};
    try {
      const res = await (this.opts.fetchImpl ?? fetch)(url, {
        ...init,
        headers: { accept: 'application/json', ...(init.headers as Record<string, string>), ...auth },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const why = err.name === 'TimeoutError' || err.name === 'AbortError'
        ? `timed out after ${this.opts.timeoutMs} ms`
        : `cannot connect (${err.cause?.code ?? err.message})`;
      return { error: this.#say(`${init.method} ${shown(url)} ${why}`, '') };
    }
  }

  /**
   * A status line plus the start of the body: a receiver may echo the request
   * back, so the body is scrubbed whole before it is folded onto one line and
   * cut (a secret cut in two, or split by a line break, would escape the redactor).
   */
  #say(line: string, body: string): string {
    const text = this.opts.redactor.scrub(body).trim().replace(/\s+/g, ' ');
    return this.opts.redactor.scrub(text ? `${line}: ${text.length > BODY_SHOWN ? `${text.slice(0, BODY_SHOWN)}…` : text}` : line);
  }
}

/** Origin and path only: a query string or user:password in a URL may be a credential. */
function shown(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}
