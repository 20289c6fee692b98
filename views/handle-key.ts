/**
 * Pure key handling: (model, ui state, key) → (next ui state, command or
 * none). Kept out of App.tsx so the rules of the keyboard read in one place
 * and the component only wires useInput to onCommand.
 */
import type { Key } from 'ink';
import { WAR_ROOM_ROLLBACK_REASON, type Command } from './commands.js';
import { KEY_ROWS, type CommandName } from './keys.js';
import type { PromptState, UiState } from './ui-state.js';
import type { ViewModel } from './view-model.js';

export interface KeyResult {
  ui: UiState;
  command: Command | null;
}

/** Enough for a reason in the audit log; a runaway paste stops here. */
const MAX_TEXT = 200;

const stay = (ui: UiState): KeyResult => ({ ui, command: null });

/** A prompt about the rollout means nothing once the window is decided. */
export function openPrompt(model: ViewModel, ui: UiState): PromptState | null {
  return model.actions.terminal ? null : ui.prompt;
}

export function handleKey(model: ViewModel, ui: UiState, input: string, key: Key): KeyResult {
  const prompt = openPrompt(model, ui);
  if (prompt) return promptKey(model, ui, prompt, input, key);
  const idleUi = ui.prompt ? { ...ui, prompt: null } : ui;
  if (idleUi.helpOpen && key.escape) return stay({ ...idleUi, helpOpen: false });
  const row = KEY_ROWS.find((r) => r.key === input && !key.ctrl && !key.meta);
  if (!row || !row.condition(model, idleUi)) return stay(idleUi);
  return runCommand(row.command, model, idleUi);
}

function runCommand(name: CommandName, model: ViewModel, ui: UiState): KeyResult {
  const { actions } = model;
  switch (name) {
    case 'rollout.advance':
      if (!actions.canAdvance) return stay({ ...ui, prompt: { kind: 'override', text: '' } });
      if (actions.needsApproval) return stay({ ...ui, prompt: { kind: 'approver', text: '' } });
      return { ui, command: { type: 'advance' } };
    case 'rollout.hold':
      return { ui, command: { type: actions.held ? 'resume' : 'hold' } };
    case 'rollout.rollback':
      return stay({ ...ui, prompt: { kind: 'confirm-rollback' } });
    case 'report.copy':
      return { ui, command: { type: 'copy' } };
    case 'help.toggle':
      return stay({ ...ui, helpOpen: !ui.helpOpen });
    case 'app.quit':
      return { ui, command: { type: 'quit' } };
  }
}

function promptKey(model: ViewModel, ui: UiState, prompt: PromptState, input: string, key: Key): KeyResult {
  const closed: UiState = { ...ui, prompt: null };
  if (prompt.kind === 'confirm-rollback') {
    // Only a deliberate lowercase y confirms; Esc, Enter, or anything else cancels.
    return input === 'y' && !key.ctrl && !key.meta
      ? { ui: closed, command: { type: 'rollback', reason: WAR_ROOM_ROLLBACK_REASON } }
      : stay(closed);
  }
  if (key.escape) return stay(closed);
  if (key.return) {
    const text = prompt.text.trim();
    if (text === '') return stay(ui); // an empty reason or approver does nothing
    if (prompt.kind === 'override') {
      if (model.actions.needsApproval) return stay({ ...ui, prompt: { kind: 'approver', text: '', override: text } });
      return { ui: closed, command: { type: 'advance', override: text } };
    }
    const command: Command = prompt.override === undefined
      ? { type: 'advance', approvedBy: text }
      : { type: 'advance', override: prompt.override, approvedBy: text };
    return { ui: closed, command };
  }
  return stay({ ...ui, prompt: { ...prompt, text: editText(prompt.text, input, key) } });
}

/** Typing, pasting and erasing in a one-line field; control bytes never enter the audit log. */
export function editText(text: string, input: string, key: Key): string {
  if (key.backspace || key.delete) return [...text].slice(0, -1).join('');
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return text;
  // eslint-disable-next-line no-control-regex
  const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return (text + printable).slice(0, MAX_TEXT);
}
