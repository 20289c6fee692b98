/**
 * Last-resort cleanup for the test harness: Prometheus processes and temp dirs
 * that a test never released (a forgotten stop(), an aborted run) are dealt
 * with when the test process ends, instead of lingering on the machine.
 *
 * Why a SIGTERM handler and not only 'exit': vitest ends each fork worker with
 * SIGTERM (SIGKILL 500 ms later), and a signal death skips 'exit' handlers.
 * The handler is installed only while a task is registered; it runs the tasks
 * and re-raises SIGTERM so the process still dies the default way.
 */
const tasks = new Set<() => void>();

function runAll(): void {
  // Last registered first, like `defer`: a server goes before the backfill dir it reads.
  for (const task of [...tasks].reverse()) {
    tasks.delete(task);
    try { task(); } catch { /* best effort while dying */ }
  }
}

function onSigterm(): void {
  runAll();
  process.kill(process.pid, 'SIGTERM');
}

process.on('exit', runAll);

/** Registers `task` (synchronous) to run when the process exits or gets SIGTERM; returns an unregister function. */
export function atExit(task: () => void): () => void {
  if (tasks.size === 0) process.once('SIGTERM', onSigterm);
  tasks.add(task);
  return () => {
    tasks.delete(task);
    if (tasks.size === 0) process.off('SIGTERM', onSigterm);
  };
}
