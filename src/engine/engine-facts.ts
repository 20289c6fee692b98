/**
 * What the window machine needs to know besides the state (rules/window-machine.ts
 * `Facts`), from what the engine has seen: why it is blind (the source down, no
 * gated data, the audit or state not written), what opening still needs, and
 * whether the load balancer's weight is known. Pure; the engine passes its parts.
 */
import type { Decisions } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/window-machine.js';
import type { WeightReadBack } from './engine-view.js';
import type { OpenPolicy } from './engine.js';
import { sourceBlockers, type SourceHealth } from './source-health.js';

export interface FactParts {
  now: number;
  decisions: Decisions | null;
  health: SourceHealth;
  readBack: WeightReadBack | null;
  /** What must be on disk and is not (write-health.ts). */
  unwritten: string[];
  openPolicy: OpenPolicy;
}

export function factsOf({ now, decisions: d, health, readBack: back, unwritten, openPolicy }: FactParts): Facts {
  const source = sourceBlockers(health, now);
  const blind = [...source, ...unwritten, ...(!d ? ['no check has run yet'] : d.blind ? ['no data: every gated KPI is UNKNOWN'] : [])];
  const readBack = back && !back.ok ? [`the load balancer's weight is not read back (${back.detail})`] : [];
  const data = openPolicy === 'at-start' && !d ? [] : (d?.openBlockers ?? ['no check has run yet']);
  return { now, gates: d?.gates ?? null, blind, openBlockers: [...source, ...unwritten, ...data, ...readBack], weightUnknown: readBack.length > 0 };
}
