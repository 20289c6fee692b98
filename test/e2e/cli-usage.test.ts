/**
 * The built bin's usage errors keep README's contract: bad flags are bad
 * input, exit 2, with one stderr line naming the flag and what was expected;
 * nothing runs and nothing is audited. --help and --version still exit 0.
 * Run `npm run build` first: these spawn dist/cli.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const PKG = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

/** Runs the bin with an audit folder of its own (check takes none), so a run that starts anyway shows up. */
const run = (args: string[], auditDir = mkdtempSync(join(tmpdir(), 'canary-usage-'))) => {
  const audit = args[0] === 'check' ? [] : ['--audit-dir', auditDir];
  const r = spawnSync(process.execPath, [CLI, ...args, ...audit], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ...r, auditDir };
};

describe('usage errors exit 2 with one line naming the flag (built bin)', { timeout: 60_000 }, () => {
  it.each<[string, string[], string]>([
    ['--speed 0', ['--speed', '0'], 'canary-tui: bad input: --speed: expected a number above 0, e.g. 60, got "0"'],
    ['--speed abc', ['--speed', 'abc'], 'canary-tui: bad input: --speed: expected a number above 0, e.g. 60, got "abc"'],
    ['rehearse --speed 0', ['rehearse', '--speed', '0'], 'canary-tui: bad input: rehearse --speed: expected a number above 0, e.g. 60, got "0"'],
    ['--operator ""', ['--operator', ''], 'canary-tui: bad input: --operator: expected a name, not blank, got ""'],
    ['--operator of spaces', ['--operator', '   '], 'canary-tui: bad input: --operator: expected a name, not blank, got "   "'],
    ['rehearse --operator ""', ['rehearse', '--operator', ''], 'canary-tui: bad input: rehearse --operator: expected a name, not blank, got ""'],
    ['check without --config', ['check'], 'canary-tui: bad input: check --config: missing; expected <file> (config to check)'],
    ['a mistyped command', ['rehers'], 'canary-tui: bad input: "rehers": unknown command; expected rehearse, drills, check, record, region, report, post, archive, sign or serve (see canary-tui --help)'],
    ['rehearse with two fixtures', ['rehearse', 'a.json', 'b.json'], 'canary-tui: bad input: rehearse: too many arguments ("a.json" "b.json"); expected at most 1 ([fixture])'],
  ])('%s', (_name, args, line) => {
    const r = run(args);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(r.auditDir)).toEqual([]);
  });

  it('an unknown option names itself and lists the options the command takes', () => {
    const r = run(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^canary-tui: bad input: --bogus: unknown option; expected one of --config, --headless, --speed, .*--operator.* \(see canary-tui --help\)\n$/);
  });

  it('a near miss says which option was meant', () => {
    const r = run(['--sped', '60']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^canary-tui: bad input: --sped: unknown option \(did you mean --speed\?\); expected one of .*\n$/);
  });

  it('a flag with its value missing says what value it expected', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--config'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([2, 'canary-tui: bad input: check --config: expected <file> after it\n']);
  });
});

describe('--help and --version still exit 0', { timeout: 30_000 }, () => {
  it('--help prints usage on stdout', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Usage: canary-tui \[options\] \[command\]/);
  });

  it('help for a subcommand too', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Usage: canary-tui check \[options\]/);
  });

  it('--version prints package.json’s version', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${PKG.version}\n`, '']);
  });
});
