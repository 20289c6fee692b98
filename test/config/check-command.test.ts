/**
 * `check` before T-0: it builds the sources and the adapter a live window
 * would build, so a missing secret or a plugin that does not load fails now,
 * with the file and the path, while nothing is contacted and no secret printed.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { runCheck } from '../../src/run/check-command.js';
import { startRecordingServer, type RecordingServer } from '../sources/recording-server.js';

const TOKEN = 'check-sekret-7d41f0';
let server: RecordingServer;
let dir: string;

beforeAll(async () => {
  server = await startRecordingServer((_req, res) => res.end('{}'));
  dir = mkdtempSync(join(tmpdir(), 'canary-check-'));
  copyFileSync(join(import.meta.dirname, '../../examples/plugin-adapter.mjs'), join(dir, 'lb.mjs'));
});
afterAll(() => server.stop());

function configWith(lines: string[]): string {
  const file = join(dir, `w-${Math.random().toString(36).slice(2, 8)}.yaml`);
  writeFileSync(file, [
    'source:',
    '  type: prometheus',
    `  url: ${server.url}`,
    '  bearerToken: { env: CHECK_PROM_TOKEN }',
    '  queries: { latency_p95: "max by ({{track}}, {{journey}}) (x{ {{tracks}} })" }',
    ...lines,
  ].join('\n'));
  return file;
}

async function check(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCheck(file, (l) => (out += l), env);
  return { code, out };
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('canary-tui check builds what the window would build', () => {
  it('resolves the token and loads the plugin, prints neither secret nor request, and contacts nothing', async () => {
    const file = configWith(['adapter: { type: plugin, module: ./lb.mjs, options: { logFile: lb.log } }']);
    const { code, out } = await check(file, { CHECK_PROM_TOKEN: TOKEN });
    expect(code).toBe(0);
    expect(out).toContain(`source: Prometheus ${new URL(server.url).host} (secrets resolved; not contacted)`);
    expect(out).toContain('adapter: example plugin (logs to lb.log) (built; not contacted)');
    expect(out).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  it('a missing token is bad input naming the file, the path and the variable, never a value', async () => {
    const file = configWith([]);
    const e = await failure(check(file, {}));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(`${file}: source.bearerToken: expected environment variable CHECK_PROM_TOKEN to be set (it holds the secret)`);
  });

  it('a plugin that is not there is bad input naming adapter.module', async () => {
    const file = configWith(['adapter: { type: plugin, module: ./missing-lb.mjs }']);
    const e = await failure(check(file, { CHECK_PROM_TOKEN: TOKEN }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/: adapter\.module: /);
  });

  it('an exec adapter whose secret variable is unset is bad input naming adapter.secretEnv', async () => {
    const file = configWith(['adapter: { type: exec, command: [kubectl, scale], secretEnv: { KUBE_TOKEN: { env: CHECK_KUBE_TOKEN } } }']);
    const e = await failure(check(file, { CHECK_PROM_TOKEN: TOKEN }));
    expect((e as Error).message).toBe(`${file}: adapter.secretEnv.KUBE_TOKEN: expected environment variable CHECK_KUBE_TOKEN to be set (it holds the secret)`);
  });
});
