// Runs a TypeScript benchmark: bundles it with esbuild into a temp file, then imports it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry) throw new Error('usage: node bench/run-ts.mjs bench/NAME.ts');
// Inside the project, so the bundle's external packages resolve from node_modules.
const dir = join(process.cwd(), 'node_modules', '.cache', 'canary-bench');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, `${process.pid}.mjs`);
await build({
  entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  packages: 'external', define: { 'import.meta.dirname': JSON.stringify(join(process.cwd(), 'bench')) },
});
await import(pathToFileURL(outfile).href);
