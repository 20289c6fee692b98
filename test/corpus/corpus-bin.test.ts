/**
 * A representative dozen of the corpus through the built bin (dist/cli.js,
 * `npm run build` first), as `check --config F` and as a window (`--headless
 * --config F`, or `rehearse F --headless`): exit 2, exactly one stderr line
 * naming the file, the path and what was expected, no stack, nothing on
 * stdout, no audit folder. Two at a time: the machine has two cores.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineProblems, writeCase, type Case } from './cases.js';
import { CONFIG_CASES } from './config-cases.js';
import { FIXTURE_CASES } from './fixture-cases.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const root = mkdtempSync(join(tmpdir(), 'canary-corpus-bin-'));

const CONFIGS = ['source-url-ftp', 'placeholder-trakcs', 'empty-file', 'check-interval-0', 'cache-hit-150', 'error-rate-minus-5',
  'fixture-missing', 'secret-missing', 'unknown-top-key', 'yaml-10mb', 'json-10mb-keys'];
const FIXTURES = ['value-1e999', 'timestamp-1e999', 'json-syntax-multiline', 'start-not-a-time'];
const pick = (cases: Case[], names: string[]) => names.map((n) => cases.find((c) => c.name === n) ?? (() => { throw new Error(`no case ${n}`); })());

interface Run { args: string[]; file: string; c: Case; auditDir: string }
interface Result { status: number | null; stdout: string; stderr: string }

function spawnCli(args: string[], cwd: string): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Runs every job with at most `width` at once, in order of the list. */
async function pool<T, R>(jobs: T[], width: number, work: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => { while (next < jobs.length) { const i = next++; results[i] = await work(jobs[i]!); } };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

function runs(): Run[] {
  const out: Run[] = [];
  for (const c of pick(CONFIG_CASES, CONFIGS)) {
    const file = writeCase(join(root, 'config'), c);
    out.push({ args: ['check', '--config', file], file, c, auditDir: join(root, `${c.name}-check-audit`) });
    const auditDir = join(root, `${c.name}-window-audit`);
    out.push({ args: ['--headless', '--config', file, '--audit-dir', auditDir], file, c, auditDir });
  }
  for (const c of pick(FIXTURE_CASES, FIXTURES)) {
    const file = writeCase(join(root, 'fixture'), c);
    const config = join(dirname(file), 'check.yaml');
    writeFileSync(config, `source: { type: fixture, path: ${c.file} }\n`);
    const viaConfig = { ...c, path: 'source.path', says: [...(c.says ?? []), `${file}: ${c.path}: `] };
    out.push({ args: ['check', '--config', config], file: config, c: viaConfig, auditDir: join(root, `${c.name}-check-audit`) });
    const auditDir = join(root, `${c.name}-rehearse-audit`);
    out.push({ args: ['rehearse', file, '--headless', '--audit-dir', auditDir], file, c, auditDir });
  }
  return out;
}

describe('the built bin refuses the corpus', { timeout: 120_000 }, () => {
  it('a dozen configs and fixtures, as check and as a window: exit 2, one line, nothing printed or written', async () => {
    const jobs = runs();
    expect(jobs.length).toBeGreaterThanOrEqual(24);
    const results = await pool(jobs, 2, (r) => spawnCli(r.args, dirname(r.file)));
    const failures = jobs.flatMap((r, i) => {
      const { status, stdout, stderr } = results[i]!;
      const lines = stderr.split('\n').filter(Boolean);
      const line = (lines[0] ?? '').replace(/^canary-tui: bad input: /, '');
      const problems = [
        ...(status === 2 ? [] : [`exit ${status}`]),
        ...(lines.length === 1 && stderr.endsWith('\n') ? [] : [`${lines.length} stderr lines`]),
        ...(lines[0]?.startsWith('canary-tui: bad input: ') ? [] : ['no "bad input" prefix']),
        ...lineProblems(line, r.file, r.c),
        ...(stdout === '' ? [] : [`stdout: ${stdout.slice(0, 80)}`]),
        ...(existsSync(r.auditDir) ? ['wrote the audit folder'] : []),
      ];
      return problems.length ? [`${r.c.name} (${r.args[0]}): ${problems.join('; ')}`] : [];
    });
    expect(failures).toEqual([]);
  });
});
