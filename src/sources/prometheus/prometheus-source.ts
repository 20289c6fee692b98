/**
 * Live KPIs from Prometheus: one instant query per KPI at an explicit time,
 * all in parallel, each returning both tracks and every journey (`by
 * (track, journey)`), never one request per panel per journey. The explicit
 * time lets the same code serve a live window and a retrospective replay.
 */
import type { PrometheusDriver } from 'prometheus-query';
import { OVERALL, type KpiId, type Sample, type Track } from '../../../rules/types.js';
import type { Redactor } from '../../config/secrets.js';
import type { Source, SourceProblem, SourceResult } from '../source.js';
import { describePromError } from './prometheus-client.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';
import { expandQuery } from './promql-template.js';

interface VectorItem {
  metric: { labels: Record<string, string> };
  value: { time: Date; value: number };
}

export class PrometheusSource implements Source {
  readonly name: string;
  readonly #queries: [KpiId, string][] = [];
  readonly #templateProblems: SourceProblem[] = [];

  constructor(
    private readonly cfg: PrometheusSourceConfig,
    private readonly driver: Pick<PrometheusDriver, 'instantQuery'>,
    private readonly redactor: Redactor,
  ) {
    this.name = cfg.grafana ? `Prometheus via Grafana ${new URL(cfg.grafana.url).host}` : `Prometheus ${new URL(cfg.url!).host}`;
    for (const [kpi, template] of Object.entries(cfg.queries) as [KpiId, string][]) {
      const expanded = expandQuery(template, cfg.labels);
      if ('query' in expanded) this.#queries.push([kpi, expanded.query]);
      else this.#templateProblems.push({ kind: 'bad-query', kpi, message: `${kpi}: ${expanded.error}` });
    }
  }

  async read(at: number): Promise<SourceResult> {
    const results = await Promise.all(this.#queries.map(([kpi, query]) => this.#one(kpi, query, at)));
    return {
      samples: results.flatMap((r) => r.samples),
      problems: [...this.#templateProblems, ...results.flatMap((r) => r.problems)],
    };
  }

  async #one(kpi: KpiId, query: string, at: number): Promise<SourceResult> {
    try {
      const result = await this.driver.instantQuery(query, new Date(at));
      if (result.resultType !== 'vector') {
        return fail('bad-query', kpi, `${kpi}: expected an instant vector, got a ${result.resultType}`);
      }
      return { samples: this.#toSamples(kpi, result.result as VectorItem[], at), problems: [] };
    } catch (e) {
      const { message, unreachable } = describePromError(e, this.redactor);
      return fail(unreachable ? 'unreachable' : 'bad-query', kpi, `${kpi}: ${this.name}: ${message}`);
    }
  }

  #toSamples(kpi: KpiId, items: VectorItem[], at: number): Sample[] {
    const { labels } = this.cfg;
    const out: Sample[] = [];
    for (const item of items) {
      const raw = item.metric.labels[labels.track];
      const track: Track | null = raw === labels.canary ? 'canary' : raw === labels.control ? 'control' : null;
      if (!track) continue;
      const j = item.metric.labels[labels.journey];
      const journey = j === undefined || j === labels.overall ? OVERALL : j;
      // NaN and ±Inf are kept: the rules turn them into UNKNOWN with the reason.
      out.push({ kpi, track, journey, value: item.value.value, at });
    }
    return out;
  }
}

const fail = (kind: SourceProblem['kind'], kpi: KpiId, message: string): SourceResult => ({ samples: [], problems: [{ kind, kpi, message }] });
