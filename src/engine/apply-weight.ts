/**
 * Moves traffic and proves it moved. A weight counts as applied only once it
 * has been read back from the load balancer; "unsupported" read-back is said
 * out loud, never passed off as confirmed.
 */
import type { Adapter } from '../adapters/adapter.js';

export interface WeightOutcome {
  ok: boolean;
  /** Weight the LB reported after the change, when it could be read. */
  weight: number | null;
  verified: 'confirmed' | 'mismatch' | 'unsupported' | 'failed';
  detail: string;
}

export async function applyWeight(adapter: Adapter, target: number): Promise<WeightOutcome> {
  let set;
  try {
    set = await adapter.setWeight(target);
  } catch (e) {
    return { ok: false, weight: null, verified: 'failed', detail: `set weight failed: ${describeError(e)}` };
  }
  if (!set.ok) return { ok: false, weight: set.weight, verified: 'failed', detail: `set weight failed: ${set.detail}` };
  try {
    const back = adapter.verify ? await adapter.verify(target) : await adapter.getWeight();
    if ('unsupported' in back) {
      return { ok: true, weight: null, verified: 'unsupported', detail: `${set.detail}; read-back unsupported: ${back.detail}` };
    }
    if (back.ok && back.weight === target) {
      return { ok: true, weight: back.weight, verified: 'confirmed', detail: `${set.detail}; read back ${back.weight}%` };
    }
    return { ok: false, weight: back.weight, verified: 'mismatch', detail: `${set.detail}; read back ${back.weight ?? '?'}%, expected ${target}%` };
  } catch (e) {
    return { ok: false, weight: null, verified: 'failed', detail: `${set.detail}; read-back failed: ${describeError(e)}` };
  }
}

/** Error text without stack, config or headers: adapters may hold secrets. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return 'unknown error';
}
