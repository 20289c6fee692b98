/**
 * Range reads over the Prometheus HTTP API (`/api/v1/query_range`): what a
 * window that resumed after a crash, or a viewer that opened late, uses to
 * refill its P95 chart since the phase began. Batching, fallback and label
 * mapping are the instant read's (kpi-queries.ts); only the request, the
 * step and the matrix answer are range-specific.
 */
import type { PrometheusDriver } from 'prometheus-query';
import type { Sample } from '../../../rules/types.js';
import { SERIES_CAPACITY } from '../../store/series-store.js';
import { seriesOf, type QueryKind, type SeriesItem } from './kpi-queries.js';
import type { PrometheusSourceConfig } from './prometheus-config.js';

interface MatrixItem extends SeriesItem {
  values: { time: Date; value: number }[];
}

export interface RangeWindow {
  /** Epoch ms. */
  start: number;
  end: number;
  /** The finest step wanted, e.g. the check interval. */
  stepMs: number;
}

/**
 * The step in whole seconds: at least `stepMs`, and coarse enough that
 * [start, end] holds at most SERIES_CAPACITY points. A range of R seconds at
 * step s has floor(R / s) + 1 points, both ends included, hence the `- 1`.
 */
export function historyStepSeconds({ start, end, stepMs }: RangeWindow): number {
  const bound = Math.ceil(Math.max(0, end - start) / (SERIES_CAPACITY - 1));
  return Math.max(1, Math.ceil(Math.max(stepMs, bound) / 1000));
}

/**
 * A range query over the window, or null when the window is empty. The start
 * is rounded up to a whole second so every point falls on a whole second
 * (a float seconds timestamp times 1000 can land a millisecond early) and
 * none precedes the asked start.
 */
export function rangeKind(
  driver: Pick<PrometheusDriver, 'rangeQuery'>, labels: PrometheusSourceConfig['labels'], range: RangeWindow,
  /**
   * A recording asks its own step, never coarsened (record-window.ts cuts the
   * range instead), from exactly its start: its points must fall on the
   * window's check grid, milliseconds and all, or its replay judges each
   * check on the point before.
   */
  stepSeconds?: number,
): QueryKind<MatrixItem> | null {
  const from = stepSeconds === undefined ? Math.ceil(range.start / 1000) * 1000 : range.start;
  if (from > range.end) return null;
  const step = stepSeconds ?? historyStepSeconds(range);
  return {
    resultType: 'matrix',
    expected: 'a range vector (matrix)',
    send: (query) => driver.rangeQuery(query, new Date(from), new Date(range.end), step),
    // Each point keeps its own time, so a restored value is never taken for a fresher one.
    samples: (kpi, items) =>
      items.flatMap((item): Sample[] => {
        const series = seriesOf(item.metric.labels, labels);
        return series ? item.values.map((p) => ({ kpi, ...series, value: p.value, at: Math.round(p.time.getTime()) })) : [];
      }),
  };
}
