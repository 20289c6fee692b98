/**
 * The weight the load balancer reads, against the weight the window set.
 * Someone can change it behind canary-tui's back (a colleague in the HAProxy
 * console, a deploy pipeline): a window that kept judging "5%" while 40% of
 * users hit the canary would lie on every panel and every report. So each
 * check reads the weight back, and a window that finds another one holds at
 * what it reads, says so and audits it; it never advances from a weight it
 * did not set. A READY window simply follows what it reads.
 */
import type { WindowState } from '../../rules/phases.js';
import type { WeightReadBack } from './engine-view.js';

export interface Drift {
  next: WindowState;
  /** The weight the window had set. */
  from: number;
  /** Null when the change needs no word (a READY window following the load balancer). */
  message: string | null;
}

export function reconcileWeight(s: WindowState, back: WeightReadBack | null): Drift | null {
  if (!back?.ok || back.weight === null || back.weight === s.weight) return null;
  if (s.status === 'ready') return { next: { ...s, weight: back.weight }, from: s.weight, message: null };
  if (s.status !== 'running' && s.status !== 'held') return null;
  const message = `the load balancer reads ${back.weight}% but the window set ${s.weight}%: changed outside canary-tui; holding at ${back.weight}% until the IC decides`;
  return { next: { ...s, status: 'held', weight: back.weight, holdReason: message }, from: s.weight, message };
}
