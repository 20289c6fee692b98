/**
 * The one open question, in place of the event log so the layout never
 * grows. Rendering only: the text being typed lives in App's UiState.
 */
import { Box, Text } from 'ink';
import { clipWords } from './fit.js';
import type { PromptState } from './ui-state.js';

const SHOWN_BLOCKERS = 3;

/** Rows the prompt takes with `blockers` shown: the layouts leave it exactly this room. */
export function promptHeight(prompt: PromptState, blockers: number): number {
  if (prompt.kind === 'confirm-rollback') return 1;
  if (prompt.kind === 'override') return 2 + blockers;
  return prompt.override === undefined ? 1 : 2;
}

export const ROLLBACK_QUESTION = 'ROLL BACK canary to 0%? press y to confirm, any other key cancels';
export const APPROVER_QUESTION = 'Gate review (CEO joins): approved by?';
export const OVERRIDE_QUESTION = 'Type a reason to override (Enter to confirm, Esc to cancel)';

/** `maxBlockers` shrinks the list on a short terminal; `width` cuts blockers at a word. */
export function Prompt({ prompt, blockers, maxBlockers = SHOWN_BLOCKERS, width }: { prompt: PromptState; blockers: string[]; maxBlockers?: number; width?: number }) {
  const shownCount = Math.max(0, Math.min(SHOWN_BLOCKERS, maxBlockers, blockers.length));
  if (prompt.kind === 'confirm-rollback') {
    return (
      <Box flexDirection="column">
        <Text bold color="red" wrap="truncate">✖ {ROLLBACK_QUESTION}</Text>
      </Box>
    );
  }
  if (prompt.kind === 'override') {
    const more = blockers.length - shownCount;
    const heading = shownCount === 0 ? '' : more > 0 ? `, first ${shownCount} shown:` : ':';
    return (
      <Box flexDirection="column">
        <Text bold color="yellow" wrap="truncate">
          ▲ Advance is blocked ({blockers.length}){heading}
        </Text>
        {blockers.slice(0, shownCount).map((b, i) => (
          <Text key={i} wrap="truncate">  - {width === undefined ? b : clipWords(b, width - 4)}</Text>
        ))}
        <Field question={OVERRIDE_QUESTION} text={prompt.text} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {prompt.override !== undefined ? <Text wrap="truncate" dimColor>override reason: {prompt.override}</Text> : null}
      <Field question={`${APPROVER_QUESTION} (Enter to record, Esc to cancel)`} text={prompt.text} />
    </Box>
  );
}

/** Question and field on one line; the field keeps its end in view, where the cursor is. */
function Field({ question, text }: { question: string; text: string }) {
  return (
    <Box>
      <Box flexShrink={0}>
        <Text bold>{question} </Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap="truncate-start">
          {'> '}
          {text}
          <Text inverse> </Text>
        </Text>
      </Box>
    </Box>
  );
}
