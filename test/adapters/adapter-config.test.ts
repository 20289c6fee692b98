/** `adapter:` in a config file: every type validates strictly, and bad input names the path inside the file. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/input-error.js';
import { parseConfig } from '../../src/config/load-config.js';
import { mergeConfigs } from '../../src/config/to-policy.js';

const parse = (yaml: string) => parseConfig('window.yaml', yaml).adapter;

function badInput(yaml: string): InputError {
  try {
    parseConfig('window.yaml', yaml);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('adapter config', () => {
  it('haproxy: defaults scale 100 and a 5 s timeout per command', () => {
    expect(parse('adapter: { type: haproxy, socket: /run/haproxy/admin.sock, backend: app, canary: [canary1], stable: [stable1, stable2] }')).toEqual({
      type: 'haproxy', socket: '/run/haproxy/admin.sock', backend: 'app', canary: ['canary1'], stable: ['stable1', 'stable2'], scale: 100, timeout: 5_000,
    });
    expect(parse('adapter: { type: haproxy, socket: "127.0.0.1:9999", backend: app, canary: [c], stable: [s], scale: 200, timeout: 2s }'))
      .toMatchObject({ socket: '127.0.0.1:9999', scale: 200, timeout: 2_000 });
  });

  it('exec, webhook, file, plugin and dry-run parse with their durations and secret refs', () => {
    expect(parse('adapter: { type: exec, command: [kubectl, argo, rollouts, set, weight, web, "{weight}"], getCommand: [./get-weight.sh], timeout: 1m, secretEnv: { KUBE_TOKEN: { env: KUBE_TOKEN } } }'))
      .toMatchObject({ type: 'exec', timeout: 60_000, getCommand: ['./get-weight.sh'], secretEnv: { KUBE_TOKEN: { env: 'KUBE_TOKEN' } } });
    expect(parse('adapter: { type: webhook, url: "https://lb.example/weights", auth: { scheme: Bearer, token: { file: /run/secrets/lb } } }'))
      .toEqual({ type: 'webhook', url: 'https://lb.example/weights', auth: { header: 'authorization', scheme: 'Bearer', token: { file: '/run/secrets/lb' } }, timeout: 10_000 });
    expect(parse('adapter: { type: file, path: gitops/weights.json }')).toEqual({ type: 'file', path: 'gitops/weights.json' });
    expect(parse('adapter: { type: plugin, module: ./lb.mjs, options: { region: us-west-2 } }')).toEqual({ type: 'plugin', module: './lb.mjs', options: { region: 'us-west-2' } });
    expect(parse('adapter: { type: dry-run, initialWeight: 5 }')).toEqual({ type: 'dry-run', initialWeight: 5 });
  });

  it.each([
    ['adapter: { type: nginx }', 'adapter.type'],
    ['adapter: { type: haproxy, socket: /s, backend: app, canary: ["c1; shutdown sessions"], stable: [s] }', 'adapter.canary[0]'],
    ['adapter: { type: haproxy, socket: /s, backend: app, canary: [a], stable: [a] }', 'adapter.stable'],
    ['adapter: { type: haproxy, socket: /s, backend: app, canary: [a], stable: [b], scale: 300 }', 'adapter.scale'],
    ['adapter: { type: haproxy, socket: "lb:0", backend: app, canary: [a], stable: [b] }', 'adapter.socket'],
    ['adapter: { type: haproxy, socket: /s, backend: app, canary: [], stable: [b] }', 'adapter.canary'],
    ['adapter: { type: exec, command: [] }', 'adapter.command'],
    ['adapter: { type: exec, command: "kubectl set weight {weight}" }', 'adapter.command'],
    ['adapter: { type: exec, command: [x], timeout: soon }', 'adapter.timeout'],
    ['adapter: { type: exec, command: [x], secretEnv: { TOKEN: { env: A, file: b } } }', 'adapter.secretEnv.TOKEN'],
    ['adapter: { type: webhook, url: "ftp://lb/x" }', 'adapter.url'],
    ['adapter: { type: webhook, url: "https://lb/x", token: { env: T } }', 'adapter'],
    ['adapter: { type: file }', 'adapter.path'],
  ])('%s is bad input at %s', (yaml, path) => {
    expect(badInput(yaml).path).toBe(path);
  });

  it("a user's adapter replaces a drill's whole: no dry-run field leaks into it", () => {
    const merged = mergeConfigs({ adapter: { type: 'dry-run', initialWeight: 5 } }, { adapter: { type: 'file', path: 'w.json' } });
    expect(merged.adapter).toEqual({ type: 'file', path: 'w.json' });
  });
});
