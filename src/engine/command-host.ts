/**
 * What the command queue needs from the engine, and no more. The queue
 * (window-commands.ts) depends on this interface, the engine implements it:
 * no import circle, and the queue is testable on its own.
 */
import type { GateResult } from '../../rules/gates.js';
import type { Policy } from '../../rules/policy.js';
import type { Facts, WindowState } from '../../rules/window-machine.js';
import type { Adapter } from '../adapters/adapter.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { EngineEvent } from './events.js';

export interface CommandHost {
  readonly policy: Policy;
  readonly clock: Clock;
  readonly adapter: Adapter;
  readonly audit: AuditSink;
  /** Attempts per move and the first backoff (doubling). */
  readonly retry: { attempts: number; backoffMs: number };
  /** Set for a read-only viewer: why it may not act. */
  readonly readOnly?: string;
  /** The window as it is now (after every earlier command). */
  current(): WindowState;
  /** Saves and publishes a new state. */
  commit(next: WindowState): void;
  /** What the guards need, as of `now`. */
  facts(now: number): Facts;
  /** The latest gates, for the audit record of a decision. */
  gates(): GateResult[];
  emit(event: EngineEvent): void;
}

export interface ActionResult {
  ok: boolean;
  detail: string;
}
