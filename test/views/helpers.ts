/** Small helpers shared by the view tests. */
import type { Key } from 'ink';

/** Ink writes colours; assertions read the text as a NO_COLOR terminal would show it. */
export function plain(frame: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (frame ?? '').replace(/\u001b\[[0-9;]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '');
}

/**
 * Lets Ink parse the key and React re-render (setImmediate too: a lone Esc is
 * flushed on one). Three turns, not one: on a loaded machine React's
 * scheduler sometimes runs the render one turn after the key (measured: one
 * failure in a dozen runs with four busy loops beside the tests).
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * Settles until `done` holds, within a bound. React's scheduler yields after
 * a few milliseconds of work, so on a loaded machine a re-layout can take
 * more than one turn of the event loop.
 */
export async function settleUntil(what: string, done: () => boolean, maxTurns = 500): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    await settle();
    if (done()) return;
  }
  throw new Error(`not settled after ${maxTurns} turns: ${what}`);
}

/** A Key as Ink reports it, all flags off unless given. */
export function keyOf(flags: Partial<Key> = {}): Key {
  return {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
    home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
    backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
    ...flags,
  };
}

/** The frame's line that contains `needle`, so an assertion is about one row, not the whole screen. */
export function lineWith(frame: string, needle: string): string {
  const line = frame.split('\n').find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`no line contains ${JSON.stringify(needle)} in:\n${frame}`);
  return line;
}
