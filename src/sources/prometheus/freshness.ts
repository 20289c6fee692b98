/**
 * How fresh a Prometheus value is. An instant query's sample time is the
 * evaluation time, so a value read from samples minutes old (a Prometheus
 * just restarted on an old TSDB, a scrape target gone) would look fresh.
 * `timestamp()` on a raw selector gives the sample's own time, but on
 * anything computed (rate, max by, a ratio) it gives the evaluation time
 * again. So each vector selector of a KPI's query is asked for its newest
 * sample time per track and journey, and a value is as old as the oldest of
 * its selectors' newest samples. A query with no selector cannot say how
 * fresh it is, and its values are not used.
 */
import type { PrometheusSourceConfig } from './prometheus-config.js';

const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio']);
const LABEL_LISTS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const WORDS = new Set(['bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan', 'atan2', '@', 'start', 'end']);

/** The end of a bracketed part starting at `open` ( `{`, `(` or `[` ), skipping string literals. */
function closing(q: string, open: number): number {
  const pair: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  const want = pair[q[open]!]!;
  for (let i = open + 1; i < q.length; i++) {
    const c = q[i]!;
    if (c === '"' || c === "'" || c === '`') i = endOfString(q, i);
    else if (c === want) return i;
  }
  return q.length - 1;
}

function endOfString(q: string, start: number): number {
  for (let i = start + 1; i < q.length; i++) {
    if (q[i] === '\\') i++;
    else if (q[i] === q[start]) return i;
  }
  return q.length - 1;
}

/** Every vector selector in a PromQL expression (`metric{…}`, `metric`, `{…}`), ranges and offsets left out. */
export function selectorsOf(query: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (c === '"' || c === "'" || c === '`') i = endOfString(query, i);
    else if (c === '#') i = query.indexOf('\n', i) === -1 ? query.length : query.indexOf('\n', i);
    else if (c === '[') i = closing(query, i);
    else if (c === '{') {
      const end = closing(query, i);
      out.push(query.slice(i, end + 1));
      i = end;
    } else if (/[0-9.]/.test(c)) {
      while (i + 1 < query.length && /[0-9a-zA-Z.]/.test(query[i + 1]!)) i++;
    } else if (/[a-zA-Z_:]/.test(c)) {
      let end = i;
      while (end + 1 < query.length && /[a-zA-Z0-9_:]/.test(query[end + 1]!)) end++;
      const name = query.slice(i, end + 1);
      let next = end + 1;
      while (next < query.length && /\s/.test(query[next]!)) next++;
      if (LABEL_LISTS.has(name) && query[next] === '(') i = closing(query, next);
      else if (query[next] === '(' || AGGREGATIONS.has(name) || WORDS.has(name.toLowerCase())) i = end;
      else if (query[next] === '{') {
        const close = closing(query, next);
        out.push(query.slice(i, close + 1));
        i = close;
      } else {
        out.push(name);
        i = end;
      }
    }
  }
  return [...new Set(out)];
}

/** The queries that give the newest sample time of each selector, per track and journey. */
export function freshnessQueries(query: string, labels: PrometheusSourceConfig['labels']): string[] {
  return selectorsOf(query).map((s) => `max by (${labels.track}, ${labels.journey}) (timestamp(${s}))`);
}

/** Newest sample time (ms) per "track|journey"; a selector without those labels answers under "*|*". */
export type FreshnessMap = Map<string, number>;

/**
 * When the value of (track, journey) was last fed: for each selector its
 * newest sample for that journey, else for that track, else for the series
 * that carry no track at all; the oldest of those across the selectors that
 * have any (in `a or b` an empty `b` fed nothing, so it does not count).
 * null when no selector has a sample for it, or the query has no selector.
 */
export function freshnessOf(maps: readonly FreshnessMap[], track: string, journey: string): number | null {
  let oldest: number | null = null;
  for (const m of maps) {
    const own = m.get(`${track}|${journey}`) ?? m.get(`${track}|*`) ?? m.get('*|*');
    if (own !== undefined) oldest = Math.min(oldest ?? own, own);
  }
  return oldest;
}
