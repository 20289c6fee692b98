/**
 * A window gets a pre-flight gate when its config plans the release around
 * it (window.start, a roster or a preflight section); a config with none of
 * them opens on data alone, as before. The signatures live beside the
 * window's audit, so `canary-tui sign` finds them from the same config.
 */
import type { Policy } from '../../rules/policy.js';
import type { UserConfig } from '../config/schema.js';
import { InfraLock } from './infra-lock.js';
import { PreflightHost } from './preflight-host.js';
import { SignatureFile, signaturesPath } from './signature-file.js';
import type { ScalarQuery } from './caps-probe.js';
import type { Fixture } from '../fixture/schema.js';
import type { Signature } from '../../rules/preflight.js';
import type { RegionChoice } from '../../rules/region-choice.js';

export const plansRelease = (config: UserConfig): boolean => Boolean(config.window || config.roster || config.preflight);

export function buildPreflight(
  config: UserConfig, policy: Policy, where: { auditDir: string; windowId: string }, scalar: ScalarQuery | null, regions: ((at: number) => Promise<RegionChoice>) | null = null,
): PreflightHost | undefined {
  if (!plansRelease(config)) return undefined;
  const lock = config.preflight?.infraLock ? new InfraLock(config.preflight.infraLock) : null;
  return new PreflightHost(config, policy, new SignatureFile(signaturesPath(where.auditDir, where.windowId)), scalar, [], regions, lock);
}

/**
 * A drill of the whole release: its fixture's recorded signatures and probes
 * replay at their virtual times, and signatures given during the drill (the
 * window's file) add to them.
 */
export function buildDrillPreflight(config: UserConfig, policy: Policy, where: { auditDir: string; windowId: string }, record: Fixture['preflight']): PreflightHost | undefined {
  // Only a drill that records its release is one: a team config layered over any drill (with its roster) must not turn it into one.
  if (!record || !plansRelease(config)) return undefined;
  const file = new SignatureFile(signaturesPath(where.auditDir, where.windowId));
  const recorded = (record?.signatures ?? []).map((s) => ({ item: s.item, by: s.by, at: Date.parse(s.at) }));
  const signatures = { read: (now: number) => [...recorded.filter((s) => s.at <= now), ...file.read()], append: (s: Signature) => file.append(s), get problem() { return file.problem; } };
  const probes = (record?.probes ?? []).map((p) => ({ ...p, at: Date.parse(p.at) }));
  return new PreflightHost(config, policy, signatures, null, probes);
}
