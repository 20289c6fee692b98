// Time to first frame of the built bin, against bare `node -e 0`, in one run.
// Both go through `script` (a real pty, as a terminal gives), so its cost is
// in both numbers and the ratio compares like with like. Machines here are
// noisy (2 cores): read the ratio, not the milliseconds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 15);
const audit = mkdtempSync(join(tmpdir(), 'canary-bench-'));
const cli = join(import.meta.dirname, '../dist/cli.js');

/** ms from spawn until `done(output)` holds (or the process exits, for the baseline). */
function timeRun(command, done) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, TERM: 'xterm-256color', COLUMNS: '120', LINES: '40' } });
    let out = '';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(Number(process.hrtime.bigint() - start) / 1e6);
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (d) => {
      out += d;
      if (done && done(out)) finish();
    });
    child.on('exit', () => (done ? settled || reject(new Error(`exited before the first frame:\n${out}`)) : finish()));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = [];
const frame = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved so drift on a noisy machine hits both sides alike.
  baseline.push(await timeRun(`${process.execPath} -e 0`, null));
  frame.push(await timeRun(`${process.execPath} ${cli} --speed 60 --audit-dir ${audit}`, (o) => o.includes('REHEARSAL') && o.includes('checkout')));
}
rmSync(audit, { recursive: true, force: true });
const b = median(baseline);
const f = median(frame);
console.log(JSON.stringify({ runs: RUNS, nodeE0MedianMs: Math.round(b), firstFrameMedianMs: Math.round(f), ratio: Number((f / b).toFixed(2)) }));
