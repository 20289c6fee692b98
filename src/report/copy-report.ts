/**
 * Copies the report, honestly. It is first saved to a file in the window's
 * folder, every time: that always works and can be read back. Then the
 * system clipboard (clipboardy needs xsel/wl-copy or a desktop; over SSH it
 * fails with a misleading "xsel" message), else OSC 52, which a terminal (or
 * tmux with `set-clipboard on`) may turn into a clipboard write on the IC's
 * laptop. OSC 52 can never be confirmed, so the message says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type CopyMethod = 'clipboard' | 'osc52' | 'none';

export interface CopyOutcome {
  method: CopyMethod;
  /** Where the report was saved; null when even that failed. */
  path: string | null;
  message: string;
}

export interface CopyDeps {
  /** The system clipboard; rejects when there is none. */
  writeClipboard(text: string): Promise<void>;
  /** Raw bytes to the terminal. */
  writeTerminal(bytes: string): void;
  /** Folder the report files go to. */
  dir: string;
  /** Now, for the file name (the engine's clock: virtual in a drill). */
  now(): number;
}

export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** The report (or a post, named by `kind`: t-0-….md) as a file in the window's folder (owner-only); null when it could not be saved. */
export function saveReport(text: string, deps: Pick<CopyDeps, 'dir' | 'now'>, kind = 'report'): string | null {
  try {
    mkdirSync(deps.dir, { recursive: true, mode: 0o700 });
    const stem = join(deps.dir, `${kind}-${new Date(deps.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    // The same second (a paused drill, c then p) may hold another text: it gets the next free name, never overwritten.
    let path = `${stem}.md`;
    for (let n = 2; existsSync(path) && readFileSync(path, 'utf8') !== `${text}\n`; n++) path = `${stem}-${n}.md`;
    writeFileSync(path, `${text}\n`, { mode: 0o600 });
    return path;
  } catch {
    return null;
  }
}

export async function copyReport(text: string, deps: CopyDeps, kind = 'report'): Promise<CopyOutcome> {
  const path = saveReport(text, deps, kind);
  const also = path ? `, also saved to ${path}` : ' (saving it to a file failed)';
  try {
    await deps.writeClipboard(text);
    return { method: 'clipboard', path, message: `report copied to the clipboard${also}` };
  } catch {
    try {
      deps.writeTerminal(osc52(text));
      return { method: 'osc52', path, message: `report sent to the terminal (OSC 52; not confirmable)${also}` };
    } catch {
      return { method: 'none', path, message: path ? `no clipboard; report saved to ${path}` : 'report could not be copied or saved' };
    }
  }
}

/** clipboardy, loaded only when the IC copies: it is not needed for the first frame. */
export async function systemClipboard(text: string): Promise<void> {
  const { default: clipboard } = await import('clipboardy');
  await clipboard.write(text);
}
