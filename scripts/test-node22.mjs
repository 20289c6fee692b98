// Runs the whole test suite again under Node 22, the release users on 22 and
// 24 get (CI's machine has Node 20). Node 22 comes from the npm registry's
// `node@22` package, installed once into node_modules/.cache/node22; every
// process the tests spawn (they use process.execPath) runs on it too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const home = join(root, 'node_modules/.cache/node22');
const node = join(home, 'node_modules/.bin/node');

if (!existsSync(node)) {
  mkdirSync(home, { recursive: true });
  execFileSync('npm', ['install', '--prefix', home, '--no-save', '--no-audit', '--no-fund', 'node@22'], { stdio: 'inherit' });
}
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v22.')) throw new Error(`expected Node 22 from node@22, got ${version}`);
console.log(`running the suite under Node ${version}`);
const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
const run = spawnSync(node, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
