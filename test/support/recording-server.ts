/**
 * A loopback HTTP server that records every request (path, Authorization
 * header, body) and answers as the test says: the stand-in for Slack's
 * webhook or Grafana's API, which no test can have for real.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded { path: string; auth?: string; body: string }

export interface RecordingServer {
  url: string;
  seen: Recorded[];
  close(): void;
}

/** `answer(n)`: the status and body for the n-th request (1-based); 200 "ok" by default. */
export async function recordingServer(answer: (n: number) => [number, string] = () => [200, 'ok']): Promise<RecordingServer> {
  const seen: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      seen.push({ path: req.url!, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
      const [status, text] = answer(seen.length);
      res.writeHead(status).end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => { server.closeAllConnections(); server.close(); } };
}
