/**
 * Puts the report on the clipboard. clipboardy needs xsel/wl-copy or a
 * desktop; on a bastion over SSH it fails (with a misleading "xsel" message),
 * so we fall back to OSC 52, which the terminal (or tmux with
 * `set-clipboard on`) turns into a clipboard write on the IC's laptop.
 */
export type CopyMethod = 'clipboard' | 'osc52';

export interface CopyDeps {
  /** The system clipboard; rejects when there is none. */
  writeClipboard(text: string): Promise<void>;
  /** Raw bytes to the terminal. */
  writeTerminal(bytes: string): void;
}

export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

export async function copyReport(text: string, deps: CopyDeps): Promise<CopyMethod> {
  try {
    await deps.writeClipboard(text);
    return 'clipboard';
  } catch {
    deps.writeTerminal(osc52(text));
    return 'osc52';
  }
}

/** clipboardy, loaded only when the IC copies: it is not needed for the first frame. */
export async function systemClipboard(text: string): Promise<void> {
  const { default: clipboard } = await import('clipboardy');
  await clipboard.write(text);
}
