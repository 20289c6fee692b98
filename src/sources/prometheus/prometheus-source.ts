/**
 * Live KPIs from Prometheus: one instant query per KPI at an explicit time,
 * all in parallel (or batched into one request), each returning both tracks
 * and every journey (`by (track, journey)`), never one request per panel per
 * journey. The explicit time lets the same code serve a live window and a
 * retrospective replay; `history` reads a range for the chart after a resume.
 */
import type { PrometheusDriver } from 'prometheus-query';
import type { KpiId, Sample } from '../../../rules/types.js';
import type { Redactor } from '../../config/secrets.js';
import type { Source, SourceProblem, SourceResult } from '../source.js';
import { askBatch, askOne, seriesOf, type Asker, type KpiQuery, type QueryKind, type SeriesItem } from './kpi-queries.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';
import { rangeKind } from './prometheus-history.js';
import { expandQuery } from './promql-template.js';
import { freshnessOf, freshnessQueries, type FreshnessMap } from './freshness.js';

/** Tags a freshness query in a batch: "latency_p95~0" is the newest sample time of latency_p95's first selector. */
const FRESH = '~';

/** The two calls the source makes; tests pass a fake with just these. */
export type PrometheusQueries = Pick<PrometheusDriver, 'instantQuery' | 'rangeQuery'>;

interface VectorItem extends SeriesItem {
  value: { time: Date; value: number };
}

export class PrometheusSource implements Source {
  readonly name: string;
  readonly #queries: KpiQuery[] = [];
  /** Per KPI, the ids of its freshness queries (freshness.ts), asked in the same request as the values. */
  readonly #freshIds = new Map<KpiId, string[]>();
  readonly #freshQueries: KpiQuery[] = [];
  readonly #templateProblems: SourceProblem[] = [];
  /** KPIs whose query failed on its own: asked alone so they cannot spoil the batch. */
  readonly #alone = new Set<KpiId>();
  readonly #asker: Asker;

  constructor(
    private readonly cfg: PrometheusSourceConfig,
    private readonly driver: PrometheusQueries,
    redactor: Redactor,
  ) {
    this.name = cfg.grafana ? `Prometheus via Grafana ${new URL(cfg.grafana.url).host}` : `Prometheus ${new URL(cfg.url!).host}`;
    this.#asker = { name: this.name, redactor };
    for (const [kpi, template] of Object.entries(cfg.queries) as [KpiId, string][]) {
      const expanded = expandQuery(template, cfg.labels);
      if ('query' in expanded) {
        this.#queries.push([kpi, expanded.query]);
        const ids = freshnessQueries(expanded.query, cfg.labels).map((q, i) => {
          this.#freshQueries.push([`${kpi}${FRESH}${i}` as KpiId, q]);
          return `${kpi}${FRESH}${i}`;
        });
        this.#freshIds.set(kpi, ids);
      } else this.#templateProblems.push({ kind: 'bad-query', kpi, message: `${kpi}: ${expanded.error}` });
    }
  }

  /** Values at `at`, each stamped with the newest sample time behind it, never with `at` itself. */
  async read(at: number): Promise<SourceResult> {
    const fresh = new Map<string, FreshnessMap>();
    const r = await this.#ask(this.#instantKind(at, fresh), [...this.#queries, ...this.#freshQueries], this.#alone);
    const base = (kpi: KpiId | undefined) => String(kpi).split(FRESH)[0] as KpiId;
    const isFresh = (kpi: KpiId | undefined) => String(kpi).includes(FRESH);
    // A freshness query shares its KPI's fate: when the KPI's own query failed (or the server is down), that problem says it all.
    const failed = new Set(r.problems.filter((p) => !isFresh(p.kpi)).map((p) => p.kpi));
    const problems = r.problems
      .filter((p) => !isFresh(p.kpi) || (p.kind !== 'unreachable' && !failed.has(base(p.kpi))))
      .map((p) => (isFresh(p.kpi) ? { ...p, kpi: base(p.kpi), message: `${base(p.kpi)} (sample time): ${p.message.slice(p.message.indexOf(':') + 2)}` } : p));
    // A KPI whose sample-time query failed cannot say how fresh it is: its values are not used (the problem says why).
    const timeless = new Set(r.problems.filter((p) => isFresh(p.kpi)).map((p) => base(p.kpi)));
    const unstamped = new Set<KpiId>();
    const samples = r.samples.flatMap((sample): Sample[] => {
      if (timeless.has(sample.kpi)) return [];
      const maps = (this.#freshIds.get(sample.kpi) ?? []).map((id) => fresh.get(id) ?? new Map<string, number>());
      const own = freshnessOf(maps, sample.track, sample.journey);
      if (own === null) {
        unstamped.add(sample.kpi);
        return [];
      }
      return [{ ...sample, at: Math.min(own, at) }];
    });
    for (const kpi of unstamped) {
      if (!failed.has(kpi)) problems.push({ kind: 'bad-response', kpi, message: `${kpi}: ${this.name}: no sample time behind the value (no selector to read timestamp() from, or its samples are gone); not used` });
    }
    return { samples, problems: [...this.#templateProblems, ...problems], asked: this.#queries.map(([kpi]) => kpi) };
  }

  /** The requested KPIs that have a query, over [start, end]; at most as many points per series as the store keeps. */
  async history(kpis: readonly KpiId[], start: number, end: number, stepMs: number): Promise<SourceResult> {
    const wanted = new Set(kpis);
    const kind = rangeKind(this.driver, this.cfg.labels, { start, end, stepMs });
    // A range can be refused for its size alone, so what it refuses is not kept apart from the live batch.
    const r = kind ? await this.#ask(kind, this.#queries.filter(([kpi]) => wanted.has(kpi)), new Set()) : { samples: [], problems: [] };
    return { samples: r.samples, problems: [...this.#templateProblems.filter((p) => p.kpi && wanted.has(p.kpi)), ...r.problems] };
  }

  /**
   * Every KPI over [start, end] at exactly `stepSeconds`, for a recording.
   * The caller keeps each request under Prometheus's 11,000 points a series.
   */
  async range(start: number, end: number, stepSeconds: number): Promise<SourceResult> {
    const kind = rangeKind(this.driver, this.cfg.labels, { start, end, stepMs: stepSeconds * 1000 }, stepSeconds);
    const r = kind ? await this.#ask(kind, this.#queries, new Set()) : { samples: [], problems: [] };
    return { samples: r.samples, problems: [...this.#templateProblems, ...r.problems], asked: this.#queries.map(([kpi]) => kpi) };
  }

  /** Batches what may be batched; a KPI the server refused on its own joins `alone` and is asked alone from then on. */
  async #ask<Item extends SeriesItem>(kind: QueryKind<Item>, queries: KpiQuery[], alone: Set<KpiId>): Promise<SourceResult> {
    if (!queries.length) return { samples: [], problems: [] };
    const batchable = queries.filter(([kpi]) => !alone.has(kpi));
    const parts = queries.filter(([kpi]) => alone.has(kpi)).map((q) => askOne(kind, q, this.#asker));
    if (this.cfg.batch && batchable.length > 1) parts.push(askBatch(kind, batchable, this.#asker));
    else parts.push(...batchable.map((q) => askOne(kind, q, this.#asker)));
    const results = await Promise.all(parts);
    const problems = results.flatMap((r) => r.problems);
    for (const p of problems) if (p.kpi && p.kind === 'bad-query') alone.add(p.kpi);
    return { samples: results.flatMap((r) => r.samples), problems };
  }

  /** Values become samples (stamped later); a freshness query's answers go into `fresh`, by query id. */
  #instantKind(at: number, fresh: Map<string, FreshnessMap>): QueryKind<VectorItem> {
    return {
      resultType: 'vector',
      expected: 'an instant vector',
      send: (query) => this.driver.instantQuery(query, new Date(at)),
      // NaN and ±Inf are kept: the rules turn them into UNKNOWN with the reason.
      samples: (kpi, items) => {
        if (String(kpi).includes(FRESH)) {
          fresh.set(kpi, this.#freshness(items));
          return [];
        }
        return items.flatMap((item): Sample[] => {
          const series = seriesOf(item.metric.labels, this.cfg.labels);
          return series ? [{ kpi, ...series, value: item.value.value, at }] : [];
        });
      },
    };
  }

  /** Newest sample time (ms) per "track|journey", per track ("track|*"), and for series with no track label ("*|*"). */
  #freshness(items: VectorItem[]): FreshnessMap {
    const m: FreshnessMap = new Map();
    const newest = (key: string, t: number) => m.set(key, Math.max(m.get(key) ?? Number.NEGATIVE_INFINITY, t));
    for (const item of items) {
      const t = item.value.value * 1000;
      if (!Number.isFinite(t)) continue;
      const series = seriesOf(item.metric.labels, this.cfg.labels);
      if (series) {
        newest(`${series.track}|${series.journey}`, t);
        newest(`${series.track}|*`, t);
      } else if (item.metric.labels[this.cfg.labels.track] === undefined) newest('*|*', t);
    }
    return m;
  }
}
