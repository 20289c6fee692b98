/**
 * The pre-flight gate as the window runs it: ticked by every check, it
 * starts the synthetic monitor's and the dashboards' rounds, asks the
 * payment caps, takes the Prometheus and billing items from the check
 * itself, re-reads the signatures, and says GO or NO-GO (rules/preflight.ts).
 * Before T-0 (window.start) opening is NO-GO too: the directive executes at T-0.
 */
import type { Decisions } from '../../rules/evaluate.js';
import { formatDuration } from '../../rules/format.js';
import type { Policy } from '../../rules/policy.js';
import { checklistStatus, preflightStatus, preflightVerdict, type ItemStatus, type ProbeResult, type Signature } from '../../rules/preflight.js';
import { checkSignature, type ProbeKind } from '../../rules/preflight-items.js';
import type { RegionChoice } from '../../rules/region-choice.js';
import type { Role, Roster } from '../../rules/roles.js';
import type { UserConfig } from '../config/schema.js';
import type { SourceHealth } from '../engine/source-health.js';
import { SyntheticMonitor } from './synthetic-monitor.js';
import { capsProbe, type ScalarQuery } from './caps-probe.js';
import type { InfraLock } from './infra-lock.js';

/** Where signatures come from: the window's file, or a drill's record up to `now`. */
export interface SignatureSource {
  read(now: number): Signature[];
  /** Where a signature given in this window goes (the window's file, fsync'd); throws when it cannot be saved. */
  append(s: Signature): void;
  /** Why the signatures could not be read, when they could not. */
  readonly problem?: string | null;
}

export interface RecordedProbe { kind: ProbeKind; ok: boolean; at: number; detail: string }

export interface PreflightView {
  go: boolean;
  /** Why opening is NO-GO: items not GREEN, and T-0 not reached. */
  blockers: string[];
  /** T-0 not reached yet: when it is. */
  early: string | null;
  /** The region rule's choice and its rationale (config `regions`); null when the config has none. */
  region: { chosen: string | null; rationale: string } | null;
  items: ItemStatus[];
  /** The post-success checklist (lift caps, remove the infra lock, win note, cohort review). */
  checklist: ItemStatus[];
  windowStartAt: number | null;
  roster: Roster;
  monitor: ReturnType<SyntheticMonitor['statuses']>;
}

/**
 * Signatures more than this long before T-0 belong to another attempt (the
 * same tag retried another day after a rollback) and are signed again.
 */
const SIGNATURES_COUNT_FROM_MS = 12 * 3_600_000;

/** The payment caps are asked every this many checks. */
const CAPS_EVERY_CHECKS = 4;

export class PreflightHost {
  readonly windowStartAt: number | null;
  readonly roster: Roster;
  readonly monitor: SyntheticMonitor | null;
  readonly #dashboards: SyntheticMonitor | null;
  readonly #probes: Partial<Record<ProbeKind, ProbeResult>> = {};
  readonly #unconfigured: Partial<Record<ProbeKind, string>> = {};
  #capsAsking = false;
  #region: RegionChoice | null = null;
  /** Bumped by everything that changes the view between two calls at the same moment. */
  #changes = 0;
  #memo: { key: string; view: PreflightView } | null = null;
  #regionAskedAt: number | null = null;
  #monitorEveryMs: number;
  #monitorTimeoutMs: number;
  /** Read at every check (tick), not at every frame: `canary-tui sign` shows at the next check. */
  #signed: Signature[];
  #lastCapsAt: number | null = null;
  #lockAsking: Promise<void> | null = null;
  #capsPending: Promise<void> | null = null;
  #lastLockAt: number | null = null;

  constructor(
    config: UserConfig, private readonly policy: Policy, private readonly signatures: SignatureSource, private readonly scalar: ScalarQuery | null,
    /** A drill's recorded probes (fixture `preflight.probes`): each holds from its time until the next of its kind. */
    private readonly recorded: readonly RecordedProbe[] = [],
    /** The region rule against Prometheus (config `regions`), asked on the first check and every hour. */
    private readonly regions: ((at: number) => Promise<RegionChoice>) | null = null,
    /** The infra lock adapter (config `preflight.infraLock`): the lock is read back, and its removal confirmed by a read. */
    private readonly lock: InfraLock | null = null,
  ) {
    this.windowStartAt = config.window ? Date.parse(config.window.start) : null;
    this.roster = config.roster ?? {};
    const p = config.preflight;
    const timing = { intervalMs: p?.monitorEvery ?? 60_000, timeoutMs: p?.monitorTimeout ?? 5000 };
    this.#monitorEveryMs = timing.intervalMs;
    this.#monitorTimeoutMs = timing.timeoutMs;
    this.monitor = p?.healthEndpoints ? new SyntheticMonitor(p.healthEndpoints, timing) : null;
    this.#dashboards = p?.dashboards ? new SyntheticMonitor(p.dashboards, { ...timing, acceptRedirects: true }) : null;
    if (!this.monitor) this.#unconfigured['synthetic-monitor'] = 'no preflight.healthEndpoints in the config';
    if (!this.#dashboards) this.#unconfigured.dashboards = 'no preflight.dashboards in the config';
    if (!p?.paymentCaps || !scalar) this.#unconfigured['payment-caps'] = 'no preflight.paymentCaps queries in the config';
    if (!config.billing) this.#unconfigured.billing = 'no billing section in the config';
    else if (policy.costReconcileTolerance === null) this.#unconfigured.billing = 'no costReconcileTolerance in the config to reconcile cost telemetry with billing';
    for (const r of recorded) delete this.#unconfigured[r.kind];
    this.#signed = signatures.read(Number.NEGATIVE_INFINITY);
  }

  /** Called at every check: what the check saw, and time for the probes that are due. */
  tick(now: number, d: Decisions | null, health: SourceHealth, afterGa = false): void {
    this.#changes += 1;
    this.#signed = this.signatures.read(now);
    // A decided window reads nothing more: after GA only the signatures (the checklist) and the clock matter.
    if (afterGa) return;
    this.monitor?.tick(now);
    this.#dashboards?.tick(now);
    this.#probes.prometheus = prometheusProbe(now, d, health);
    const reconcile = d?.gates.find((g) => g.id === 'econ:reconcile');
    if (!this.#unconfigured.billing && reconcile) this.#probes.billing = { ok: reconcile.status === 'GREEN', at: now, detail: `${reconcile.status}: ${reconcile.reason}` };
    if (this.regions && (this.#regionAskedAt === null || now - this.#regionAskedAt >= 3_600_000)) {
      this.#regionAskedAt = now;
      void this.regions(now).then((c) => { this.#region = c; this.#changes += 1; }, () => { /* a failed ask leaves the last choice; the command says more */ });
    }
    for (const r of this.recorded) if (r.at <= now) this.#probes[r.kind] = { ok: r.ok, at: now, detail: r.detail };
    const every = this.policy.checkIntervalMs * CAPS_EVERY_CHECKS;
    if (this.scalar && !this.#unconfigured['payment-caps'] && !this.#capsAsking && (this.#lastCapsAt === null || now - this.#lastCapsAt >= every)) {
      this.#capsAsking = true;
      this.#lastCapsAt = now;
      this.#capsPending = capsProbe(this.scalar, this.policy, now).then((r) => { this.#probes['payment-caps'] = r; this.#capsAsking = false; this.#capsPending = null; this.#changes += 1; });
    }
    if (this.lock && !this.#lockAsking && (this.#lastLockAt === null || now - this.#lastLockAt >= every)) {
      this.#lastLockAt = now;
      this.#lockAsking = this.lock.read().then((r) => {
        const detail = r.state === 'unlocked' ? `${r.detail}: the infra lock is not set` : r.detail;
        this.#probes['infra-lock'] = { ok: r.state === 'locked', at: now, detail };
        this.#lockAsking = null;
        this.#changes += 1;
      });
    }
  }

  /**
   * Pre-flight at `now`. The faces ask it twice a frame (the open guard's facts
   * and the release view): computed once per moment and per change (a tick, a
   * signature, a probe's answer), not per caller.
   */
  view(now: number, promotedAt: number | null = null): PreflightView {
    const key = `${now}|${promotedAt}|${this.#changes}|${this.monitor?.rounds ?? 0}|${this.#dashboards?.rounds ?? 0}`;
    if (this.#memo?.key !== key) this.#memo = { key, view: this.#compute(now, promotedAt) };
    return this.#memo.view;
  }

  #compute(now: number, promotedAt: number | null): PreflightView {
    for (const [kind, m] of [['synthetic-monitor', this.monitor], ['dashboards', this.#dashboards]] as const) {
      const r = m?.probe();
      if (r) this.#probes[kind] = r;
    }
    const inputs = {
      promotedAt, signedFrom: this.windowStartAt === null ? Number.NEGATIVE_INFINITY : this.windowStartAt - SIGNATURES_COUNT_FROM_MS,
      now, probes: this.#probes, unconfigured: this.#unconfigured, signatures: this.#signed, roster: this.roster,
      // Each probe is asked on its own cadence (the monitor's, the caps' every 4 checks): stale only after two of its rounds are missed.
      ...(this.lock ? { readBacks: new Set<ProbeKind>(['infra-lock']) } : {}),
      maxProbeAgeMs: Math.max(2 * this.#monitorEveryMs + this.#monitorTimeoutMs, 2 * CAPS_EVERY_CHECKS * this.policy.checkIntervalMs, 3 * this.policy.checkIntervalMs),
    };
    const items = preflightStatus(inputs);
    const verdict = preflightVerdict(items);
    const early = this.windowStartAt !== null && now < this.windowStartAt
      ? [`T-0 is ${new Date(this.windowStartAt).toISOString().slice(11, 16)} UTC, in ${formatDuration(this.windowStartAt - now)}`] : [];
    const unreadable = this.signatures.problem ? [`the signatures file cannot be read (${this.signatures.problem})`] : [];
    return { go: verdict.go && !unreadable.length, blockers: [...verdict.blockers, ...unreadable, ...early], early: early[0] ?? null, region: this.#regionView(), items, checklist: checklistStatus(inputs), windowStartAt: this.windowStartAt, roster: this.roster, monitor: this.monitor?.statuses() ?? [] };
  }

  /**
   * A signature given in the TUI: checked against the roster, saved, seen at
   * once. Removing the infra lock with an adapter configured runs it first,
   * and is signed only when the lock reads back unlocked.
   */
  async sign(itemId: string, by: string, now: number): Promise<{ ok: true; item: string; role: Role; name: string; detail?: string } | { ok: false; field: string; why: string }> {
    const c = checkSignature(itemId, by, this.roster);
    if (!c.ok) return c;
    const removal = this.lock && c.item.id === 'remove-infra-lock' ? await this.lock.remove() : null;
    if (removal && !removal.ok) return { ok: false, field: 'lock', why: `the infra lock is not confirmed removed (${removal.detail}); nothing was signed` };
    try {
      this.signatures.append({ item: c.item.id, by: c.name, at: now });
    } catch (e) {
      return { ok: false, field: 'file', why: `the signature could not be saved (${(e as NodeJS.ErrnoException).code ?? 'write failed'}); nothing was signed` };
    }
    this.#signed = this.signatures.read(now);
    this.#changes += 1;
    return { ok: true, item: c.item.id, role: c.role, name: c.name, ...(removal ? { detail: removal.detail } : {}) };
  }

  #regionView(): PreflightView['region'] {
    if (!this.regions) return null;
    return this.#region ? { chosen: this.#region.chosen, rationale: this.#region.rationale } : { chosen: null, rationale: 'asking Prometheus for each region\'s 7-day RPS and spare capacity' };
  }

  settled(): Promise<unknown> {
    return Promise.all([this.monitor?.settled(), this.#dashboards?.settled(), this.#lockAsking, this.#capsPending]);
  }
}

function prometheusProbe(now: number, d: Decisions | null, health: SourceHealth): ProbeResult | undefined {
  if (!d) return undefined;
  if (health.unreachableSince !== null) return { ok: false, at: now, detail: health.problems[0]?.message ?? 'unreachable' };
  const missing = d.openBlockers.filter((b) => !b.startsWith('trigger '));
  return missing.length ? { ok: false, at: now, detail: missing.join('; ') } : { ok: true, at: now, detail: 'every gated KPI present for canary and control' };
}
