/**
 * Ink delivers a run of plain characters read in one go as a single input
 * string: "reason text\r" from a paste, "\x7f\x7f" from two fast Backspaces,
 * "hh". Handled as one key, the Enter, the Backspaces and the second h were
 * lost. This splits such a chunk back into the keys it holds, each marked
 * `pasted` so a confirmation can insist on a key press of its own.
 */
import type { Key } from 'ink';

export interface SplitKey {
  input: string;
  key: Key;
  /** Came with other keys in one read. */
  pasted: boolean;
}

const NONE: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false,
  capsLock: false, numLock: false,
};

/** True when Ink already recognised a single named key (arrow, Enter, Esc, …): nothing to split. */
function isNamedKey(key: Key): boolean {
  return key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageDown || key.pageUp || key.home || key.end
    || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta;
}

function keyOf(ch: string): { input: string; key: Key } {
  if (ch === '\r' || ch === '\n') return { input: '', key: { ...NONE, return: true } };
  if (ch === '\x7f' || ch === '\b') return { input: '', key: { ...NONE, backspace: true } };
  if (ch === '\t') return { input: '', key: { ...NONE, tab: true } };
  if (ch === '\x1b') return { input: '', key: { ...NONE, escape: true, meta: true } };
  const code = ch.codePointAt(0)!;
  // Ctrl+letter arrives as its control byte: report it the way Ink reports a lone one (input is the letter).
  if (code < 0x20) return { input: String.fromCharCode(code + 96), key: { ...NONE, ctrl: true } };
  return { input: ch, key: { ...NONE, shift: /[A-Z]/.test(ch) } };
}

export function splitChunk(input: string, key: Key): SplitKey[] {
  const chars = [...input];
  if (chars.length <= 1 || isNamedKey(key)) {
    // A lone control byte Ink did not name (a single "\n") still means what it means.
    if (chars.length === 1 && !isNamedKey(key) && /[\r\n\x7f\b]/.test(input)) return [{ ...keyOf(input), pasted: false }];
    return [{ input, key, pasted: false }];
  }
  return chars.map((ch) => ({ ...keyOf(ch), pasted: true }));
}
