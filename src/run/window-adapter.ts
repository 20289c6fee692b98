/**
 * Which adapter a window drives. A live window drives the configured one. A
 * rehearsal (a drill, or a past window replayed) stays on dry-run unless the
 * operator passed --real-adapter, because a drill that moves production
 * traffic by accident is the one failure a drill must never cause; the
 * screen line says which of the two happened.
 */
import type { Adapter } from '../adapters/adapter.js';
import { createAdapter } from '../adapters/create-adapter.js';
import { DryRunAdapter } from '../adapters/dry-run.js';
import type { Redactor } from '../config/secrets.js';
import type { UserConfig } from '../config/schema.js';
import { toPolicy } from '../config/to-policy.js';
import type { RunMode } from '../engine/window-meta.js';

export interface AdapterSource {
  /** The file whose `adapter:` is used (the user's config, else the drill's). */
  file: string;
  redactor: Redactor;
  env: NodeJS.ProcessEnv;
}

export async function windowAdapter(config: UserConfig, mode: RunMode, realAdapter: boolean, src: AdapterSource): Promise<Adapter> {
  const configured = config.adapter ?? { type: 'dry-run' as const };
  if (configured.type === 'dry-run') return new DryRunAdapter(configured.initialWeight ?? 0);
  if (mode !== 'LIVE' && !realAdapter) {
    return new DryRunAdapter(0, `dry-run (rehearsal; the configured ${configured.type} adapter is left alone without --real-adapter)`);
  }
  const phases = toPolicy(config).phases;
  const adapter = await createAdapter(configured, {
    configFile: src.file,
    env: src.env,
    redactor: src.redactor,
    phase: (weight) => phases.findIndex((p) => p.weight === weight) + 1,
  });
  return mode === 'LIVE' ? adapter : announced(adapter, 'REAL LOAD BALANCER driven by a rehearsal (--real-adapter)');
}

/** The same adapter with a note on its screen line. */
function announced(adapter: Adapter, note: string): Adapter {
  const out: Adapter = {
    describe: () => `${adapter.describe()} · ${note}`,
    getWeight: () => adapter.getWeight(),
    setWeight: (w) => adapter.setWeight(w),
  };
  if (adapter.verify) out.verify = (w) => adapter.verify!(w);
  return out;
}
