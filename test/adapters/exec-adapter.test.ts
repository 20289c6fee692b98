/**
 * The exec adapter runs real programs (this Node binary with -e scripts, and
 * /bin/echo) to prove: placeholders land inside argv elements, the exit code
 * decides, a timeout kills, nothing goes through a shell, and secrets in the
 * output never reach the answer.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapters/create-adapter.js';
import { ExecAdapter, OUTPUT_LIMIT, type ExecOptions } from '../../src/adapters/exec-adapter.js';
import { Redactor } from '../../src/config/secrets.js';

const node = process.execPath;
let dir: string;
let redactor: Redactor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'canary-exec-'));
  redactor = new Redactor();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const exec = (command: string[], over: Partial<ExecOptions> = {}) =>
  new ExecAdapter({ command, timeoutMs: 10_000, cwd: dir, env: process.env, redactor, ...over });

/** A node -e script that writes its own argv (after the script) to argv.json in its cwd. */
const RECORD_ARGV = "require('fs').writeFileSync('argv.json', JSON.stringify(process.argv.slice(1)))";
const recorded = () => JSON.parse(readFileSync(join(dir, 'argv.json'), 'utf8')) as string[];

describe('exec adapter', () => {
  it('fills {weight}, {stableWeight} and {phase} inside argv elements and succeeds on exit 0', async () => {
    const a = exec([node, '-e', RECORD_ARGV, '--', '--weight={weight}', '{stableWeight}', 'phase-{phase}', '{unknown}'], { phase: (w) => (w === 25 ? 2 : 0) });
    const set = await a.setWeight(25);
    expect(set).toEqual({ ok: true, weight: 25, detail: 'node exited 0' });
    expect(recorded()).toEqual(['--weight=25', '75', 'phase-2', '{unknown}']);
    expect(a.describe()).toMatch(/^exec .*node -e/);
  });

  it('a non-zero exit is a failure carrying the exit code and the output', async () => {
    const set = await exec([node, '-e', "console.log('patching'); console.error('rollout web-app not found'); process.exit(3)"]).setWeight(5);
    expect(set).toEqual({ ok: false, weight: null, detail: 'node exited 3: patching\nrollout web-app not found' });
  });

  it('a command that outlives its timeout is killed and the answer says so', async () => {
    const started = Date.now();
    const set = await exec([node, '-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 }).setWeight(5);
    expect(set).toEqual({ ok: false, weight: null, detail: 'node timed out after 300 ms and was killed' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a program that does not exist is a failure, not a throw', async () => {
    expect(await exec(['/nonexistent/kubectl', 'argo']).setWeight(5)).toEqual({ ok: false, weight: null, detail: 'could not start kubectl (ENOENT)' });
  });

  it('passes "; touch pwned" and friends as literal arguments: nothing runs, no file appears', async () => {
    const evil = ['; touch pwned', '$(touch pwned2)', '`touch pwned3`', '&& touch pwned4', '| touch pwned5'];
    expect(await exec([node, '-e', RECORD_ARGV, '--', ...evil]).setWeight(5)).toMatchObject({ ok: true });
    expect(recorded()).toEqual(evil);
    const echoed = await exec(['/bin/echo', 'weight={weight}', '; touch pwned']).setWeight(5);
    expect(echoed.detail).toBe('echo exited 0: weight=5 ; touch pwned');
    expect(readdirSync(dir).sort()).toEqual(['argv.json']);
  });

  it('scrubs a secret (and its base64 form) from the output, before cutting it to ~2 KB', async () => {
    redactor.add('s3cr3t-token-value');
    const b64 = Buffer.from('s3cr3t-token-value').toString('base64');
    const script = `console.log('x'.repeat(5000)); console.log('token=s3cr3t-token-value basic=${b64}'); process.exit(1)`;
    const set = await exec([node, '-e', script]).setWeight(5);
    expect(set.ok).toBe(false);
    expect(set.detail).toContain('token=[redacted] basic=[redacted]');
    expect(set.detail).not.toContain('s3cr3t');
    expect(set.detail).not.toContain(b64);
    expect(set.detail.length).toBeLessThanOrEqual(OUTPUT_LIMIT + 40);
    expect(set.detail).toMatch(/^node exited 1: …x+/);
  });

  it('secretEnv reaches the command from the environment, and is scrubbed when it prints it', async () => {
    const a = await createAdapter(
      { type: 'exec', command: [node, '-e', 'console.log(`using ${process.env.LB_TOKEN}`)'], timeout: 5_000, secretEnv: { LB_TOKEN: { env: 'TEST_LB_TOKEN' } } },
      { configFile: join(dir, 'window.yaml'), env: { ...process.env, TEST_LB_TOKEN: 'tok-98765-secret' }, redactor },
    );
    expect(await a.setWeight(5)).toEqual({ ok: true, weight: 5, detail: 'node exited 0: using [redacted]' });
  });

  describe('read-back', () => {
    const printing = (text: string) => exec(['/bin/true'], { getCommand: [node, '-e', `process.stdout.write(${JSON.stringify(text)})`] });

    it('parses getCommand stdout as the weight', async () => {
      expect(await printing('25\n').verify(25)).toEqual({ ok: true, weight: 25, detail: 'read back 25%' });
      expect(await printing(' 5 ').getWeight()).toEqual({ ok: true, weight: 5, detail: 'read back 5%' });
    });

    it('a different number is a mismatch with both values', async () => {
      expect(await printing('25').verify(5)).toEqual({ ok: false, weight: 25, detail: 'read back 25%, expected 5%' });
    });

    it.each(['', 'abc', '150', '25%'])('stdout %j is not a weight', async (text) => {
      const back = await printing(text).getWeight();
      expect(back).toMatchObject({ ok: false, weight: null });
      expect(back.detail).toContain('expected a number 0-100');
    });

    it('without getCommand, verify is unsupported (a distinct answer) and getWeight says it cannot read', async () => {
      const a = exec(['/bin/true']);
      expect(await a.verify!(5)).toEqual({ unsupported: true, detail: 'no getCommand configured' });
      expect(await a.getWeight()).toMatchObject({ ok: false, weight: null });
    });
  });
});
