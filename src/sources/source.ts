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
  /**
   * The KPIs this read asked for. A series of one of them that is not in
   * `samples` was not in the answer: the source says "no data now", so its
   * last value is not judged, however young. Absent for sources (fixtures)
   * whose gaps age out through `staleAfter`.
   */
  asked?: readonly KpiId[];
}

export interface Source {
  readonly name: string;
  read(at: number): Promise<SourceResult>;
  /**
   * Optional: the KPIs over [start, end] (epoch ms), a point every `stepMs`
   * or coarser, each sample at its own point's time. A window that resumes
   * after a crash, or a viewer that opens on a running one, starts with an
   * empty store; this refills the P95 chart since the phase began. Later,
   * recording and retrospective replay will read through it too. Absent when
   * a source cannot look back (a billing API that only answers "now").
   */
  history?(kpis: readonly KpiId[], start: number, end: number, stepMs: number): Promise<SourceResult>;
}

/** Reads every source at once; their samples and problems add up. */
export class CompositeSource implements Source {
  readonly name: string;
  /** Present only when one of the sources can look back; asks just those. */
  readonly history?: Source['history'];

  constructor(private readonly sources: readonly Source[]) {
    this.name = sources.map((s) => s.name).join(' + ');
    const lookBack = sources.flatMap((s) => (s.history ? [s.history.bind(s)] : []));
    if (lookBack.length) {
      this.history = async (kpis, start, end, stepMs) => merge(await Promise.all(lookBack.map((h) => h(kpis, start, end, stepMs))));
    }
  }

  async read(at: number): Promise<SourceResult> {
    return merge(await Promise.all(this.sources.map((s) => s.read(at))));
  }
}

const merge = (results: SourceResult[]): SourceResult => {
  const asked = results.some((r) => r.asked) ? results.flatMap((r) => r.asked ?? []) : undefined;
  return { samples: results.flatMap((r) => r.samples), problems: results.flatMap((r) => r.problems), ...(asked ? { asked } : {}) };
};
