import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { languageFromHint } from "./core/messages";
import { openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { PrismaDashboardStore } from "./db/prisma-dashboard-store";
import { renderReportPdf } from "./features/dashboard/report-pdf";
import { buildWeeklyReport, weeklyReportCsv } from "./features/dashboard/weekly-report";
import { findUnit, loadDistrict } from "./features/venues/district";
import { createTextRenderer, orgNameOf } from "./i18n/i18n";

/** `npm run report -- --help`. */
export const REPORT_HELP = `Weekly report per commune: venues registered, check-ins, subscribers, broadcasts.

  npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--commune CODE] --out FILE.pdf|FILE.csv [--lang vi|en]

  --from, --to   the window, Vietnam calendar days, both included
  --commune      one commune (5-digit GSO code, repeatable); default: every commune of the district
  --out          where to write; .pdf = charts (drawn with pdfkit, Be Vietnam Pro embedded) and table,
                 .csv = one row per commune (UTF-8 with BOM for Excel)
  --lang         labels' language (default vi)

Reads DATABASE_URL and DISTRICT_FILE like the server.`;

/** Runs the report command; returns the process exit code. Output goes to `log` (stdout by default). */
export async function runReport(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: { root: string; log?: (line: string) => void },
): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  let values: { from?: string; to?: string; commune?: string[]; out?: string; lang?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        commune: { type: "string", multiple: true },
        out: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    log(`${(error as Error).message}\n\n${REPORT_HELP}`);
    return 2;
  }
  if (values.help) {
    log(REPORT_HELP);
    return 0;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (
    !values.from ||
    !values.to ||
    !day.test(values.from) ||
    !day.test(values.to) ||
    !values.out ||
    !/\.(pdf|csv)$/i.test(values.out)
  ) {
    log(`Missing or invalid --from, --to or --out.\n\n${REPORT_HELP}`);
    return 2;
  }
  const district = loadDistrict(
    JSON.parse(
      readFileSync(resolve(options.root, env.DISTRICT_FILE ?? "data/districts/binh-son.json"), "utf8"),
    ),
  );
  const unknown = (values.commune ?? []).filter((c) => !findUnit(district, c));
  if (unknown.length) {
    log(`Unknown commune code(s): ${unknown.join(", ")}`);
    return 2;
  }
  const lang = languageFromHint(values.lang);
  const texts = await createTextRenderer(join(options.root, "locales"), { org: orgNameOf(env) });
  const label = (key: string, params?: Record<string, string | number>) =>
    texts.render({ key: `dashboard:report.${key}`, ...(params ? { params } : {}) }, lang);
  const url = env.DATABASE_URL ?? "file:./data/app.db";
  await migrate(url);
  const database = openDatabase(url);
  try {
    const report = await buildWeeklyReport(
      new PrismaDashboardStore(database.db),
      district,
      { from: values.from, to: values.to },
      values.commune?.length ? values.commune : null,
    );
    const out = resolve(values.out);
    if (/\.csv$/i.test(out)) {
      await writeFile(
        out,
        weeklyReportCsv(report, (k) => label(`csv.${k}`)),
      );
    } else {
      await writeFile(out, await renderReportPdf(report, label));
    }
    log(`Report ${report.from} – ${report.to}, ${report.rows.length} commune(s): ${out}`);
    return 0;
  } finally {
    await database.close();
  }
}
