/**
 * A window gets a pre-flight gate when its config plans the release around
 * it (window.start, a roster or a preflight section); a config with none of
 * them opens on data alone, as before. The signatures live beside the
 * window's audit, so `canary-tui sign` finds them from the same config.
 */
import type { Policy } from '../../rules/policy.js';
import type { UserConfig } from '../config/schema.js';
import { PreflightHost } from './preflight-host.js';
import { SignatureFile, signaturesPath } from './signature-file.js';
import type { ScalarQuery } from './caps-probe.js';

export const plansRelease = (config: UserConfig): boolean => Boolean(config.window || config.roster || config.preflight);

export function buildPreflight(config: UserConfig, policy: Policy, where: { auditDir: string; windowId: string }, scalar: ScalarQuery | null): PreflightHost | undefined {
  if (!plansRelease(config)) return undefined;
  return new PreflightHost(config, policy, new SignatureFile(signaturesPath(where.auditDir, where.windowId)), scalar);
}
