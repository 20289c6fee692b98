/**
 * The terminal's size, re-read on every 'resize' of the stdout Ink renders
 * to, so the screen re-lays when the IC drags the window. Ink itself only
 * redraws on resize; choosing a different layout is ours.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Ink's own fallback width when stdout is not a terminal. */
const DEFAULT_COLUMNS = 80;
/**
 * With no height known (piped output, a test stream), nothing scrolls away:
 * assume the 120×40 target's height rather than the compact 24 rows.
 */
const DEFAULT_ROWS = 40;

export function readSize(stdout: { columns?: number; rows?: number }): TerminalSize {
  return { columns: stdout.columns || DEFAULT_COLUMNS, rows: stdout.rows || DEFAULT_ROWS };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = () =>
      setSize((prev) => {
        const next = readSize(stdout);
        return next.columns === prev.columns && next.rows === prev.rows ? prev : next;
      });
    stdout.on('resize', onResize);
    // A resize between the first render and this effect would otherwise be missed.
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
