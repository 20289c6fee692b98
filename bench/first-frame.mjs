// Time to first frame of the built bin against bare node, in one run: spawn
// until the first 20 visible characters reach a pseudo-terminal. Both are
// spawned the same way, straight onto a pty (node-pty's forkpty, prebuilt: no
// `script` or shell in between, which adds the same constant to both sides
// and flatters the ratio: 3.6x through `script` read 4.5x direct on one build).
// Machines here are noisy (2 cores): read the ratio, not the milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from '@lydell/node-pty';

const RUNS = Number(process.env.RUNS ?? 15);
const VISIBLE = 20;
const audit = mkdtempSync(join(tmpdir(), 'canary-bench-'));
const cli = join(import.meta.dirname, '../dist/cli.js');

/** Characters a person would see: escape sequences and whitespace left out. */
// eslint-disable-next-line no-control-regex
const visible = (s) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b./g, '').replace(/\s/g, '').length;

/** The war room itself is drawn: the header's phase line and the triggers' panel title. */
const WAR_ROOM = /Phase 1\/4[\s\S]*Rollback triggers/;
const plainText = (s) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b./g, '');

/**
 * ms from spawn until VISIBLE visible characters have arrived, and (when
 * `full`) until the whole war-room frame has: the bin's entry prints a first
 * line before the frame's code loads (src/splash.ts), so both are reported.
 */
function timeRun(args, full = false) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: 120, rows: 40, env: { ...process.env, TERM: 'xterm-256color' } });
    let out = '';
    let first = null;
    let settled = false;
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    child.onData((d) => {
      out += d;
      if (settled) return;
      if (first === null && visible(out) >= VISIBLE) first = ms();
      if (first === null || (full && !WAR_ROOM.test(plainText(out)))) return;
      settled = true;
      resolve(full ? { first, full: ms() } : first);
      child.kill('SIGKILL');
    });
    child.onExit(() => settled || reject(new Error(`exited before ${full ? 'the war-room frame' : `${VISIBLE} visible characters`}:\n${out}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = [];
const first = [];
const full = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved so drift on a noisy machine hits both sides alike.
  baseline.push(await timeRun(['-e', 'console.log("canary-tui: bare node prints this line")']));
  const run = await timeRun([cli, '--speed', '60', '--audit-dir', audit], true);
  first.push(run.first);
  full.push(run.full);
}
rmSync(audit, { recursive: true, force: true });
const b = median(baseline);
const f = median(first);
const w = median(full);
console.log(JSON.stringify({
  runs: RUNS, visibleChars: VISIBLE, bareNodeMedianMs: Math.round(b),
  firstFrameMedianMs: Math.round(f), ratio: Number((f / b).toFixed(2)),
  warRoomFrameMedianMs: Math.round(w), warRoomRatio: Number((w / b).toFixed(2)),
}));
