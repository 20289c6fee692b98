/**
 * The pre-flight view (key f): the directive's T-1h gate item by item, with
 * who signed or what the probe saw; the synthetic monitor per endpoint with
 * its last failure; the DRI roster; after GA the post-success checklist.
 * Every status carries its symbol as well as its colour, for NO_COLOR.
 */
import { Box, Text } from 'ink';
import { clipWords } from './fit.js';
import type { ReleaseItemModel, ReleaseModel } from './release-model.js';
import { statusStyle } from './status-style.js';

const FRAME = 4;
const TITLE_WIDTH = 22;

/** Rows the view takes: border and title, the items, the monitor, the roster (two a line), the checklist after GA. */
export function preflightHeight(r: ReleaseModel): number {
  const monitor = r.monitor.length ? 2 + r.monitor.length : 0;
  const checklist = r.stage === 'POST-SUCCESS' || r.stage.startsWith('FREEZE') ? 2 + r.checklist.length : 0;
  return 3 + r.items.length + (r.region ? 3 : 0) + monitor + 2 + Math.ceil(r.roster.length / 2) + checklist;
}

function ItemRow({ item, inner }: { item: ReleaseItemModel; inner: number }) {
  const s = statusStyle(item.status);
  const lead = `${s.symbol} ${s.word.padEnd(8)}${item.title.padEnd(TITLE_WIDTH)}`;
  return (
    <Text wrap="truncate">
      <Text color={s.color}>{s.symbol} {s.word.padEnd(8)}</Text>
      {item.title.padEnd(TITLE_WIDTH)}
      <Text dimColor={item.status === 'GREEN'}>{clipWords(item.detail, Math.max(0, inner - lead.length))}</Text>
    </Text>
  );
}

export function PreflightOverlay({ release: r, width }: { release: ReleaseModel; width: number }) {
  const inner = width - FRAME;
  const notGreen = r.items.filter((i) => i.status !== 'GREEN').length;
  const verdict = r.go ? 'GO' : `NO-GO (${notGreen} not GREEN)`;
  const afterGa = r.stage === 'POST-SUCCESS' || r.stage.startsWith('FREEZE');
  const half = Math.floor(inner / 2);
  const rosterLines = Array.from({ length: Math.ceil(r.roster.length / 2) }, (_, i) => r.roster.slice(i * 2, i * 2 + 2));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} flexShrink={0}>
      <Text wrap="truncate" bold>
        Pre-flight · <Text color={r.go ? 'green' : 'yellow'}>{verdict}</Text> · stage {r.stage}{r.early ? ` · ${r.early}` : ''} <Text dimColor>(f or Esc closes)</Text>
      </Text>
      {r.items.map((item) => <ItemRow key={item.id} item={item} inner={inner} />)}
      {r.region ? (
        <>
          <Text> </Text>
          <Text wrap="truncate"><Text bold>Canary region</Text> {r.region.chosen ?? '— none chosen'} <Text dimColor>(the rationale goes in the T-2h post)</Text></Text>
          <Text wrap="truncate" dimColor={r.region.chosen !== null}>{clipWords(r.region.rationale, inner)}</Text>
        </>
      ) : null}
      {r.monitor.length ? (
        <>
          <Text> </Text>
          <Text bold>Synthetic monitor</Text>
          {r.monitor.map((m) => (
            <Text key={m.name} wrap="truncate">
              <Text color={m.ok ? 'green' : 'red'}>{m.ok ? '✔' : '✖'}</Text> {m.name.padEnd(TITLE_WIDTH - 2)} {m.result} · {m.latencyMs} ms
              <Text dimColor>{m.lastFailure ? ` · last failure: ${m.lastFailure}` : ' · no failure seen'}</Text>
            </Text>
          ))}
        </>
      ) : null}
      <Text> </Text>
      <Text bold>DRI roster</Text>
      {rosterLines.map((pair, i) => (
        <Text key={i} wrap="truncate">
          {pair.map((p) => clipWords(`${p.role}: ${p.who}`, half - 2).padEnd(half)).join('')}
        </Text>
      ))}
      {afterGa ? (
        <>
          <Text> </Text>
          <Text bold>Post-success checklist</Text>
          {r.checklist.map((item) => <ItemRow key={item.id} item={item} inner={inner} />)}
        </>
      ) : null}
    </Box>
  );
}
