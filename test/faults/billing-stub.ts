/**
 * A stand-in for a company's billing API (no real one can be had on
 * loopback): answers the shape README documents, healthy by default, and can
 * be bent to HTTP 500 or to a changed schema (a renamed field).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BillingMode = 'healthy' | 'http-500' | 'renamed-field';

export interface BillingStub {
  readonly url: string;
  mode: BillingMode;
  stop(): Promise<void>;
}

const totals = (users: number) => ({ users, requests: users * 20, cost: users * 0.042, revenue: users * 0.11, aiRevenue: users * 0.046, aiProviderCost: users * 0.01 });

export async function startBillingStub(): Promise<BillingStub> {
  const stub = { mode: 'healthy' as BillingMode };
  const server = createServer((req, res) => {
    if (stub.mode === 'http-500') return res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    const tracks = { canary: totals(1000), control: totals(19000) };
    if (stub.mode === 'renamed-field') {
      const { cost, ...rest } = tracks.canary;
      (tracks as Record<string, unknown>).canary = { ...rest, costUsd: cost };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ at: new Date().toISOString(), tracks }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(stub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/economics`,
    stop: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  });
}
