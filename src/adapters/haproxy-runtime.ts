/**
 * A minimal client for HAProxy's runtime API (the "stats socket"), spoken
 * over node:net so no socat or shell is involved. HAProxy's non-interactive
 * mode answers one command per connection and then closes it, so each call
 * opens a connection, writes one line, and reads until the close.
 *
 * Every failure (missing socket, refused connection, timeout) rejects with a
 * RuntimeApiError whose message names the socket; callers turn that into an
 * ok:false answer rather than let it escape.
 */
import { connect, type Socket } from 'node:net';

/** Where the runtime API listens: a unix socket path or a TCP host and port. */
export type RuntimeAddress = { path: string } | { host: string; port: number };

/** "host:port" (or "[::1]:port") is TCP; anything else is a unix socket path. */
export function parseRuntimeAddress(text: string): RuntimeAddress | null {
  const tcp = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text);
  if (tcp && !text.includes('/')) {
    const port = Number(tcp[3]);
    if (port < 1 || port > 65_535) return null;
    return { host: tcp[1] ?? tcp[2]!, port };
  }
  return text.length > 0 && !text.includes('\0') ? { path: text } : null;
}

export const formatRuntimeAddress = (a: RuntimeAddress): string =>
  'path' in a ? a.path : `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;

export class RuntimeApiError extends Error {
  override readonly name = 'RuntimeApiError';
}

/**
 * HAProxy object names as the runtime API can address them. Anything else
 * (a ';' or a newline above all) would let a config value smuggle a second
 * command into the line, so it is refused before any byte is sent.
 */
export const HAPROXY_NAME = /^[A-Za-z0-9_.:-]+$/;

/** Sends one command line and resolves with HAProxy's whole reply text. */
export function runtimeCommand(address: RuntimeAddress, command: string, timeoutMs: number): Promise<string> {
  if (/[\r\n;]/.test(command)) return Promise.reject(new RuntimeApiError(`refused to send a command containing ';' or a newline`));
  const where = formatRuntimeAddress(address);
  return new Promise((resolve, reject) => {
    const socket: Socket = 'path' in address ? connect({ path: address.path }) : connect({ host: address.host, port: address.port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(
      () => finish(new RuntimeApiError(`HAProxy at ${where} did not answer "${command}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(`${command}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ENOENT' ? 'no such socket' : e.code === 'ECONNREFUSED' ? 'connection refused' : (e.code ?? e.message);
      finish(new RuntimeApiError(`cannot reach HAProxy at ${where} (${why})`));
    });
  });
}

/** `get weight` answers "10 (initial 10)"; the current weight is the first number. */
export function parseGetWeight(reply: string): number | null {
  const m = /^\s*(\d+)\s+\(initial\s+\d+\)\s*$/.exec(reply);
  return m ? Number(m[1]) : null;
}

/** One line of a reply for the screen: HAProxy's error texts are short, but never trust that. */
export const replyText = (reply: string): string => {
  const text = reply.trim().replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || '(empty reply)';
};
