/**
 * RSS over an eight-hour window replayed on the virtual clock, headless and
 * with the TUI (in tmux). Series are bounded buffers, so memory should be flat:
 * the figure to read is RSS at the end against RSS a quarter of the way in.
 * Target: ≤ 150 MB and flat.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticFixture } from '../test/engine/synthetic.js';
import { rssMb } from './proc-stats.js';
import { createEngine } from '../src/run/create-engine.js';
import { setupWindow } from '../src/run/setup-window.js';

const HOURS = 8;
const dir = mkdtempSync(join(tmpdir(), 'canary-mem-'));
const fixtureFile = join(dir, 'eight-hours.json');
const fixture = syntheticFixture(HOURS * 60);
fixture.config = { autoAdvance: true, checkInterval: '1m', staleAfter: '3m' };
writeFileSync(fixtureFile, JSON.stringify(fixture));
const cli = join(import.meta.dirname, '../dist/cli.js');

/** Samples RSS every 25 ms until `done()`; returns the curve. */
async function sample(pid: number, done: () => boolean): Promise<number[]> {
  const curve: number[] = [];
  while (!done()) {
    const r = rssMb(pid);
    if (r !== null) curve.push(r);
    await new Promise((res) => setTimeout(res, 25));
  }
  return curve;
}

const summary = (curve: number[]) => ({
  peakMb: Number(Math.max(...curve).toFixed(1)),
  atQuarterMb: Number(curve[Math.floor(curve.length / 4)]!.toFixed(1)),
  atEndMb: Number(curve[curve.length - 1]!.toFixed(1)),
  samples: curve.length,
});

// Headless: as fast as the machine allows.
const headless = spawn(process.execPath, [cli, 'rehearse', fixtureFile, '--headless', '--audit-dir', join(dir, 'a1')], { stdio: ['ignore', 'ignore', 'inherit'] });
let headlessDone = false;
const headlessExit = new Promise<number | null>((r) => headless.on('exit', (c) => { headlessDone = true; r(c); }));
const headlessCurve = await sample(headless.pid!, () => headlessDone);
const headlessCode = await headlessExit;

// In process, with a forced GC at every virtual hour: what the engine really retains.
const retained: number[] = [];
{
  const setup = await setupWindow({ fixture: fixtureFile, headless: true, auditDir: join(dir, 'a0'), operator: 'bench' }, {}, Date.now());
  const engine = createEngine(setup);
  let nextHour = setup.clock.now() + 3_600_000;
  engine.on((e) => {
    if (e.type === 'check' && Date.parse(e.at) >= nextHour) {
      nextHour += 3_600_000;
      (globalThis as { gc?: () => void }).gc?.();
      retained.push(Number((process.memoryUsage().heapUsed / 1048576).toFixed(1)));
    }
  });
  await engine.start();
  await engine.run(new AbortController().signal);
}

// TUI in tmux: eight hours at ×3000 is about ten seconds of screen time.
const speed = Number(process.env.TUI_SPEED ?? 3000);
const socket = `canary-mem-${process.pid}`;
execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '120', '-y', '40',
  `${process.execPath} ${cli} rehearse ${fixtureFile} --speed ${speed} --audit-dir ${join(dir, 'a2')}`]);
const panePid = Number(execFileSync('tmux', ['-L', socket, 'display-message', '-p', '#{pane_pid}'], { encoding: 'utf8' }).trim());
const until = Date.now() + ((HOURS * 3600) / speed) * 1000 + 3000;
const tuiCurve = await sample(panePid, () => Date.now() > until);
execFileSync('tmux', ['-L', socket, 'kill-server']);

console.log(JSON.stringify({ hours: HOURS, retainedHeapMbPerHour: (globalThis as { gc?: unknown }).gc ? retained : 'run with node --expose-gc', headless: { exitCode: headlessCode, ...summary(headlessCurve) }, tui: { speed, ...summary(tuiCurve) } }));
