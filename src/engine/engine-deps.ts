/**
 * What an Engine is built from. Every seam (clock, source, adapter, audit)
 * is passed in by the composition root, so a drill and a live window run the
 * same engine on different parts.
 */
import type { Policy } from '../../rules/policy.js';
import type { Adapter } from '../adapters/adapter.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Clock } from '../clock/clock.js';
import type { Source } from '../sources/source.js';
import type { SeriesStore } from '../store/series-store.js';
import type { EngineView } from './engine-view.js';
import type { EngineEvent } from './events.js';
import type { WindowFile } from './window-file.js';
import type { WindowMeta } from './window-meta.js';
import type { PreflightHost } from '../preflight/preflight-host.js';

/** How a window opens: a drill at once, `--open` at the first check with data, otherwise when the IC says so. */
export type OpenPolicy = 'at-start' | 'when-ready' | 'ic';

export interface EngineDeps {
  policy: Policy;
  clock: Clock;
  source: Source;
  adapter: Adapter;
  audit: AuditSink;
  meta: WindowMeta;
  store?: SeriesStore;
  /** Attempts per action and the first backoff (doubling); defaults 3 and 500 ms. */
  retry?: { attempts: number; backoffMs: number };
  /** Where the state is saved on every change, for crash-resume; absent in drills and tests. */
  persist?: WindowFile;
  /** Set for a read-only viewer (another instance drives): why it may not act. */
  readOnly?: string;
  /** Default: a drill (REHEARSAL) opens at start, a live window waits for the IC. */
  open?: OpenPolicy;
  /** The pre-flight gate (window.start, roster, probes, signatures); absent, opening needs only data. */
  preflight?: PreflightHost;
  /** Builds the 15-minute report from a view; the composition root passes it, so the engine knows no report format. */
  reporter?: (view: EngineView) => string;
}

export type Listener = (event: EngineEvent) => void;
