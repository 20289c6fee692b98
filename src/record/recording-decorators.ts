/**
 * A window records itself by wrapping its parts: the source's every read
 * and the load balancer's every answer go to the recording as they were,
 * before the engine sees them, so a refused query or an outage is in the
 * file exactly as the window met it.
 */
import type { Adapter, VerifyAnswer, WeightAnswer } from '../adapters/adapter.js';
import type { Clock } from '../clock/clock.js';
import type { Source, SourceResult } from '../sources/source.js';
import { encodeValue, type AdapterLine } from './recording-lines.js';
import type { RecordingFile } from './recording-file.js';

export class RecordingSource implements Source {
  readonly name: string;
  readonly history?: Source['history'];

  constructor(private readonly inner: Source, private readonly file: RecordingFile) {
    this.name = inner.name;
    // The chart's refill after a restart is not a check: it is passed through, not recorded.
    if (inner.history) this.history = inner.history.bind(inner);
  }

  async read(at: number): Promise<SourceResult> {
    let result: SourceResult;
    try {
      result = await this.inner.read(at);
    } catch (e) {
      this.file.append({ type: 'read', at, samples: [], problems: [], error: (e as Error).message ?? String(e) });
      throw e;
    }
    this.file.append({
      type: 'read', at,
      samples: result.samples.map((s) => [s.kpi, s.track, s.journey, encodeValue(s.value), s.at]),
      problems: result.problems.map((p) => ({ kind: p.kind, ...(p.kpi ? { kpi: p.kpi } : {}), message: p.message })),
      ...(result.asked ? { asked: [...result.asked] } : {}),
    });
    return result;
  }
}

export function recordingAdapter(inner: Adapter, file: RecordingFile, clock: Clock): Adapter {
  async function recorded<T extends WeightAnswer | VerifyAnswer>(call: AdapterLine['call'], weight: number | undefined, run: () => Promise<T>): Promise<T> {
    const base = { type: 'adapter' as const, at: clock.now(), call, ...(weight === undefined ? {} : { weight }) };
    try {
      const answer = await run();
      file.append({ ...base, answer: 'unsupported' in answer ? { unsupported: true, detail: answer.detail } : { ok: answer.ok, weight: answer.weight, detail: answer.detail } });
      return answer;
    } catch (e) {
      file.append({ ...base, error: (e as Error).message ?? String(e) });
      throw e;
    }
  }
  const verify = inner.verify?.bind(inner);
  return {
    describe: () => inner.describe(),
    getWeight: () => recorded('getWeight', undefined, () => inner.getWeight()),
    setWeight: (w) => recorded('setWeight', w, () => inner.setWeight(w)),
    ...(verify ? { verify: (w: number) => recorded('verify', w, () => verify(w)) } : {}),
  };
}
