// `npm run faq:import -- FILE.csv [--publish]` and `npm run faq:import -- --export FILE.csv`: the FAQ content sheet.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { PrismaAuditStore } from "../src/db/prisma-audit-store";
import { PrismaFaqContentStore } from "../src/db/prisma-faq-content-store";
import { loadEnvFile } from "../src/env-file";
import { FaqContentService } from "../src/features/faq/content/faq-content-service";
import { FaqCsvError, faqContentFromCsv, faqContentToCsv } from "../src/features/faq/content/faq-csv";
import { LiveFaqKnowledge } from "../src/features/faq/content/live-faq-knowledge";
import {
  buildPublishedFaq,
  loadMatchingData,
  loadSeedFaqContent,
} from "../src/features/faq/content/published-faq";
import { createLogger } from "../src/logger";
import { readCommandLine } from "./command-line";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const HELP = `Usage: npm run faq:import -- FILE.csv [--publish]
       npm run faq:import -- --export FILE.csv

Imports the FAQ content sheet (the CSV the dashboard's "FAQ content" page downloads; one topic per row).
Every valid topic that differs from the database becomes a draft; with --publish it is published too, and
running servers answer with it within about a second. Invalid rows change nothing and are listed.
--export writes the sheet of the latest version of every topic (a pending draft, else the published one).
A database that has no topics yet is seeded from the locale files first, as a server start would.
Exit code: 0 when every row was imported or unchanged, 1 when some rows were refused, 2 on usage errors.`;

const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: {
      publish: { type: "boolean" },
      export: { type: "string" },
    },
  },
  HELP,
);
const file = positionals[0];
if ((!file && !values.export) || positionals.length > 1) {
  console.error(HELP);
  process.exit(2);
}

loadEnvFile();
const config = loadConfig(process.env);
await migrate(config.DATABASE_URL);
const database = openDatabase(config.DATABASE_URL);
const localesDir = join(root, "locales");
const store = new PrismaFaqContentStore(database.db);
const matching = loadMatchingData(localesDir);
const logger = createLogger("warn");
const knowledge = new LiveFaqKnowledge(store, matching, buildPublishedFaq([], matching, -1), logger);
const service = new FaqContentService(store, knowledge, new PrismaAuditStore(database.db), matching);
let exitCode = 0;
try {
  await service.start(loadSeedFaqContent(localesDir));
  if (values.export) {
    const topics = (await service.list()).flatMap((t) => {
      const latest = t.draft?.content ?? t.published?.content;
      return latest ? [latest] : [];
    });
    writeFileSync(resolve(values.export), faqContentToCsv(topics));
    console.log(`wrote ${topics.length} topics to ${values.export}`);
  }
  if (file) {
    const topics = faqContentFromCsv(readFileSync(resolve(file), "utf8"));
    const result = await service.importAll(
      topics,
      { actor: "import", role: "cli" },
      { publish: values.publish === true },
    );
    console.log(
      `drafts saved: ${result.saved.length}, published: ${result.published.length}, unchanged: ${result.unchanged.length}`,
    );
    for (const refused of result.refused) {
      console.log(
        `refused ${refused.id}: ${refused.errors.map((e) => `${e.field} (${e.reason})`).join(", ")}`,
      );
    }
    if (result.refused.length > 0) exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof FaqCsvError)) throw error;
  console.error(`Cannot read ${file}: ${error.message}`);
  exitCode = 2;
} finally {
  await database.close();
}
process.exit(exitCode);
