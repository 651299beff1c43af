// `npm run faq:unanswered [-- --limit 50]`: the questions the bot could not answer, most asked first, so
// officers can add topics or examples to locales/faq-topics.json.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { PrismaFaqStore } from "../src/db/prisma-faq-store";
import { loadEnvFile } from "../src/env-file";

const { values } = parseArgs({ options: { limit: { type: "string", default: "50" } } });
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
