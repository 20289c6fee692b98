/**
 * The version `--version` prints: package.json's, bundled in by esbuild at
 * build time, so a release bump can never leave the bin saying the old one.
 */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
