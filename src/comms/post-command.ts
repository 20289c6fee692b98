/**
 * `canary-tui post ack|t-2h|t-1h|t-0 [--config FILE] [--at TIME]`: the post
 * on stdout, ready for #ship-room. A live config asks what the post needs
 * now (the region rule and trough from Prometheus, one round of pre-flight
 * probes with one read of the KPIs, the signatures file) and takes no lock.
 * A drill replays to `--at`, by default the post's own moment (T-2h, T-1h or
 * T-0 from window.start), and fills the post from the replayed window.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluate } from '../../rules/evaluate.js';
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
import { createEngine } from '../run/create-engine.js';
import { buildLiveSource } from '../run/live-source.js';
import { setupWindow } from '../run/setup-window.js';
import { windowParts } from '../run/window-parts.js';
import { createPrometheusDriver } from '../sources/prometheus/prometheus-client.js';
import { SeriesStore } from '../store/series-store.js';
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
    const read = await buildLiveSource(config, file, env, redactor).read(now);
    const store = new SeriesStore();
    store.push(read.samples);
    const d = evaluate(policy, store.snapshot(), initialWindow(policy, now, 'ready', 0), now);
    host.tick(now, d, nextHealth(HEALTHY, read, now));
    await host.settled();
    preflight = host.view(now);
  }
  return { meta: parts.meta, config, region, trough, preflight, now };
}

async function drillContext(kind: PostKind, opts: PostOptions, env: NodeJS.ProcessEnv, now: number): Promise<PostContext> {
  const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'canary-post-')), ...(opts.config ? { config: opts.config } : {}), ...(opts.fixture ? { fixture: opts.fixture } : {}) }, env, now);
  const config = setup.config ?? {};
  const t0 = setup.preflight?.windowStartAt ?? null;
  const at = opts.at ?? (t0 !== null ? t0 - BEFORE_T0[kind] : setup.clock.now());
  setup.meta.endsAt = at;
  const engine = createEngine(setup);
  await engine.start();
  await engine.run(new AbortController().signal);
  const view = engine.view();
  return { meta: setup.meta, config, region: view.preflight?.region ?? null, trough: null, preflight: view.preflight, now: view.now };
}
