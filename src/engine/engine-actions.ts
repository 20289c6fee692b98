/**
 * The IC's verbs: advance, hold, resume, roll back. Each one checks that it
 * is allowed, moves traffic through the adapter, reads it back, writes the
 * audit record with the gate values of the moment, and only then changes
 * the window's state.
 */
import { advance, advanceBlockers, hold, isLastPhase, isTerminal, resume, rollback, type WindowState } from '../../rules/phases.js';
import { applyWeight, type WeightOutcome } from './apply-weight.js';
import { sourceBlockers } from './source-health.js';
import type { Engine } from './engine.js';
import type { ActionKind } from './events.js';

export interface ActionResult {
  ok: boolean;
  detail: string;
}

export interface AdvanceOptions {
  /** Typed reason to advance although gates are not GREEN or time is not served. */
  override?: string;
  /** Who approved a phase that needs a gate review (the CEO at 50% → 100%). */
  approvedBy?: string;
}

export class EngineActions {
  constructor(private readonly engine: Engine) {}

  /** Puts the first phase's weight on the load balancer. */
  async open(): Promise<ActionResult> {
    const target = this.engine.policy.phases[0]!.weight;
    return this.#move('advance', target, 'window opens at phase 1', this.engine.deps.meta.operator, (s) => ({ ...s, weight: target }));
  }

  async advance(operator: string, opts: AdvanceOptions): Promise<ActionResult> {
    if (this.engine.deps.readOnly) return this.#refuse('advance', operator, this.engine.deps.readOnly);
    const { engine } = this;
    const s = engine.state;
    const now = engine.deps.clock.now();
    const gates = engine.decisions?.gates ?? [];
    const blockers = engine.decisions ? advanceBlockers(engine.policy, s, gates, now) : ['no check has run yet'];
    if (isTerminal(s)) return this.#refuse('advance', operator, `window is ${s.status}`);
    // Advancing blind is never allowed, not even with an override.
    const blind = sourceBlockers(engine.health, now);
    if (blind.length) return this.#refuse('advance', operator, blind.join('; '));
    if (blockers.length && !opts.override?.trim()) return this.#refuse('advance', operator, blockers.join('; '));
    const phase = engine.policy.phases[s.phaseIndex]!;
    if (phase.requiresApproval && !opts.approvedBy?.trim()) {
      return this.#refuse('advance', operator, `leaving ${phase.weight}% needs a recorded gate review (who approved?)`);
    }
    const reason = [
      opts.override?.trim() ? `OVERRIDE: ${opts.override.trim()} (blocked by: ${blockers.join('; ')})` : 'all gates GREEN, minimum time served',
      opts.approvedBy?.trim() ? `gate review approved by ${opts.approvedBy.trim()}` : '',
    ].filter(Boolean).join('; ');
    const next = advance(engine.policy, s, now);
    if (isLastPhase(engine.policy, s)) return this.#record('advance', s.weight, s.weight, reason, operator, null, next);
    return this.#move('advance', next.weight, reason, operator, () => advance(engine.policy, engine.state, now));
  }

  async hold(operator: string, reason = 'IC hold'): Promise<ActionResult> {
    if (this.engine.deps.readOnly) return this.#refuse('hold', operator, this.engine.deps.readOnly);
    const s = this.engine.state;
    if (s.status !== 'running') return this.#refuse('hold', operator, `window is ${s.status}`);
    return this.#record('hold', s.weight, s.weight, reason, operator, null, hold(s));
  }

  async resume(operator: string, reason = 'IC resumes'): Promise<ActionResult> {
    if (this.engine.deps.readOnly) return this.#refuse('resume', operator, this.engine.deps.readOnly);
    const s = this.engine.state;
    if (s.status !== 'held') return this.#refuse('resume', operator, `window is ${s.status}`);
    return this.#record('resume', s.weight, s.weight, reason, operator, null, resume(s));
  }

  async rollback(operator: string, reason: string): Promise<ActionResult> {
    if (this.engine.deps.readOnly) return this.#refuse('rollback', operator, this.engine.deps.readOnly);
    if (isTerminal(this.engine.state)) return this.#refuse('rollback', operator, `window is ${this.engine.state.status}`);
    return this.#move('rollback', 0, reason, operator, (s) => rollback(s));
  }

  /**
   * Moves traffic, retrying with backoff on the engine's clock, one action at
   * a time (a key press and an automatic rollback never interleave). A
   * rollback that is not read back stays on screen as ROLLBACK NOT CONFIRMED
   * and is tried again at every check while its trigger stays fired.
   */
  #move(action: ActionKind, target: number, reason: string, operator: string, transition: (s: WindowState) => WindowState): Promise<ActionResult> {
    const run = this.#queue.then(async () => {
      const from = this.engine.state.weight;
      const askedAt = this.engine.deps.clock.now();
      const { attempts, backoffMs } = this.engine.retry;
      let outcome = await applyWeight(this.engine.deps.adapter, target);
      let tried = 1;
      while (!outcome.ok && tried < attempts) {
        await this.engine.deps.clock.wait(backoffMs * 2 ** (tried - 1));
        outcome = await applyWeight(this.engine.deps.adapter, target);
        tried++;
      }
      if (tried > 1) outcome = { ...outcome, detail: `${outcome.detail} (after ${tried} attempts)` };
      if (action === 'rollback') {
        const prev = this.engine.unconfirmedRollback;
        this.engine.unconfirmedRollback = outcome.ok ? null : { since: prev?.since ?? askedAt, detail: outcome.detail };
      }
      const next = outcome.ok ? transition(this.engine.state) : null;
      return this.#record(action, from, target, reason, operator, outcome, next);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #queue: Promise<unknown> = Promise.resolve();

  #refuse(action: ActionKind, operator: string, why: string): ActionResult {
    const w = this.engine.state.weight;
    this.engine.emit({ type: 'action', at: this.engine.iso(), action, fromWeight: w, toWeight: w, reason: why, operator, ok: false, detail: `refused: ${why}` });
    return { ok: false, detail: `refused: ${why}` };
  }

  /** Audit first (fsync'd), then state, then the event: the record exists before anyone is told. */
  #record(action: ActionKind, from: number, to: number, reason: string, operator: string, outcome: WeightOutcome | null, next: WindowState | null): ActionResult {
    const { engine } = this;
    const ok = next !== null;
    const detail = outcome ? outcome.detail : 'no weight change';
    const at = engine.iso();
    engine.deps.audit.append({
      at, type: 'action', operator, action, fromWeight: from, toWeight: to, reason, ok,
      phase: engine.state.phaseIndex + 1, windowStatus: engine.state.status,
      gates: (engine.decisions?.gates ?? []).map((g) => ({ id: g.id, status: g.status, value: g.value, threshold: g.threshold })),
      adapter: engine.deps.adapter.describe(), adapterAnswer: detail, verified: outcome?.verified ?? 'not-applicable',
    });
    const before = engine.state;
    if (next) engine.commit(next);
    engine.emit({ type: 'action', at, action, fromWeight: from, toWeight: to, reason, operator, ok, detail });
    if (next && (next.phaseIndex !== before.phaseIndex || next.status !== before.status)) {
      engine.emit({ type: 'phase', at, phase: next.phaseIndex + 1, weight: next.weight, windowStatus: next.status, reason });
    }
    return { ok, detail };
  }
}
