// `npm run report -- --from 2026-11-16 --to 2026-11-22 --out week.pdf`: the weekly report per commune.
// `--help` explains the options; the work is in src/report-command.ts so tests can run it in-process.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnvFile } from "../src/env-file";
import { runReport } from "../src/report-command";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
loadEnvFile();
process.exitCode = await runReport(process.argv.slice(2), process.env, { root });
