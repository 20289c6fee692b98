/**
 * A load balancer whose answers the test decides: each setWeight waits until
 * the test releases it, and answers ok, failed or with another weight read
 * back. Races between a pending rollback and a key press become
 * deterministic: nothing moves until the test says so.
 */
import type { Adapter, VerifyAnswer, WeightAnswer } from '../../src/adapters/adapter.js';

export type Answer = 'ok' | 'failed' | 'mismatch';

interface Pending {
  target: number;
  release: (a: Answer) => void;
}

export class ControllableAdapter implements Adapter {
  weight = 0;
  /** Every weight the load balancer was actually set to, in order. */
  readonly applied: number[] = [];
  readonly pending: Pending[] = [];
  /** When set, answers at once instead of waiting (for the moves the test does not care about). */
  auto: Answer | null = 'ok';
  #last: Answer = 'ok';

  describe(): string {
    return 'controllable';
  }

  async setWeight(target: number): Promise<WeightAnswer> {
    const answer = this.auto ?? (await new Promise<Answer>((release) => this.pending.push({ target, release })));
    this.#last = answer;
    if (answer === 'failed') return { ok: false, weight: null, detail: 'connection refused' };
    if (answer === 'ok') {
      this.weight = target;
      this.applied.push(target);
    }
    return { ok: true, weight: null, detail: `set ${target}%` };
  }

  async verify(target: number): Promise<VerifyAnswer> {
    if (this.#last === 'mismatch') return { ok: true, weight: this.weight, detail: `still ${this.weight}%` };
    return { ok: true, weight: this.weight === target ? target : this.weight, detail: `${this.weight}%` };
  }

  async getWeight(): Promise<WeightAnswer> {
    return { ok: true, weight: this.weight, detail: `${this.weight}%` };
  }

  /** Answers the oldest pending move. */
  answer(a: Answer): void {
    const p = this.pending.shift();
    if (!p) throw new Error('no move is pending');
    p.release(a);
  }
}
