/**
 * The bin: a first line at once (splash.ts), then the CLI. Kept this small
 * so the line costs only Node's own start-up; everything else loads after.
 */
import { clearSplash, showSplash } from './splash.js';
import { VERSION } from './version.js';

showSplash(process.argv, process.stdout, VERSION);
// Whatever ends the process before the first frame (Ctrl-C while loading, a crash) finds the line erased.
process.once('exit', clearSplash);
process.once('uncaughtExceptionMonitor', clearSplash);
await import('./cli.js');
