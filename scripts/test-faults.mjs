// The fault suite (test/faults/, real Prometheus and HAProxy), then README's
// "What it survives" table from what this run wrote. Old results are removed
// first, so a fault that fails now cannot keep the row an earlier run earned.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
rmSync(join(root, 'test/faults/results'), { recursive: true, force: true });
const suite = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/faults/'], { cwd: root, stdio: 'inherit' });
const table = spawnSync(process.execPath, [join(root, 'scripts/faults-table.mjs')], { cwd: root, stdio: 'inherit' });
// A suite killed by a signal has no status: that is a failure, not a pass.
process.exit((suite.status ?? 1) || (table.status ?? 1));
