import type { Command } from 'commander';

/** The README's exit code for bad input: unknown command or option, missing argument, a value not among the choices. */
export const USAGE_EXIT_CODE = 2;

/**
 * Commander exits 1 on its own usage errors (after printing the message and the help). Exit codes are part of the
 * CLI's contract (scripts branch on them), so every command in the tree exits 2 instead; help and --version stay 0.
 * Call it once after every command is added: `addCommand` does not pass the setting down to subcommands.
 */
export function exitTwoOnUsageErrors(command: Command): Command {
  command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_EXIT_CODE));
  for (const sub of command.commands) exitTwoOnUsageErrors(sub);
  return command;
}
