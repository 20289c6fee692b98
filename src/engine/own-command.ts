/**
 * What the engine itself asks for after a check, in order of urgency: keep
 * retrying an unconfirmed rollback; roll back on a fired trigger ("no
 * debate") whenever the canary may carry traffic; open with --open once the
 * window may open; hold after too long without data; auto-advance. Pure: the
 * command goes through the same queue and guards as the IC's keys.
 */
import type { Decisions } from '../../rules/evaluate.js';
import { formatDuration } from '../../rules/format.js';
import type { Policy } from '../../rules/policy.js';
import { boundOf, type Facts, type WindowCommand, type WindowState } from '../../rules/window-machine.js';
import type { OpenPolicy } from './engine.js';
import { AUTO_OPERATOR } from './window-meta.js';

export interface OwnCommandInput {
  policy: Policy;
  state: WindowState;
  decisions: Decisions;
  facts: Facts;
  openPolicy: OpenPolicy;
  /** Who opens a window with --open: the operator at the keyboard. */
  operator: string;
  /** How long no sample at all has arrived. */
  quietForMs: number;
}

export function ownCommand({ policy, state: s, decisions: d, facts, openPolicy, operator, quietForMs }: OwnCommandInput): WindowCommand | null {
  if (s.status === 'rolling-back' && s.rollback) {
    return { type: 'rollback', operator: s.rollback.operator, reason: `${s.rollback.reason} (retry until 0% is read back)` };
  }
  const fired = d.triggers.find((t) => t.state.state === 'fired');
  // A READY window with traffic on the canary (read back, or unknown) is protected like an open one.
  const exposed = s.status !== 'ready' || s.weight > 0 || facts.weightUnknown === true;
  if (fired && fired.state.state === 'fired' && policy.onTrigger === 'auto' && exposed) {
    return { type: 'rollback', operator: AUTO_OPERATOR, reason: `trigger ${fired.def.id} fired: ${fired.state.reason}` };
  }
  if (s.status === 'ready') {
    const mayOpen = openPolicy === 'when-ready' && facts.openBlockers.length === 0 && !facts.preflight?.length;
    // Opened unattended: by --open, or (a release planned) by pre-flight turning GO at T-0.
    const by = facts.preflight ? 'pre-flight GO at T-0' : '--open';
    return mayOpen ? { type: 'open', operator, reason: `${by}: every gated KPI has data and the weight was read back`, bound: boundOf(s) } : null;
  }
  if (s.status === 'running' && quietForMs >= policy.noDataHoldAfterMs) {
    return { type: 'hold', operator: AUTO_OPERATOR, reason: `no data for ${formatDuration(quietForMs)}: holding until the IC resumes`, bound: boundOf(s) };
  }
  const phase = policy.phases[s.phaseIndex]!;
  // Blind (no data, or nothing can be written) the plan would refuse: asking every check would only fill the audit with refusals.
  if (policy.autoAdvance && s.status === 'running' && d.advanceBlockers.length === 0 && facts.blind.length === 0 && !phase.requiresApproval) {
    return { type: 'advance', operator: AUTO_OPERATOR, bound: boundOf(s) };
  }
  return null;
}
