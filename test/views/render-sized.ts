/**
 * ink-testing-library fixes the terminal at 100 columns; the war room targets
 * 120×40. This renders through Ink itself with fake streams of any size, the
 * same way ink-testing-library does (debug mode: every frame written whole).
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { plain } from './helpers.js';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export function renderSized(tree: ReactElement, columns: number, rows: number) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  /** As a terminal does when the IC drags its window: new size, then a 'resize' event. */
  const resize = (newColumns: number, newRows: number) => {
    stdout.columns = newColumns;
    stdout.rows = newRows;
    stdout.emit('resize');
  };
  return { stdin, resize, lastFrame: () => stdout.frames.at(-1) ?? '', unmount: () => instance.unmount() };
}

/** The full trigger list lives in the wide layout (180 columns and up); ink-testing-library's 100 would cut its rows. */
export function wideFrameOf(tree: ReactElement): string {
  const r = renderSized(tree, 180, 30);
  const frame = plain(r.lastFrame());
  r.unmount();
  return frame;
}
