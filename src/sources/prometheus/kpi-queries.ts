/**
 * What instant reads and range reads share: every KPI's query tagged with its
 * KPI and joined into one request, the answer split back by KPI, a refused
 * batch asked again one KPI at a time, and a series' labels mapped to a track
 * and journey. Only how a query is sent and how its answer becomes samples
 * differ; that is a QueryKind (instant in prometheus-source.ts, range in
 * prometheus-history.ts).
 */
import type { QueryResult } from 'prometheus-query';
import { OVERALL, type KpiId, type Sample, type Track } from '../../../rules/types.js';
import type { Redactor } from '../../config/secrets.js';
import type { SourceProblem, SourceResult } from '../source.js';
import { describePromError } from './prom-error.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';

/** Tags each series of a batched query with the KPI it answers. */
export const KPI_LABEL = 'canary_tui_kpi';

export type KpiQuery = readonly [KpiId, string];

/** One series of an answer, instant or range: prometheus-query parses `metric` into `{ labels }`. */
export interface SeriesItem {
  metric: { labels: Record<string, string> };
}

/** How one kind of query is sent, which answer it expects, and how that answer becomes samples. */
export interface QueryKind<Item extends SeriesItem> {
  /** 'vector' for an instant query, 'matrix' for a range query. */
  readonly resultType: 'vector' | 'matrix';
  /** For the message when the answer is of another type, e.g. 'an instant vector'. */
  readonly expected: string;
  send(query: string): Promise<QueryResult>;
  samples(kpi: KpiId, items: Item[]): Sample[];
}

/** Who is asking, for messages: the source's name, and the redactor that keeps secrets out of them. */
export interface Asker {
  name: string;
  redactor: Redactor;
}

/** One KPI in its own request. */
export async function askOne<Item extends SeriesItem>(kind: QueryKind<Item>, [kpi, query]: KpiQuery, asker: Asker): Promise<SourceResult> {
  try {
    const result = await kind.send(query);
    if (result.resultType !== kind.resultType) return fail('bad-query', kpi, `${kpi}: expected ${kind.expected}, got a ${result.resultType}`);
    return { samples: kind.samples(kpi, result.result as Item[]), problems: [] };
  } catch (e) {
    const { message, kind: problem } = describePromError(e, asker.redactor);
    // A dead server is not the KPI's fault: the same line for every KPI, which the engine shows once.
    return problem === 'unreachable' ? fail(problem, kpi, `${asker.name}: ${message}`) : fail(problem, kpi, `${kpi}: ${asker.name}: ${message}`);
  }
}

/**
 * Every KPI in one request: each expression tagged with its KPI by
 * label_replace and joined with `or`. On a 2-core laptop twenty parallel
 * requests cost about twenty times one; one combined query about five
 * (bench/poll-cycle.ts: 44.7 ms against 9.3 ms). When Prometheus refuses the
 * batch, each KPI is asked alone, so the culprit's 'bad-query' problem names it.
 */
export async function askBatch<Item extends SeriesItem>(kind: QueryKind<Item>, queries: readonly KpiQuery[], asker: Asker): Promise<SourceResult> {
  const combined = queries.map(([kpi, q]) => `label_replace((${q}), "${KPI_LABEL}", "${kpi}", "", "")`).join(' or ');
  try {
    const result = await kind.send(combined);
    if (result.resultType === kind.resultType) {
      const byKpi = new Map<string, Item[]>();
      for (const item of result.result as Item[]) {
        const kpi = item.metric.labels[KPI_LABEL] ?? '';
        byKpi.set(kpi, [...(byKpi.get(kpi) ?? []), item]);
      }
      return { samples: queries.flatMap(([kpi]) => kind.samples(kpi, byKpi.get(kpi) ?? [])), problems: [] };
    }
  } catch (e) {
    const { message, kind: problem } = describePromError(e, asker.redactor);
    if (problem === 'unreachable') return { samples: [], problems: queries.map(([kpi]) => ({ kind: 'unreachable' as const, kpi, message: `${asker.name}: ${message}` })) };
  }
  const singles = await Promise.all(queries.map((q) => askOne(kind, q, asker)));
  return { samples: singles.flatMap((r) => r.samples), problems: singles.flatMap((r) => r.problems) };
}

/**
 * The track and journey a series belongs to, by the configured label names;
 * null for a series of neither track. No journey label, or the overall value,
 * is the overall line.
 */
export function seriesOf(labels: Record<string, string>, scheme: PrometheusSourceConfig['labels']): { track: Track; journey: string } | null {
  const raw = labels[scheme.track];
  const track: Track | null = raw === scheme.canary ? 'canary' : raw === scheme.control ? 'control' : null;
  if (!track) return null;
  const j = labels[scheme.journey];
  return { track, journey: j === undefined || j === scheme.overall ? OVERALL : j };
}

const fail = (kind: SourceProblem['kind'], kpi: KpiId, message: string): SourceResult => ({ samples: [], problems: [{ kind, kpi, message }] });
