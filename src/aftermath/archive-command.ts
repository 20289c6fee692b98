/**
 * `canary-tui archive [--config FILE] [--audit-dir DIR] [--window ID]`:
 * packs a window's folder into its `.tar.gz` again, for a window that ended
 * undecided, or after more reports were copied. Without --window it is the
 * newest audit in the folder. With --config, the config (secrets removed)
 * goes in too, and every secret it names that can be resolved here is
 * scrubbed from every file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { InputError } from '../config/input-error.js';
import { Redactor, resolveSecret, type SecretRef } from '../config/secrets.js';
import type { UserConfig } from '../config/schema.js';
import { registerWebhook } from '../comms/slack-post.js';
import { archiveWindow } from './archive.js';
import { isSecretRef, writeConfigCopy, type Cleaner } from './sanitize.js';
import { configCopyPath, type WindowPlace } from './window-folder.js';

export interface ArchiveOptions { config?: string; auditDir?: string; window?: string }

const SIDE = /-signatures\.jsonl$/;

/** The newest window audit in the folder: `ID.jsonl`, not its signatures. */
export function newestWindow(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const audits = readdirSync(dir).filter((f) => f.endsWith('.jsonl') && !SIDE.test(f));
  audits.sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs);
  return audits[0]?.replace(/\.jsonl$/, '') ?? null;
}

/** Each secret the config names, resolved where it can be here: what cannot be resolved cannot leak from this process either. */
function secretsOf(config: UserConfig, file: string, env: NodeJS.ProcessEnv): Redactor {
  const redactor = new Redactor();
  const walk = (v: unknown, path: string): void => {
    if (!v || typeof v !== 'object') return;
    if (isSecretRef(v)) {
      // A URL secret (a webhook) is registered with its path, which a receiver may echo alone.
      try { registerWebhook(redactor, resolveSecret(v as SecretRef, { file, path }, env, redactor)); } catch { /* not resolvable here */ }
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(config, '');
  return redactor;
}

export async function runArchive(opts: ArchiveOptions, write: (s: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const config = opts.config ? await loadConfig(opts.config) : null;
  const auditDir = resolve(opts.auditDir ?? config?.audit?.dir ?? '.canary-tui/audit');
  const windowId = opts.window ?? newestWindow(auditDir);
  const where = opts.window ? '--window' : '--audit-dir';
  if (!windowId || !existsSync(join(auditDir, `${windowId}.jsonl`))) {
    throw InputError.said(where, '', `expected a window's audit log in ${auditDir}${opts.window ? ` named ${opts.window}.jsonl` : ''}, found none; nothing was archived`);
  }
  const place: WindowPlace = { auditDir, windowId };
  const commit = config?.release?.commit ?? savedCommit(place);
  const cleaner: Cleaner = { redactor: config ? secretsOf(config, resolve(opts.config!), env) : undefined, keep: commit ? [commit] : [] };
  if (config) writeConfigCopy(configCopyPath(place), config, cleaner);
  const out = archiveWindow(place, cleaner, now);
  write(`archived window ${windowId}: ${out.path}\n`);
  for (const f of out.files) write(`  ${f.sha256}  ${f.path} (${f.bytes} bytes)\n`);
  write(`  listed in MANIFEST.json and SHA256SUMS inside (sha256sum -c SHA256SUMS checks them)\n`);
  return 0;
}

/** The commit the window ran (its config copy, written at the end of a decided window): a SHA is the release's, not a person's ID. */
function savedCommit(place: WindowPlace): string | undefined {
  try {
    return (JSON.parse(readFileSync(configCopyPath(place), 'utf8')) as { release?: { commit?: string } }).release?.commit;
  } catch {
    return undefined;
  }
}
