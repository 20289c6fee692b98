/**
 * Hotkeys as data rows (the Shopify CLI dashboard habit): the footer, the help
 * overlay and the key handler all read this one table, so a key that is shown
 * is a key that works, and a key that is hidden does nothing.
 */
import type { UiState } from './ui-state.js';
import type { ViewModel } from './view-model.js';

/** Named commands (gemini-cli style), not functions scattered in components. */
export type CommandName = 'rollout.open' | 'rollout.advance' | 'rollout.hold' | 'rollout.rollback' | 'report.copy' | 'report.write' | 'report.post' | 'replay.pause' | 'replay.faster' | 'replay.slower' | 'replay.next' | 'help.toggle' | 'preflight.toggle' | 'preflight.sign' | 'posts.next' | 'app.quit';

export interface KeyRow {
  command: CommandName;
  key: string;
  /** How the footer and help name the key when it is not printable as itself (space). */
  shown?: string;
  /** Labels depend on the window: "advance" or "override…", "hold" or "resume". */
  label: (model: ViewModel, ui?: UiState) => string;
  /** Whether the key does anything right now; false rows are hidden and ignored. */
  condition: (model: ViewModel, ui: UiState) => boolean;
  /** Changes live traffic irreversibly enough to deserve a mark and a confirmation. */
  dangerous: boolean;
  /** One line for the help overlay. */
  help: string;
  /** false: in help only, so a narrow footer keeps help and quit (the key still works). */
  inFooter?: false;
}

/** A row resolved against the current model, ready to print. */
export interface ActiveKey {
  command: CommandName;
  key: string;
  label: string;
  dangerous: boolean;
}

/** No prompt and no help overlay: the dashboard itself has the keyboard. */
const idle = (ui: UiState): boolean => ui.prompt === null && !ui.helpOpen && !ui.preflightOpen && ui.posts === undefined;
/** c, w and p work on the dashboard (the report) and in the posts view (the post shown). */
const outbound = (ui: UiState): boolean => idle(ui) || (ui.prompt === null && ui.posts !== undefined && !ui.helpOpen && !ui.preflightOpen);
const what = (ui?: UiState): string => (ui?.posts === undefined ? 'report' : 'post');
/** Rollout keys disappear once the window is rolled back or promoted, and while a rollback is under way. */
const live = (m: ViewModel, ui: UiState): boolean => idle(ui) && !m.actions.terminal && !m.actions.readOnly && !m.actions.rollingBack;
/** Advance and hold need an open window. */
const open = (m: ViewModel, ui: UiState): boolean => live(m, ui) && !m.actions.ready;

export const KEY_ROWS: readonly KeyRow[] = [
  {
    command: 'rollout.open', key: 'o', label: (m) => `open window ${m.header.weight}% → ${m.actions.nextWeight ?? '?'}%`, condition: (m, ui) => live(m, ui) && m.actions.ready, dangerous: true,
    help: 'open the READY window: phase 1 goes to the load balancer; asks to press y first',
  },
  {
    command: 'rollout.advance', key: 'a', label: (m) => (m.actions.canAdvance ? 'advance' : 'override…'), condition: open, dangerous: false,
    help: 'next phase; with blockers, asks a reason to override; a gate review asks who approved',
  },
  {
    command: 'rollout.hold', key: 'h', label: (m) => (m.actions.held ? 'resume' : 'hold'), condition: open, dangerous: false,
    help: 'hold the canary at its weight, or resume the window',
  },
  {
    command: 'rollout.rollback', key: 'r', label: () => 'rollback', condition: (m, ui) => live(m, ui) && !(m.actions.ready && m.header.weight === 0 && !m.actions.weightUnknown), dangerous: true,
    help: 'canary to 0% now; asks to press y first',
  },
  { command: 'report.post', key: 'p', label: (m) => `post to ${m.actions.postsTo}`, condition: (m, ui) => outbound(ui) && m.actions.postsTo !== null, dangerous: false, help: 'the report (in the posts view: the post shown) to the Slack webhook (slack.webhook), after y confirms the channel; a failure keeps the text' },
  { command: 'report.copy', key: 'c', label: (_m, ui) => `copy ${what(ui)}`, condition: (_m, ui) => outbound(ui), dangerous: false, help: 'status report (in the posts view: the post shown) for Slack: saved to the window folder, then the clipboard or OSC 52' },
  { command: 'report.write', key: 'w', label: (_m, ui) => `write ${what(ui)}`, condition: (_m, ui) => outbound(ui), dangerous: false, inFooter: false, help: 'the report (or the post shown) as a file in the window folder (WINDOW-reports/), audited' },
  // The posts view closes with Esc; t opens it and then steps round the four posts.
  {
    command: 'posts.next', key: 't', label: (_m, ui) => (ui?.posts === undefined ? 'posts' : 'next post'), condition: (m, ui) => m.posts !== null && ui.prompt === null && !ui.helpOpen && !ui.preflightOpen, dangerous: false,
    help: 'the #ship-room posts (ack, T-2h, T-1h, T-0) filled from the config and the window now; t shows the next, Esc closes; c, w, p act on the one shown',
  },
  // Like help, the pre-flight view closes with its own key.
  {
    command: 'preflight.toggle', key: 'f', label: () => 'pre-flight', condition: (m, ui) => m.release !== null && ui.prompt === null && !ui.helpOpen, dangerous: false,
    help: 'the pre-flight view: every item of the T-1h gate with who signed or what was probed, the synthetic monitor, the roster; f or Esc closes',
  },
  {
    command: 'preflight.sign', key: 's', label: () => 'sign', condition: (m, ui) => ui.preflightOpen === true && ui.prompt === null && m.release !== null && !m.actions.readOnly, dangerous: false,
    help: 'in the pre-flight view: sign an item as its DRI (the item, then your name; the roster decides who may)',
  },
  // The overlay closes with the same key that opened it, so '?' stays live while it is open.
  { command: 'help.toggle', key: '?', label: () => 'help', condition: (_m, ui) => ui.prompt === null && !ui.preflightOpen, dangerous: false, help: 'this help; Esc or ? closes it' },
  { command: 'app.quit', key: 'q', label: () => 'quit', condition: (_m, ui) => ui.prompt === null, dangerous: false, help: 'leave the war room; in an undecided live window asks first and says the weight the canary stays at' },
  // Last, so a narrow footer cuts them before help and quit.
  { command: 'replay.pause', key: ' ', shown: 'space', label: (m) => (m.actions.replay?.paused ? 'play' : 'pause'), condition: (m, ui) => idle(ui) && m.actions.replay !== null, dangerous: false, help: 'replay: pause or play the virtual clock (space)' },
  { command: 'replay.faster', key: '+', label: () => 'faster', condition: (m, ui) => idle(ui) && m.actions.replay !== null, dangerous: false, help: 'replay: one step faster (×60 → ×120 …)' },
  { command: 'replay.slower', key: '-', label: () => 'slower', condition: (m, ui) => idle(ui) && m.actions.replay !== null, dangerous: false, help: 'replay: one step slower' },
  { command: 'replay.next', key: ']', label: () => 'next event', condition: (m, ui) => idle(ui) && m.actions.replay !== null, dangerous: false, help: 'replay: run to the next breach, firing, phase change, action or report' },
];

export function resolveKey(row: KeyRow, model: ViewModel, ui?: UiState): ActiveKey {
  return { command: row.command, key: row.shown ?? row.key, label: row.label(model, ui), dangerous: row.dangerous };
}

/** The keys that work right now, in table order: what the footer shows (help lists the rest). */
export function activeKeys(model: ViewModel, ui: UiState): ActiveKey[] {
  return KEY_ROWS.filter((row) => row.inFooter !== false && row.condition(model, ui)).map((row) => resolveKey(row, model, ui));
}
