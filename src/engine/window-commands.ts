/**
 * One serialized queue for every command that can change the window: the
 * IC's keys, the engine's own (a trigger's rollback, auto-advance, --open,
 * the no-data hold, rollback retries) and quitting. Each command runs the
 * state machine's guards against the state at the moment it runs, never the
 * state it was asked in, so a key press queued behind a rollback is refused
 * and a confirmed rollback stays final.
 */
import { afterMove, plan, type WindowCommand, type WindowState } from '../../rules/window-machine.js';
import { applyWeight, type WeightOutcome } from './apply-weight.js';
import type { ActionResult, CommandHost } from './command-host.js';
import type { ActionKind } from './events.js';

export class WindowCommands {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: CommandHost) {}

  /** Queues a command; resolves once it ran, with what happened. */
  submit(command: WindowCommand): Promise<ActionResult> {
    return this.inLine(() => this.#execute(command));
  }

  /**
   * Runs a command at once. Only for a job that already holds the queue (a
   * check's own decisions): queuing it there would wait for itself.
   */
  executeInLine(command: WindowCommand): Promise<ActionResult> {
    return this.#execute(command);
  }

  /** Runs any job in line with the commands (a check's decisions, quitting). */
  inLine<T>(job: () => Promise<T> | T): Promise<T> {
    const run = this.#queue.then(job);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #execute(c: WindowCommand): Promise<ActionResult> {
    const { host } = this;
    if (host.readOnly) return this.#refuse(c, host.readOnly);
    const before = host.current();
    const p = plan(host.policy, before, c, host.facts(host.clock.now()));
    if (p.kind === 'refuse') return this.#refuse(c, p.why);
    if (p.kind === 'record') return this.#record(c, before, before.weight, p.reason, null, p.next);
    if (p.during) host.commit(p.during);
    const outcome = await this.#move(p.target);
    const answer = { ok: outcome.ok, weight: outcome.weight ?? (outcome.verified === 'unsupported' && outcome.ok ? p.target : null), detail: outcome.detail };
    const next = afterMove(host.policy, host.current(), c, answer, host.clock.now());
    return this.#record(c, before, p.target, p.reason, outcome, next);
  }

  /** Sets the weight and reads it back, retrying with backoff on the engine's clock. */
  async #move(target: number): Promise<WeightOutcome> {
    const { adapter, clock, retry } = this.host;
    let outcome = await applyWeight(adapter, target);
    let tried = 1;
    while (!outcome.ok && tried < retry.attempts) {
      await clock.wait(retry.backoffMs * 2 ** (tried - 1));
      outcome = await applyWeight(adapter, target);
      tried++;
    }
    return tried > 1 ? { ...outcome, detail: `${outcome.detail} (after ${tried} attempts)` } : outcome;
  }

  /** Every refusal is told and audited: "I pressed a and nothing happened" must be answerable. */
  #refuse(c: WindowCommand, why: string): ActionResult {
    const { host } = this;
    const at = new Date(host.clock.now()).toISOString();
    const s = host.current();
    host.audit.append({ at, type: 'refusal', operator: c.operator, action: c.type, weight: s.weight, windowStatus: s.status, why });
    host.emit({ type: 'action', at, action: c.type as ActionKind, fromWeight: s.weight, toWeight: s.weight, reason: why, operator: c.operator, ok: false, detail: `refused: ${why}` });
    return { ok: false, detail: `refused: ${why}` };
  }

  /** Audit first (fsync'd), then state, then the event: the record exists before anyone is told. */
  #record(c: WindowCommand, before: WindowState, to: number, reason: string, outcome: WeightOutcome | null, next: WindowState): ActionResult {
    const { host } = this;
    const ok = outcome ? outcome.ok : true;
    const detail = outcome ? outcome.detail : 'no weight change';
    const at = new Date(host.clock.now()).toISOString();
    host.audit.append({
      at, type: 'action', operator: c.operator, action: c.type, fromWeight: before.weight, toWeight: to, reason, ok,
      phase: before.phaseIndex + 1, windowStatus: before.status, nextStatus: next.status, weightAfter: next.weight,
      gates: host.gates().map((g) => ({ id: g.id, status: g.status, value: g.value, threshold: g.threshold })),
      adapter: host.adapter.describe(), adapterAnswer: detail, verified: outcome?.verified ?? 'not-applicable',
    });
    host.commit(next);
    host.emit({ type: 'action', at, action: c.type as ActionKind, fromWeight: before.weight, toWeight: to, reason, operator: c.operator, ok, detail });
    if (next.phaseIndex !== before.phaseIndex || next.status !== before.status) {
      host.emit({ type: 'phase', at, phase: next.phaseIndex + 1, weight: next.weight, windowStatus: next.status, reason });
    }
    return { ok, detail };
  }
}
