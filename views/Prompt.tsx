/**
 * The one open question, in place of the event log so the layout never
 * grows. Rendering only: the text being typed lives in App's UiState.
 */
import { Box, Text } from 'ink';
import { clipWords } from './fit.js';
import { targetText, type PromptState } from './ui-state.js';

const SHOWN_BLOCKERS = 3;

/** Rows the prompt takes with `blockers` shown: the layouts leave it exactly this room. */
export function promptHeight(prompt: PromptState, blockers: number): number {
  if (prompt.kind === 'closed') return 1;
  if (prompt.kind === 'confirm-rollback' || prompt.kind === 'confirm-open' || prompt.kind === 'confirm-quit' || prompt.kind === 'confirm-post') return 1;
  if (prompt.kind === 'override') return 2 + blockers;
  if (prompt.kind === 'sign') return 1;
  return prompt.override === undefined ? 1 : 2;
}

export const rollbackQuestion = (weight: number) => `ROLL BACK canary ${weight}% → 0%? press y to confirm, any other key cancels`;
export const openQuestion = (from: number, to: number) => `OPEN the window: canary ${from}% → ${to}% on the load balancer? press y to confirm, any other key cancels`;
export const postQuestion = (channel: string, post?: string) => `POST the ${post ? `${post.toUpperCase()} post` : 'report'} to ${channel}? press y to post, any other key cancels`;
export const quitQuestion = (weight: number, status: string) => `QUIT? the canary stays at ${weight}% (window ${status}); press y to quit, any other key stays`;
export const approverQuestion = (target: string) => `Gate review (CEO joins), advance ${target}: approved by?`;
export const openOverrideQuestion = (target: string) => `Open anyway, ${target}: reason? (Enter to confirm, Esc to cancel)`;
export const overrideQuestion = (target: string) => `Override, advance ${target}: reason? (Enter to confirm, Esc to cancel)`;

/** `maxBlockers` shrinks the list on a short terminal; `width` cuts blockers at a word. */
export function Prompt({ prompt, blockers, maxBlockers = SHOWN_BLOCKERS, width }: { prompt: PromptState; blockers: string[]; maxBlockers?: number; width?: number }) {
  const shownCount = Math.max(0, Math.min(SHOWN_BLOCKERS, maxBlockers, blockers.length));
  if (prompt.kind === 'closed') {
    return (
      <Box flexDirection="column">
        <Text bold color="yellow" wrap="truncate">▲ {prompt.why}; Esc or Enter to go on, other keys are ignored</Text>
      </Box>
    );
  }
  if (prompt.kind === 'confirm-rollback' || prompt.kind === 'confirm-open' || prompt.kind === 'confirm-quit' || prompt.kind === 'confirm-post') {
    const question = prompt.kind === 'confirm-post' ? postQuestion(prompt.channel, prompt.post)
      : prompt.kind === 'confirm-rollback' ? rollbackQuestion(prompt.bound.weight)
      : prompt.kind === 'confirm-open' ? openQuestion(prompt.bound.weight, prompt.to)
      : quitQuestion(prompt.bound.weight, prompt.bound.status);
    return (
      <Box flexDirection="column">
        <Text bold color="red" wrap="truncate">✖ {question}</Text>
      </Box>
    );
  }
  if (prompt.kind === 'override') {
    const more = blockers.length - shownCount;
    const heading = shownCount === 0 ? '' : more > 0 ? `, first ${shownCount} shown:` : ':';
    return (
      <Box flexDirection="column">
        <Text bold color="yellow" wrap="truncate">
          ▲ {prompt.open ? 'Pre-flight is NO-GO' : 'Advance is blocked'} ({blockers.length}){heading}
        </Text>
        {blockers.slice(0, shownCount).map((b, i) => (
          <Text key={i} wrap="truncate">  - {width === undefined ? b : clipWords(b, width - 4)}</Text>
        ))}
        <Field question={prompt.open ? openOverrideQuestion(targetText(prompt)) : overrideQuestion(targetText(prompt))} text={prompt.text} width={width} />
      </Box>
    );
  }
  if (prompt.kind === 'sign') {
    const question = prompt.item === undefined
      ? 'Sign which item (infra-lock, security, db-changes, feature-flags, observability, seo, or after GA lift-caps, remove-infra-lock, win-note, cohort-review)?'
      : `Sign ${prompt.item} as (your name, as in the roster)?`;
    return <Field question={`${question} (Enter, Esc cancels)`} text={prompt.text} width={width} />;
  }
  return (
    <Box flexDirection="column">
      {prompt.override !== undefined ? <Text wrap="truncate" dimColor>override reason: {prompt.override}</Text> : null}
      <Field question={`${approverQuestion(targetText(prompt))} (Enter to record, Esc to cancel)`} text={prompt.text} width={width} />
    </Box>
  );
}

/** Question and field on one line; the field keeps its end in view, where the cursor is. On a narrow terminal the question is cut at a word, never wrapped. */
function Field({ question, text, width }: { question: string; text: string; width?: number }) {
  const asked = width === undefined ? question : clipWords(question, Math.max(8, width - 12));
  return (
    <Box>
      <Box flexShrink={0}>
        <Text bold>{asked} </Text>
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
