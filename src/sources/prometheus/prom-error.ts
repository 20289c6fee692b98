/**
 * What went wrong with a Prometheus request, as one scrubbed line and a
 * problem kind. prometheus-query throws plain objects, and the one for a
 * network failure keeps the axios config (Authorization header included)
 * in `original`: only named fields are read here, never the object printed.
 *
 * An answer that is not Prometheus API JSON (an SSO sign-in page at HTTP
 * 200, a proxy's HTML 502) is caught before prometheus-query parses it
 * (`checkAnswer`): left to the library, a 200 one is re-wrapped as a network
 * error and read "cannot connect", though the server did answer.
 */
import type { AxiosResponse } from 'axios';
import type { Redactor } from '../../config/secrets.js';
import type { SourceProblem } from '../source.js';

/** Marks our own description of a non-Prometheus answer, as it comes back through prometheus-query. */
const NOT_PROMETHEUS = 'canary_tui_not_prometheus';
/** Longest message kept: enough for Prometheus's parse errors, not a page dump. */
const MAX = 300;

interface Marked { status: 'error'; errorType: typeof NOT_PROMETHEUS; error: string; httpStatus: number }

/** What the server answered instead, or null for Prometheus API JSON (success or error). */
function notPrometheus(res: AxiosResponse): Marked | null {
  const data: unknown = res.data;
  if (typeof data === 'object' && data !== null && typeof (data as { status?: unknown }).status === 'string') return null;
  const type = String(res.headers?.['content-type'] ?? '').split(';')[0]!.trim() || 'no content type';
  const text = typeof data === 'string' ? data : '';
  const error = typeof data === 'object' && data !== null
    ? `the server answered JSON that is not a Prometheus API answer (${type}; another API at this URL?)`
    : /html/i.test(type) || /^\s*</.test(text)
      ? `the server answered HTML (${type}), not Prometheus API JSON (a sign-in page or a proxy in the way?)`
      : `the server answered ${text.trim() ? 'text that is not JSON' : 'an empty body'} (${type}), not Prometheus API JSON`;
  return { status: 'error', errorType: NOT_PROMETHEUS, error, httpStatus: res.status };
}

/**
 * Response interceptors for the driver. The answer's body is replaced by our
 * description, in the error shape prometheus-query turns into an http_error
 * that keeps the status; nothing of the request travels with it.
 */
export const checkAnswer = {
  onFulfilled: (res: AxiosResponse): AxiosResponse => {
    const marked = notPrometheus(res);
    if (marked) throw { response: { status: res.status, data: marked } };
    return res;
  },
  onRejected: (e: unknown): never => {
    const res = (e as { response?: AxiosResponse } | null)?.response;
    const marked = res ? notPrometheus(res) : null;
    if (res && marked) res.data = marked;
    throw e;
  },
};

/** A prometheus-query failure as one scrubbed line (scrubbed, then cut), and what kind of problem it is. */
export function describePromError(e: unknown, redactor: Redactor): { message: string; kind: SourceProblem['kind'] } {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, any>;
  const kind = typeof o.errorType === 'string' ? o.errorType : '';
  const marked = [o.prometheus, o.original?.response?.data].find((d): d is Marked => d?.errorType === NOT_PROMETHEUS);
  let message: string;
  let problem: SourceProblem['kind'] = 'bad-query';
  if (marked) {
    message = `HTTP ${marked.httpStatus}: ${marked.error}`;
    problem = 'bad-response';
  } else if (kind === 'client_error' || (kind === 'network_error' && o.original?.errorType === 'client_error')) {
    // The library's own "not Prometheus JSON", should an answer ever get past checkAnswer (re-wrapped when it was a 2xx).
    message = 'the answer was not Prometheus API JSON (an HTML error page or a proxy in the way?)';
    problem = 'bad-response';
  } else if (kind === 'http_error') {
    const status = typeof o.httpStatus === 'number' ? `HTTP ${o.httpStatus}` : 'HTTP error';
    message = `${status}: ${typeof o.error === 'string' ? o.error : 'no error text'}`;
  } else if (kind === 'timeout_error') {
    message = 'timed out';
    problem = 'unreachable';
  } else if (kind === 'network_error' || kind === 'ssl_error') {
    message = `${kind === 'ssl_error' ? 'TLS error' : 'cannot connect'}${typeof o.code === 'string' ? ` (${o.code})` : ''}`;
    problem = 'unreachable';
  } else {
    message = e instanceof Error ? e.message : 'unexpected error';
  }
  const scrubbed = redactor.scrub(message);
  return { message: scrubbed.length > MAX ? `${scrubbed.slice(0, MAX)}…` : scrubbed, kind: problem };
}
