/**
 * The automatic hold/rollback triggers, each with its countdown: a breach
 * must last its window (and enough consecutive checks) before it fires, and
 * the IC should see that clock running before the canary is pulled. Each row
 * reads as a condition and today's value: "fires > 120 ms for 10m · now 96 ms".
 */
import { Box, Text } from 'ink';
import { bar, cell } from './bar.js';
import { clipWords, widthOf } from './fit.js';
import { Section } from './Section.js';
import { TRIGGER_STYLE } from './status-style.js';
import { fireText, nowText } from './trigger-text.js';
import type { TriggerModel } from './view-model.js';

/** label: the longest default ("Refund/void vs control"); condition: "fires > 120 ms for 10m"; now: "· now 100.6 ms". */
const W = { label: 22, condition: 22, now: 14, bar: 10, checks: 10 } as const;

/** Given a width, the note at the end of a row is cut at a word, not mid-word. */
export function TriggersPanel({ triggers, width }: { triggers: TriggerModel[]; width?: number }) {
  const fired = triggers.filter((t) => t.state === 'fired').length;
  const breaching = triggers.filter((t) => t.state === 'breaching').length;
  return (
    <Section title="Rollback triggers" aside={`${fired} fired · ${breaching} breaching · ${triggers.length - fired - breaching} armed`} width={width}>
      {triggers.map((t) => {
        const style = TRIGGER_STYLE[t.state];
        const lead = [
          style.symbol,
          cell(t.label, W.label),
          cell(fireText(t), W.condition),
          cell(`· ${nowText(t)}`, W.now),
          `[${bar(t.elapsedMs, t.windowMs, W.bar)}]`,
          // Past the needed count the condition is met; "10/2 checks" would only push the note off screen.
          cell(`${Math.min(t.checks, t.checksNeeded)}/${t.checksNeeded} checks`, W.checks),
        ].join(' ');
        const note = width === undefined ? t.note : clipWords(t.note, Math.max(0, width - widthOf(lead) - 1));
        return (
          <Box key={t.id}>
            <Text wrap="truncate" color={style.color}>
              {lead} {note}
            </Text>
          </Box>
        );
      })}
      {triggers.length === 0 ? <Text dimColor>no check has run yet</Text> : null}
    </Section>
  );
}
