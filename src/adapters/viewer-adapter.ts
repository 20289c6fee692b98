/**
 * What a read-only viewer holds in place of the load balancer. The driver
 * owns the real adapter; a viewer must not even build it, because building
 * one can run a team's plugin code or open a socket. Every call says why.
 */
import type { Adapter, WeightAnswer } from './adapter.js';

export function viewerAdapter(configuredType: string): Adapter {
  const refused = (): Promise<WeightAnswer> =>
    Promise.resolve({ ok: false, weight: null, detail: 'a read-only viewer never touches the load balancer' });
  return {
    describe: () => `${configuredType} (driven by the other instance; this viewer never touches it)`,
    getWeight: refused,
    setWeight: refused,
  };
}
