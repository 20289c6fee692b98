/**
 * The bin's first line (src/splash.ts): on a terminal, what the run opens,
 * before the war room's code loads; never for headless, check, --help or
 * --version, whose output scripts read.
 */
import { describe, expect, it } from 'vitest';
import { splashText } from '../../src/splash.js';

describe('splashText', () => {
  it('names what a screen run opens, from argv alone', () => {
    expect(splashText([], '1.2.3')).toBe('canary-tui 1.2.3 · opening the bundled drill…');
    expect(splashText(['--speed', '60', '--config', 'ops/window.yaml'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the window in window.yaml…');
    expect(splashText(['rehearse', 'fixtures/drill-x.json', '--speed', '120'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the drill drill-x.json…');
    expect(splashText(['--operator', 'ana', 'rehearse'], '1.2.3')).toBe('canary-tui 1.2.3 · opening the bundled drill…');
  });

  it('stays silent where output is read by scripts or another command runs', () => {
    for (const args of [['--headless'], ['check', '--config', 'w.yaml'], ['--help'], ['-V'], ['--version'], ['help'], ['rehearse', '--headless']]) {
      expect(splashText(args, '1.2.3')).toBeNull();
    }
  });
});
