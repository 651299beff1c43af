// `npm run faq:unanswered [-- --limit 50]`: the questions the bot could not answer, most asked first, so
// officers can add topics or examples to locales/faq-topics.json.
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { PrismaFaqStore } from "../src/db/prisma-faq-store";
import { loadEnvFile } from "../src/env-file";
import { readCommandLine } from "./command-line";

const USAGE = `Usage: npm run faq:unanswered [-- --limit 50]

Lists the questions the bot could not answer, could only guess at, or whose answer got a 👎, most asked first.`;
const { values } = readCommandLine({ options: { limit: { type: "string", default: "50" } } }, USAGE);
loadEnvFile();
const config = loadConfig(process.env);
await migrate(config.DATABASE_URL);
const database = openDatabase(config.DATABASE_URL);
try {
  const rows = await new PrismaFaqStore(database.db).listUnanswered(Number(values.limit) || 50);
  if (rows.length === 0) console.log("No unanswered questions.");
  for (const r of rows)
    console.log(`${String(r.count).padStart(4)}  ${r.lastAskedAt.toISOString().slice(0, 10)}  ${r.text}`);
} finally {
  await database.close();
}
