// `npm run report -- --from 2026-11-16 --to 2026-11-22 --out week.pdf`: the report per commune.
// `--help` explains the options; the work is in src/report-command.ts so tests can run it in-process.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnvFile } from "../src/env-file";
import { runReport } from "../src/report-command";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
loadEnvFile();
try {
  process.exitCode = await runReport(process.argv.slice(2), process.env, { root });
} catch (error) {
  // Not the typist's mistake (bad input gets its own line and exit 2): a database or district file that
  // cannot be read. One line, not a stack trace; REPORT_DEBUG=1 shows the trace.
  console.error(`report failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.REPORT_DEBUG) console.error(error);
  process.exitCode = 1;
}
