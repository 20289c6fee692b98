/**
 * A loopback HTTP server that records every request and answers from a
 * handler: for checking what canary-tui sends (auth headers, paths, times)
 * and for answers a real Prometheus will not give on demand (HTML error
 * pages, a billing API).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void;

export async function startRecordingServer(handler: Handler): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(recorded);
    req.resume();
    req.on('end', () => handler(recorded, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A Prometheus instant-vector answer with the given series. */
export function vector(series: Array<{ labels: Record<string, string>; value: string }>, time = 1_700_000_000): unknown {
  return { status: 'success', data: { resultType: 'vector', result: series.map((s) => ({ metric: s.labels, value: [time, s.value] })) } };
}

type Series = Array<{ labels: Record<string, string>; value: string }>;

/**
 * What a Prometheus would answer to the source's request: each KPI's series
 * from `byKpi`, and to each freshness query (the KPI's id with "~N", see
 * src/sources/prometheus/freshness.ts) the same series carrying `sampleAt`
 * (epoch seconds) as their newest sample time. A request of one query is
 * answered for the only KPI of `byKpi`.
 */
export function promAnswer(query: string, byKpi: Record<string, Series>, sampleAt: number, time = sampleAt): unknown {
  const tagged = [...query.matchAll(/label_replace\(\((.*?)\), "canary_tui_kpi", "([^"]+)", "", ""\)/g)].map((m) => m[2]!);
  const fresh = (s: Series) => s.map((x) => ({ ...x, value: String(sampleAt) }));
  if (!tagged.length) {
    const only = Object.values(byKpi)[0] ?? [];
    return vector(query.includes('timestamp(') ? fresh(only) : only, time);
  }
  return vector(tagged.flatMap((id) => {
    const series = byKpi[id.split('~')[0]!] ?? [];
    return (id.includes('~') ? fresh(series) : series).map((s) => ({ labels: { ...s.labels, canary_tui_kpi: id }, value: s.value }));
  }), time);
}
