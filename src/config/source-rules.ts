/**
 * What the Prometheus source's schema cannot say by itself (it lives with the
 * source and is shared with code outside the config): its URLs must be
 * http(s), and every query may use only the placeholders expandQuery knows,
 * so `{{trakcs}}` is bad input at `check`, not an error at the first poll.
 */
import { expandQuery } from '../sources/prometheus/promql-template.js';
import { httpUrlMessage, isHttpUrl } from './http-url.js';
import { InputError } from './input-error.js';
import type { UserConfig } from './schema.js';

export function checkSource(file: string, config: UserConfig, at: (path: string) => string): void {
  const source = config.source;
  if (source?.type !== 'prometheus') return;
  if (source.url !== undefined && !isHttpUrl(source.url)) throw InputError.said(file, at('source.url'), httpUrlMessage(source.url));
  if (source.grafana && !isHttpUrl(source.grafana.url)) {
    throw InputError.said(file, at('source.grafana.url'), httpUrlMessage(source.grafana.url));
  }
  for (const [kpi, template] of Object.entries(source.queries)) {
    const expanded = expandQuery(template!, source.labels);
    // expandQuery's own words name the unknown placeholder and list the known ones.
    if ('error' in expanded) throw InputError.said(file, at(`source.queries.${kpi}`), `expected only known placeholders: ${expanded.error}`);
  }
}
