/**
 * The payment caps' PromQL against the window's own Prometheus: the first
 * value of an instant query, or null. An error says nothing here (the item
 * says "no answer"), so no client error, which can carry the Authorization
 * header, is ever kept.
 */
import type { UserConfig } from '../config/schema.js';
import type { Redactor } from '../config/secrets.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import type { ScalarQuery } from './caps-probe.js';

export function prometheusScalar(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor): ScalarQuery | null {
  const caps = config.preflight?.paymentCaps;
  if (!caps || config.source?.type !== 'prometheus') return null;
  const driver = createPrometheusDriver(config.source, { configFile: file, env, redactor });
  return async (key, at) => {
    try {
      const r = await driver.instantQuery(caps[key], new Date(at));
      const v = (r.result as Array<{ value?: { value?: unknown } }>)[0]?.value?.value;
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    } catch {
      return null;
    }
  };
}
