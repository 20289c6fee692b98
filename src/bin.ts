/**
 * The bin: a first line at once (splash.ts), then the CLI. Kept this small
 * so the line costs only Node's own start-up; everything else loads after.
 */
import { showSplash } from './splash.js';
import { VERSION } from './version.js';

showSplash(process.argv, process.stdout, VERSION);
await import('./cli.js');
