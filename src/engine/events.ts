/**
 * What the engine tells the world. The headless mode prints these as JSON
 * lines; the TUI shows them in its event log. `at` is ISO time on the
 * engine's clock (virtual in a drill).
 */
import type { Recommendation } from '../../rules/evaluate.js';
import type { WindowStatus } from '../../rules/phases.js';
import type { Status } from '../../rules/types.js';

export type ActionKind = 'open' | 'advance' | 'hold' | 'resume' | 'rollback';

export type EngineEvent =
  | {
      type: 'check';
      at: string;
      phase: number;
      /** When the current phase began (ISO), so a resumed window shows its elapsed time carried over. */
      phaseStartedAt: string;
      weight: number;
      windowStatus: WindowStatus;
      status: Status;
      recommendation: Recommendation;
      because: string;
      gates: Record<string, Status>;
    }
  | { type: 'phase'; at: string; phase: number; weight: number; windowStatus: WindowStatus; reason: string }
  | { type: 'trigger'; at: string; id: string; state: 'armed' | 'breaching' | 'fired'; value: number | null; reason: string }
  | {
      type: 'action';
      at: string;
      action: ActionKind;
      fromWeight: number;
      toWeight: number;
      reason: string;
      operator: string;
      ok: boolean;
      detail: string;
    }
  | { type: 'report'; at: string; text: string }
  /** The P95 chart refilled from `source` after a resume or when a viewer opens: `points` samples (every series) since `since` (ISO). */
  | { type: 'history'; at: string; source: string; points: number; since: string }
  | { type: 'error'; at: string; message: string }
  /** The pre-flight verdict or an item's status changed (preflight-host.ts). */
  | { type: 'preflight'; at: string; go: boolean; blockers: string[]; items: Array<{ id: string; status: string; detail: string }> }
  /** The release's lifecycle moved (rules/lifecycle.ts), or the stable timer at 100% restarted. */
  | { type: 'lifecycle'; at: string; stage: string; message: string }
  /** The IC quit or a signal stopped the process: the weight the canary is left at, as last read back. */
  | { type: 'stop'; at: string; operator: string; weight: number; windowStatus: WindowStatus; reason: string };

