import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const COLOUR = /\x1b\[(3|9)\dm/;

/** The raw bytes up to the first checked frame on a pseudo-terminal (util-linux `script`), colour codes and all. */
function firstFrame(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const audit = mkdtempSync(join(tmpdir(), 'canary-nocolor-'));
    const vars = Object.entries({ COLUMNS: '120', LINES: '40', TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`).join(' ');
    const child = spawn('script', ['-qfec', `env -u CI -u CONTINUOUS_INTEGRATION ${vars} ${process.execPath} ${CLI} --speed 60 --audit-dir ${audit}`, '/dev/null']);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no frame within 15 s:\n${out}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('Rollback triggers') && out.includes('✔')) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(out);
      }
    });
  });
}

describe('colour follows NO_COLOR and FORCE_COLOR', { timeout: 40_000 }, () => {
  it('colours by default, none under NO_COLOR (symbols still there), and FORCE_COLOR wins over NO_COLOR', async () => {
    expect(await firstFrame({})).toMatch(COLOUR);
    const plain = await firstFrame({ NO_COLOR: '1' });
    expect(plain).not.toMatch(COLOUR);
    expect(plain).toContain('✔');
    expect(await firstFrame({ NO_COLOR: '1', FORCE_COLOR: '1' })).toMatch(COLOUR);
  });

  it('draws live frames on a terminal even when CI is set (Ink alone would hold them until exit)', async () => {
    const frame = await firstFrame({ CI: 'true' });
    expect(frame).toContain('Rollback triggers');
    expect(frame).toContain('REHEARSAL');
  });
});
