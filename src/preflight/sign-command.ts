/**
 * `canary-tui sign ITEM --as NAME --config FILE`: a DRI signs a pre-flight
 * item of the live window that config describes. Refused (bad input, exit 2,
 * nothing written) for an item that does not exist or is probed by the tool,
 * and for a signer who is not the roster's holder of the item's role. A
 * signature is fsync'd and audited before it is reported; the running window
 * sees it at its next check. Removing the infra lock with a lock adapter
 * configured runs it and signs only when the lock reads back unlocked
 * (else exit 6, nothing signed).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkSignature } from '../../rules/preflight-items.js';
import { ROLE_TITLE } from '../../rules/roles.js';
import { FileAuditLog } from '../audit/audit-log.js';
import { InputError } from '../config/input-error.js';
import { loadConfig } from '../config/load-config.js';
import { windowParts } from '../run/window-parts.js';
import { EXIT } from '../exit-codes.js';
import { InfraLock } from './infra-lock.js';
import { SignatureFile, signaturesPath } from './signature-file.js';

export interface SignOptions {
  config: string;
  as: string;
  auditDir?: string;
}

export async function runSign(itemId: string, opts: SignOptions, write: (line: string) => void, env: NodeJS.ProcessEnv, now: number): Promise<number> {
  const config = await loadConfig(opts.config);
  const checked = checkSignature(itemId, opts.as, config.roster ?? {});
  if (!checked.ok) {
    const where = checked.field === 'item' ? ['ITEM', ''] : checked.field === 'by' ? ['--as', ''] : [opts.config, 'roster'];
    throw InputError.said(where[0]!, where[1]!, checked.why);
  }
  const { item, role, name } = checked;
  const parts = windowParts(config, { ...(opts.auditDir ? { auditDir: opts.auditDir } : {}), operator: opts.as }, 'LIVE', now, env);
  // The default folder is relative to where sign runs: refuse rather than sign into a folder no window reads.
  const auditFile = join(parts.auditDir, `${parts.windowId}.jsonl`);
  if (!existsSync(auditFile)) {
    throw InputError.said('--audit-dir', '', `expected the folder of the live window ${parts.windowId}, but ${parts.auditDir} holds no ${parts.windowId}.jsonl (start the window first, or give its --audit-dir); nothing was signed`);
  }
  const lock = config.preflight?.infraLock && item.id === 'remove-infra-lock' ? new InfraLock(config.preflight.infraLock, env) : null;
  const removal = lock ? await lock.remove() : null;
  const audit = new FileAuditLog(join(parts.auditDir, `${parts.windowId}.jsonl`));
  if (removal && !removal.ok) {
    audit.append({ at: new Date(now).toISOString(), type: 'refusal', operator: name, action: 'sign', item: item.id, why: removal.detail });
    audit.flushPending?.();
    write(`not signed: the infra lock is not confirmed removed (${removal.detail})\n`);
    return EXIT.NOT_CONFIRMED;
  }
  const file = signaturesPath(parts.auditDir, parts.windowId);
  try {
    new SignatureFile(file).append({ item: item.id, by: name, at: now });
  } catch (e) {
    throw InputError.said('--audit-dir', '', `expected a folder canary-tui can write the signature to (${(e as NodeJS.ErrnoException).code ?? 'write failed'}: ${file}); nothing was signed`);
  }
  audit.append({ at: new Date(now).toISOString(), type: 'signature', operator: name, item: item.id, role: ROLE_TITLE[role], detail: removal ? removal.detail : item.detail });
  const kept = audit.flushPending?.();
  if (kept) throw new Error(`the signature is saved but its audit record is not: ${kept}`);
  write(`signed ${item.id} (${item.title}) as ${name}, ${ROLE_TITLE[role]}, at ${new Date(now).toISOString().slice(11, 16)} UTC for window ${parts.windowId}${removal ? ` (${removal.detail})` : ''}\n`);
  return 0;
}
