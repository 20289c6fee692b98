/** `canary-tui check`: validate a config as the window would, then print its lints. */
import { formatDuration } from '../../rules/format.js';
import { lintPolicy, lintSource } from '../config/lint.js';
import { loadConfig } from '../config/load-config.js';
import { toPolicy } from '../config/to-policy.js';

/** Returns 0 when the config is valid; an invalid one throws InputError (exit 2). */
export async function runCheck(file: string, write: (line: string) => void): Promise<number> {
  const config = await loadConfig(file);
  const policy = toPolicy(config);
  const phases = policy.phases.map((p) => `${p.weight}% for ${formatDuration(p.minDurationMs)} (P95 ≤ ${p.p95GateMs} ms)`).join(' → ');
  write(`${file}: valid. Phases: ${phases}. Checks every ${formatDuration(policy.checkIntervalMs)}.\n`);
  const lints = [
    ...lintPolicy(policy),
    ...(config.source?.type === 'prometheus' ? lintSource(config.source.queries, config.billing !== undefined) : []),
  ];
  for (const lint of lints) write(`${file}: ${lint.path}: warning: ${lint.message}\n`);
  if (!lints.length) write(`${file}: no lint warnings.\n`);
  return 0;
}
