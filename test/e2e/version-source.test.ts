/**
 * `--version` is package.json's version, read when the bin is bundled, not a
 * constant in the source: bundling src/cli.tsx against a package.json that
 * says 9.9.9-test must print 9.9.9-test. (The built bin printing today's
 * version would pass with a constant too, as long as nobody bumped it.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** Under the project so the bundle's external imports resolve from its node_modules. */
const OUT = join(ROOT, 'node_modules/.cache/canary-tui-version-test');

const fakePackage: Plugin = {
  name: 'fake-package-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) =>
      args.path === join(ROOT, 'package.json') ? { contents: JSON.stringify({ name: 'canary-tui', version: '9.9.9-test' }), loader: 'json' } : undefined);
  },
};

describe('the version the bin prints', { timeout: 60_000 }, () => {
  it('comes from package.json at build time', async () => {
    mkdirSync(OUT, { recursive: true });
    const outfile = join(OUT, 'cli.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/cli.tsx')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      jsx: 'automatic', packages: 'external', plugins: [fakePackage], logLevel: 'silent',
    });
    const r = spawnSync(process.execPath, [outfile, '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout]).toEqual([0, '9.9.9-test\n']);
  });
});
