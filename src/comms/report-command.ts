/**
 * `canary-tui report [--config FILE] [--at TIME]`: the current 15-minute
 * report on stdout, for scripts. A live config reads Prometheus (and
 * billing) once, now, and judges the saved window state (READY at 0% when
 * the window has not started): it takes no lock and writes nothing, so it
 * is safe beside the IC's running window. A drill (no config, or a fixture
 * source) replays headless to `--at` (default: its end) and prints the
 * report as of then.
 */
import { join } from 'node:path';
import { evaluate } from '../../rules/evaluate.js';
import { initialWindow } from '../../rules/phases.js';
import { loadConfig } from '../config/load-config.js';
import { Redactor } from '../config/secrets.js';
import { toPolicy } from '../config/to-policy.js';
import { WindowFile } from '../engine/window-file.js';
import { buildReport } from '../report/slack-report.js';
import { createEngine } from '../run/create-engine.js';
import { buildLiveSource } from '../run/live-source.js';
import { setupWindow } from '../run/setup-window.js';
import { windowParts } from '../run/window-parts.js';
import { SeriesStore } from '../store/series-store.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface ReportOptions { config?: string; at?: number; auditDir?: string; fixture?: string }

export async function runReport(opts: ReportOptions, write: (s: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const user = opts.config ? await loadConfig(opts.config) : {};
  if (user.source?.type === 'prometheus' && !opts.fixture) {
    const policy = toPolicy(user);
    const redactor = new Redactor();
    const source = buildLiveSource(user, opts.config!, env, redactor);
    const parts = windowParts(user, { ...(opts.auditDir ? { auditDir: opts.auditDir } : {}) }, 'LIVE', now, env);
    const saved = new WindowFile(join(parts.auditDir, `${parts.windowId}.state.json`)).load();
    const state = saved ?? initialWindow(policy, now, 'ready', 0);
    const read = await source.read(now);
    const store = new SeriesStore();
    store.push(read.samples);
    const decisions = evaluate(policy, store.snapshot(), state, now);
    const text = buildReport({ meta: { ...parts.meta, sourceName: source.name }, policy, state, decisions, snapshot: store.snapshot(), now });
    write(`${redactor.scrub(text)}\n`);
    return 0;
  }
  // A drill: replayed headless in a scratch folder (a report asks for no audit of its own), up to --at.
  const setup = await setupWindow({ headless: true, auditDir: mkdtempSync(join(tmpdir(), 'canary-report-')), ...(opts.config ? { config: opts.config } : {}), ...(opts.fixture ? { fixture: opts.fixture } : {}) }, env, now);
  if (opts.at !== undefined) setup.meta.endsAt = Math.min(setup.meta.endsAt ?? opts.at, opts.at);
  const engine = createEngine(setup);
  await engine.start();
  await engine.run(new AbortController().signal);
  write(`${engine.report()}\n`);
  return 0;
}
