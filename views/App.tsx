/**
 * The war room. Renders the ViewModel it is given and turns keys into named
 * Commands; it owns only what is open on screen (help, a prompt). Whether a
 * gate passes, what time it is and what the engine does are not its business.
 *
 * The layout follows the terminal (layout.ts): compact at 80×24, standard at
 * 120×40, wide at 200×60, re-chosen on every resize. Rows are budgeted here:
 * header, body, notices and footer first; what is left goes to the event log
 * or the open prompt (and, on a tall standard screen, to the chart).
 */
import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Command } from './commands.js';
import { CompactBody, compactBodyHeight } from './CompactBody.js';
import { COMPACT_HEADER_HEIGHT, CompactHeader } from './CompactHeader.js';
import { EventLog } from './EventLog.js';
import { clipWords } from './fit.js';
import { Footer, footerLines } from './Footer.js';
import { PreflightOverlay, preflightHeight } from './PreflightOverlay.js';
import { PostsOverlay, postsHeight } from './PostsOverlay.js';
import { closeIfStale, handleInput } from './handle-key.js';
import { Header } from './Header.js';
import { HelpOverlay, helpHeight } from './HelpOverlay.js';
import { activeKeys } from './keys.js';
import { CHART_MIN_HEIGHT } from './LatencyChart.js';
import { fittingLayout, type LayoutName } from './layout.js';
import { Prompt } from './Prompt.js';
import { StandardBody, standardBodyHeight } from './StandardBody.js';
import { TONE_COLOR } from './status-style.js';
import { TinyBody } from './TinyBody.js';
import { INITIAL_UI, type UiState } from './ui-state.js';
import { useTerminalSize } from './use-terminal-size.js';
import type { ViewModel } from './view-model.js';
import { WideBody, wideBodyHeight } from './WideBody.js';

export type { Command } from './commands.js';

/** The boxed header: border, four lines, border. */
const HEADER_HEIGHT = 6;
/** Event lines at most, per layout; fewer when the terminal is short. */
const EVENT_LINES: Record<LayoutName, number> = { compact: 4, standard: 4, wide: 8 };
/** Rows the standard layout keeps for the event log before it gives any to the chart. */
const EVENTS_ROOM = 1 + EVENT_LINES.standard;
const CHART_MAX_HEIGHT = 16;

const BODY_HEIGHT: Record<LayoutName, (m: ViewModel) => number> = { compact: compactBodyHeight, standard: standardBodyHeight, wide: wideBodyHeight };

export interface AppProps {
  model: ViewModel;
  onCommand: (command: Command) => void;
}

export function App({ model, onCommand }: AppProps) {
  const [ui, setUi] = useState<UiState>(INITIAL_UI);
  // useInput re-subscribes a new handler only when React flushes effects, which may come after the
  // next key ("r" then "y" typed fast): refs let every key see the latest ui state and model.
  const uiRef = useRef(ui);
  const modelRef = useRef(model);
  modelRef.current = model;
  useInput((input, key) => {
    const result = handleInput(modelRef.current, uiRef.current, input, key);
    if (result.ui !== uiRef.current) {
      uiRef.current = result.ui;
      setUi(result.ui);
    }
    for (const command of result.commands) onCommand(command);
  });
  // A prompt opened for one window closes when the window moves under it (an auto-advance, a rollback), and says why.
  useEffect(() => {
    const closed = closeIfStale(model, uiRef.current);
    if (!closed) return;
    uiRef.current = closed.ui;
    setUi(closed.ui);
    if (closed.command) onCommand(closed.command);
  }, [model, onCommand]);
  const { columns, rows } = useTerminalSize();
  const prompt = ui.prompt;
  const keys = activeKeys(model, prompt ? ui : { ...ui, prompt: null });
  const footerHeight = footerLines(keys, columns).length;
  const chromeOf = (l: LayoutName) => (l === 'compact' ? COMPACT_HEADER_HEIGHT : HEADER_HEIGHT) + (model.banner ? 1 : 0) + model.notices.length + (model.flash ? 1 : 0) + footerHeight;
  // Chosen by the panels, not the help overlay, so opening help never re-lays the screen.
  const layout = fittingLayout(columns, rows, (l) => chromeOf(l) + BODY_HEIGHT[l](model));
  // Not even the compact grid fits: header kept, the most urgent rows only (TinyBody.tsx).
  const tiny = layout === 'compact' && chromeOf('compact') + compactBodyHeight(model) > rows;
  // Rows left under the header, body, notices and footer go to the chart (standard, when tall) and the event log or prompt.
  const preflightOpen = ui.preflightOpen === true && model.release !== null && !ui.helpOpen;
  const shownPost = ui.posts !== undefined && model.posts !== null && !ui.helpOpen && !preflightOpen ? ui.posts : null;
  // The post gets the rows under the header and above the footer, less its frame and a prompt's two.
  const postRows = rows - chromeOf(layout) - 4 - 2;
  const overlay = ui.helpOpen ? helpHeight(model) : preflightOpen ? preflightHeight(model.release!) : shownPost ? postsHeight(model.posts!.texts[shownPost], postRows) : null;
  let spare = tiny ? 0 : rows - chromeOf(layout) - (overlay ?? BODY_HEIGHT[layout](model));
  const chartHeight = layout === 'standard' && overlay === null && spare - EVENTS_ROOM >= CHART_MIN_HEIGHT ? Math.min(CHART_MAX_HEIGHT, spare - EVENTS_ROOM) : 0;
  spare -= chartHeight;
  return (
    <Box flexDirection="column" width={columns}>
      {layout === 'compact' ? <CompactHeader header={model.header} width={columns} /> : <Header header={model.header} width={columns} release={model.release} />}
      {model.banner ? (
        <Text wrap="truncate" bold inverse color="red">
          {clipWords(` ✖ ${model.banner} `, columns)}
        </Text>
      ) : null}
      {ui.helpOpen && tiny ? (
        <Text wrap="truncate" dimColor>{clipWords('help needs 80×24; the footer lists the keys; ? closes', columns)}</Text>
      ) : ui.helpOpen ? (
        <HelpOverlay model={model} width={columns} />
      ) : preflightOpen ? (
        <PreflightOverlay release={model.release!} width={columns} />
      ) : shownPost ? (
        <PostsOverlay shown={shownPost} text={model.posts!.texts[shownPost]} width={columns} maxLines={postRows} />
      ) : tiny ? (
        <TinyBody model={model} width={columns} rows={rows - chromeOf('compact') - (prompt ? 2 : 0)} />
      ) : layout === 'compact' ? (
        <CompactBody model={model} width={columns} />
      ) : layout === 'standard' ? (
        <StandardBody model={model} width={columns} chartHeight={chartHeight} />
      ) : (
        <WideBody model={model} width={columns} />
      )}
      {prompt ? (
        <Prompt prompt={prompt} blockers={prompt.kind === 'override' && prompt.open ? model.actions.preflightBlockers : model.actions.advanceBlockers} maxBlockers={spare - 2} width={columns} />
      ) : spare >= 2 ? (
        <EventLog events={model.events} max={Math.min(spare - 1, EVENT_LINES[layout])} width={columns} />
      ) : null}
      <Notices model={model} width={columns} />
      <Footer keys={keys} hint="keys go to the prompt above" width={columns} />
    </Box>
  );
}

/** Standing notes, then the latest flash; each one line, never wrapped into the footer. */
function Notices({ model, width }: { model: ViewModel; width: number }) {
  return (
    <>
      {model.notices.map((n, i) => (
        // "! " rather than "note: ": the overlap notice of the default policy is 117 characters and must fit 120.
        <Text key={i} wrap="truncate" color="yellow">
          ! {clipWords(n, width - 2)}
        </Text>
      ))}
      {model.flash ? (
        <Text wrap="truncate" bold color={TONE_COLOR[model.flash.tone]}>
          {model.flash.tone === 'error' ? '✖ ' : model.flash.tone === 'warn' ? '▲ ' : '» '}
          {clipWords(model.flash.text, width - 2)}
        </Text>
      ) : null}
    </>
  );
}
