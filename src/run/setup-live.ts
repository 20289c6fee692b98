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
import { liveWindowState } from './live-window-state.js';

export async function setupLive(opts: RunOptions, config: UserConfig, env: NodeJS.ProcessEnv, startedAtReal: number): Promise<WindowSetup> {
  if (config.source?.type !== 'prometheus') throw new Error('setupLive needs a prometheus source');
  const file = resolve(opts.config!);
  const redactor = new Redactor();
  const policy = toPolicy(config);
  const source = buildLiveSource(config, file, env, redactor);
  const common = await windowParts(config, opts, 'LIVE', startedAtReal, { file, env, redactor });
  const live = liveWindowState({
    dir: common.auditDir, windowId: common.windowId, operator: common.meta.operator, takeOver: opts.takeOver === true,
    audit: new ScrubbingAuditLog(common.audit, (t) => redactor.scrub(t)), now: new Date(startedAtReal),
  });
  return {
    ...common,
    ...live,
    policy,
    meta: { ...common.meta, sourceName: source.name },
    clock: new RealClock(),
    source,
    lints: lintPolicy(policy),
    redactor,
  };
}
