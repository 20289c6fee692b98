/**
 * The in-memory adapter: the default in rehearsal, so a drill can never move
 * real traffic unless the operator says so explicitly.
 */
import type { Adapter, VerifyAnswer, WeightAnswer } from './adapter.js';

export class DryRunAdapter implements Adapter {
  #weight: number;
  readonly #label: string;

  /** `label` replaces the screen line, e.g. to say which configured adapter a rehearsal left alone. */
  constructor(initialWeight = 0, label = 'dry-run (in memory, no traffic moves)') {
    this.#weight = initialWeight;
    this.#label = label;
  }

  describe(): string {
    return this.#label;
  }

  async getWeight(): Promise<WeightAnswer> {
    return { ok: true, weight: this.#weight, detail: `weight ${this.#weight}%` };
  }

  async setWeight(weight: number): Promise<WeightAnswer> {
    if (!(weight >= 0 && weight <= 100)) return { ok: false, weight: this.#weight, detail: `refused weight ${weight}%` };
    this.#weight = weight;
    return { ok: true, weight, detail: `set weight ${weight}%` };
  }

  async verify(expected: number): Promise<VerifyAnswer> {
    const ok = this.#weight === expected;
    return { ok, weight: this.#weight, detail: ok ? `read back ${expected}%` : `read back ${this.#weight}%, expected ${expected}%` };
  }
}
