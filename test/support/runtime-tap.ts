/**
 * A unix socket that stands between an adapter and HAProxy's runtime API and
 * calls `after(command)` once HAProxy has answered a command but before the
 * adapter gets the reply. The adapter sends one command per connection and
 * waits for each reply, so `after` sees HAProxy between every two of its
 * commands: a state that lasts one command (every server at weight 0) is
 * seen every time, where a poller racing the adapter would catch it only by
 * luck.
 */
import { createServer, type Socket } from 'node:net';
import { runtimeCommand, type RuntimeAddress } from '../../src/adapters/haproxy-runtime.js';

export interface RuntimeTap {
  /** Point the adapter's `socket` here. */
  readonly path: string;
  close(): Promise<void>;
}

const UPSTREAM_TIMEOUT_MS = 2_000;

export async function startRuntimeTap(
  path: string,
  upstream: RuntimeAddress,
  after: (command: string) => Promise<void>,
): Promise<RuntimeTap> {
  const open = new Set<Socket>();
  const server = createServer((conn) => {
    open.add(conn);
    conn.on('close', () => open.delete(conn)).on('error', () => { /* the adapter hung up; nothing to tell */ });
    let line = '';
    let sent = false;
    conn.setEncoding('utf8').on('data', (chunk: string) => {
      line += chunk;
      const end = line.indexOf('\n');
      if (sent || end < 0) return;
      sent = true;
      const command = line.slice(0, end);
      runtimeCommand(upstream, command, UPSTREAM_TIMEOUT_MS)
        .then(async (reply) => { await after(command); conn.end(reply); })
        // An upstream failure reaches the adapter as a dropped connection, as a dead HAProxy would.
        .catch(() => conn.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  return {
    path,
    close: () => new Promise<void>((resolve) => {
      for (const conn of open) conn.destroy();
      server.close(() => resolve());
    }),
  };
}
