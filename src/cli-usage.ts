/**
 * Commander's usage errors as README's contract has them: bad input, exit 2
 * (commander exits 1, which scripts read as a crash), and one line that names
 * the flag and what was expected. Commander's own wording is replaced because
 * it spreads over two lines ("(Did you mean …?)") and says "too many
 * arguments" for a mistyped command. --help and --version keep exit 0.
 */
import { CommanderError, InvalidArgumentError, type Command } from 'commander';

/** A usage error already worded as the one line to print. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Makes every command throw instead of exiting, silent: the caller prints the line and picks the code. */
export function strictUsage(root: Command): void {
  for (const cmd of [root, ...root.commands]) {
    cmd.configureOutput({ outputError: () => {} });
    cmd.exitOverride((err) => {
      // Help and version wrote their text already; they end the run with 0, not as an error.
      if (err.exitCode === 0) throw err;
      throw new UsageError(usageLine(cmd, err));
    });
  }
}

/** An option value that must be a name: blank would be audited as nobody. */
export function nameArg(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a name, not blank');
  return value.trim();
}

/** The one line for commander's error `err` on `cmd`, without the "canary-tui: bad input: " prefix. */
export function usageLine(cmd: Command, err: CommanderError): string {
  const where = cmd.parent ? `${cmd.name()} ` : '';
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const flag = (flags: string | undefined) => flags?.split(/[ ,|]+/).find((f) => f.startsWith('--')) ?? flags ?? '?';
  const option = (flags: string | undefined) => cmd.options.find((o) => o.flags === flags);
  switch (err.code) {
    case 'commander.invalidArgument': {
      // "error: option '--speed <n>' argument '0' is invalid. expected a number above 0, e.g. 60"
      const why = err.message.replace(/^.*? is invalid\.\s*/s, '');
      return `${where}${flag(quoted[0])}: ${why}, got ${JSON.stringify(quoted[1] ?? '')}`;
    }
    case 'commander.optionMissingArgument':
      return `${where}${flag(quoted[0])}: expected ${valueOf(quoted[0])} after it`;
    case 'commander.missingMandatoryOptionValue': {
      const o = option(quoted[0]);
      return `${where}${flag(quoted[0])}: missing; expected ${valueOf(quoted[0])}${o?.description ? ` (${o.description})` : ''}`;
    }
    case 'commander.unknownOption': {
      const meant = /Did you mean (\S+?)\?/.exec(err.message)?.[1];
      // The options that run something; --version and --help are for "see --help".
      const known = cmd.options.map((o) => o.long).filter((l) => l && l !== '--version').join(', ');
      return `${where}${quoted[0]}: unknown option${meant ? ` (did you mean ${meant}?)` : ''}; expected one of ${known} (see canary-tui ${where}--help)`;
    }
    case 'commander.excessArguments':
    case 'commander.unknownCommand':
      return cmd.parent ? excessArguments(cmd) : unknownCommand(cmd);
    default:
      return `${where}${err.message.replace(/^error:\s*/, '').split('\n')[0]}`;
  }
}

/** "<file>" from "--config <file>": what the flag takes. */
const valueOf = (flags: string | undefined) => /<[^>]+>|\[[^\]]+\]/.exec(flags ?? '')?.[0] ?? 'a value';

/** The root takes no arguments: a word there is a command that does not exist ("rehers"). */
function unknownCommand(root: Command): string {
  const names = root.commands.map((c) => c.name());
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
  return `${JSON.stringify(root.args[0] ?? '')}: unknown command; expected ${list} (see canary-tui --help)`;
}

function excessArguments(cmd: Command): string {
  const declared = cmd.registeredArguments;
  const extra = cmd.args.map((a) => JSON.stringify(a)).join(' ');
  const names = declared.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
  return `${cmd.name()}: too many arguments (${extra}); expected at most ${declared.length}${names ? ` (${names})` : ''}`;
}
