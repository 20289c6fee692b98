/**
 * One engine, several faces (TUI, headless, rehearsal). A check polls the
 * source, updates the store, runs the pure rules and carries out what they
 * demand; actions go through the adapter and the audit log. It emits events
 * and never renders.
 */
import { evaluate, triggerStates, type Decisions } from '../../rules/evaluate.js';
import { initialWindow, isTerminal, type WindowState } from '../../rules/phases.js';
import type { Policy } from '../../rules/policy.js';
import type { Adapter } from '../adapters/adapter.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { Source, SourceResult } from '../sources/source.js';
import { HEALTHY, newProblems, nextHealth, sourceBlockers, type SourceHealth } from './source-health.js';
import { formatDuration } from '../../rules/format.js';
import { SeriesStore } from '../store/series-store.js';
import { EngineActions, type ActionResult } from './engine-actions.js';
import type { EngineEvent } from './events.js';
import { triggerEvents } from './trigger-events.js';
import type { WindowFile } from './window-file.js';
import { AUTO_OPERATOR, type WindowMeta } from './window-meta.js';
import { buildReport } from '../report/slack-report.js';
import { describeError } from './apply-weight.js';
import { restoreHistory } from './restore-history.js';
import type { Outcome } from '../exit-codes.js';

export interface EngineDeps {
  policy: Policy;
  clock: Clock;
  source: Source;
  adapter: Adapter;
  audit: AuditSink;
  meta: WindowMeta;
  store?: SeriesStore;
  /** Attempts per action and the first backoff (doubling); defaults 3 and 500 ms. */
  retry?: { attempts: number; backoffMs: number };
  /** Where the state is saved on every change, for crash-resume; absent in drills and tests. */
  persist?: WindowFile;
  /** Set for a read-only viewer (another instance drives): why it may not act. */
  readOnly?: string;
}

export type Listener = (event: EngineEvent) => void;

export class Engine {
  readonly store: SeriesStore;
  state: WindowState;
  decisions: Decisions | null = null;
  health: SourceHealth = HEALTHY;
  /** Set while a rollback has been asked for but not read back from the load balancer. */
  unconfirmedRollback: { since: number; detail: string } | null = null;
  readonly retry: { attempts: number; backoffMs: number };
  readonly actions: EngineActions;
  readonly startedAt: number;
  readonly #listeners = new Set<Listener>();

  constructor(readonly deps: EngineDeps) {
    this.store = deps.store ?? new SeriesStore();
    // Weight 0 until the load balancer confirms the first phase (see start()); the report cadence starts now.
    this.startedAt = deps.clock.now();
    this.state = { ...initialWindow(deps.policy, this.startedAt), weight: 0, lastReportAt: this.startedAt };
    this.actions = new EngineActions(this);
    this.retry = deps.retry ?? { attempts: 3, backoffMs: 500 };
  }

  get policy(): Policy {
    return this.deps.policy;
  }

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const l of this.#listeners) l(event);
  }

  iso(at = this.deps.clock.now()): string {
    return new Date(at).toISOString();
  }

  /** The new state, saved before anyone is told (a viewer saves nothing). */
  commit(next: WindowState): void {
    this.state = next;
    if (!this.deps.readOnly) this.deps.persist?.save(next, this.deps.clock.now());
  }

  /** Carries on a window saved before a crash, instead of opening a new one. */
  resumeFrom(saved: WindowState): void {
    this.state = saved;
    this.#resumed = true;
  }

  #resumed = false;
  #historyAsked = false;

  /**
   * Opens the window: the first phase's weight goes to the load balancer,
   * confirmed. A resumed window instead reads the live weight back and says
   * so when it differs from what was saved; a viewer only watches.
   */
  async start(): Promise<ActionResult> {
    const { audit, meta, adapter } = this.deps;
    if (this.deps.readOnly) return { ok: true, detail: this.deps.readOnly };
    audit.append({ at: this.iso(), type: 'start', operator: meta.operator, mode: meta.mode, adapter: adapter.describe(), resumed: this.#resumed });
    if (!this.#resumed) return this.actions.open();
    const live = await adapter.getWeight().catch(() => ({ ok: false, weight: null, detail: 'read failed' }));
    const detail = live.ok && live.weight === this.state.weight
      ? `resumed phase ${this.state.phaseIndex + 1} at ${this.state.weight}%; the load balancer agrees`
      : `resumed phase ${this.state.phaseIndex + 1}: saved weight ${this.state.weight}% but the load balancer says ${live.weight ?? '?'}% (${live.detail})`;
    if (!live.ok || live.weight !== this.state.weight) this.emit({ type: 'error', at: this.iso(), message: detail });
    return { ok: true, detail };
  }

  /** One check: poll → store → rules → what the rules demand. */
  async check(): Promise<void> {
    // A viewer follows the driver's saved state rather than deciding anything itself.
    if (this.deps.readOnly) this.state = this.deps.persist?.load() ?? this.state;
    if (isTerminal(this.state)) return;
    const now = this.deps.clock.now();
    await this.#restoreChartOnce(now);
    let result: SourceResult;
    try {
      result = await this.deps.source.read(now);
    } catch (e) {
      result = { samples: [], problems: [{ kind: 'unreachable', message: `${this.deps.source.name}: ${describeError(e)}` }] };
    }
    this.store.push(result.samples);
    const health = nextHealth(this.health, result, now);
    for (const p of newProblems(this.health, health)) this.emit({ type: 'error', at: this.iso(now), message: p.message });
    this.health = health;
    const d = evaluate(this.policy, this.store.snapshot(), this.state, now);
    d.advanceBlockers.unshift(...sourceBlockers(health, now));
    for (const ev of triggerEvents(this.state.triggers, d.triggers, this.iso(now))) this.emit(ev);
    this.commit({ ...this.state, triggers: triggerStates(d) });
    this.decisions = d;
    this.emit({
      type: 'check', at: this.iso(now), phase: this.state.phaseIndex + 1, phaseStartedAt: this.iso(this.state.phaseStartedAt), weight: this.state.weight,
      windowStatus: this.state.status, status: d.status, recommendation: d.recommendation, because: d.because,
      gates: Object.fromEntries(d.gates.map((g) => [g.id, g.status])),
    });
    if (!this.deps.readOnly) await this.#actOnDecisions(d);
    this.#reportIfDue(now);
  }

  /** A resumed window or a viewer refills the chart of a phase that began before this process did; once (restore-history.ts). */
  async #restoreChartOnce(now: number): Promise<void> {
    if (this.#historyAsked || !(this.#resumed || this.deps.readOnly) || this.state.phaseStartedAt >= this.startedAt) return;
    this.#historyAsked = true;
    const since = this.state.phaseStartedAt;
    for (const e of await restoreHistory({ source: this.deps.source, store: this.store, since, now, stepMs: this.policy.checkIntervalMs })) this.emit(e);
  }

  async #actOnDecisions(d: Decisions): Promise<void> {
    const fired = d.triggers.find((t) => t.state.state === 'fired');
    if (fired && fired.state.state === 'fired' && this.policy.onTrigger === 'auto') {
      await this.actions.rollback(AUTO_OPERATOR, `trigger ${fired.def.id} fired: ${fired.state.reason}`);
      return;
    }
    const quietFor = this.deps.clock.now() - (this.health.lastSampleAt ?? this.startedAt);
    if (this.state.status === 'running' && quietFor >= this.policy.noDataHoldAfterMs) {
      await this.actions.hold(AUTO_OPERATOR, `no data for ${formatDuration(quietFor)}: holding until the IC resumes`);
      return;
    }
    const phase = this.policy.phases[this.state.phaseIndex]!;
    if (this.policy.autoAdvance && this.state.status === 'running' && d.advanceBlockers.length === 0 && !phase.requiresApproval) {
      await this.actions.advance(AUTO_OPERATOR, {});
    }
  }

  #reportIfDue(now: number): void {
    const last = this.state.lastReportAt ?? now;
    if (now - last < this.policy.reportEveryMs && !isTerminal(this.state)) return;
    this.commit({ ...this.state, lastReportAt: now });
    this.emit({ type: 'report', at: this.iso(now), text: this.report(now) });
  }

  /** The 15-minute report as of now; also what `c` copies. */
  report(now = this.deps.clock.now()): string {
    return buildReport({ meta: this.deps.meta, policy: this.policy, state: this.state, decisions: this.decisions, snapshot: this.store.snapshot(), now });
  }

  /** Runs checks until the window is decided, the source ends, or `signal` aborts. */
  async run(signal: AbortSignal): Promise<Outcome> {
    while (!signal.aborted) {
      await this.check();
      if (isTerminal(this.state)) return this.state.status as Outcome;
      const endsAt = this.deps.meta.endsAt;
      if (endsAt !== null && this.deps.clock.now() + this.policy.checkIntervalMs > endsAt) return 'ended';
      await this.deps.clock.wait(this.policy.checkIntervalMs, signal);
    }
    // The IC may have decided the window (r, y) while the loop waited for the next check.
    return isTerminal(this.state) ? (this.state.status as Outcome) : 'stopped';
  }
}
