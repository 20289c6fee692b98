/**
 * A live window: wall-clock time, Prometheus (direct or through Grafana) and
 * optionally the billing API. Secrets are resolved here, once, and
 * registered with the redactor before anything can print them.
 */
import { resolve } from 'node:path';
import { ScrubbingAuditLog } from '../audit/audit-log.js';
import { RealClock } from '../clock/clock.js';
import { lintPolicy } from '../config/lint.js';
import type { UserConfig } from '../config/schema.js';
import { Redactor } from '../config/secrets.js';
import { toPolicy } from '../config/to-policy.js';
import { buildLiveSource } from './live-source.js';
import type { RunOptions, WindowSetup } from './setup-window.js';
import { windowParts } from './window-parts.js';
import { windowAdapter } from './window-adapter.js';
import { viewerAdapter } from '../adapters/viewer-adapter.js';
import type { Adapter } from '../adapters/adapter.js';
import { liveWindowState, willOnlyWatch } from './live-window-state.js';
import { buildPreflight, plansRelease } from '../preflight/build-preflight.js';
import { prometheusRegions, prometheusScalar } from '../preflight/prometheus-scalar.js';

export async function setupLive(opts: RunOptions, config: UserConfig, env: NodeJS.ProcessEnv, startedAtReal: number): Promise<WindowSetup> {
  if (config.source?.type !== 'prometheus') throw new Error('setupLive needs a prometheus source');
  const file = resolve(opts.config!);
  const redactor = new Redactor();
  const policy = toPolicy(config);
  const source = buildLiveSource(config, file, env, redactor);
  const common = windowParts(config, opts, 'LIVE', startedAtReal, env);
  const where = { dir: common.auditDir, windowId: common.windowId, takeOver: opts.takeOver === true };
  // A viewer never builds the real adapter (a plugin's code, a socket). A driver builds it before it takes
  // the lock, so a bad adapter config exits 2 with the lock and the audit untouched.
  const real = willOnlyWatch(where) ? null : await windowAdapter(config, 'LIVE', opts.realAdapter === true, { file, env, redactor });
  const live = liveWindowState({
    ...where, operator: common.meta.operator, watchAfterGa: plansRelease(config),
    audit: new ScrubbingAuditLog(common.audit, (t) => redactor.scrub(t)), now: new Date(startedAtReal),
  });
  const adapter = live.readOnly ? viewerAdapter(config.adapter?.type ?? 'dry-run') : real ?? (await driverAdapterLate());
  /** The driver died between the look and the lock, so this instance drives after all. */
  async function driverAdapterLate(): Promise<Adapter> {
    try {
      return await windowAdapter(config, 'LIVE', opts.realAdapter === true, { file, env, redactor });
    } catch (e) {
      live.release?.();
      throw e;
    }
  }
  const preflight = buildPreflight(config, policy, common, prometheusScalar(config, file, env, redactor), prometheusRegions(config, file, env, redactor));
  return {
    ...common,
    ...live,
    ...(preflight ? { preflight } : {}),
    adapter,
    policy,
    meta: { ...common.meta, sourceName: source.name },
    clock: new RealClock(),
    source,
    lints: lintPolicy(policy),
    redactor,
    open: opts.open ? 'when-ready' : 'ic',
  };
}
