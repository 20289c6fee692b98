/**
 * One configured PrometheusDriver: direct or through Grafana's datasource
 * proxy, with bearer, basic or custom-header auth and an optional private
 * CA. Errors from prometheus-query are plain objects whose `original` holds
 * the axios config, Authorization header included, so they are turned into
 * short, scrubbed messages here and never passed on.
 */
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { PrometheusDriver } from 'prometheus-query';
import { InputError } from '../../config/input-error.js';
import { resolveSecret, type Redactor } from '../../config/secrets.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';

export interface ClientContext {
  configFile: string;
  env: NodeJS.ProcessEnv;
  redactor: Redactor;
}

export function createPrometheusDriver(cfg: PrometheusSourceConfig, ctx: ClientContext): PrometheusDriver {
  const at = (path: string) => ({ file: ctx.configFile, path: `source.${path}` });
  const headers: Record<string, string> = { ...cfg.headers };
  for (const [name, ref] of Object.entries(cfg.secretHeaders)) headers[name] = resolveSecret(ref, at(`secretHeaders.${name}`), ctx.env, ctx.redactor);
  if (cfg.bearerToken) headers.Authorization = `Bearer ${resolveSecret(cfg.bearerToken, at('bearerToken'), ctx.env, ctx.redactor)}`;
  let endpoint = cfg.url ?? '';
  if (cfg.grafana) {
    endpoint = `${cfg.grafana.url.replace(/\/$/, '')}/api/datasources/proxy/uid/${encodeURIComponent(cfg.grafana.datasourceUid)}`;
    headers.Authorization = `Bearer ${resolveSecret(cfg.grafana.token, at('grafana.token'), ctx.env, ctx.redactor)}`;
  }
  const auth = cfg.basicAuth
    ? { username: cfg.basicAuth.username, password: resolveSecret(cfg.basicAuth.password, at('basicAuth.password'), ctx.env, ctx.redactor) }
    : undefined;
  let httpsAgent: HttpsAgent | undefined;
  if (cfg.tls) {
    try {
      httpsAgent = new HttpsAgent({ ca: readFileSync(cfg.tls.caFile), keepAlive: true });
    } catch (e) {
      throw new InputError(ctx.configFile, 'source.tls.caFile', `a readable CA file at ${cfg.tls.caFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return new PrometheusDriver({
    endpoint,
    baseURL: '/api/v1',
    headers,
    ...(auth ? { auth } : {}),
    timeout: cfg.timeout,
    requestInterceptor: {
      onFulfilled: (config) => {
        // Never through an environment proxy: war-room traffic goes where the config says.
        config.proxy = false;
        if (httpsAgent) config.httpsAgent = httpsAgent;
        return config;
      },
    },
  });
}

/** A prometheus-query failure as one scrubbed line, and whether the server was reachable at all. */
export function describePromError(e: unknown, redactor: Redactor): { message: string; unreachable: boolean } {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const kind = typeof o.errorType === 'string' ? o.errorType : '';
  let message: string;
  if (kind === 'http_error') {
    const status = typeof o.httpStatus === 'number' ? `HTTP ${o.httpStatus}` : 'HTTP error';
    message = `${status}: ${typeof o.error === 'string' ? o.error : 'no error text'}`;
  } else if (kind === 'client_error') {
    message = 'the answer was not Prometheus API JSON (an HTML error page or a proxy in the way?)';
  } else if (kind === 'timeout_error') {
    message = 'timed out';
  } else if (kind === 'network_error' || kind === 'ssl_error') {
    message = `${kind === 'ssl_error' ? 'TLS error' : 'cannot connect'}${typeof o.code === 'string' ? ` (${o.code})` : ''}`;
  } else {
    message = e instanceof Error ? e.message : 'unexpected error';
  }
  const unreachable = kind === 'network_error' || kind === 'timeout_error' || kind === 'ssl_error';
  return { message: redactor.scrub(message.slice(0, 300)), unreachable };
}
