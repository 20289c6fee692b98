/**
 * The war room. Renders the ViewModel it is given and turns keys into named
 * Commands; it owns only what is open on screen (help, a prompt). Whether a
 * gate passes, what time it is and what the engine does are not its business.
 */
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import { AnomaliesPanel } from './AnomaliesPanel.js';
import type { Command } from './commands.js';
import { EventLog } from './EventLog.js';
import { Footer } from './Footer.js';
import { GatesPanel } from './GatesPanel.js';
import { handleKey, openPrompt } from './handle-key.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { activeKeys } from './keys.js';
import { LatencyPanel } from './LatencyPanel.js';
import { Prompt } from './Prompt.js';
import { TONE_COLOR } from './status-style.js';
import { TriggersPanel } from './TriggersPanel.js';
import { INITIAL_UI, type UiState } from './ui-state.js';
import type { ViewModel } from './view-model.js';

export type { Command } from './commands.js';

/** Wide enough for the latency table and its "(not gated)" marks; the gates take the rest. */
const LEFT_COLUMN = 59;
/** Event lines shown: with the header, panels and footer this keeps the screen within 40 rows. */
const EVENT_LINES = 4;

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
    const result = handleKey(modelRef.current, uiRef.current, input, key);
    if (result.ui !== uiRef.current) {
      uiRef.current = result.ui;
      setUi(result.ui);
    }
    if (result.command) onCommand(result.command);
  });
  const prompt = openPrompt(model, ui);
  const keys = activeKeys(model, prompt ? ui : { ...ui, prompt: null });
  return (
    <Box flexDirection="column">
      <Header header={model.header} />
      {model.banner ? (
        <Text wrap="truncate" bold inverse color="red">
          {` ✖ ${model.banner} `}
        </Text>
      ) : null}
      {ui.helpOpen ? (
        <HelpOverlay model={model} />
      ) : (
        <>
          <Box>
            <Box flexDirection="column" width={LEFT_COLUMN} flexShrink={0}>
              <LatencyPanel latency={model.latency} />
              <Box marginTop={1}>
                <AnomaliesPanel anomalies={model.anomalies} />
              </Box>
            </Box>
            <Box marginLeft={1} flexGrow={1}>
              <GatesPanel gates={model.gates} flexGrow={1} />
            </Box>
          </Box>
          <Box marginTop={1}>
            <TriggersPanel triggers={model.triggers} />
          </Box>
        </>
      )}
      {prompt ? <Prompt prompt={prompt} blockers={model.actions.advanceBlockers} /> : <EventLog events={model.events} max={EVENT_LINES} />}
      <Notices model={model} />
      <Footer keys={keys} hint="keys go to the prompt above" />
    </Box>
  );
}

/** Standing notes, then the latest flash; each one line, never wrapped into the footer. */
function Notices({ model }: { model: ViewModel }) {
  return (
    <>
      {model.notices.map((n, i) => (
        // "! " rather than "note: ": the overlap notice of the default policy is 117 characters and must fit 120.
        <Text key={i} wrap="truncate" color="yellow">
          ! {n}
        </Text>
      ))}
      {model.flash ? (
        <Text wrap="truncate" bold color={TONE_COLOR[model.flash.tone]}>
          {model.flash.tone === 'error' ? '✖ ' : model.flash.tone === 'warn' ? '▲ ' : '» '}
          {model.flash.text}
        </Text>
      ) : null}
    </>
  );
}
