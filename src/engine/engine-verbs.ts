/**
 * The IC's verbs as methods, for the faces and the tests: each one only
 * builds a command and queues it. Nothing is checked here; the state
 * machine's guards run when the command's turn comes.
 */
import type { Bound } from '../../rules/window-machine.js';
import type { ActionResult } from './command-host.js';
import type { WindowCommands } from './window-commands.js';

export interface AdvanceOptions {
  /** Typed reason to advance although gates are not GREEN or time is not served. */
  override?: string;
  /** Who approved a phase that needs a gate review (the CEO at 50% → 100%). */
  approvedBy?: string;
  /** The window the IC saw when asking; refused if it moved since. */
  bound?: Bound;
}

export class EngineActions {
  constructor(private readonly commands: WindowCommands) {}

  /** `override`: the IC's reason to open while pre-flight is NO-GO (window-machine.ts). */
  open(operator: string, bound?: Bound, override?: string): Promise<ActionResult> {
    return this.commands.submit({ type: 'open', operator, reason: `opened by ${operator}`, ...(bound ? { bound } : {}), ...(override ? { override } : {}) });
  }

  advance(operator: string, opts: AdvanceOptions): Promise<ActionResult> {
    return this.commands.submit({ type: 'advance', operator, ...opts });
  }

  hold(operator: string, reason = 'IC hold', bound?: Bound): Promise<ActionResult> {
    return this.commands.submit({ type: 'hold', operator, reason, ...(bound ? { bound } : {}) });
  }

  resume(operator: string, reason = 'IC resumes', bound?: Bound): Promise<ActionResult> {
    return this.commands.submit({ type: 'resume', operator, reason, ...(bound ? { bound } : {}) });
  }

  /** Never bound: a rollback is wanted whatever happened since it was asked. */
  rollback(operator: string, reason: string): Promise<ActionResult> {
    return this.commands.submit({ type: 'rollback', operator, reason });
  }
}
