/**
 * The shape of a bad-input case and how it is put on disk. A case is a file
 * (absent when `text` is undefined, a folder when `folder` is set) plus any
 * files beside it, and the path inside it the one-line message must name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Case {
  name: string;
  /** File name inside the case's own folder; its extension picks YAML or JSON. */
  file: string;
  text?: string | (() => string);
  /** Write a folder where the file should be. */
  folder?: boolean;
  /** Files beside it (a fixture a config names). */
  beside?: Record<string, string>;
  /** The path the message names after the file: "source.url", "(top level)". */
  path: string;
  /** More the message must say (the limit, the fixture's own path). */
  says?: string[];
}

/** Writes the case under `root/<name>/` and returns the file's absolute path. */
export function writeCase(root: string, c: Case): string {
  const dir = join(root, c.name);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(c.beside ?? {})) writeFileSync(join(dir, name), text);
  const file = join(dir, c.file);
  if (c.folder) mkdirSync(file);
  else if (c.text !== undefined) writeFileSync(file, typeof c.text === 'function' ? c.text() : c.text);
  return file;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What every bad-input line must be: one line, the file, the path, "expected",
 * no stack, short. Returns the failures, empty when the line is right.
 */
export function lineProblems(line: string, file: string, c: Case): string[] {
  const problems: string[] = [];
  if (!new RegExp(`^${escape(file)}: ${escape(c.path)}: `).test(line)) problems.push(`does not start with "${file}: ${c.path}: "`);
  if (!line.includes('expected')) problems.push('does not say "expected"');
  if (/[\r\n]/.test(line)) problems.push('is more than one line');
  if (/\n\s+at /.test(line) || /\bat .+:\d+:\d+\)?$/m.test(line)) problems.push('carries a stack trace');
  if (line.length > 600) problems.push(`is ${line.length} characters long`);
  for (const s of c.says ?? []) if (!line.includes(s)) problems.push(`does not say "${s}"`);
  return problems;
}
