import { readFileSync, statSync } from "node:fs";
import { access, constants, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { languageFromHint } from "./core/messages";
import { formatDay } from "./core/vietnam-time";
import { openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { PrismaDashboardStore } from "./db/prisma-dashboard-store";
import { reportCsv } from "./features/reports/report-csv";
import { buildReport } from "./features/reports/report-data";
import { chooseCommune, parseReportPeriod, ReportInputError } from "./features/reports/report-input";
import { renderReportPdf } from "./features/reports/report-pdf";
import { loadDistrict } from "./features/venues/district";
import { createTextRenderer, orgNameOf } from "./i18n/i18n";

/** `npm run report -- --help`. */
export const REPORT_HELP = `Report per commune: venues registered, check-ins, subscribers, broadcasts, with totals and targets.

  npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--commune CODE] --out FILE.pdf|FILE.csv [--lang vi|en]

  --from, --to   the period, Vietnam calendar days, both included (16/11/2026 works too)
  --commune      one commune: its 5-digit GSO code or its name ("binh hai" works); repeatable;
                 default: every commune in force for the period (the 22 former units before 1/7/2025,
                 the 5 xã after; a period spanning the change counts former units in the new xã)
  --out          where to write; .pdf = table on page 1, then charts (pdfkit, Be Vietnam Pro embedded),
                 .csv = one row per commune and a total row (UTF-8 with BOM for Excel)
  --lang         labels' and messages' language (default vi)

Reads DATABASE_URL, DISTRICT_FILE and ORG_NAME (the body named in the title) like the server.
Bad input gets one line and exit code 2.`;

/** Runs the report command; returns the process exit code. Output goes to `log` (stdout by default). */
export async function runReport(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: { root: string; log?: (line: string) => void; now?: Date },
): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? new Date();
  const texts = await createTextRenderer(join(options.root, "locales"), { org: orgNameOf(env) });
  let lang = languageFromHint(undefined);
  const label = (key: string, params?: Record<string, string | number>) =>
    texts.render({ key: `dashboard:report.${key}`, ...(params ? { params } : {}) }, lang);
  try {
    const { values } = readOptions(argv);
    lang = languageFromHint(values.lang);
    if (values.help) {
      log(REPORT_HELP);
      return 0;
    }
    const missing = (["from", "to", "out"] as const).filter((k) => !values[k]?.trim());
    if (missing.length)
      throw new ReportInputError("missing", { options: missing.map((k) => `--${k}`).join(", ") });
    const period = parseReportPeriod(values.from ?? "", values.to ?? "");
    const out = await writableOut(values.out ?? "");
    const district = loadDistrict(
      JSON.parse(
        readFileSync(resolve(options.root, env.DISTRICT_FILE ?? "data/districts/binh-son.json"), "utf8"),
      ),
    );
    const communes = values.commune?.length
      ? values.commune.map((typed) => chooseCommune(district, typed, period.to, now))
      : null;
    const url = env.DATABASE_URL ?? "file:./data/app.db";
    await migrate(url);
    const database = openDatabase(url);
    try {
      const report = await buildReport(new PrismaDashboardStore(database.db), district, period, communes);
      const org = orgNameOf(env)[lang];
      const body = /\.csv$/i.test(out)
        ? reportCsv(report, (k) => label(`csv.${k}`))
        : await renderReportPdf(report, label, { org, lang, createdAt: now });
      await writeFile(out, body).catch((error: NodeJS.ErrnoException) => {
        throw new ReportInputError("outUnwritable", { out, reason: error.code ?? error.message });
      });
      for (const note of report.notes) log(label(`notes.${note.key}`, note.params));
      log(
        label("written", {
          from: formatDay(report.from),
          to: formatDay(report.to),
          count: report.rows.length,
          out,
        }),
      );
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    log(label(`errors.${error.key}`, error.params));
    return 2;
  }
}

function readOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        commune: { type: "string", multiple: true },
        out: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ReportInputError("args", { detail: (error as Error).message });
  }
}

/** The --out path, checked before the database is read: a report that cannot be written is not worth building. */
async function writableOut(typed: string): Promise<string> {
  const out = resolve(typed.trim());
  if (!/\.(pdf|csv)$/i.test(out)) throw new ReportInputError("outType", { out: typed });
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new ReportInputError("outUnwritable", { out, reason: "EISDIR" });
  await access(existing ? out : dirname(out), constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new ReportInputError("outUnwritable", { out, reason: error.code ?? error.message });
  });
  return out;
}
