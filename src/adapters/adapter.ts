/**
 * The load-balancer seam. Small on purpose: a team plugs in its own LB by
 * answering these calls. `verify` is optional and may say "unsupported",
 * which is a distinct answer from "failed".
 */
export interface WeightAnswer {
  ok: boolean;
  /** The canary weight read back, percent, when the adapter could read it. */
  weight: number | null;
  /** What the adapter said, for the screen and the audit; never a secret. */
  detail: string;
}

export type VerifyAnswer = WeightAnswer | { unsupported: true; detail: string };

export interface Adapter {
  /** One line for the screen, e.g. "dry-run (in memory)". */
  describe(): string;
  getWeight(): Promise<WeightAnswer>;
  setWeight(weight: number): Promise<WeightAnswer>;
  verify?(expected: number): Promise<VerifyAnswer>;
}
