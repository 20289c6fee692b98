/**
 * One engine, several faces (TUI, headless, rehearsal): the shell around the
 * window's state machine (rules/window-machine.ts). A check polls the
 * source, updates the store and runs the pure rules; whatever the rules then
 * demand goes through the one command queue (window-commands.ts) like a key
 * press does. Faces read `view()`, a read-only snapshot, and hear events.
 */
import { currentVerdict, evaluate, triggerStates, type Decisions } from '../../rules/evaluate.js';
import { initialWindow, isTerminal, type WindowState } from '../../rules/phases.js';
import type { Policy } from '../../rules/policy.js';
import type { Facts } from '../../rules/window-machine.js';
import { ownCommand } from './own-command.js';
import type { Adapter } from '../adapters/adapter.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { Outcome } from '../exit-codes.js';
import type { Source, SourceResult } from '../sources/source.js';
import { SeriesStore } from '../store/series-store.js';
import { describeError } from './apply-weight.js';
import type { ActionResult, CommandHost } from './command-host.js';
import { EngineActions } from './engine-verbs.js';
import { gatingSnapshot } from './gating-snapshot.js';
import { reconcileWeight } from './weight-drift.js';
import { WriteHealth } from './write-health.js';
import { factsOf } from './engine-facts.js';
import { checkTime } from './check-schedule.js';
import { runLoop } from './run-loop.js';
import { ReleaseTrack } from './release-track.js';
import { EventHub, StableRestartNews } from './event-hub.js';
import type { EngineEvent } from './events.js';
import { restoreHistory } from './restore-history.js';
import { HEALTHY, newProblems, nextHealth, sourceBlockers, type SourceHealth } from './source-health.js';
import { triggerEvents } from './trigger-events.js';
import { WindowCommands } from './window-commands.js';
import type { WindowFile } from './window-file.js';
import { AUTO_OPERATOR, type WindowMeta } from './window-meta.js';
import type { EngineDeps, Listener, OpenPolicy } from './engine-deps.js';
import { unconfirmedOf, viewOf, type EngineView, type WeightReadBack } from './engine-view.js';

export type { ActionResult } from './command-host.js';

export type { EngineDeps, Listener, OpenPolicy } from './engine-deps.js';

export class Engine implements CommandHost {
  readonly store: SeriesStore;
  #state: WindowState;
  #decisions: Decisions | null = null;
  #health: SourceHealth = HEALTHY;
  #readBack: WeightReadBack | null = null;
  /** Bumped by every committed weight change: a read-back older than the latest change says nothing about it. */
  #weightEpoch = 0;
  readonly #writes: WriteHealth;
  #stopped = false;
  readonly #stableNews = new StableRestartNews();
  readonly #release: ReleaseTrack | null;
  readonly #hub = new EventHub();
  readonly retry: { attempts: number; backoffMs: number };
  readonly commands: WindowCommands;
  readonly actions: EngineActions;
  readonly startedAt: number;
  readonly openPolicy: OpenPolicy;

  constructor(readonly deps: EngineDeps) {
    this.store = deps.store ?? new SeriesStore();
    this.#writes = new WriteHealth(deps.audit, deps.persist);
    this.#release = deps.preflight ? new ReleaseTrack(deps.preflight, deps.audit, deps.readOnly !== undefined, deps.policy) : null;
    this.startedAt = deps.clock.now();
    this.openPolicy = deps.open ?? (deps.meta.mode === 'LIVE' ? 'ic' : 'at-start');
    // Weight 0 and READY until the load balancer confirms the first phase; the report cadence starts now.
    this.#state = { ...initialWindow(deps.policy, this.startedAt, 'ready', 0), lastReportAt: this.startedAt };
    this.retry = deps.retry ?? { attempts: 3, backoffMs: 500 };
    this.commands = new WindowCommands(this);
    this.actions = new EngineActions(this.commands);
  }

  get policy(): Policy { return this.deps.policy; }
  get clock(): Clock { return this.deps.clock; }
  get adapter(): Adapter { return this.deps.adapter; }
  get audit(): AuditSink { return this.deps.audit; }
  get readOnly(): string | undefined { return this.deps.readOnly; }
  /** The release around the window (pre-flight, lifecycle); null when the config plans none. */
  get release(): ReleaseTrack | null { return this.#release; }
  /** Read-only accessors for tests; faces use view(). */
  get state(): WindowState { return this.#state; }
  get decisions(): Decisions | null { return this.#decisions; }
  get health(): SourceHealth { return this.#health; }
  get unconfirmedRollback(): { since: number; detail: string } | null { return unconfirmedOf(this.#state); }

  on(listener: Listener): () => void {
    return this.#hub.on(listener);
  }

  emit(event: EngineEvent): void {
    this.#hub.tell(event);
    // A phase change moves the release's stage at once (RUNNING at the open, ROLLED BACK at the rollback), not at the next check.
    if (event.type === 'phase' && this.#release) {
      const now = this.deps.clock.now();
      const e = this.#release.stageNews(this.#state, this.#decisions, now, this.iso(now));
      if (e) this.emit(e);
    }
  }

  iso(at = this.deps.clock.now()): string {
    return new Date(at).toISOString();
  }

  /** The one snapshot every face reads. */
  view(): EngineView {
    const now = this.deps.clock.now();
    const f = this.facts(now);
    const release = this.#release?.view(this.#state, this.#decisions, now) ?? {};
    return viewOf({ state: this.#state, decisions: this.#decisions, health: this.#health, readBack: this.#readBack, store: this.store, now, openBlockers: f.openBlockers, weightUnknown: f.weightUnknown === true, actions: this.#hub.actions, ...release });
  }

  /** The new state, saved before anyone is told (a viewer saves nothing). */
  commit(next: WindowState): void {
    if (next.weight !== this.#state.weight) this.#weightEpoch += 1;
    this.#state = next;
    if (!this.deps.readOnly) this.#writes.save(next, this.deps.clock.now());
  }

  current(): WindowState { return this.#state; }

  gates() { return this.#decisions?.gates ?? []; }

  facts(now: number): Facts {
    const unwritten = this.deps.readOnly ? [] : this.#writes.problems();
    const preflight = this.#release?.blockers(now);
    const ceo = this.deps.preflight?.roster.ceo?.name;
    return { ...factsOf({ now, decisions: this.#decisions, health: this.#health, readBack: this.#readBack, unwritten, openPolicy: this.openPolicy }), ...(preflight ? { preflight } : {}), ...(ceo ? { ceo } : {}) };
  }

  /** Carries on a window saved before a crash, instead of opening a new one. */
  resumeFrom(saved: WindowState): void {
    this.#state = saved;
    this.#resumed = true;
  }

  #resumed = false;
  #historyAsked = false;

  /**
   * A drill opens at once. A live window reads the load balancer's weight
   * and waits READY; a resumed one reads it back too and, when the load
   * balancer disagrees with what was saved, holds at the weight it reads.
   */
  async start(): Promise<ActionResult> {
    const { audit, meta, adapter } = this.deps;
    if (this.deps.readOnly) return { ok: true, detail: this.deps.readOnly };
    audit.append({ at: this.iso(), type: 'start', operator: meta.operator, mode: meta.mode, adapter: adapter.describe(), resumed: this.#resumed, open: this.openPolicy });
    if (!this.#resumed && this.openPolicy === 'at-start') {
      return this.commands.submit({ type: 'open', operator: meta.operator, reason: 'drill opens at phase 1' });
    }
    const live = await this.#readWeight();
    if (!this.#resumed) {
      if (live.ok && live.weight !== null) this.commit({ ...this.#state, weight: live.weight });
      return { ok: true, detail: live.ok ? `READY at ${live.weight}%: the load balancer agrees` : `READY: ${live.detail}` };
    }
    const s = this.#state;
    if (live.ok && live.weight === s.weight) return { ok: true, detail: `resumed phase ${s.phaseIndex + 1} at ${s.weight}%; the load balancer agrees` };
    const detail = `resumed phase ${s.phaseIndex + 1}: saved weight ${s.weight}% but the load balancer says ${live.weight ?? '?'}% (${live.detail})`;
    this.emit({ type: 'error', at: this.iso(), message: detail });
    if (live.ok && live.weight !== null) {
      const held = s.status === 'running' || s.status === 'held' ? { status: 'held' as const, holdReason: detail } : {};
      this.commit({ ...s, weight: live.weight, ...held });
    }
    return { ok: true, detail };
  }

  async #readWeight(): Promise<WeightReadBack> {
    const at = this.deps.clock.now();
    const live = await this.deps.adapter.getWeight().catch((e: unknown) => ({ ok: false, weight: null, detail: `read failed: ${describeError(e)}` }));
    this.#readBack = { ok: live.ok && live.weight !== null, weight: live.weight, detail: live.detail, at };
    return this.#readBack;
  }

  /**
   * One check: poll → store → rules → what the rules demand. The poll runs
   * outside the command queue (a slow Prometheus must not delay the IC's
   * rollback); judging and acting run inside it, so no command ever
   * decides on one check's gates while another check replaces them.
   */
  /** One check, at `due` (its slot on the grid, see check-schedule.ts) when given, else now. */
  async check(due?: number): Promise<void> {
    // A viewer follows the driver's saved state rather than deciding anything itself.
    if (this.deps.readOnly) this.#state = this.deps.persist?.load() ?? this.#state;
    const now = checkTime(due, this.deps.clock.now(), this.policy.checkIntervalMs);
    // After GA only the release is watched (the checklist, the freeze); a decided window reads nothing more.
    if (isTerminal(this.#state)) {
      if (this.#release?.goesOn(this.#state)) for (const e of this.#release.onCheck(this.#state, this.#decisions, this.#health, now, this.iso(now))) this.emit(e);
      return;
    }
    await this.#restoreChartOnce(now);
    let result: SourceResult;
    try {
      result = await this.deps.source.read(now);
    } catch (e) {
      result = { samples: [], problems: [{ kind: 'unreachable', message: `${this.deps.source.name}: ${describeError(e)}` }] };
    }
    // Read outside the queue too (a slow load balancer must not hold up the IC's rollback); a move that lands meanwhile voids it.
    const epoch = this.#weightEpoch;
    const back = this.deps.readOnly || this.#state.status === 'rolling-back' ? null : await this.#readWeight();
    await this.commands.inLine(() => this.#judge(result, now, epoch === this.#weightEpoch ? back : null));
  }

  async #judge(result: SourceResult, now: number, back: WeightReadBack | null): Promise<void> {
    if (isTerminal(this.#state)) return;
    if (!this.deps.readOnly) for (const message of this.#writes.news()) this.emit({ type: 'error', at: this.iso(now), message });
    if (back && this.#state.status !== 'rolling-back') this.#reconcileWeight(back, now);
    this.store.push(result.samples);
    const health = nextHealth(this.#health, result, now);
    for (const p of newProblems(this.#health, health)) this.emit({ type: 'error', at: this.iso(now), message: p.message });
    this.#health = health;
    const d = evaluate(this.policy, gatingSnapshot(this.store.snapshot(), result, now), this.#state, now);
    d.advanceBlockers.unshift(...sourceBlockers(health, now));
    for (const ev of triggerEvents(this.#state.triggers, d.triggers, this.iso(now))) {
      if (!this.deps.readOnly && ev.type === 'trigger') this.deps.audit.append({ ...ev, operator: AUTO_OPERATOR });
      this.emit(ev);
    }
    this.commit({ ...this.#state, triggers: triggerStates(d), ...(d.stable ? { stableSince: d.stable.since } : {}) });
    const restarted = this.#stableNews.next(d.stable?.resetBy);
    if (restarted) {
      if (!this.deps.readOnly) this.deps.audit.append({ at: this.iso(now), type: 'lifecycle', operator: AUTO_OPERATOR, stage: 'STABLE AT 100%', next: restarted });
      this.emit({ type: 'lifecycle', at: this.iso(now), stage: 'STABLE AT 100%', message: restarted });
    }
    this.#decisions = d;
    for (const e of this.#release?.onCheck(this.#state, d, health, now, this.iso(now)) ?? []) this.emit(e);
    this.emit({
      type: 'check', at: this.iso(now), phase: this.#state.phaseIndex + 1, phaseStartedAt: this.iso(this.#state.phaseStartedAt), weight: this.#state.weight,
      windowStatus: this.#state.status, status: d.status, ...currentVerdict(this.#state, d),
      gates: Object.fromEntries(d.gates.map((g) => [g.id, g.status])),
    });
    if (!this.deps.readOnly) await this.#actOnDecisions(d);
    this.#reportIfDue(now);
  }

  /** Compares a read taken since the last weight change with the state (weight-drift.ts). */
  #reconcileWeight(back: WeightReadBack, now: number): void {
    const drift = reconcileWeight(this.#state, back);
    if (!drift) return;
    this.commit(drift.next);
    if (drift.message === null) return;
    this.deps.audit.append({ at: this.iso(now), type: 'weight-drift', operator: AUTO_OPERATOR, fromWeight: drift.from, toWeight: drift.next.weight, reason: drift.message });
    this.emit({ type: 'error', at: this.iso(now), message: drift.message });
  }

  /** A resumed window or a viewer refills the chart of a phase that began before this process did; once (restore-history.ts). */
  async #restoreChartOnce(now: number): Promise<void> {
    if (this.#historyAsked || !(this.#resumed || this.deps.readOnly) || this.#state.phaseStartedAt >= this.startedAt) return;
    this.#historyAsked = true;
    const since = this.#state.phaseStartedAt;
    for (const e of await restoreHistory({ source: this.deps.source, store: this.store, since, now, stepMs: this.policy.checkIntervalMs })) this.emit(e);
  }

  /** The engine's own command (own-command.ts), run within this check's turn of the queue, with the same guards as the IC's. */
  async #actOnDecisions(d: Decisions): Promise<void> {
    const now = this.deps.clock.now();
    const command = ownCommand({
      policy: this.policy, state: this.#state, decisions: d, facts: this.facts(now), openPolicy: this.openPolicy,
      operator: this.deps.meta.operator, quietForMs: now - (this.#health.lastSampleAt ?? this.startedAt),
    });
    if (command) await this.commands.executeInLine(command);
  }

  #reportIfDue(now: number): void {
    const last = this.#state.lastReportAt ?? now;
    if (now - last < this.policy.reportEveryMs && !isTerminal(this.#state)) return;
    this.commit({ ...this.#state, lastReportAt: now });
    this.emit({ type: 'report', at: this.iso(now), text: this.report() });
  }

  /** The 15-minute report as of now, from the injected reporter. */
  report(): string {
    return this.deps.reporter ? this.deps.reporter(this.view()) : '';
  }

  /**
   * Leaving before the window is decided: audited once, with the weight the
   * canary stays at (as last read back), after any move under way finished.
   */
  stop(operator: string, reason: string): Promise<void> {
    return this.commands.inLine(() => {
      if (this.#stopped || this.deps.readOnly) return;
      this.#stopped = true;
      const s = this.#state;
      const at = this.iso();
      this.deps.audit.append({ at, type: 'stop', operator, weight: s.weight, windowStatus: s.status, phase: s.phaseIndex + 1, reason });
      this.emit({ type: 'stop', at, operator, weight: s.weight, windowStatus: s.status, reason });
    });
  }

  /** Checks until the window is decided, the source ends, or `signal` aborts (run-loop.ts). */
  run(signal: AbortSignal): Promise<Outcome> {
    return runLoop(this, signal);
  }
}
