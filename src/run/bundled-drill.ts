/**
 * Finds the drill shipped in `fixtures/`, whether running from the esbuild
 * bundle (dist/cli.js) or from source under test (src/run/*.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_DRILL = 'drill-checkout-p95.json';

export function bundledDrillPath(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'fixtures', BUNDLED_DRILL);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`bundled drill ${BUNDLED_DRILL} not found near ${fileURLToPath(from)}`);
}
