import { type ParseArgsConfig, parseArgs } from "node:util";

/** The options of a script, `--help` among them (`-h` too), so every script answers it the same way. */
type ScriptArgs = ParseArgsConfig & { options: { help: { type: "boolean"; short: "h" } } };

/**
 * Reads a script's command line as a person at a terminal needs it: `--help` prints the usage and exits 0; an
 * option the script does not know, or one without its value, prints what is wrong and the usage and exits 2
 * (the scripts' usage-error code), never a stack trace from `node:util`.
 */
export function readCommandLine<T extends ScriptArgs>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}

function isUsageError(error: unknown): error is Error {
  return error instanceof Error && /^ERR_PARSE_ARGS_/.test((error as { code?: string }).code ?? "");
}
