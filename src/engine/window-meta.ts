/** Facts about the window that the screen, the report and the audit repeat. */
export interface ReleaseInfo {
  tag: string;
  commit: string;
  service: string;
  region: string;
  channel: string;
  /** The Slack mention that tags the CEO (comms/mentions.ts); null when the config names none. */
  ceoHandle: string | null;
  /** The Incident Commander on duty, from the roster; null without one (the operator is named instead). */
  ic?: { name: string; contact: string } | null;
}

export type RunMode = 'LIVE' | 'REHEARSAL' | 'RETROSPECTIVE';

export interface WindowMeta {
  release: ReleaseInfo;
  mode: RunMode;
  /** Virtual seconds per real second in a rehearsal; Infinity when headless. */
  speed: number | null;
  /** Who presses the keys; from config or $USER. */
  operator: string;
  /** One line about where numbers come from, for the header. */
  sourceName: string;
  /** Where the drill or the window ends; the engine stops there undecided. */
  endsAt: number | null;
}

/** Operator recorded for decisions the engine takes by itself ("no debate"). */
export const AUTO_OPERATOR = 'canary-tui (auto)';
