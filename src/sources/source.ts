/**
 * Where numbers come from. A source answers "what were the KPIs at time t";
 * the time is explicit so live polling and replay share one interface. One
 * bad query must not blank the others, so a read returns what it got plus
 * the problems it met, each naming its KPI.
 */
import type { KpiId, Sample } from '../../rules/types.js';

export interface SourceProblem {
  /** 'unreachable': nothing answered; 'bad-query': the server refused the query; 'bad-response': an answer we cannot trust. */
  kind: 'unreachable' | 'bad-query' | 'bad-response';
  kpi?: KpiId;
  /** Safe to show: never holds a credential. */
  message: string;
}

export interface SourceResult {
  samples: Sample[];
  problems: SourceProblem[];
}

export interface Source {
  readonly name: string;
  read(at: number): Promise<SourceResult>;
}

/** Reads every source at once; their samples and problems add up. */
export class CompositeSource implements Source {
  readonly name: string;

  constructor(private readonly sources: readonly Source[]) {
    this.name = sources.map((s) => s.name).join(' + ');
  }

  async read(at: number): Promise<SourceResult> {
    const results = await Promise.all(this.sources.map((s) => s.read(at)));
    return { samples: results.flatMap((r) => r.samples), problems: results.flatMap((r) => r.problems) };
  }
}
