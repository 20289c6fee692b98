/**
 * Exit codes are a contract with scripts and CI jobs that wrap canary-tui.
 * They are documented in README; never renumber them.
 */
export const EXIT = {
  /** The window reached 100% and served its stable time. */
  PROMOTED: 0,
  /** A crash or a bug: something canary-tui did not expect. */
  INTERNAL_ERROR: 1,
  /** Config, fixture or flags were invalid; nothing was applied. */
  BAD_INPUT: 2,
  /** The canary was rolled back (by a trigger or by the IC) and the LB confirmed weight 0. */
  ROLLED_BACK: 3,
  /** The operator quit (q, Ctrl-C, SIGTERM) before the window was decided. */
  STOPPED: 4,
  /** The drill or recorded window ran out of data before a decision. */
  ENDED_UNDECIDED: 5,
  /** An action ran but its result did not read back (sign remove-infra-lock with a lock adapter); nothing was signed. */
  NOT_CONFIRMED: 6,
} as const;

export type Outcome = 'promoted' | 'rolled-back' | 'stopped' | 'ended';

export function exitCodeFor(outcome: Outcome): number {
  switch (outcome) {
    case 'promoted':
      return EXIT.PROMOTED;
    case 'rolled-back':
      return EXIT.ROLLED_BACK;
    case 'stopped':
      return EXIT.STOPPED;
    case 'ended':
      return EXIT.ENDED_UNDECIDED;
  }
}
