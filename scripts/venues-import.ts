// `npm run venues:import -- FILE.csv [--posters DIR]`: bulk registration of venues from a CSV file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SingleBar } from "cli-progress";
import { parse } from "csv-parse/sync";
import { runProcessInBackground } from "../src/background-priority";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { PrismaVenueStore } from "../src/db/prisma-venue-store";
import { loadEnvFile } from "../src/env-file";
import { loadDistrict } from "../src/features/venues/district";
import { IMPORT_COLUMNS, type ImportRowResult, importVenues } from "../src/features/venues/venue-import";
import { VenueService } from "../src/features/venues/venue-service";
import { createTextRenderer } from "../src/i18n/i18n";
import { posterUrlWarning } from "../src/public-url-warning";
import { readCommandLine } from "./command-line";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const HELP = `Usage: npm run venues:import -- FILE.csv [--posters DIR]

Registers every venue of a UTF-8 CSV file (comma-separated, first line = header):
  ${IMPORT_COLUMNS.join(",")}
Template: docs/venues-import-template.csv
  name          2–120 characters
  category      one of the codes in the README (government, school, health, shop, food-service, …)
  communeCode   GSO code (e.g. 21040) or commune name (e.g. "Bình Hải")
  address       3–200 characters
  contactName   2–80 characters, no digits
  contactPhone  Vietnamese number in any usual form (0905 123 456, +84905123456, 0255 3822 123)

Re-running the same file registers nothing twice: a row with the same commune, name and address as a
registered venue is reported with that venue's code. Invalid rows are listed with what is wrong and the
others still go in. --posters DIR writes one A4 poster PDF per venue (new and existing).
Exit code: 0 when every row is registered or already was, 1 when some rows are invalid, 2 on usage errors.`;

// An import runs beside the server, often on its machine: people's replies come first (docs/adr/010).
runProcessInBackground();

const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: { posters: { type: "string" } },
  },
  HELP,
);
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(HELP);
  process.exit(2);
}

let rows: Record<string, string>[];
try {
  rows = parse(readFileSync(resolve(file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
} catch (error) {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const missing = IMPORT_COLUMNS.filter((c) => rows.length > 0 && !(c in (rows[0] ?? {})));
if (missing.length > 0) {
  console.error(`Missing column(s): ${missing.join(", ")}. Expected header: ${IMPORT_COLUMNS.join(",")}`);
  process.exit(2);
}

loadEnvFile();
const config = loadConfig(process.env);
// The posters and check-in links carry the server's PUBLIC_URL: one pointing at localhost helps nobody.
const urlWarning = posterUrlWarning(config.publicUrl);
if (urlWarning) console.error(urlWarning);
await migrate(config.DATABASE_URL);
const database = openDatabase(config.DATABASE_URL);
const texts = await createTextRenderer(join(root, "locales"));
const district = loadDistrict(JSON.parse(readFileSync(resolve(root, config.DISTRICT_FILE), "utf8")));
const service = new VenueService(new PrismaVenueStore(database.db), district, texts, config.publicUrl);
if (values.posters) mkdirSync(values.posters, { recursive: true });

// The bar goes to stderr so the report on stdout stays clean for redirection.
const bar = new SingleBar({ format: "{bar} {value}/{total} rows", stream: process.stderr, hideCursor: true });
bar.start(rows.length, 0);
let results: ImportRowResult[];
try {
  results = await importVenues(rows, { service, district }, async (r) => {
    if (values.posters && r.status !== "invalid") {
      writeFileSync(join(values.posters, `poster-${r.venue.code}.pdf`), await service.renderPoster(r.venue));
    }
    bar.increment();
  });
} finally {
  bar.stop();
  await database.close();
}

for (const r of results) {
  if (r.status === "invalid") {
    const why = Object.entries(r.errors).map(
      ([field, key]) => `${field}: ${texts.render({ key: `venues:${key}` }, "en")}`,
    );
    console.log(`line ${r.line}: INVALID — ${why.join("; ")}`);
  } else {
    console.log(
      `line ${r.line}: ${r.status === "created" ? "registered" : "already registered"} ${r.venue.code} ${r.venue.name}`,
    );
  }
}
const count = (s: ImportRowResult["status"]) => results.filter((r) => r.status === s).length;
console.log(
  `${count("created")} registered, ${count("existing")} already registered, ${count("invalid")} invalid`,
);
process.exit(count("invalid") > 0 ? 1 : 0);
