/**
 * The payment caps' PromQL against the window's own Prometheus (the first
 * value of an instant query, or null), and the region choice. An error says nothing here (the item
 * says "no answer"), so no client error, which can carry the Authorization
 * header, is ever kept.
 */
import type { UserConfig } from '../config/schema.js';
import type { Redactor } from '../config/secrets.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import type { ScalarQuery } from './caps-probe.js';
import { chooseRegion, type RegionChoice } from '../../rules/region-choice.js';
import { readRegions } from './region-command.js';

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

/** The directive's region choice against the window's Prometheus, for the pre-flight view; null without a regions section. */
export function prometheusRegions(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor): ((at: number) => Promise<RegionChoice>) | null {
  const regions = config.regions;
  if (!regions || config.source?.type !== 'prometheus') return null;
  const driver = createPrometheusDriver(config.source, { configFile: file, env, redactor });
  return async (at) => chooseRegion(await readRegions(driver, regions, at), { minSpare: regions.minSpare, tieWithin: regions.tieWithin });
}
