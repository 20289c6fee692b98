/**
 * A tiny Prometheus exporter for tests: a node:http server on 127.0.0.1 that
 * serves whatever gauges and histograms the test put in its in-memory map, in
 * the text exposition format (0.0.4) a real Prometheus scrapes. Tests bend a
 * value with set() and watch the real Prometheus (and canary-tui) react, so
 * nothing about PromQL, staleness or label handling is mocked.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Labels = Record<string, string>;

export interface Exporter {
  /** Sets (or replaces) one gauge series. NaN and ±Infinity render as NaN/+Inf/-Inf. */
  set(name: string, labels: Labels, value: number): void;
  /**
   * Sets one histogram series: `buckets` maps `le` (e.g. '0.1', '+Inf') to a
   * cumulative count. A '+Inf' bucket equal to `count` is added when absent,
   * since Prometheus needs one for histogram_quantile.
   */
  setHistogram(name: string, labels: Labels, buckets: Record<string, number>, sum: number, count: number): void;
  /** Removes one series (gauge or histogram); its family goes when it is the last one. */
  remove(name: string, labels: Labels): void;
  /** Removes every series: the next scrape is empty and Prometheus marks the old ones stale. */
  clear(): void;
  /** How many GET /metrics requests were served (a cheap way to see scrapes happen). */
  readonly scrapes: number;
  /** "127.0.0.1:PORT", ready to drop into a scrape config's static_configs. */
  readonly target: string;
  stop(): Promise<void>;
}

type Series =
  | { labels: Labels; value: number }
  | { labels: Labels; buckets: Record<string, number>; sum: number; count: number };
interface Family { type: 'gauge' | 'histogram'; series: Map<string, Series> }

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Go's ParseFloat spellings, which the Prometheus text parser accepts. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Label values escape backslash, double quote and newline, in that order of care. */
export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => {
    if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`invalid label name ${JSON.stringify(k)}`);
    return `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  });
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Identity of a series within a family: label order must not matter. */
const seriesKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const leOrder = (le: string) => (le === '+Inf' ? Infinity : Number(le));

function render(families: Map<string, Family>): string {
  const out: string[] = [];
  for (const [name, fam] of families) {
    out.push(`# TYPE ${name} ${fam.type}`);
    for (const s of fam.series.values()) {
      if ('value' in s) {
        out.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
        continue;
      }
      const buckets = { ...s.buckets };
      if (!('+Inf' in buckets)) buckets['+Inf'] = s.count;
      for (const le of Object.keys(buckets).sort((a, b) => leOrder(a) - leOrder(b))) {
        out.push(`${name}_bucket${formatLabels({ ...s.labels, le })} ${formatValue(buckets[le]!)}`);
      }
      out.push(`${name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}`);
      out.push(`${name}_count${formatLabels(s.labels)} ${formatValue(s.count)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Starts the exporter on an ephemeral loopback port. */
export async function startExporter(): Promise<Exporter> {
  const families = new Map<string, Family>();
  let scrapes = 0;

  const put = (name: string, type: Family['type'], labels: Labels, series: Series) => {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name ${JSON.stringify(name)}`);
    if ('le' in labels && type === 'histogram') throw new Error('histogram labels must not include "le"');
    formatLabels(labels); // validate names now, not at scrape time
    const fam = families.get(name) ?? { type, series: new Map<string, Series>() };
    if (fam.type !== type) throw new Error(`${name} is already a ${fam.type}`);
    fam.series.set(seriesKey(labels), series);
    families.set(name, fam);
  };

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      scrapes++;
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(render(families));
      return;
    }
    res.writeHead(404).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    set: (name, labels, value) => put(name, 'gauge', labels, { labels: { ...labels }, value }),
    setHistogram: (name, labels, buckets, sum, count) =>
      put(name, 'histogram', labels, { labels: { ...labels }, buckets: { ...buckets }, sum, count }),
    remove(name, labels) {
      const fam = families.get(name);
      fam?.series.delete(seriesKey(labels));
      if (fam && fam.series.size === 0) families.delete(name);
    },
    clear: () => families.clear(),
    get scrapes() { return scrapes; },
    target: `127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve, reject) => {
      // Prometheus keeps its scrape connection alive; close() alone would wait for it.
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}
