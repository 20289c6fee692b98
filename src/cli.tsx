/**
 * The only composition root: flags → config → clock, source, adapter →
 * engine → TUI or headless. Everything below receives its seams from here.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { nameArg, strictUsage, UsageError } from './cli-usage.js';
import { InputError } from './config/input-error.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { runCheck } from './run/check-command.js';
import { runHeadless } from './run/headless.js';
import { setupWindow, type RunOptions, type WindowSetup } from './run/setup-window.js';
import type { RecordOptions } from './record/record-command.js';
import { clearSplash } from './splash.js';
import { VERSION } from './version.js';

function speedArg(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('expected a number above 0, e.g. 60');
  return n;
}

function portArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a port number from 1 to 65535');
  return n;
}

async function runWindow(opts: RunOptions): Promise<number> {
  const setup = await setupWindow(opts, process.env, Date.now());
  try {
    return await drive(setup, opts);
  } finally {
    setup.release?.();
  }
}

async function drive(setup: WindowSetup, opts: RunOptions): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  if (opts.headless) {
    process.once('SIGINT', onSignal);
    return exitCodeFor(await runHeadless(setup, { write: (l) => process.stdout.write(l) }, stop.signal));
  }
  const { runTui } = await import('./tui/run-tui.js');
  return exitCodeFor(await runTui(setup, { stdout: process.stdout, stdin: process.stdin }, stop.signal));
}

const program = new Command('canary-tui')
  // Flags after a subcommand belong to it: `rehearse --speed 120` must reach rehearse.
  .enablePositionalOptions()
  .description('Terminal war room for a canary release. With no config it replays the bundled drill (REHEARSAL).')
  .version(VERSION)
  .option('--config <file>', 'window config, YAML or JSON')
  .option('--headless', 'no screen: one JSON object per line on stdout')
  .option('--speed <n>', 'rehearsal speed: virtual seconds per real second (default 60; headless: as fast as possible)', speedArg)
  .option('--audit-dir <dir>', 'where the append-only audit log goes (default .canary-tui/audit)')
  .option('--operator <name>', 'who is at the keyboard (default: config operator, then $USER)', nameArg)
  .option('--take-over', 'drive a live window another instance holds (audited); without it a second instance only watches')
  .option('--real-adapter', 'let a rehearsal drive the configured load balancer')
  .option('--record <file>', 'append every read and load-balancer answer of this window to FILE as it runs (rehearse FILE replays it, outages and all)')
  .option('--open', 'open a live window without asking: the first phase goes to the load balancer once a check has data (headless needs it)')
  .action(async (opts: RunOptions) => finish(await runWindow(opts)));

program
  .command('rehearse')
  .description('replay a recorded drill on a virtual clock (default: the bundled drill)')
  .argument('[fixture]', 'drill name (canary-tui drills), fixture file (JSON) or a window\'s recording (--record)')
  .option('--config <file>', 'config layered over the drill\'s own')
  .option('--headless', 'no screen: one JSON object per line on stdout')
  .option('--speed <n>', 'virtual seconds per real second', speedArg)
  .option('--audit-dir <dir>', 'where the audit log goes')
  .option('--operator <name>', 'who is at the keyboard', nameArg)
  .option('--real-adapter', 'let a rehearsal drive the configured load balancer')
  .option('--from <time>', 'with a Prometheus --config: replay the window from this time (RFC 3339, or -6h, -90m, now) out of Prometheus history (RETROSPECTIVE)')
  .option('--to <time>', 'where the retrospective window ends (default: now)')
  .option('--record <file>', 'append every read and load-balancer answer of this window to FILE as it runs (rehearse FILE replays it, outages and all)')
  .action(async (fixture: string | undefined, opts: RunOptions) => {
    const { resolveDrill } = await import('./run/drill-library.js');
    finish(await runWindow({ ...opts, ...(fixture === undefined ? {} : { fixture: resolveDrill(fixture) }), rehearse: true }));
  });

program
  .command('drills')
  .description('list the drills shipped with canary-tui: what each teaches and the decision it requires (rehearse NAME runs one)')
  .action(async () => {
    const { expectedText, listDrills } = await import('./run/drill-library.js');
    for (const d of await listDrills()) process.stdout.write(`${d.name}\n  ${d.description}\n  expected: ${expectedText(d.expect, d.minutes)}\n`);
    finish(0);
  });

program
  .command('check')
  .description('validate and lint a config; exit 0 when valid (lints are warnings), 2 when not')
  .requiredOption('--config <file>', 'config to check')
  .action(async (opts: { config: string }) => finish(await runCheck(opts.config, (l) => process.stdout.write(l))));

program
  .command('record')
  .description('record a past window from the config\'s Prometheus into a drill fixture (rehearse FILE replays it)')
  .requiredOption('--config <file>', 'window config whose source is Prometheus')
  .requiredOption('--from <time>', 'start: RFC 3339, or -6h, -90m, now')
  .option('--to <time>', 'end (default: now)')
  .requiredOption('--out <file>', 'fixture to write (never over an existing file)')
  .option('--step <seconds>', 'seconds between points (default: the config\'s check interval)')
  .action(async (opts: RecordOptions) => {
    const { runRecord } = await import('./record/record-command.js');
    finish(await runRecord(opts, (l) => process.stdout.write(l), process.env, Date.now()));
  });

program
  .command('region')
  .description('choose the canary region by the directive\'s rule (lowest 7-day RPS with spare capacity; a tie to the west coast) and propose the window from the RPS trough')
  .requiredOption('--config <file>', 'config with a Prometheus source and a regions section')
  .action(async (opts: { config: string }) => {
    const { runRegion } = await import('./preflight/region-command.js');
    finish(await runRegion(opts.config, (l) => process.stdout.write(l), process.env, Date.now()));
  });

/** `report` and `post` take the same options: the drill named is resolved and --at parsed (loaded on demand). */
async function momentOptions(opts: { config?: string; fixture?: string; at?: string; auditDir?: string }, now: number) {
  const [{ parseTimeArg }, { resolveDrill }] = await Promise.all([import('./config/time-arg.js'), import('./run/drill-library.js')]);
  return {
    ...(opts.config ? { config: opts.config } : {}), ...(opts.fixture ? { fixture: resolveDrill(opts.fixture) } : {}),
    ...(opts.at ? { at: parseTimeArg('--at', opts.at, now) } : {}), ...(opts.auditDir ? { auditDir: opts.auditDir } : {}),
  };
}

program
  .command('report')
  .description('print the current 15-minute report (Slack mrkdwn) for scripts: a live config reads once, takes no lock and writes nothing; a drill replays to --at (default: its end)')
  .option('--config <file>', 'the window\'s config (default: the bundled drill)')
  .option('--fixture <drill>', 'a drill name (canary-tui drills) or fixture file instead of the config\'s source')
  .option('--at <time>', 'a drill: the virtual time of the report (RFC 3339, e.g. 2026-11-20T04:30:00Z)')
  .option('--audit-dir <dir>', 'a live window\'s folder, for its saved state (default: the config\'s audit.dir, then .canary-tui/audit)')
  .action(async (opts: { config?: string; fixture?: string; at?: string; auditDir?: string }) => {
    const { runReport } = await import('./comms/report-command.js');
    const now = Date.now();
    finish(await runReport(await momentOptions(opts, now), (l) => process.stdout.write(l), process.env, now));
  });

program
  .command('post')
  .description('print a #ship-room post: ack (the proposed window), t-2h (region, roster, window, dashboards), t-1h (pre-flight item by item), t-0 (tag, commit, change record)')
  .argument('<kind>', 'ack, t-2h, t-1h or t-0')
  .option('--config <file>', 'the window\'s config (default: the bundled drill)')
  .option('--fixture <drill>', 'a drill name or fixture file instead of the config\'s source')
  .option('--at <time>', 'a drill: the virtual time of the post (default: its moment before window.start)')
  .option('--audit-dir <dir>', 'a live window\'s folder, for its signatures (default: the config\'s audit.dir, then .canary-tui/audit)')
  .action(async (kind: string, opts: { config?: string; fixture?: string; at?: string; auditDir?: string }) => {
    const { runPost } = await import('./comms/post-command.js');
    const now = Date.now();
    finish(await runPost(kind, await momentOptions(opts, now), (l) => process.stdout.write(l), process.env, now));
  });

program
  .command('archive')
  .description('pack a window\'s folder into its .tar.gz for audit: the audit log, signatures, reports, metric snapshots, drill score, end-of-window files and the config, secrets scrubbed and PII masked, listed with SHA-256 sums (a decided window writes it by itself)')
  .option('--config <file>', 'the window\'s config: packed with its secrets removed, and its secrets scrubbed from every file')
  .option('--audit-dir <dir>', 'the window\'s folder (default: the config\'s audit.dir, then .canary-tui/audit)')
  .option('--window <id>', 'the window\'s id, the name of its audit log without .jsonl (default: the newest)')
  .action(async (opts: { config?: string; auditDir?: string; window?: string }) => {
    const { runArchive } = await import('./aftermath/archive-command.js');
    finish(await runArchive(opts, (l) => process.stdout.write(l), process.env, Date.now()));
  });

program
  .command('sign')
  .description('sign a pre-flight item of the live window as its DRI (the roster in --config names who may sign what)')
  .argument('<item>', 'infra-lock, security, db-changes, feature-flags, observability or seo')
  .requiredOption('--config <file>', 'the live window\'s config (its roster)')
  .requiredOption('--as <name>', 'who signs: the roster\'s holder of the item\'s role', nameArg)
  .option('--audit-dir <dir>', 'the window\'s folder (default: the config\'s audit.dir, then .canary-tui/audit)')
  .action(async (item: string, opts: { config: string; as: string; auditDir?: string }) => {
    const { runSign } = await import('./preflight/sign-command.js');
    finish(await runSign(item, opts, (l) => process.stdout.write(l), process.env, Date.now()));
  });

program
  .command('serve')
  .description('serve a drill fixture as Prometheus metrics on 127.0.0.1 (the live demo: examples/demo-prometheus.yml, examples/demo-live.yaml)')
  .argument('<fixture>', 'drill name (canary-tui drills) or fixture file')
  .requiredOption('--port <n>', 'port on 127.0.0.1', portArg)
  .option('--speed <n>', 'virtual seconds per real second (default 1: real time)', speedArg)
  .action(async (fixture: string, opts: { port: number; speed?: number }) => {
    const { runServe } = await import('./serve/serve-command.js');
    const stop = new AbortController();
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => stop.abort());
    finish(await runServe({ fixture, ...opts }, (l) => process.stdout.write(l), stop.signal));
  });

// Last, so it reaches every command: usage errors are bad input (exit 2), one line each.
strictUsage(program);

function finish(code: number): void {
  process.exitCode = code;
  // Ink, timers or sockets must not keep a decided window alive.
  setImmediate(() => process.exit(code));
}

// `canary-tui --headless | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

program.parseAsync(process.argv).catch((e: unknown) => {
  clearSplash();
  if (e instanceof UsageError) {
    process.stderr.write(`canary-tui: bad input: ${e.message}\n`);
    finish(EXIT.BAD_INPUT);
    return;
  }
  // --help and --version: commander printed them and ends with 0.
  if (e instanceof CommanderError && e.exitCode === 0) {
    finish(0);
    return;
  }
  if (e instanceof InputError) {
    process.stderr.write(`canary-tui: bad input: ${e.message}\n`);
    finish(EXIT.BAD_INPUT);
    return;
  }
  process.stderr.write(`canary-tui: internal error: ${e instanceof Error ? e.message : 'unknown'}\n`);
  finish(EXIT.INTERNAL_ERROR);
});
