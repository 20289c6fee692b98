/**
 * The sources of a live window, built from the config: Prometheus (direct or
 * through Grafana) and, when configured, the billing API. Building resolves
 * every secret and registers it with the redactor, but contacts nothing, so
 * `check` can prove the wiring before the window without touching a server.
 */
import type { UserConfig } from '../config/schema.js';
import { resolveSecret, type Redactor } from '../config/secrets.js';
import { BillingSource } from '../sources/billing-source.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import { PrometheusSource } from '../sources/prometheus/prometheus-source.js';
import { CompositeSource, type Source } from '../sources/source.js';

/** `file` is the config's absolute path, named in bad-input messages. */
export function buildLiveSource(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor): Source {
  if (config.source?.type !== 'prometheus') throw new Error('a live source needs source.type prometheus');
  const prom = new PrometheusSource(config.source, createPrometheusDriver(config.source, { configFile: file, env, redactor }), redactor);
  if (!config.billing) return prom;
  const token = config.billing.token ? resolveSecret(config.billing.token, { file, path: 'billing.token' }, env, redactor) : undefined;
  const billing = new BillingSource({ url: config.billing.url, timeoutMs: config.billing.timeout, ...(token ? { authorization: `Bearer ${token}` } : {}) }, redactor);
  return new CompositeSource([prom, billing]);
}
