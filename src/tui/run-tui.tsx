/**
 * The war-room face of the engine: renders the App from a fresh view model
 * whenever the engine speaks and once a second for countdowns, skipping
 * redraws when nothing visible changed. Keys arrive as named commands.
 */
import { render } from 'ink';
import { App } from '../../views/App.js';
import { buildViewModel } from '../../views/build-view-model.js';
import type { Command } from '../../views/commands.js';
import type { ViewModel } from '../../views/view-model.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../run/create-engine.js';
import type { EngineEvent } from '../engine/events.js';
import type { Outcome } from '../exit-codes.js';
import { copyReport, saveReport, systemClipboard, type CopyDeps } from '../report/copy-report.js';
import type { WindowSetup } from '../run/setup-window.js';
import { runCommand } from './run-command.js';
import { reportDueToast } from '../../views/report-due.js';
import { POST_KINDS, releasePost, type PostKind } from '../comms/release-posts.js';
import { clearSplash } from '../splash.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { ReplayControls } from './replay-controls.js';
import { scoreDrill, scoreText } from '../engine/drill-score.js';
import { saveScore } from '../run/score-file.js';
import { closeWindow, type WindowLeftovers } from '../aftermath/close-window.js';
import { annotationsSettled } from '../comms/annotate-window.js';

export interface TuiIo {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  copy?: Partial<CopyDeps>;
}

const EVENT_LOG_SIZE = 200;
const REDRAW_EVERY_MS = 1000;
/**
 * A fast replay checks every few milliseconds; nobody reads faster than a
 * tenth of a second. Frames are Ink's costliest allocation (every cell of the
 * screen styled anew), so a replay at ×3000 drawing 20 frames a second peaked
 * at 171–173 MB RSS; at most 5 frames (Ink's leading-edge throttle, so a lone
 * key still draws at once) and one React render per 100 ms burst peak at
 * 145–150 MB (bench/memory.ts). A live window at one check per 15 s is unaffected.
 */
const REDRAW_COALESCE_MS = 100;
const MAX_FPS = 5;

export async function runTui(setup: WindowSetup, io: TuiIo, signal?: AbortSignal): Promise<Outcome> {
  const engine = createEngine(setup);
  // A replay's clock is the IC's to steer (space, + -, ]); a live window's is the wall's.
  const replay = setup.meta.mode !== 'LIVE' && setup.clock instanceof VirtualClock ? new ReplayControls(setup.clock, setup.open === 'ic') : null;
  /** A drill keeps every event (the log keeps 200) and when the report was copied, for its score. */
  const drill: EngineEvent[] | null = setup.meta.mode !== 'LIVE' && !setup.readOnly ? [] : null;
  /** When a report was posted or copied for real (a file in the folder does not count). */
  const copiesAt: number[] = [];
  let reportDueAt: number | null = null;
  let replaySaidAt: string | null = null;
  const events: EngineEvent[] = [];
  let flash: ViewModel['flash'] = null;
  let lastJson = '';
  const stop = new AbortController();
  // SIGTERM (the shell's signal) stops the window like q does, audited by the engine.
  signal?.addEventListener('abort', () => stop.abort());
  const copy: CopyDeps = {
    writeClipboard: systemClipboard, writeTerminal: (b) => io.stdout.write(b),
    dir: join(setup.auditDir, `${setup.windowId}-reports`), now: () => setup.clock.now(), ...io.copy,
  };

  // Everything on screen comes from the engine's read-only view; the chart gets this phase's P95 values.
  const model = (): ViewModel => {
    const view = engine.view();
    return buildViewModel({
      meta: setup.meta, policy: setup.policy, state: view.state, decisions: view.decisions,
      snapshot: view.snapshot, events, adapter: setup.adapter.describe(), flash, health: view.health,
      unconfirmedRollback: view.unconfirmedRollback, ...(setup.readOnly ? { readOnly: setup.readOnly } : {}), now: view.now,
      openBlockers: view.openBlockers, weightUnknown: view.weightUnknown, preflight: view.preflight, lifecycle: view.lifecycle,
      history: { canary: view.p95.canary, control: view.p95.control }, postsTo: setup.slack?.channel ?? null,
      ...(replay ? { replay: replay.state() } : {}),
      reports: { dueAt: reportDueAt, deliveredAt: copiesAt.at(-1) ?? null },
      posts: setup.config ? { texts: postTexts(view), suggested: suggestedPost(view.lifecycle?.stage) } : null,
    });
  };
  /**
   * The four posts, built again only when what they say can have changed (the
   * pre-flight items, its verdict, the region): the model is rebuilt on every
   * redraw, the posts need not be.
   */
  let posts: { key: string; texts: Record<PostKind, string> } | null = null;
  const postTexts = (view: ReturnType<typeof engine.view>): Record<PostKind, string> => {
    const p = view.preflight;
    const key = p ? `${p.go}|${p.region?.rationale ?? ''}|${p.items.map((i) => `${i.status} ${i.detail}`).join('|')}` : '';
    if (posts?.key !== key) posts = { key, texts: Object.fromEntries(POST_KINDS.map((k) => [k, postText(k, view)])) as Record<PostKind, string> };
    return posts.texts;
  };
  /** A #ship-room post from the config and the window now; the ack's trough needs Prometheus history (canary-tui post ack). */
  const postText = (kind: PostKind, view = engine.view()): string => {
    const text = releasePost(kind, { meta: setup.meta, config: setup.config ?? {}, region: view.preflight?.region ?? null, trough: null, preflight: view.preflight, now: view.now });
    return setup.redactor ? setup.redactor.scrub(text) : text;
  };
  const onCommand = (command: Command): void => {
    // A post from the posts view is not the report that falls due.
    const isReport = !('post' in command && command.post);
    const delivered = <T,>(ok: (out: T) => boolean) => (out: T): T => {
      if (ok(out) && isReport) copiesAt.push(setup.clock.now());
      return out;
    };
    const slack = setup.slack ? { post: (text: string) => setup.slack!.post(text).then(delivered((o) => o.ok)), channel: setup.slack.channel } : {};
    void runCommand(engine, command, { copy: (text, post) => copyReport(text, copy, post).then(delivered((o) => o.method !== 'none')), write: (text, post) => saveReport(text, copy, post), postText: (k) => postText(k), ...slack, quit: () => stop.abort(), ...(replay ? { replay: (c) => replay.apply(c) } : {}) }).then((f) => {
      if (f === null && command.type === 'quit') return;
      if (f) flash = f;
      redraw();
    });
  };
  clearSplash(); // the entry's first line gives way to the first frame
  const instance = render(<App model={model()} onCommand={onCommand} />, { stdout: io.stdout, stdin: io.stdin, patchConsole: false, maxFps: MAX_FPS, exitOnCtrlC: false });
  function redraw(): void {
    const next = model();
    const json = JSON.stringify(next);
    if (json === lastJson) return;
    lastJson = json;
    instance.rerender(<App model={next} onCommand={onCommand} />);
  }
  // Events come in bursts (trigger, action, phase, check within one check); one redraw after the
  // burst shows them with the decisions they belong to, never a trigger beside stale gates.
  let pending: NodeJS.Timeout | null = null;
  const scheduleRedraw = () => {
    pending ??= setTimeout(() => {
      pending = null;
      redraw();
    }, REDRAW_COALESCE_MS);
  };
  engine.on((e) => {
    drill?.push(e);
    const said = replay?.onEvent(e);
    if (said) {
      flash = { text: said, tone: 'info' };
      replaySaidAt = e.at;
    }
    if (e.type === 'report') {
      reportDueAt = Date.parse(e.at);
      // The header says it is due either way; the replay's word at the same moment (the wait at T-0) stays.
      if (replaySaidAt !== e.at) flash = { text: reportDueToast(reportDueAt, setup.slack?.channel ?? null), tone: 'warn' };
    }
    events.push(e);
    if (events.length > EVENT_LOG_SIZE) events.shift();
    scheduleRedraw();
  });
  void instance.waitUntilExit().then(() => stop.abort());
  const ticker = setInterval(redraw, REDRAW_EVERY_MS);
  try {
    const opened = await engine.start();
    let outcome: Outcome = opened.ok ? await engine.run(stop.signal) : 'stopped';
    if (outcome === 'ended') flash = { text: 'the recorded window ended before a decision; press q', tone: 'warn' };
    if (drill && outcome !== 'stopped') {
      // The drill's score (drill-score.ts): first line on screen, the whole of it saved beside the audit.
      const score = scoreDrill(drill, outcome, setup.drillExpect, copiesAt);
      const saved = saveScore(setup, score);
      flash = { text: `${scoreText(score).split('\n')[0]} · ${saved.text}; press q`, tone: score.asExpected === false ? 'warn' : 'info' };
    }
    await annotationsSettled(engine);
    const left = closeWindow(setup, engine, outcome, Date.now());
    const auditSize = () => (setup.audit.path && existsSync(setup.audit.path) ? statSync(setup.audit.path).size : 0);
    const packedAt = auditSize();
    if (left) flash = leftoversFlash(left, drill && outcome !== 'stopped' ? flash : null, setup.auditDir);
    redraw();
    // A decided window stays on screen until the IC has read it and pressed q.
    if (outcome !== 'stopped') {
      await new Promise<void>((resolve) => (stop.signal.aborted ? resolve() : stop.signal.addEventListener('abort', () => resolve())));
      // A report copied, written or posted while the decided window was on screen (each audited) goes into the archive too.
      await annotationsSettled(engine);
      if (left && auditSize() !== packedAt) closeWindow(setup, engine, outcome, Date.now());
    }
    return outcome;
  } finally {
    clearInterval(ticker);
    if (pending) clearTimeout(pending);
    instance.unmount();
  }
}

/** The end-of-window files, said after the drill's score when there is one (its first line stays first). */
function leftoversFlash(left: WindowLeftovers, score: ViewModel['flash'], dir: string): ViewModel['flash'] {
  const names = left.files.map((f) => f.slice(f.lastIndexOf('/') + 1)).join(', ');
  // The score's first line stays first; its file sits with the others in the window's folder.
  const lead = score ? `${score.text.split(' · ')[0]} · ` : '';
  const said = left.problem ?? `${names}${score ? ', the score' : ''} and the archive are in ${dir}`;
  return { text: `${lead}${said}; press q`, tone: left.problem ? 'warn' : score?.tone ?? 'info' };
}

/** The post the view opens at: the one the release's stage is about to need. */
function suggestedPost(stage: string | undefined): PostKind {
  if (stage === 'PREPARING') return 't-2h';
  if (stage === 'PRE-FLIGHT') return 't-1h';
  if (stage === undefined) return 'ack';
  return 't-0';
}
