/**
 * Placeholders in a KPI's PromQL, so one query shape fits any label scheme:
 *   {{track}}    the label that tells canary from control (e.g. deployment)
 *   {{journey}}  the label that names the journey (e.g. route)
 *   {{tracks}}   a selector matching both tracks: deployment=~"web-canary|web-stable"
 *   {{canary}} / {{control}}  the two label values
 * An unknown placeholder is an error, not a silent empty string.
 */
import type { PrometheusSourceConfig } from './prometheus-config.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

const escapeRegex = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');

export function expandQuery(template: string, labels: PrometheusSourceConfig['labels']): { query: string } | { error: string } {
  const values: Record<string, string> = {
    track: labels.track,
    journey: labels.journey,
    canary: labels.canary,
    control: labels.control,
    tracks: `${labels.track}=~"${escapeRegex(labels.canary)}|${escapeRegex(labels.control)}"`,
  };
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in values));
  if (unknown.length) return { error: `unknown placeholder {{${unknown[0]}}}; known: ${Object.keys(values).map((k) => `{{${k}}}`).join(', ')}` };
  return { query: template.replace(PLACEHOLDER, (_m, name: string) => values[name]!) };
}
