/**
 * The first line on the terminal, printed by the bin's entry before the war
 * room's code (Ink, React, Yoga, zod, the drill) loads, which takes most of
 * the start-up: the IC sees at once that canary-tui started and what it is
 * opening. It says only what argv already says, and it is erased (the line
 * cleared, the cursor back at its start) before the first frame or an error
 * is written, so nothing is drawn below it or glued to it.
 *
 * Only for a screen run on a terminal: headless, `check`, `--help` and
 * `--version` print what scripts read, untouched.
 */
import { basename } from 'node:path';

let shown: NodeJS.WriteStream | null = null;

const QUIET_FLAGS = new Set(['--headless', '--help', '-h', '--version', '-V']);

/** What the run opens, from argv alone: the config's or drill's file name, or the bundled drill. */
export function splashText(raw: readonly string[], version: string): string | null {
  // `--config=FILE` is `--config FILE` to commander.
  const args = raw.flatMap((a) => (/^--[\w-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  if (args.some((a) => QUIET_FLAGS.has(a))) return null;
  const positional = args.filter((a, i) => !a.startsWith('-') && !(args[i - 1] ?? '').match(/^--(config|speed|audit-dir|operator|from|to)$/));
  if (positional[0] !== undefined && positional[0] !== 'rehearse') return null; // check, help, or a usage error to come
  const config = args[args.indexOf('--config') + 1];
  const rehearse = positional[0] === 'rehearse';
  const what = positional[1] !== undefined
    ? `the drill ${basename(positional[1])}`
    : args.includes('--config') && config ? `${rehearse ? 'a rehearsal with' : 'the window in'} ${basename(config)}` : 'the bundled drill';
  return `canary-tui ${version} · opening ${what}…`;
}

export function showSplash(argv: readonly string[], out: NodeJS.WriteStream, version: string): void {
  if (!out.isTTY) return;
  const text = splashText(argv.slice(2), version);
  if (text === null) return;
  out.write(text.slice(0, Math.max(0, (out.columns || 80) - 1)));
  shown = out;
}

/** Erases the line, once; a no-op when none was printed. */
export function clearSplash(): void {
  if (!shown) return;
  shown.write('\r\x1b[2K');
  shown = null;
}
