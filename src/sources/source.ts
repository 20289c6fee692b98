/**
 * Where numbers come from. A source answers "what were the KPIs at time t";
 * the time is explicit so live polling and replay share one interface.
 */
import type { Sample } from '../../rules/types.js';

export interface Source {
  readonly name: string;
  /** Samples observed at or before `at`. Rejects with a SourceError on failure. */
  read(at: number): Promise<Sample[]>;
}

/** A failure a source can explain to the IC; never carries credentials. */
export class SourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'SourceError';
  }
}
