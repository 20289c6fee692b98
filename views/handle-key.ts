/**
 * Pure key handling: (model, ui state, key) → (next ui state, commands).
 * Kept out of App.tsx so the rules of the keyboard read in one place and the
 * component only wires useInput to onCommand.
 *
 * Ink hands a run of plain characters read at once (a paste, `hh` typed
 * fast, text and Enter sent by tmux in one write) to useInput as one string.
 * `handleInput` splits it and handles every key in order; a key that came in
 * such a chunk is marked pasted, and a pasted key never confirms a dangerous
 * command: a confirmation must be its own key press.
 */
import type { Key } from 'ink';
import { WAR_ROOM_ROLLBACK_REASON, type Command } from './commands.js';
import { KEY_ROWS, type CommandName } from './keys.js';
import { splitChunk } from './split-chunk.js';
import { POST_KINDS } from '../src/comms/release-posts.js';
import type { PromptState, UiState } from './ui-state.js';
import type { ViewModel } from './view-model.js';

export interface KeyResult {
  ui: UiState;
  command: Command | null;
}

export interface InputResult {
  ui: UiState;
  commands: Command[];
}

/** Enough for a reason in the audit log; a runaway paste stops here. */
const MAX_TEXT = 200;

const stay = (ui: UiState): KeyResult => ({ ui, command: null });
const postOf = (ui: UiState) => (ui.posts === undefined ? {} : { post: ui.posts });
function withoutPosts(ui: UiState): UiState {
  const { posts: _closed, ...rest } = ui;
  return rest;
}

/**
 * A prompt whose window moved becomes a closed notice, with the command that
 * tells the shell (flash and audit); null when nothing changed.
 */
export function closeIfStale(model: ViewModel, ui: UiState): KeyResult | null {
  const why = ui.prompt ? promptStale(model, ui.prompt) : null;
  if (!why) return null;
  return { ui: { ...ui, prompt: { kind: 'closed', why, bound: model.actions.bound } }, command: { type: 'prompt-cancelled', why } };
}

/** Why an open prompt no longer fits the window, or null while it does (a closed notice never goes stale). */
export function promptStale(model: ViewModel, prompt: PromptState): string | null {
  // A signature is about the release, not the weight: the window moving does not void it.
  if (prompt.kind === 'closed' || prompt.kind === 'sign') return null;
  const was = prompt.bound;
  const now = model.actions.bound;
  if (was.phaseIndex === now.phaseIndex && was.status === now.status && was.weight === now.weight) return null;
  return `prompt closed: the window moved from ${was.status} at ${was.weight}% to ${now.status} at ${now.weight}% while it was open; nothing was done`;
}

/** Every key of a chunk, in order; the model stays the one on screen (the engine answers later). */
export function handleInput(model: ViewModel, ui: UiState, input: string, key: Key): InputResult {
  const keys = splitChunk(input, key);
  const commands: Command[] = [];
  let current = ui;
  for (const k of keys) {
    const r = handleKey(model, current, k.input, k.key, k.pasted);
    current = r.ui;
    if (r.command) commands.push(r.command);
  }
  return { ui: current, commands };
}

export function handleKey(model: ViewModel, ui: UiState, input: string, key: Key, pasted = false): KeyResult {
  // The key that finds its prompt stale is swallowed with it.
  const closed = closeIfStale(model, ui);
  if (closed) return closed;
  // A stale prompt has just been turned into its closed notice, so the one on screen is the one that answers.
  if (ui.prompt) return promptKey(model, ui, ui.prompt, input, key, pasted);
  const idleUi = ui;
  if (idleUi.helpOpen && key.escape) return stay({ ...idleUi, helpOpen: false });
  if (idleUi.preflightOpen && key.escape) return stay({ ...idleUi, preflightOpen: false });
  if (idleUi.posts !== undefined && key.escape) return stay(withoutPosts(idleUi));
  // Ctrl-C is quit, and asks like q does: Ink's own Ctrl-C exit is off (run-tui.tsx).
  const name = key.ctrl && input === 'c' ? 'q' : input;
  const row = KEY_ROWS.find((r) => r.key === name && (name === 'q' || (!key.ctrl && !key.meta)));
  if (!row || !row.condition(model, idleUi)) return stay(idleUi);
  return runCommand(row.command, model, idleUi);
}

function runCommand(name: CommandName, model: ViewModel, ui: UiState): KeyResult {
  const { actions } = model;
  const bound = actions.bound;
  switch (name) {
    case 'rollout.open':
      // Pre-flight NO-GO: opening anyway takes a typed reason, which the audit keeps with the open.
      if (actions.preflightBlockers.length) return stay({ ...ui, prompt: { kind: 'override', text: '', bound, to: actions.nextWeight, open: true } });
      return stay({ ...ui, prompt: { kind: 'confirm-open', bound, to: actions.nextWeight ?? 0 } });
    case 'rollout.advance':
      if (!actions.canAdvance) return stay({ ...ui, prompt: { kind: 'override', text: '', bound, to: actions.nextWeight } });
      if (actions.needsApproval) return stay({ ...ui, prompt: { kind: 'approver', text: '', bound, to: actions.nextWeight } });
      return { ui, command: { type: 'advance', bound } };
    case 'rollout.hold':
      return { ui, command: { type: actions.held ? 'resume' : 'hold', bound } };
    case 'rollout.rollback':
      return stay({ ...ui, prompt: { kind: 'confirm-rollback', bound } });
    case 'report.copy':
      return { ui, command: { type: 'copy', ...postOf(ui) } };
    case 'report.write':
      return { ui, command: { type: 'write', ...postOf(ui) } };
    case 'report.post':
      return actions.postsTo ? stay({ ...ui, prompt: { kind: 'confirm-post', bound, channel: actions.postsTo, ...postOf(ui) } }) : stay(ui);
    case 'posts.next': {
      // Opens at the post the stage needs next; then round the four, Esc closes.
      if (ui.posts === undefined) return stay({ ...ui, posts: model.posts!.suggested });
      return stay({ ...ui, posts: POST_KINDS[(POST_KINDS.indexOf(ui.posts) + 1) % POST_KINDS.length]! });
    }
    case 'replay.pause':
    case 'replay.faster':
    case 'replay.slower':
    case 'replay.next':
      return { ui, command: { type: 'replay', control: name.slice('replay.'.length) as 'pause' | 'faster' | 'slower' | 'next' } };
    case 'help.toggle':
      return stay({ ...ui, helpOpen: !ui.helpOpen });
    case 'preflight.toggle':
      return stay({ ...ui, preflightOpen: !ui.preflightOpen });
    case 'preflight.sign':
      return stay({ ...ui, prompt: { kind: 'sign', text: '', bound } });
    case 'app.quit':
      return actions.confirmQuit ? stay({ ...ui, prompt: { kind: 'confirm-quit', bound } }) : { ui, command: { type: 'quit' } };
  }
}

function promptKey(model: ViewModel, ui: UiState, prompt: PromptState, input: string, key: Key, pasted: boolean): KeyResult {
  const closed: UiState = { ...ui, prompt: null };
  if (prompt.kind === 'closed') return key.escape || key.return ? stay(closed) : stay(ui);
  if (prompt.kind === 'confirm-rollback' || prompt.kind === 'confirm-open' || prompt.kind === 'confirm-quit' || prompt.kind === 'confirm-post') {
    // Only a deliberate lowercase y, pressed on its own, confirms; Esc, Enter, a paste or anything else cancels.
    if (input !== 'y' || key.ctrl || key.meta || pasted) return stay(closed);
    if (prompt.kind === 'confirm-rollback') return { ui: closed, command: { type: 'rollback', reason: WAR_ROOM_ROLLBACK_REASON } };
    if (prompt.kind === 'confirm-open') return { ui: closed, command: { type: 'open', bound: prompt.bound } };
    if (prompt.kind === 'confirm-post') return { ui: closed, command: { type: 'post', ...(prompt.post ? { post: prompt.post } : {}) } };
    return { ui: closed, command: { type: 'quit' } };
  }
  // Esc or Ctrl-C leaves a text prompt without doing anything.
  if (key.escape || (key.ctrl && input === 'c')) return stay(closed);
  if (key.return) {
    const text = prompt.text.trim();
    if (text === '') return stay(ui); // an empty reason or approver does nothing
    if (prompt.kind === 'sign') {
      return prompt.item === undefined ? stay({ ...ui, prompt: { ...prompt, item: text, text: '' } }) : { ui: closed, command: { type: 'sign', item: prompt.item, by: text } };
    }
    if (prompt.kind === 'override' && prompt.open) return { ui: closed, command: { type: 'open', override: text, bound: prompt.bound } };
    if (prompt.kind === 'override') {
      if (model.actions.needsApproval) return stay({ ...ui, prompt: { kind: 'approver', text: '', override: text, bound: prompt.bound, to: prompt.to } });
      return { ui: closed, command: { type: 'advance', override: text, bound: prompt.bound } };
    }
    const command: Command = prompt.override === undefined
      ? { type: 'advance', approvedBy: text, bound: prompt.bound }
      : { type: 'advance', override: prompt.override, approvedBy: text, bound: prompt.bound };
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
