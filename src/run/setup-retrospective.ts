/**
 * A past window replayed straight from Prometheus history: the live source,
 * asked at the virtual time of each check (`time=`), on a virtual clock that
 * starts at --from and ends at --to; the IC is in the loop with the real
 * keys. It is a rehearsal: dry-run unless --real-adapter, no lock, no saved
 * state, a new window id, and RETROSPECTIVE on screen, in the report and in
 * the audit.
 */
import { resolve } from 'node:path';
import { ScrubbingAuditLog } from '../audit/audit-log.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { InputError } from '../config/input-error.js';
import { lintPolicy } from '../config/lint.js';
import type { UserConfig } from '../config/schema.js';
import { Redactor } from '../config/secrets.js';
import { parseTimeArg } from '../config/time-arg.js';
import { toPolicy } from '../config/to-policy.js';
import { buildLiveSource } from './live-source.js';
import { DEFAULT_SPEED, type RunOptions, type WindowSetup } from './setup-window.js';
import { windowAdapter } from './window-adapter.js';
import { windowParts } from './window-parts.js';

export async function setupRetrospective(opts: RunOptions, config: UserConfig, env: NodeJS.ProcessEnv, startedAtReal: number): Promise<WindowSetup> {
  const from = parseTimeArg('--from', opts.from!, startedAtReal);
  const to = opts.to === undefined ? startedAtReal : parseTimeArg('--to', opts.to, startedAtReal);
  if (!(from < to)) throw new InputError('--from', '', `a time before --to (${new Date(to).toISOString()}), got ${new Date(from).toISOString()}`);
  if (to > startedAtReal + 60_000) throw new InputError('--to', '', `a time in the past (a retrospective replays history), got ${new Date(to).toISOString()}`);
  const file = resolve(opts.config!);
  const redactor = new Redactor();
  const policy = toPolicy(config);
  const source = buildLiveSource(config, file, env, redactor);
  const adapter = await windowAdapter(config, 'RETROSPECTIVE', opts.realAdapter === true, { file, env, redactor });
  const common = windowParts(config, opts, 'RETROSPECTIVE', startedAtReal, env);
  const speed = opts.speed ?? (opts.headless ? Number.POSITIVE_INFINITY : (config.rehearsal?.speed ?? DEFAULT_SPEED));
  return {
    ...common,
    audit: new ScrubbingAuditLog(common.audit, (t) => redactor.scrub(t)),
    adapter,
    redactor,
    policy,
    meta: { ...common.meta, speed: Number.isFinite(speed) ? speed : null, sourceName: `${source.name} history`, endsAt: to },
    clock: new VirtualClock(from, speed),
    source,
    lints: lintPolicy(policy),
    open: 'at-start',
  };
}
