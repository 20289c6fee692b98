/**
 * Issue 8, observation 13: `c` said "report copied through the terminal
 * (OSC 52)" when nothing arrived (tmux with `set-clipboard external`). OSC
 * 52 cannot be confirmed; the report is now saved to a file every time, and
 * the notice says which of the three happened.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyReport, osc52, type CopyDeps } from '../../src/report/copy-report.js';

const AT = Date.parse('2026-11-20T04:15:00Z');

function deps(clipboard: 'works' | 'fails', terminal: 'works' | 'fails' = 'works') {
  const written: string[] = [];
  const d: CopyDeps = {
    dir: join(mkdtempSync(join(tmpdir(), 'canary-copy-')), 'reports'),
    now: () => AT,
    writeClipboard: async () => {
      if (clipboard === 'fails') throw new Error('Couldn\'t find the `xsel` binary');
    },
    writeTerminal: (b) => {
      if (terminal === 'fails') throw new Error('EPIPE');
      written.push(b);
    },
  };
  return { d, written, path: join(d.dir, 'report-20261120T041500Z.md') };
}

describe('copying the report', () => {
  it('with no clipboard it sends OSC 52, says it cannot be confirmed, and names the saved file', async () => {
    const { d, written, path } = deps('fails');
    const out = await copyReport('*Canary status*', d);
    expect(out).toEqual({ method: 'osc52', path, message: `report sent to the terminal (OSC 52; not confirmable), also saved to ${path}` });
    expect(written).toEqual([osc52('*Canary status*')]);
    expect(readFileSync(path, 'utf8')).toBe('*Canary status*\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('with a clipboard it says so, and still saves the file', async () => {
    const { d, written, path } = deps('works');
    expect((await copyReport('r', d)).message).toBe(`report copied to the clipboard, also saved to ${path}`);
    expect(written).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('r\n');
  });

  it('when neither works, the file is all it claims', async () => {
    const { d, path } = deps('fails', 'fails');
    expect(await copyReport('r', d)).toEqual({ method: 'none', path, message: `no clipboard; report saved to ${path}` });
  });
});
