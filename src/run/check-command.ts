/**
 * `canary-tui check`: validate a config as the window would, then print its
 * lints. It also builds what the window would build (sources, adapter,
 * plugin) so a missing secret, an unreadable CA file or a plugin that does not
 * load is found before T-0, not at it. Nothing is contacted.
 */
import { lintMentions } from '../comms/mentions.js';
import { resolve } from 'node:path';
import { formatDuration } from '../../rules/format.js';
import { lintPolicy, lintSource } from '../config/lint.js';
import { loadConfig } from '../config/load-config.js';
import type { UserConfig } from '../config/schema.js';
import { Redactor } from '../config/secrets.js';
import { buildSlack } from '../comms/slack-post.js';
import { buildGrafana } from '../comms/grafana-annotations.js';
import { mergeConfigs, toPolicy } from '../config/to-policy.js';
import { loadSourceDrill } from '../fixture/drill-file.js';
import { windowAdapter } from './window-adapter.js';

/**
 * Returns 0 when the config is valid; an invalid one throws InputError (exit 2).
 * Everything is checked (the drill, secrets, adapter, lints) before the first
 * line is written, so nothing reads "valid" above a bad-input line.
 */
export async function runCheck(file: string, write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const user = await loadConfig(file);
  // A drill named by source.path is loaded as the window would load it, its own config layered under the user's.
  const drill = user.source?.type === 'fixture' ? await loadSourceDrill(file, user.source.path) : null;
  const config = drill ? mergeConfigs(drill.config, user) : user;
  const policy = toPolicy(config);
  const wired = await wiring(config, resolve(file), env);
  if (drill) wired.unshift(`source: fixture ${drill.fixture.name} (${drill.fixture.series.length} series, ${drill.fixture.start} to ${drill.fixture.end})`);
  const lints = [
    ...lintPolicy(policy),
    ...lintMentions(config),
    ...(config.source?.type === 'prometheus' ? lintSource(config.source.queries, config.billing !== undefined) : []),
  ];
  const phases = policy.phases.map((p) => `${p.weight}% for ${formatDuration(p.minDurationMs)} (P95 ≤ ${p.p95GateMs} ms)`).join(' → ');
  write(`${file}: valid. Phases: ${phases}. Checks every ${formatDuration(policy.checkIntervalMs)}.\n`);
  for (const line of wired) write(`${file}: ${line}\n`);
  for (const lint of lints) write(`${file}: ${lint.path}: warning: ${lint.message}\n`);
  if (!lints.length) write(`${file}: no lint warnings.\n`);
  return 0;
}

/** One line each for the source and the adapter as a live window would build them; secrets resolved and scrubbed. */
async function wiring(config: UserConfig, file: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const redactor = new Redactor();
  const lines: string[] = [];
  if (config.source?.type === 'prometheus') {
    const { buildLiveSource } = await import('./live-source.js');
    lines.push(`source: ${buildLiveSource(config, file, env, redactor).name} (secrets resolved; not contacted)`);
  }
  const adapter = await windowAdapter(config, 'LIVE', true, { file, env, redactor });
  lines.push(`adapter: ${adapter.describe()} (built; not contacted)`);
  if (buildSlack(config, file, env, redactor)) lines.push('slack: webhook resolved (not contacted)');
  if (buildGrafana(config, file, env, redactor)) lines.push(`grafana: annotations to ${new URL(config.grafana!.url).host} in a live window (token resolved; not contacted)`);
  return lines.map((l) => redactor.scrub(l));
}
