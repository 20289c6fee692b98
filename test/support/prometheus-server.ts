/**
 * Starts a REAL Prometheus (Debian's /usr/bin/prometheus, 2.42) on 127.0.0.1
 * for tests, scraping the given targets, and waits until it is ready — by
 * polling with a deadline, never by sleeping a fixed amount.
 *
 * Share one server per test file (beforeAll/afterAll): startup takes well
 * under a second, but the first scraped sample only shows up about 6 s after
 * start (the scrape manager applies target updates on a 5 s tick), so a
 * server per test would cost that wait every time. Use waitForQuery() once in
 * beforeAll to wait for the first scrape.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from './cleanup.js';

export interface PrometheusOptions {
  /** "host:port" scrape targets for the single job 'canary'. */
  targets?: string[];
  /** Global scrape and evaluation interval; default '1s'. */
  scrapeInterval?: string;
  /** Reuse a TSDB directory (e.g. from backfill()); it is left in place on stop(). */
  dataDir?: string;
}

export interface PrometheusServer {
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGTERM, wait for exit (SIGKILL after 5 s), then remove the temp dirs this harness created. */
  stop(): Promise<void>;
  /** SIGKILL, to simulate a crash; the port refuses connections once the process is gone. */
  kill(): void;
  /**
   * Starts Prometheus again on the SAME port with the same data dir and config
   * (stopping it first if it is still running) and resolves once ready. The
   * returned object is this same server, so a stop() registered earlier stops
   * the new process too.
   */
  restart(): Promise<PrometheusServer>;
}

const READY_TIMEOUT_MS = 15_000;
const POLL_MS = 100;
const LISTENING = /msg="Listening on" address=127\.0\.0\.1:(\d+)/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
const exited = (c: ChildProcess) => (running(c) ? new Promise<void>((r) => c.once('exit', () => r())) : Promise.resolve());

/** Spawns prometheus, resolving with the port it listens on and its child once /-/ready answers 200. */
async function launch(config: string, dataDir: string, listen: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('prometheus', [
    `--config.file=${config}`, `--storage.tsdb.path=${dataDir}`, '--storage.tsdb.retention.time=10y',
    `--web.listen-address=${listen}`, '--web.enable-lifecycle',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.once('exit', atExit(() => child.kill('SIGKILL'))); // covers the startup wait, before a server owns it
  // Logs go to stderr; keep draining it for the process's whole life, or a full pipe would block Prometheus.
  const log: string[] = [];
  let port: number | undefined;
  let partial = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      port ??= Number(LISTENING.exec(line)?.[1]) || undefined;
      log.push(line);
      if (log.length > 40) log.shift();
    }
  });
  let spawnError: Error | undefined;
  child.once('error', (e) => { spawnError = e; });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  const fail = (why: string) => {
    child.kill('SIGKILL');
    return new Error(`prometheus ${why}\n--- last log lines ---\n${log.join('\n')}`);
  };
  while (Date.now() < deadline) {
    if (spawnError) throw fail(`failed to spawn: ${spawnError.message}`);
    if (!running(child)) throw fail(`exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    if (port !== undefined) {
      const ok = await fetch(`http://127.0.0.1:${port}/-/ready`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (ok) return { child, port };
    }
    await sleep(POLL_MS);
  }
  throw fail(`not ready within ${READY_TIMEOUT_MS} ms (port ${port ?? 'unknown'})`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

export async function startPrometheus(opts: PrometheusOptions = {}): Promise<PrometheusServer> {
  const { targets = [], scrapeInterval = '1s' } = opts;
  const workDir = mkdtempSync(join(tmpdir(), 'canary-prom-'));
  const dataDir = opts.dataDir ?? join(workDir, 'data');
  const config = join(workDir, 'prometheus.yml');
  // JSON is YAML: no quoting surprises for the targets.
  writeFileSync(config, JSON.stringify({
    global: { scrape_interval: scrapeInterval, evaluation_interval: scrapeInterval },
    scrape_configs: [{ job_name: 'canary', static_configs: [{ targets }] }],
  }, null, 2));

  let current: { child: ChildProcess; port: number };
  try {
    current = await launch(config, dataDir, '127.0.0.1:0');
  } catch (e) {
    rmSync(workDir, { recursive: true, force: true });
    throw e;
  }
  const port = current.port;
  let stopped = false;
  // If a test never calls stop(), the process and temp dir still go when the test process ends.
  const forget = atExit(() => {
    current.child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });
  const server: PrometheusServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async stop() {
      stopped = true;
      await terminate(current.child);
      rmSync(workDir, { recursive: true, force: true }); // holds the data dir only if we created it
      forget();
    },
    kill() { current.child.kill('SIGKILL'); },
    async restart() {
      if (stopped) throw new Error('restart() after stop(): its config and temp dirs are gone');
      await terminate(current.child);
      current = await launch(config, dataDir, `127.0.0.1:${port}`);
      return server;
    },
  };
  return server;
}

export interface VectorSample { metric: Record<string, string>; value: [number, string] }

/** One instant query; `time` in unix seconds (required for backfilled data older than the 5 min lookback). */
export async function queryVector(url: string, promql: string, time?: number): Promise<VectorSample[]> {
  const params = new URLSearchParams({ query: promql });
  if (time !== undefined) params.set('time', String(time));
  const res = await fetch(`${url}/api/v1/query?${params}`, { signal: AbortSignal.timeout(5_000) });
  const body = await res.text();
  let json: { status?: string; data?: { resultType?: string; result?: VectorSample[] } } = {};
  try { json = JSON.parse(body) as typeof json; } catch { /* reported below with the raw body */ }
  if (json.status !== 'success' || json.data?.resultType !== 'vector' || !json.data.result) {
    throw new Error(`HTTP ${res.status}: ${body.slice(0, 2_000)}`);
  }
  return json.data.result;
}

/**
 * Polls /api/v1/query every 100 ms until the result vector satisfies
 * `predicate`, and returns it. Throws after `timeoutMs` with the last
 * response (or fetch error), so a failing test says what Prometheus saw.
 */
export async function waitForQuery(
  url: string, promql: string, predicate: (result: VectorSample[]) => boolean, timeoutMs: number,
  opts: { time?: number } = {},
): Promise<VectorSample[]> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no response yet';
  for (;;) {
    try {
      const result = await queryVector(url, promql, opts.time);
      if (predicate(result)) return result;
      last = JSON.stringify(result);
    } catch (e) {
      last = e instanceof Error ? `${e.message}${e.cause ? ` (${String(e.cause)})` : ''}` : String(e);
    }
    if (Date.now() >= deadline) throw new Error(`waitForQuery(${promql}) timed out after ${timeoutMs} ms; last: ${last}`);
    await sleep(POLL_MS);
  }
}
