/**
 * The package as a user gets it: `npm pack` holds only what runs, and
 * `npx ./canary-tui-*.tgz` works from an empty folder (the relative path
 * matters: npx runs an absolute one as a command). Installs from the npm
 * registry, so it is the slowest test; the bound is generous.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('the package', { timeout: 180_000 }, () => {
  it('holds only what runs, and npx ./canary-tui-*.tgz --help and --version work from an empty folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'canary-pack-'));
    // --ignore-scripts: `npm test` built dist already, and a rebuild would swap dist/ under tests running beside this one.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files.filter((f) => !/^(dist\/|fixtures\/)/.test(f)).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
    expect(files).toContain('dist/cli.js');
    expect(files.some((f) => /^(src|test|rules|views|bench)\//.test(f))).toBe(false);
    const empty = mkdtempSync(join(tmpdir(), 'canary-npx-'));
    copyFileSync(join(out, packed[0]!.filename), join(empty, packed[0]!.filename));
    const npx = (arg: string) => spawnSync('npx', ['--yes', `./${packed[0]!.filename}`, arg], { cwd: empty, encoding: 'utf8', timeout: 150_000 });
    const help = npx('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: canary-tui \[options\] \[command\]/);
    const version = npx('--version');
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
