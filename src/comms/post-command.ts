/**
 * `canary-tui post ack|t-2h|t-1h|t-0 [--config FILE] [--at TIME]`: the post
 * on stdout, ready for #ship-room. A live config asks what the post needs
 * now (the region rule and trough from Prometheus, one round of pre-flight
 * probes with one read of the KPIs, the signatures file) and takes no lock.
 * A drill replays to `--at`, by default the post's own moment (T-2h, T-1h or
 * T-0 from window.start), and fills the post from the replayed window.
 */
import { resolve } from 'node:path';
import { initialWindow } from '../../rules/phases.js';
import { chooseRegion, troughStart } from '../../rules/region-choice.js';
import { loadConfig } from '../config/load-config.js';
import type { UserConfig } from '../config/schema.js';
import { Redactor } from '../config/secrets.js';
import { toPolicy } from '../config/to-policy.js';
import { InputError } from '../config/input-error.js';
import { nextHealth, HEALTHY } from '../engine/source-health.js';
import { buildPreflight } from '../preflight/build-preflight.js';
import { prometheusScalar } from '../preflight/prometheus-scalar.js';
import { hourly, readRegions } from '../preflight/region-command.js';
import { windowParts } from '../run/window-parts.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import { readLiveOnce, replayDrill } from './window-now.js';
import { POST_KINDS, releasePost, type PostContext, type PostKind } from './release-posts.js';

export interface PostOptions { config?: string; fixture?: string; at?: number; auditDir?: string }

const BEFORE_T0: Record<PostKind, number> = { ack: 2 * 3_600_000, 't-2h': 2 * 3_600_000, 't-1h': 3_600_000, 't-0': 0 };

export async function runPost(kind: string, opts: PostOptions, write: (s: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  if (!(POST_KINDS as readonly string[]).includes(kind)) throw new InputError('KIND', '', `one of ${POST_KINDS.join(', ')}; got ${JSON.stringify(kind.slice(0, 20))}`);
  const k = kind as PostKind;
  const user = opts.config ? await loadConfig(opts.config) : {};
  if (k === 't-0' && !user.release?.tag && user.source?.type === 'prometheus') throw new InputError(opts.config!, 'release.tag', 'the release tag vYYYYMMDD.X for the T-0 post');
  const ctx = user.source?.type === 'prometheus' && !opts.fixture ? await liveContext(user, resolve(opts.config!), opts, env, now) : await drillContext(k, opts, env, now);
  write(`${releasePost(k, ctx)}\n`);
  return 0;
}

async function liveContext(config: UserConfig, file: string, opts: PostOptions, env: NodeJS.ProcessEnv, now: number): Promise<PostContext> {
  const redactor = new Redactor();
  const policy = toPolicy(config);
  const parts = windowParts(config, { ...(opts.auditDir ? { auditDir: opts.auditDir } : {}) }, 'LIVE', now, env);
  let region: PostContext['region'] = null;
  let trough: PostContext['trough'] = null;
  if (config.regions && config.source?.type === 'prometheus') {
    const driver = createPrometheusDriver(config.source, { configFile: file, env, redactor });
    const choice = chooseRegion(await readRegions(driver, config.regions, now), { minSpare: config.regions.minSpare, tieWithin: config.regions.tieWithin });
    region = { chosen: choice.chosen, rationale: choice.rationale };
    if (choice.chosen && config.regions.troughQuery) trough = troughStart(await hourly(driver, config.regions.troughQuery.replaceAll('{{region}}', choice.chosen), now), now);
  }
  const host = buildPreflight(config, policy, parts, prometheusScalar(config, file, env, redactor));
  let preflight: PostContext['preflight'] = null;
  if (host) {
    // One round: the KPIs read once (the Prometheus and billing items), every probe asked once.
    const once = await readLiveOnce(config, file, env, redactor, policy, initialWindow(policy, now, 'ready', 0), now);
    host.tick(now, once.decisions, nextHealth(HEALTHY, once.read, now));
    await host.settled();
    preflight = host.view(now);
  }
  return { meta: parts.meta, config, region, trough, preflight, now };
}

async function drillContext(kind: PostKind, opts: PostOptions, env: NodeJS.ProcessEnv, now: number): Promise<PostContext> {
  // By default the post's own moment before T-0; a drill without a release, its start.
  const { setup, engine } = await replayDrill(opts, env, now, (s) => {
    const t0 = s.preflight?.windowStartAt ?? null;
    return opts.at ?? (t0 !== null ? t0 - BEFORE_T0[kind] : s.clock.now());
  });
  const view = engine.view();
  return { meta: setup.meta, config: setup.config ?? {}, region: view.preflight?.region ?? null, trough: null, preflight: view.preflight, now: view.now };
}
