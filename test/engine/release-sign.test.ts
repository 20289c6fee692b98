/**
 * Signing in the TUI goes through the engine's release track: the roster's
 * rule (the same as `canary-tui sign`), saved in the window's signature file
 * and audited before it is said, and the item GREEN at once.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/run/create-engine.js';
import { resolveDrill } from '../../src/run/drill-library.js';
import { setupWindow } from '../../src/run/setup-window.js';

describe('signing through the engine', () => {
  it('refuses the wrong person, records the right one, and the item turns GREEN', async () => {
    const auditDir = mkdtempSync(join(tmpdir(), 'canary-sign-'));
    const setup = await setupWindow({ fixture: resolveDrill('drill-whole-release'), auditDir, operator: 'Ana Ruiz' }, {}, Date.parse('2026-12-02T00:00:00Z'));
    const engine = createEngine(setup);
    await engine.start();
    await engine.check();
    const release = engine.release!;
    expect(await release.sign('security', 'Bo Chen', engine.clock.now(), engine.iso())).toEqual({ ok: false, detail: 'the roster\'s Security/Compliance (Ed Fox) signs security, not "Bo Chen"' });
    expect((await release.sign('prometheus', 'Ed Fox', engine.clock.now(), engine.iso())).detail).toMatch(/^prometheus is probed by canary-tui, not signed/);
    expect(await release.sign('security', ' ed fox ', engine.clock.now(), engine.iso())).toEqual({ ok: true, detail: 'security signed by Ed Fox (Security/Compliance)' });
    expect(engine.view().preflight!.items.find((i) => i.item.id === 'security')).toMatchObject({ status: 'GREEN', detail: 'signed by Ed Fox (Security/Compliance) at 04:00 UTC' });
    const audit = readFileSync(setup.audit.path!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((r) => r.type === 'signature')).toMatchObject([{ operator: 'Ed Fox', item: 'security', role: 'Security/Compliance' }]);
    expect(readFileSync(join(auditDir, `${setup.windowId}-signatures.jsonl`), 'utf8')).toContain('"item":"security","by":"Ed Fox"');
  });
});
