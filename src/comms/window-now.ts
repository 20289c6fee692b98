/**
 * The window as of one moment, for the commands that print from it
 * (`report`, `post`) without driving it: a drill replayed headless to a
 * virtual time in a scratch folder, or a live config's KPIs read once. Never
 * a lock, never the window's own audit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type Decisions } from '../../rules/evaluate.js';
import type { WindowState } from '../../rules/phases.js';
import type { Policy } from '../../rules/policy.js';
import type { UserConfig } from '../config/schema.js';
import type { Redactor } from '../config/secrets.js';
import type { Engine } from '../engine/engine.js';
import { createEngine } from '../run/create-engine.js';
import { buildLiveSource } from '../run/live-source.js';
import { setupWindow, type WindowSetup } from '../run/setup-window.js';
import type { SourceResult } from '../sources/source.js';
import { SeriesStore } from '../store/series-store.js';

export interface DrillChoice { config?: string; fixture?: string }

/** The drill replayed to `until(setup)` (undefined: its end). */
export async function replayDrill(opts: DrillChoice, env: NodeJS.ProcessEnv, now: number, until: (setup: WindowSetup) => number | undefined): Promise<{ setup: WindowSetup; engine: Engine }> {
  const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'canary-now-')), ...(opts.config ? { config: opts.config } : {}), ...(opts.fixture ? { fixture: opts.fixture } : {}) }, env, now);
  const at = until(setup);
  if (at !== undefined) setup.meta.endsAt = Math.min(setup.meta.endsAt ?? at, at);
  const engine = createEngine(setup);
  await engine.start();
  await engine.run(new AbortController().signal);
  return { setup, engine };
}

/** A live config's KPIs read once at `now`, judged against `state`. */
export async function readLiveOnce(config: UserConfig, file: string, env: NodeJS.ProcessEnv, redactor: Redactor, policy: Policy, state: WindowState, now: number): Promise<{ read: SourceResult; store: SeriesStore; decisions: Decisions; sourceName: string }> {
  const source = buildLiveSource(config, file, env, redactor);
  const read = await source.read(now);
  const store = new SeriesStore();
  store.push(read.samples);
  return { read, store, decisions: evaluate(policy, store.snapshot(), state, now), sourceName: source.name };
}
