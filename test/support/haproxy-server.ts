/**
 * Starts a REAL HAProxy (Debian's /usr/sbin/haproxy, 2.6) on 127.0.0.1 for
 * adapter tests: a frontend on a free port, `balance roundrobin` over tiny
 * node:http backends (one canary and one stable by default, or as many of
 * each as asked) that each answer with their own server name ("canary2"), so
 * a test can count hits per server as well as per group, and an admin runtime
 * API on a unix socket (and on a loopback TCP port, to test both transports).
 *
 * HAProxy refuses `bind :0`, so free ports are found by binding a node server
 * to port 0 and closing it; the small race with another process is accepted.
 * Readiness is polled with a deadline, never slept for. One thread
 * (`nbthread 1`) keeps weighted round robin exact enough for ±2 points.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from './cleanup.js';

export interface HaproxyServer {
  /** 'http://127.0.0.1:PORT', the frontend. */
  readonly frontendUrl: string;
  /** The admin runtime API as a unix socket path. */
  readonly socketPath: string;
  /** The same API as '127.0.0.1:PORT'. */
  readonly socketTcp: string;
  readonly backend: 'app';
  /** The first canary server (initial weight 0) and the first stable one (initial weight 100). */
  readonly canaryServer: 'canary1';
  readonly stableServer: 'stable1';
  /** Every server of each group, 'canary1'..'canaryN' and 'stable1'..'stableM'; each answers its own name. */
  readonly canaryServers: readonly string[];
  readonly stableServers: readonly string[];
  /** SIGTERM, wait for exit, stop the backends, remove the temp dir. */
  stop(): Promise<void>;
  /** SIGKILL, to simulate a crash; resolves once the process is gone. */
  kill(): Promise<void>;
}

/** How many servers of each group the backend holds; one of each unless asked. */
export interface HaproxyShape {
  canaries?: number;
  stables?: number;
}

const READY_TIMEOUT_MS = 10_000;

/** $HAPROXY_BIN, else Debian's /usr/sbin/haproxy (not on a non-root PATH), else whatever PATH finds. */
const haproxyBin = () => process.env.HAPROXY_BIN ?? (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function answering(text: string): Promise<{ server: Server; port: number }> {
  const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** One GET with keep-alive off (a fresh connection per request), so round robin applies to every request. */
export function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' }, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out'))).on('error', reject).end();
  });
}

const names = (prefix: string, n: number): string[] => {
  if (!Number.isInteger(n) || n < 1) throw new Error(`startHaproxy: need at least one ${prefix} server, got ${n}`);
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
};

export async function startHaproxy(shape: HaproxyShape = {}): Promise<HaproxyServer> {
  const canaryServers = names('canary', shape.canaries ?? 1);
  const stableServers = names('stable', shape.stables ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'canary-haproxy-'));
  // Stables first in the config, as before; equal weights (100 each), canaries at 0.
  const backends = [
    ...(await Promise.all(stableServers.map(async (name) => ({ name, weight: 100, ...(await answering(name)) })))),
    ...(await Promise.all(canaryServers.map(async (name) => ({ name, weight: 0, ...(await answering(name)) })))),
  ];
  const [port, adminPort] = [await freePort(), await freePort()];
  const socketPath = join(dir, 'admin.sock');
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, [
    'global',
    `  stats socket ${socketPath} mode 600 level admin`,
    `  stats socket ipv4@127.0.0.1:${adminPort} level admin`,
    '  nbthread 1',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 10s',
    '  timeout server 10s',
    'frontend fe',
    `  bind 127.0.0.1:${port}`,
    '  default_backend app',
    'backend app',
    '  balance roundrobin',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} weight ${b.weight}`),
    '',
  ].join('\n'));

  const child: ChildProcess = spawn(haproxyBin(), ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { log.push(c); if (log.length > 40) log.shift(); });
  let spawnError: Error | undefined;
  child.once('error', (e) => { spawnError = e; });
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const closeBackends = () => { for (const b of backends) { b.server.close(); b.server.closeAllConnections(); } };
  const forget = atExit(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const running = () => child.exitCode === null && child.signalCode === null && !spawnError;

  const frontendUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const ok = await getOnce(frontendUrl).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (!running() || Date.now() > deadline) {
      child.kill('SIGKILL');
      closeBackends();
      forget();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`haproxy ${spawnError ? `failed to spawn: ${spawnError.message}` : running() ? 'not ready in time' : 'exited early'}\n${log.join('')}`);
    }
    await sleep(50);
  }

  return {
    frontendUrl,
    socketPath,
    socketTcp: `127.0.0.1:${adminPort}`,
    backend: 'app',
    canaryServer: 'canary1',
    stableServer: 'stable1',
    canaryServers,
    stableServers,
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      closeBackends();
      rmSync(dir, { recursive: true, force: true });
      forget();
    },
    async kill() {
      child.kill('SIGKILL');
      await gone;
    },
  };
}
