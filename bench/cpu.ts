/**
 * CPU of the TUI over a live-like run inside tmux: a check every 15 s and the
 * once-a-second countdown redraw, in real time (a rehearsal at ×1), as a share
 * of one core. Default 10 minutes (DURATION_S to change). Target ≤ 2%.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticFixture } from '../test/engine/synthetic.js';
import { cpuSeconds } from './proc-stats.js';

const seconds = Number(process.env.DURATION_S ?? 600);
const dir = mkdtempSync(join(tmpdir(), 'canary-cpu-'));
const fixtureFile = join(dir, 'live-like.json');
const fixture = syntheticFixture(Math.ceil(seconds / 60) + 5);
fixture.config = { checkInterval: '15s', staleAfter: '2m' };
writeFileSync(fixtureFile, JSON.stringify(fixture));
const cli = join(import.meta.dirname, '../dist/cli.js');
const socket = `canary-cpu-${process.pid}`;
execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '120', '-y', '40',
  `${process.execPath} ${cli} rehearse ${fixtureFile} --speed 1 --audit-dir ${join(dir, 'audit')}`]);
const pid = Number(execFileSync('tmux', ['-L', socket, 'display-message', '-p', '#{pane_pid}'], { encoding: 'utf8' }).trim());
// Skip start-up: the first frame is measured by first-frame.mjs.
await new Promise((r) => setTimeout(r, 3000));
const start = cpuSeconds(pid)!;
const t0 = performance.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
const used = cpuSeconds(pid)! - start;
const wall = (performance.now() - t0) / 1000;
execFileSync('tmux', ['-L', socket, 'kill-server']);
console.log(JSON.stringify({ wallSeconds: Number(wall.toFixed(1)), cpuSeconds: Number(used.toFixed(2)), shareOfOneCorePct: Number(((used / wall) * 100).toFixed(2)) }));
