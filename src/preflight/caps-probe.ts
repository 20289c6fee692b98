/**
 * "Payment caps enforced: 100 transactions, $20 max/tx, $1,500 global."
 * The caps the payment system enforces now are read from the configured
 * PromQL and must be at or under the directive's (the policy's paymentCaps).
 * A query with no answer is no proof: the item is RED and says which.
 */
import type { ProbeResult } from '../../rules/preflight.js';
import type { Policy } from '../../rules/policy.js';

/** The value of one PromQL expression at `at`, or null when it has none (no series, an error). */
export type ScalarQuery = (key: 'maxTransactions' | 'maxPerTxUsd' | 'globalUsd', at: number) => Promise<number | null>;

const KEYS = ['maxTransactions', 'maxPerTxUsd', 'globalUsd'] as const;
const show = (k: (typeof KEYS)[number], v: number) => (k === 'maxTransactions' ? `${v} tx` : k === 'maxPerTxUsd' ? `$${v}/tx` : `$${v.toLocaleString('en-US')} global`);

export async function capsProbe(query: ScalarQuery, policy: Policy, now: number): Promise<ProbeResult> {
  const values = await Promise.all(KEYS.map((k) => query(k, now).catch(() => null)));
  const missing = KEYS.filter((_k, i) => values[i] === null || !Number.isFinite(values[i]!));
  if (missing.length) return { ok: false, at: now, detail: `no answer for ${missing.map((k) => `preflight.paymentCaps.${k}`).join(', ')}` };
  const over = KEYS.filter((k, i) => values[i]! > policy.paymentCaps[k]);
  const enforced = KEYS.map((k, i) => show(k, values[i]!)).join(', ');
  if (over.length) return { ok: false, at: now, detail: `enforced ${enforced}: over the directive's ${over.map((k) => show(k, policy.paymentCaps[k])).join(', ')}` };
  return { ok: true, at: now, detail: `enforced ${enforced} (directive: ${KEYS.map((k) => show(k, policy.paymentCaps[k])).join(', ')})` };
}
