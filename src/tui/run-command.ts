/** Named commands from the keyboard → engine commands; returns what to flash on screen. */
import type { Command } from '../../views/commands.js';
import type { ViewModel } from '../../views/view-model.js';
import type { Engine } from '../engine/engine.js';
import type { CopyOutcome } from '../report/copy-report.js';
import type { ReplayControl } from './replay-controls.js';
import type { PostKind } from '../comms/release-posts.js';

export interface CommandDeps {
  /** Saves the report in the window's folder, then tries the clipboard and OSC 52. */
  copy(text: string, post?: PostKind): Promise<CopyOutcome>;
  /** Saves the report (or the post) in the window's folder; the path, or null when it could not be saved. */
  write(text: string, post?: PostKind): string | null;
  /** Posts to the Slack webhook; absent without a slack section. */
  post?: (text: string) => Promise<{ ok: boolean; detail: string }>;
  /** The channel the webhook posts to. */
  channel?: string;
  quit(): void;
  /** The replay clock's controls; absent in a live window. */
  replay?: (control: ReplayControl) => string;
  /** A #ship-room post as of now (the posts view); absent when the window has none to fill. */
  postText?: (kind: PostKind) => string;
}

export async function runCommand(engine: Engine, command: Command, deps: CommandDeps): Promise<ViewModel['flash']> {
  const operator = engine.deps.meta.operator;
  const said = (r: { ok: boolean; detail: string }, what: string): ViewModel['flash'] =>
    r.ok ? { text: `${what}: ${r.detail}`, tone: 'info' } : { text: `${what} not done: ${r.detail}`, tone: 'error' };
  switch (command.type) {
    case 'open':
      return said(await engine.actions.open(operator, command.bound, command.override), 'open');
    case 'advance': {
      const { type: _t, ...opts } = command;
      return said(await engine.actions.advance(operator, opts), 'advance');
    }
    case 'hold':
      return said(await engine.actions.hold(operator, 'IC hold', command.bound), 'hold');
    case 'resume':
      return said(await engine.actions.resume(operator, 'IC resumes', command.bound), 'resume');
    case 'rollback':
      return said(await engine.actions.rollback(operator, command.reason), 'rollback');
    case 'copy': {
      const out = await deps.copy(textOf(engine, deps, command.post), command.post);
      engine.deps.audit.append({ at: engine.iso(), type: 'report-copy', operator, method: out.method, path: out.path, ...postField(command.post) });
      return { text: command.post ? out.message.replace(/^report/, `${command.post} post`) : out.message, tone: out.method === 'none' ? 'warn' : 'info' };
    }
    case 'write': {
      const path = deps.write(textOf(engine, deps, command.post), command.post);
      engine.deps.audit.append({ at: engine.iso(), type: 'report-write', operator, path, ...postField(command.post) });
      const what = command.post ? `the ${command.post} post` : 'the report';
      return path ? { text: `${what} written to ${path}`, tone: 'info' } : { text: `${what} could not be written to the window folder`, tone: 'error' };
    }
    case 'post': {
      if (!deps.post) return { text: 'no slack section in the config: nothing to post to', tone: 'warn' };
      const text = textOf(engine, deps, command.post);
      // Kept first: a failed post must not lose the text.
      const path = deps.write(text, command.post);
      const out = await deps.post(text);
      engine.deps.audit.append({ at: engine.iso(), type: 'report-post', operator, channel: deps.channel, ok: out.ok, detail: out.detail, path, ...postField(command.post) });
      const kept = path ? `; the text is kept at ${path}` : '';
      return out.ok ? { text: `${command.post ? `${command.post} post` : 'report'} ${out.detail}${kept}`, tone: 'info' } : { text: `post failed: ${out.detail}${kept}`, tone: 'error' };
    }
    case 'sign': {
      const release = engine.release;
      if (!release) return { text: 'this window plans no release: nothing to sign', tone: 'warn' };
      return said(await release.sign(command.item, command.by, engine.clock.now(), engine.iso()), 'sign');
    }
    case 'replay':
      return deps.replay ? { text: deps.replay(command.control), tone: 'info' } : { text: 'a live window has no replay clock', tone: 'warn' };
    case 'prompt-cancelled':
      engine.deps.audit.append({ at: engine.iso(), type: 'prompt-cancelled', operator, why: command.why });
      return { text: command.why, tone: 'warn' };
    case 'quit':
      await engine.stop(operator, 'the IC quit');
      deps.quit();
      return null;
  }
}

/** The report, or the #ship-room post the posts view shows. */
function textOf(engine: Engine, deps: CommandDeps, post: PostKind | undefined): string {
  return post && deps.postText ? deps.postText(post) : engine.report();
}

/** The audit says which post went out; a report's record stays as it was. */
const postField = (post: PostKind | undefined) => (post ? { post } : {});
