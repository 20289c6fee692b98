/**
 * Flags and files → everything a window needs: policy, clock, source,
 * adapter, audit, meta. All validation happens here, before anything runs,
 * so bad input changes nothing.
 */
import { resolve } from 'node:path';
import { lintPolicy, type Lint } from '../config/lint.js';
import { Redactor } from '../config/secrets.js';
import { buildSlack, type SlackPoster } from '../comms/slack-post.js';
import { buildGrafana, type GrafanaAnnotator } from '../comms/grafana-annotations.js';
import { loadConfig } from '../config/load-config.js';
import { InputError } from '../config/input-error.js';
import type { UserConfig } from '../config/schema.js';
import { mergeConfigs, toPolicy } from '../config/to-policy.js';
import type { Policy } from '../../rules/policy.js';
import type { WindowState } from '../../rules/phases.js';
import type { WindowFile } from '../engine/window-file.js';
import type { Adapter } from '../adapters/adapter.js';
import type { AuditSink } from '../audit/audit-log.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import type { Clock } from '../clock/clock.js';
import { loadDrill, loadSourceDrill } from '../fixture/drill-file.js';
import { FixtureSource } from '../sources/fixture-source.js';
import { RecordedReadsSource } from '../sources/recorded-reads-source.js';
import type { Fixture } from '../fixture/schema.js';
import type { Source } from '../sources/source.js';
import type { WindowMeta } from '../engine/window-meta.js';
import type { PreflightHost } from '../preflight/preflight-host.js';
import { buildDrillPreflight } from '../preflight/build-preflight.js';
import type { OpenPolicy } from '../engine/engine.js';
import { decideMode } from './run-mode.js';
import type { RunMode } from '../engine/window-meta.js';
import { bundledDrillPath } from './bundled-drill.js';
import { windowParts } from './window-parts.js';
import { windowAdapter } from './window-adapter.js';

export interface RunOptions {
  config?: string;
  fixture?: string;
  headless?: boolean;
  speed?: number;
  auditDir?: string;
  operator?: string;
  /** Take the driver lock from a live instance (audited). */
  takeOver?: boolean;
  /** Let a rehearsal drive the configured load balancer; without it a rehearsal stays on dry-run. */
  realAdapter?: boolean;
  /** Open a live window without the IC's key (headless needs it); drills always open by themselves. */
  open?: boolean;
  /** Set by the `rehearse` command: whatever the source, this run is never LIVE. */
  rehearse?: boolean;
  /** A retrospective rehearsal's window (RFC 3339 or relative, e.g. -6h); `to` defaults to now. */
  from?: string;
  to?: string;
  /** Append every read and load-balancer answer of this window to this file (a recording `rehearse FILE` replays). */
  record?: string;
}

export interface WindowSetup {
  policy: Policy;
  meta: WindowMeta;
  clock: Clock;
  source: Source;
  adapter: Adapter;
  audit: AuditSink;
  lints: Lint[];
  /** A live window saved before a crash, to carry on from. */
  resume?: WindowState;
  /** Saves the state on every change (live windows). */
  persist?: WindowFile;
  /** Why this instance may only watch (another one drives the window). */
  readOnly?: string;
  /** Releases the driver lock on the way out. */
  release?: () => void;
  /** Scrubs resolved secrets from any text leaving the process; absent when no secret was resolved. */
  redactor?: Redactor;
  /** How the window opens (engine.ts): a drill at once, a live one on the IC's key or with --open. */
  open: OpenPolicy;
  /** This window's id and folder: the audit, the state and copied reports live there. */
  windowId: string;
  auditDir: string;
  /** The pre-flight gate, when the config plans the release around the window (build-preflight.ts). */
  preflight?: PreflightHost;
  /** The decision a drill's fixture says the directive requires; its score compares (drill-score.ts). */
  drillExpect?: Fixture['expect'];
  /** Where `p` posts the report (config slack), secret resolved. */
  slack?: SlackPoster | null;
  /** Where the window's actions are annotated (config grafana, a live window only), token resolved. */
  grafana?: GrafanaAnnotator;
  /** The config the window runs with (a drill's own under the user's): the posts read the roster, links and window from it. */
  config?: UserConfig;
}

/** Default rehearsal pace: the bundled three-hour drill plays in about three minutes. */
export const DEFAULT_SPEED = 60;

export async function setupWindow(opts: RunOptions, env: NodeJS.ProcessEnv, startedAtReal: number): Promise<WindowSetup> {
  if (opts.speed !== undefined && !(opts.speed > 0)) throw new InputError('--speed', '', `a number above 0, got ${opts.speed}`);
  const user: UserConfig = opts.config ? await loadConfig(opts.config) : {};
  const recording = opts.record ? await import('../record/record-setup.js') : null;
  // A folder or another file as --record is refused before a live window takes its lock.
  if (recording) recording.checkRecordTarget(opts.record!);
  // Resolved before the window's folder exists: a missing webhook secret is bad input that writes nothing.
  const slack = buildSlack(user, opts.config ?? '', env, new Redactor());
  const mode = decideMode(opts, user);
  // Only a live window annotates, so only a live window needs (and resolves) the token.
  const grafana = mode === 'LIVE' ? buildGrafana(user, opts.config ?? '', env, new Redactor()) : null;
  const { setup, config } = await setupFor(mode, opts, user, env, startedAtReal);
  if (slack) {
    slack.registerWith((setup.redactor ??= new Redactor()));
    setup.slack = slack;
  }
  // A drill must not draw on production dashboards: annotations are for a live window.
  if (grafana) {
    (setup.redactor ??= new Redactor()).add(grafana.secret);
    setup.grafana = grafana;
  }
  setup.config = config;
  if (!recording) return setup;
  try {
    return recording.withRecording(setup, opts.record!, config, startedAtReal);
  } catch (e) {
    setup.release?.();
    throw e;
  }
}

/** The window for its mode, and the config it runs with (a recording keeps its policy). */
async function setupFor(mode: RunMode, opts: RunOptions, user: UserConfig, env: NodeJS.ProcessEnv, startedAtReal: number): Promise<{ setup: WindowSetup; config: UserConfig }> {
  if (mode === 'LIVE') {
    // Loaded on demand, so a drill never loads the Prometheus client (axios and its Node modules) before its first frame.
    const { setupLive } = await import('./setup-live.js');
    return { setup: await setupLive(opts, user, env, startedAtReal), config: user };
  }
  if (mode === 'RETROSPECTIVE') {
    const { setupRetrospective } = await import('./setup-retrospective.js');
    return { setup: await setupRetrospective(opts, user, env, startedAtReal), config: user };
  }
  // A drill named by the config's source.path is bad input at that line of the config, as `check` reports it.
  const { fixture, path: fixturePath, config: drillConfig } = opts.fixture
    ? await loadDrill(resolve(opts.fixture))
    : user.source?.type === 'fixture'
      ? await loadSourceDrill(opts.config!, user.source.path)
      : await loadDrill(bundledDrillPath());
  const config = mergeConfigs(drillConfig, user);
  const policy = toPolicy(config);
  const speed = opts.speed ?? (opts.headless ? Number.POSITIVE_INFINITY : (config.rehearsal?.speed ?? DEFAULT_SPEED));
  // The adapter comes from the user's config when it names one, else from the drill's own.
  const adapterFile = user.adapter ? resolve(opts.config!) : fixturePath;
  const redactor = new Redactor();
  // The adapter is built (secrets resolved) before windowParts, which creates the audit folder: bad input writes nothing.
  const adapter = await windowAdapter(config, 'REHEARSAL', opts.realAdapter === true, { file: adapterFile, env, redactor });
  const common = windowParts(config, opts, 'REHEARSAL', startedAtReal, env);
  // A window's own recording replays its reads as they were; a drill replays its series.
  const source = fixture.reads ? new RecordedReadsSource(fixture.readsFrom ?? fixture.name, fixture.reads, policy.checkIntervalMs) : new FixtureSource(fixture);
  const setup: WindowSetup = {
    ...common,
    adapter,
    redactor,
    policy,
    meta: { ...common.meta, speed: Number.isFinite(speed) ? speed : null, sourceName: fixture.reads ? `recording ${fixture.name} (${source.name})` : source.name, endsAt: Date.parse(fixture.end) },
    clock: new VirtualClock(Date.parse(fixture.start), speed),
    source,
    lints: lintPolicy(policy),
    open: 'at-start',
    ...(fixture.expect ? { drillExpect: fixture.expect } : {}),
  };
  const preflight = buildDrillPreflight(config, policy, common, fixture.preflight);
  if (preflight) {
    setup.preflight = preflight;
    // A drill of the whole release opens at T-0 like a live one: by the IC's key, or headless once pre-flight is GO.
    setup.open = opts.headless ? 'when-ready' : 'ic';
  }
  return { setup, config };
}
