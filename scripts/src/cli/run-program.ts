import { CommanderError, type Command } from "commander";
import type { CliIo } from "./cli-io.js";

/** Exit codes: 0 done, 1 the input was rejected or could not be read, 2 the command line was wrong. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** A wrong command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses `argv` with a commander program that writes to `io` and never exits the process. Returns the program
 * when the command should run, or the exit code when it has already answered (help, a wrong flag).
 */
export async function parseProgram(program: Command, argv: string[], io: CliIo): Promise<Command | number> {
  program
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  try {
    await program.parseAsync(argv, { from: "user" });
    return program;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.help" ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}

/** A comma-separated list option, trimmed, blanks dropped. */
export function toList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
