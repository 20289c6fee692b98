// A load-balancer plugin for canary-tui: export createAdapter(options) returning
// describe(), getWeight(), setWeight() and, optionally, verify(). This one only
// appends each weight to a log file and reads the last line back; replace the
// two file calls with your LB's API. Config:
//   adapter: { type: plugin, module: ./plugin-adapter.mjs, options: { logFile: lb.log } }
import { appendFile, readFile } from 'node:fs/promises';

export function createAdapter({ logFile = 'lb-weights.log' } = {}) {
  const getWeight = async () => {
    const lines = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n');
    const weight = lines.at(-1) ? JSON.parse(lines.at(-1)).weight : null;
    return { ok: weight !== null, weight, detail: weight === null ? `nothing in ${logFile} yet` : `read back ${weight}%` };
  };
  return {
    describe: () => `example plugin (logs to ${logFile})`,
    getWeight,
    async setWeight(weight) {
      await appendFile(logFile, `${JSON.stringify({ at: new Date().toISOString(), weight })}\n`);
      return { ok: true, weight, detail: `logged ${weight}% to ${logFile}` };
    },
    async verify(expected) {
      const back = await getWeight();
      return back.ok && back.weight !== expected ? { ...back, ok: false, detail: `read back ${back.weight}%, expected ${expected}%` } : back;
    },
  };
}
