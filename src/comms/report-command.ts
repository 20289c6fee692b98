/**
 * `canary-tui report [--config FILE] [--at TIME]`: the current 15-minute
 * report on stdout, for scripts. A live config reads Prometheus (and
 * billing) once, now, and judges the saved window state (READY at 0% when
 * the window has not started): it takes no lock and writes nothing, so it
 * is safe beside the IC's running window. A drill (no config, or a fixture
 * source) replays headless to `--at` (default: its end) and prints the
 * report as of then.
 */
import { join, resolve } from 'node:path';
import { initialWindow } from '../../rules/phases.js';
import { loadConfig } from '../config/load-config.js';
import { Redactor } from '../config/secrets.js';
import { toPolicy } from '../config/to-policy.js';
import { WindowFile } from '../engine/window-file.js';
import { buildReport } from '../report/slack-report.js';
import { windowParts } from '../run/window-parts.js';
import { readLiveOnce, replayDrill } from './window-now.js';

export interface ReportOptions { config?: string; at?: number; auditDir?: string; fixture?: string }

export async function runReport(opts: ReportOptions, write: (s: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const user = opts.config ? await loadConfig(opts.config) : {};
  if (user.source?.type === 'prometheus' && !opts.fixture) {
    const policy = toPolicy(user);
    const redactor = new Redactor();
    const parts = windowParts(user, { ...(opts.auditDir ? { auditDir: opts.auditDir } : {}) }, 'LIVE', now, env);
    const state = new WindowFile(join(parts.auditDir, `${parts.windowId}.state.json`)).load() ?? initialWindow(policy, now, 'ready', 0);
    const once = await readLiveOnce(user, resolve(opts.config!), env, redactor, policy, state, now);
    const text = buildReport({ meta: { ...parts.meta, sourceName: once.sourceName }, policy, state, decisions: once.decisions, snapshot: once.store.snapshot(), now });
    write(`${redactor.scrub(text)}\n`);
    return 0;
  }
  const { engine } = await replayDrill(opts, env, now, () => opts.at);
  write(`${engine.report()}\n`);
  return 0;
}
