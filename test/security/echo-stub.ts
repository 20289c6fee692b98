/**
 * One loopback server playing every remote a live window talks to
 * (Prometheus, the billing API, a webhook receiver), each answering only
 * failures and each failure echoing the request's headers in its body, as
 * a debug proxy or a careless 401 page would. The answer kind rotates per
 * request, so one short window meets every failure path.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../sources/recording-server.js';

export const FAILURES = ['401', '500', 'html-200', 'garbage-200', 'html-502'] as const;
export type Failure = (typeof FAILURES)[number];

export interface EchoStub extends RecordingServer {
  /** Which failures each remote ("prometheus", "billing", "webhook") has answered so far. */
  served: Record<string, Set<Failure>>;
}

/** The headers back, secret-bearing ones first so no cut can drop them, then all of them as JSON. */
export function echoOf(headers: IncomingHttpHeaders): string {
  const first = Object.entries(headers).filter(([k]) => k === 'authorization' || k.startsWith('x-'));
  return `${first.map(([k, v]) => `${k}: ${String(v)}`).join('; ')} | ${JSON.stringify(headers)}`;
}

const remoteOf = (req: RecordedRequest) =>
  req.path.startsWith('/api/v1/') || req.path.includes('/api/datasources/proxy/') ? 'prometheus' : req.path.startsWith('/billing') ? 'billing' : 'webhook';

function answer(res: ServerResponse, failure: Failure, echo: string): void {
  const send = (status: number, type: string, body: string): void => void res.writeHead(status, { 'content-type': type }).end(body);
  switch (failure) {
    case '401': return send(401, 'application/json', JSON.stringify({ status: 'error', errorType: 'unauthorized', error: `rejected ${echo}` }));
    case '500': return send(500, 'application/json', JSON.stringify({ status: 'error', errorType: 'internal', error: `crashed on ${echo}` }));
    case 'html-200': return send(200, 'text/html', `<html><body><h1>Sign in</h1><pre>${echo}</pre></body></html>`);
    case 'garbage-200': return send(200, 'text/plain', `\u0000garbage ${echo} {{{`);
    case 'html-502': return send(502, 'text/html', `<html><body>Bad Gateway: ${echo}</body></html>`);
  }
}

export async function startEchoStub(): Promise<EchoStub> {
  const served: Record<string, Set<Failure>> = { prometheus: new Set(), billing: new Set(), webhook: new Set() };
  const count: Record<string, number> = { prometheus: 0, billing: 0, webhook: 0 };
  const server = await startRecordingServer((req, res) => {
    const remote = remoteOf(req);
    const failure = FAILURES[count[remote]!++ % FAILURES.length]!;
    served[remote]!.add(failure);
    answer(res, failure, echoOf(req.headers));
  });
  return Object.assign(server, { served });
}
