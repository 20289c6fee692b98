/**
 * The only state the views own: what is open on screen. Everything about the
 * window itself lives in the ViewModel, so a redraw can never lose a decision.
 * Every prompt about the rollout remembers the window it was opened for
 * (`bound`) and names its target, so Enter can never do something the IC did
 * not read.
 */
import type { Bound } from '../rules/window-machine.js';
import type { PostKind } from '../src/comms/release-posts.js';

/** A modal question; while one is open every key goes to it. */
export type PromptState =
  /** "press y to confirm": any other key cancels, so a stray key never rolls back. */
  | { kind: 'confirm-rollback'; bound: Bound }
  /** Opening a READY window moves traffic for the first time. */
  | { kind: 'confirm-open'; bound: Bound; to: number }
  /** Leaving an undecided live window leaves the canary where it is. */
  | { kind: 'confirm-quit'; bound: Bound }
  /** Posting to Slack reaches the whole channel: the question names it. */
  | { kind: 'confirm-post'; bound: Bound; channel: string; post?: PostKind }
  /** Advancing past blockers, or opening while pre-flight is NO-GO (`open`), needs a typed reason for the audit log. */
  | { kind: 'override'; text: string; bound: Bound; to: number | null; open?: true }
  /** The gate review of a phase that needs approval records who approved; `override` carries the reason typed before. */
  | { kind: 'approver'; text: string; override?: string; bound: Bound; to: number | null }
  /**
   * A prompt that closed because the window moved under it. It stays as a
   * notice that swallows keys until Esc or Enter: the IC may still be typing
   * the reason, and the rest of it must not turn into hotkeys.
   */
  | { kind: 'closed'; why: string; bound: Bound }
  /** A DRI signs a pre-flight item in the pre-flight view: the item first, then who signs (the roster decides). */
  | { kind: 'sign'; text: string; item?: string; bound: Bound };

export interface UiState {
  helpOpen: boolean;
  /** The pre-flight view (its own key) in place of the panels. */
  preflightOpen?: boolean;
  /** The #ship-room posts view (key t) in place of the panels, showing this post; c, w and p then act on it. */
  posts?: PostKind;
  prompt: PromptState | null;
}

export const INITIAL_UI: UiState = { helpOpen: false, prompt: null };

/** "5% → 25%", or "100% → promoted" from the last phase. */
export function targetText(p: { bound: Bound; to: number | null }): string {
  return `${p.bound.weight}% → ${p.to === null ? 'promoted' : `${p.to}%`}`;
}
