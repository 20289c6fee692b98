/**
 * The only state the views own: what is open on screen. Everything about the
 * window itself lives in the ViewModel, so a redraw can never lose a decision.
 */

/** A modal question; while one is open every key goes to it. */
export type PromptState =
  /** "press y to confirm": any other key cancels, so a stray key never rolls back. */
  | { kind: 'confirm-rollback' }
  /** Advancing past blockers needs a typed reason for the audit log. */
  | { kind: 'override'; text: string }
  /** The gate review of a phase that needs approval records who approved; `override` carries the reason typed before. */
  | { kind: 'approver'; text: string; override?: string };

export interface UiState {
  helpOpen: boolean;
  prompt: PromptState | null;
}

export const INITIAL_UI: UiState = { helpOpen: false, prompt: null };
