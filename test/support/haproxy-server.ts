/**
 * Starts a REAL HAProxy (Debian's /usr/sbin/haproxy, 2.6) on 127.0.0.1 for
 * adapter tests: a frontend on a free port, `balance roundrobin` over two tiny
 * node:http backends that answer "stable" or "canary", and an admin runtime
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
  /** The server answering "canary" (initial weight 0) and the one answering "stable" (initial weight 100). */
  readonly canaryServer: 'canary1';
  readonly stableServer: 'stable1';
  /** SIGTERM, wait for exit, stop the backends, remove the temp dir. */
  stop(): Promise<void>;
  /** SIGKILL, to simulate a crash; resolves once the process is gone. */
  kill(): Promise<void>;
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

export async function startHaproxy(): Promise<HaproxyServer> {
  const dir = mkdtempSync(join(tmpdir(), 'canary-haproxy-'));
  const stable = await answering('stable');
  const canary = await answering('canary');
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
    `  server stable1 127.0.0.1:${stable.port} weight 100`,
    `  server canary1 127.0.0.1:${canary.port} weight 0`,
    '',
  ].join('\n'));

  const child: ChildProcess = spawn(haproxyBin(), ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { log.push(c); if (log.length > 40) log.shift(); });
  let spawnError: Error | undefined;
  child.once('error', (e) => { spawnError = e; });
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const closeBackends = () => { stable.server.close(); canary.server.close(); stable.server.closeAllConnections(); canary.server.closeAllConnections(); };
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
