// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the server also does this on start).
import { loadConfig } from "../src/config";
import { migrate } from "../src/db/migrate";
import { loadEnvFile } from "../src/env-file";

loadEnvFile();
const config = loadConfig(process.env);
const applied = await migrate(config.DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
