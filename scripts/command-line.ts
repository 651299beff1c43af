import { type ParseArgsConfig, parseArgs } from "node:util";

/** Every script answers `--help` (and `-h`) the same way, so none has to declare it. */
const HELP = { help: { type: "boolean", short: "h" } } as const;

type WithHelp<T extends ParseArgsConfig> = Omit<T, "options"> & { options: T["options"] & typeof HELP };

/**
 * Reads a script's command line as a person at a terminal needs it: `--help` prints the usage and exits 0; an
 * option the script does not know, or one without its value, prints what is wrong and the usage and exits 2
 * (the scripts' usage-error code), never a stack trace from `node:util`.
 */
export function readCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<WithHelp<T>>> {
  const withHelp = { ...config, options: { ...config.options, ...HELP } } as WithHelp<T>;
  let parsed: ReturnType<typeof parseArgs<WithHelp<T>>>;
  try {
    parsed = parseArgs(withHelp);
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
