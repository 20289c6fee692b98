/** The InputError a config text raises; fails the test when it raises none. */
import { InputError } from '../../src/config/input-error.js';
import { parseConfig } from '../../src/config/load-config.js';

export function badInput(text: string, file = 'window.yaml'): InputError {
  try {
    parseConfig(file, text);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
