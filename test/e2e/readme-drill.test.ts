/**
 * README's "A drill in three lines" works as written: the three commands are
 * read out of README itself, `npx canary-tui` run as the built bin, the
 * second one headless (no one at the keys in a test), in a fresh folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function threeLines(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /A drill in three lines:\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no "A drill in three lines" block');
  return block.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim().split(/\s+/));
}

describe("README's drill in three lines", () => {
  it('lists the drills, plays one to its rollback, and shows the score', () => {
    const [list, play, score] = threeLines();
    expect(list!.slice(0, 2)).toEqual(['npx', 'canary-tui']);
    const cwd = mkdtempSync(join(tmpdir(), 'canary-readme-drill-'));
    const listed = execFileSync(process.execPath, [CLI, ...list!.slice(2)], { cwd, encoding: 'utf8' });
    expect(listed).toContain(`${play!.at(-1)}\n`);
    const played = spawnSync(process.execPath, [CLI, ...play!.slice(2), '--headless'], { cwd, encoding: 'utf8' });
    expect(played.status, played.stderr).toBe(3);
    expect(score!.slice(0, 1)).toEqual(['cat']);
    const [folder, pattern] = [score![1]!.slice(0, score![1]!.lastIndexOf('/')), score![1]!.slice(score![1]!.lastIndexOf('/') + 1)];
    const files = readdirSync(join(cwd, folder)).filter((f) => f.endsWith(pattern.replace('*', '')));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(cwd, folder, files[0]!), 'utf8').split('\n')[0]).toBe('Drill score: rolled-back (as the directive requires)');
  });
});
