/**
 * The one scrubber (src/config/secrets.ts): each registered secret in every
 * form a receiver may echo it in. Issue 9: a 401 echoing `Authorization:
 * Basic …` showed base64(user:password), which the redactor never knew.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secrets.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('Redactor: every form of a secret', () => {
  // Quotes, a backslash, "/", "+" and "&" so that each encoding differs from the raw value.
  const secret = 'pa"ss\\w/o+rd&9';
  const r = new Redactor();
  r.add(secret);

  it.each([
    ['raw', secret],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ k: secret }).toString().slice(2)],
    ['base64', b64(secret)],
  ])('%s', (_form, shown) => {
    expect(r.scrub(`before ${shown} after`)).toBe('before [redacted] after');
  });
});

describe('Redactor: basic auth', () => {
  // "ic-bot:" is 7 bytes, so the password's own base64 is not a piece of the header's: only the pair's is.
  it('base64 of user:password, as a Basic header carries it, once the pair is registered', () => {
    const r = new Redactor();
    r.add('pw-7q2x9k4m', { username: 'ic-bot' });
    const header = `Basic ${b64('ic-bot:pw-7q2x9k4m')}`;
    expect(header).not.toContain(b64('pw-7q2x9k4m'));
    expect(r.scrub(`401: you sent ${header}`)).toBe('401: you sent Basic [redacted]');
    expect(r.scrub('url http://ic-bot:pw-7q2x9k4m@host/')).toBe('url http://ic-bot:[redacted]@host/');
  });
});

describe('Redactor: overlapping secrets', () => {
  it('the longer secret is scrubbed whole, not around the shorter one inside it', () => {
    const r = new Redactor();
    r.add('abcd1234');
    r.add('xx-abcd1234-yy');
    expect(r.scrub('got xx-abcd1234-yy and abcd1234')).toBe('got [redacted] and [redacted]');
  });

  it('values shorter than 4 characters are not registered (they would blank ordinary words)', () => {
    const r = new Redactor();
    r.add('ab1');
    expect(r.scrub('ab1 stays')).toBe('ab1 stays');
  });
});
