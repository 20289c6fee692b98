/**
 * One configured PrometheusDriver: direct or through Grafana's datasource
 * proxy, with bearer, basic or custom-header auth and an optional private
 * CA. Errors from prometheus-query are plain objects whose `original` holds
 * the axios config, Authorization header included, so they are turned into
 * short, scrubbed messages (prom-error.ts) and never passed on.
 */
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { PrometheusDriver } from 'prometheus-query';
import { InputError } from '../../config/input-error.js';
import { resolveSecret, type Redactor } from '../../config/secrets.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';
import { checkAnswer } from './prom-error.js';

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
  // The Basic header is base64 of user:password, which the password's own forms do not cover.
  if (auth) ctx.redactor.add(auth.password, { username: auth.username });
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
    responseInterceptor: checkAnswer,
  });
}
