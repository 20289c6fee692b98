/**
 * A loopback HTTP proxy in front of the real Prometheus that a test bends:
 * pass through, refuse connections (down), answer late, or answer what no
 * Prometheus would (garbage, an HTML sign-in page at 200 or 502, an empty
 * result). The server behind it stays real; only the answer is the fault.
 */
import { createServer, request, type Server } from 'node:http';
import { freePort } from '../support/haproxy-server.js';

export type ProxyMode =
  | { kind: 'pass' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'garbage' }
  | { kind: 'html'; status: 200 | 502 }
  | { kind: 'empty' };

export interface FaultProxy {
  readonly url: string;
  set(mode: ProxyMode): Promise<void>;
  stop(): Promise<void>;
}

const SIGN_IN = '<!doctype html><html><head><title>Sign in</title></head><body><form action="/login">Sign in to continue</form></body></html>';
const EMPTY_VECTOR = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });

export async function startFaultProxy(target: string, initial: ProxyMode = { kind: 'pass' }): Promise<FaultProxy> {
  const port = await freePort();
  const upstream = new URL(target);
  let mode = initial;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const answer = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    const forward = () => {
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => answer(502, 'text/plain', 'upstream gone'));
      req.pipe(up);
    };
    switch (mode.kind) {
      case 'garbage': return answer(200, 'application/json', '\u0000\u0001{"status":"succ');
      case 'html': return answer(mode.status, 'text/html', SIGN_IN);
      case 'empty': return answer(200, 'application/json', EMPTY_VECTOR);
      case 'slow': {
        const t = setTimeout(() => { timers.delete(t); forward(); }, mode.delayMs);
        timers.add(t);
        return;
      }
      default: return forward();
    }
  });
  const listening = () => server.listening;
  const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const close = () => new Promise<void>((resolve) => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  if (initial.kind !== 'down') await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    async set(next) {
      mode = next;
      if (next.kind === 'down' && listening()) await close();
      if (next.kind !== 'down' && !listening()) await listen();
    },
    async stop() { if (listening()) await close(); },
  };
}
